/**
 * Writes src/domain/struct-fields.generated.ts from the jsii assembly (`.jsii`, written by every
 * jsii compile): for each struct (props, options, specs) of the library, its property names
 * (own and inherited) and which of them hold structs of the library, so the shared input
 * checker can refuse unknown property names from JavaScript callers ("trunkENI: did you mean
 * trunkEni?") from the same type information the TypeScript declarations and the other
 * languages' bindings come from, not from a hand-kept list.
 *
 *   ts-node scripts/struct-fields.ts [path/to/.jsii]      (runs after every compile: post-compile)
 *
 * test/package/consumer.test.ts fails when the committed file differs from what this script
 * makes of a fresh build's assembly.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
export const STRUCT_FIELDS_FILE = path.join(ROOT, 'src', 'domain', 'struct-fields.generated.ts');

interface TypeRef {
  readonly fqn?: string;
  readonly primitive?: string;
  readonly collection?: { readonly kind: 'array' | 'map'; readonly elementtype: TypeRef };
  readonly union?: { readonly types: TypeRef[] };
}
interface JsiiCallable {
  readonly name?: string;
  readonly static?: boolean;
  readonly parameters?: Array<{ readonly name: string; readonly type: TypeRef }>;
}
interface JsiiType {
  readonly fqn: string;
  readonly kind: string;
  readonly datatype?: boolean;
  readonly interfaces?: string[];
  readonly properties?: Array<{ readonly name: string; readonly type: TypeRef }>;
  readonly initializer?: JsiiCallable;
  readonly methods?: JsiiCallable[];
}
interface Assembly {
  readonly name: string;
  readonly types?: Record<string, JsiiType>;
}

/**
 * Struct name → property → what it holds: `''` (anything the checker does not descend into),
 * `'S'` (struct S), `'S[]'` (array of S), `'{S}'` (map of S). A struct that inherits from a
 * struct of another assembly gets `'*': ''` (its property set is not fully known here: not checked).
 */
export function structFields(assembly: Assembly): Record<string, Record<string, string>> {
  const types = assembly.types ?? {};
  const prefix = `${assembly.name}.`;
  // Top-level structs only: the generated bindings' structs (submodules) are not checked here.
  const own = (fqn: string) => fqn.startsWith(prefix) && !fqn.slice(prefix.length).includes('.') && types[fqn]?.datatype === true;
  const name = (fqn: string) => fqn.slice(prefix.length);
  const holds = (t: TypeRef): string => {
    if (t.fqn && own(t.fqn)) return name(t.fqn);
    if (t.collection && t.collection.elementtype.fqn && own(t.collection.elementtype.fqn)) {
      const el = name(t.collection.elementtype.fqn);
      return t.collection.kind === 'array' ? `${el}[]` : `{${el}}`;
    }
    return '';
  };
  const fieldsOf = (fqn: string): Record<string, string> => {
    const t = types[fqn];
    const out: Record<string, string> = {};
    for (const base of t.interfaces ?? []) Object.assign(out, own(base) ? fieldsOf(base) : { '*': '' });
    for (const p of t.properties ?? []) out[p.name] = holds(p.type);
    return out;
  };
  const result: Record<string, Record<string, string>> = {};
  for (const fqn of Object.keys(types).filter(own).sort()) {
    const fields = fieldsOf(fqn);
    result[name(fqn)] = Object.fromEntries(Object.keys(fields).sort().map((k) => [k, fields[k]]));
  }
  return result;
}

/**
 * Class name → callable (`new`, `static <name>` or `<name>`) → for each parameter, the struct of
 * the library it takes, or `''`: every public constructor and method that takes a struct
 * (props, options). test/package/unknown-properties.test.ts calls each one with a misspelled
 * property name, so a new construct cannot leave the check out.
 */
export function structParameters(assembly: Assembly): Record<string, Record<string, string[]>> {
  const types = assembly.types ?? {};
  const prefix = `${assembly.name}.`;
  const topLevel = (fqn: string) => fqn.startsWith(prefix) && !fqn.slice(prefix.length).includes('.');
  const struct = (t: TypeRef) => (t.fqn && topLevel(t.fqn) && types[t.fqn]?.datatype === true ? t.fqn.slice(prefix.length) : '');
  const result: Record<string, Record<string, string[]>> = {};
  for (const fqn of Object.keys(types).filter((f) => topLevel(f) && types[f].kind === 'class').sort()) {
    const t = types[fqn];
    const callables: Array<[string, JsiiCallable]> = [
      ...(t.initializer ? [['new', t.initializer] as [string, JsiiCallable]] : []),
      ...(t.methods ?? []).map((m) => [`${m.static ? 'static ' : ''}${m.name}`, m] as [string, JsiiCallable]),
    ];
    for (const [key, callable] of callables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const params = (callable.parameters ?? []).map((p) => struct(p.type));
      if (params.some((s) => s !== '')) (result[fqn.slice(prefix.length)] ??= {})[key] = params;
    }
  }
  return result;
}

/** The text of src/domain/struct-fields.generated.ts. */
export function renderStructFields(assembly: Assembly): string {
  return [
    '/* eslint-disable */',
    '// Generated by scripts/struct-fields.ts from the jsii assembly (.jsii): never edit by hand.',
    '// `npx projen compile && npx projen post-compile` regenerates it.',
    '',
    '/**',
    ' * Property names of each struct of the library (own and inherited) and what each holds:',
    " * `''` anything, `'S'` struct S, `'S[]'` an array of S, `'{S}'` a map of S; `'*'` marks a struct",
    ' * whose property set is not fully known (it extends a struct of another library).',
    ' */',
    `export const STRUCT_FIELDS: { readonly [struct: string]: { readonly [property: string]: string } } = ${JSON.stringify(structFields(assembly), undefined, 2)};`,
    '',
    '/**',
    ' * Every public constructor (`new`) and method (`static <name>`, `<name>`) that takes a struct,',
    " * with each parameter's struct (`''`: not a struct). Each must refuse unknown property names",
    ' * (test/package/unknown-properties.test.ts calls them all).',
    ' */',
    `export const STRUCT_PARAMETERS: { readonly [type: string]: { readonly [callable: string]: ReadonlyArray<string> } } = ${JSON.stringify(structParameters(assembly), undefined, 2)};`,
    '',
  ].join('\n');
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? path.join(ROOT, '.jsii'));
  fs.writeFileSync(STRUCT_FIELDS_FILE, renderStructFields(JSON.parse(fs.readFileSync(file, 'utf-8'))));
  console.log(`struct fields: ${path.relative(process.cwd(), STRUCT_FIELDS_FILE)}`);
}
