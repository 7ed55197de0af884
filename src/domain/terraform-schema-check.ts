/**
 * Checks synthesized Terraform JSON (the `cdk.tf.json` shape) against provider schemas in the
 * JSON shape of `terraform providers schema -json` (for the library, the pinned aliyun/alicloud
 * schema with the provider's removed fields and simple value validations added). It finds what
 * `terraform validate` and the provider's plan-time validation would reject, without the
 * Terraform CLI or the provider binary. Used by AlicloudSchemaValidation at synth time and by
 * the tests' conformance oracle.
 *
 * For every resource and data source of a provider in the schema (types starting with
 * `<provider name>_`, e.g. `alicloud_`) and for that provider's configuration blocks, it reports:
 * - a resource or data source type the schema doesn't have (unless told to skip them);
 * - arguments that are neither attributes nor nested blocks of the schema (Terraform
 *   meta-arguments such as `count`, `depends_on` or `lifecycle` are allowed; `timeouts` only
 *   where the schema has a `timeouts` block; cdktf `dynamic` blocks are checked by their
 *   `content`);
 * - arguments the provider has removed (Go `Removed:`), which Terraform rejects, and
 *   deprecated arguments that are set (as warnings);
 * - computed-only attributes that are set, and required attributes that are missing or null;
 * - nested blocks with fewer than `min_items` or more than `max_items` items, or in the wrong
 *   JSON shape (`single` blocks are objects; `list`/`set` blocks are arrays of objects, or one
 *   object when `max_items` is 1, as cdktf renders those);
 * - literal values of the wrong type, recursively through lists, sets, maps and objects.
 *   Strings containing `${` (or a `%{` template directive) are Terraform expressions that are
 *   resolved at plan time and match any type.
 *   The check is stricter than Terraform, which would convert `3` to `"3"` or `"true"` to `true`:
 *   typed bindings never render such values, so a mismatch points at a wrong escape-hatch override;
 * - literal values outside what the provider's validation accepts (an attribute's `validation`:
 *   allowed values, a numeric range, a string length, a pattern, JSON);
 * - a `required_providers` version pinned to another provider version than the schema's.
 *
 * Every message starts with the address (`alicloud_vpc.Vpc_1234`, `data.alicloud_zones.Zones`,
 * `provider.alicloud[0]`) and quotes the JSON path inside it, e.g.
 * `alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA: unknown argument "addons[0].nmae"`.
 */

/** A cty type in its JSON form: `"string"`, `["list", "string"]`, `["object", {...}]`, … */
export type CtyType =
  | 'string' | 'number' | 'bool' | 'dynamic'
  | ['list' | 'set' | 'map', CtyType]
  | ['object', { [attribute: string]: CtyType }]
  | ['tuple', CtyType[]];

/** An attribute of a schema block. */
export interface AttributeSchema {
  readonly type: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
  readonly sensitive?: boolean;
  /** The provider's message when the argument was removed (Go `Removed:`); setting it fails. */
  readonly removed?: string;
  /** The provider's plan-time validation of literal values (ValidateFunc), when it is simple. */
  readonly validation?: ValueValidation;
}

/** A simple provider validation of an attribute's literal values (each list or set element). */
export interface ValueValidation {
  /** Allowed values (StringInSlice, case-sensitive, or IntInSlice). */
  readonly oneOf?: ReadonlyArray<string | number>;
  /** Smallest allowed number. */
  readonly min?: number;
  /** Largest allowed number. */
  readonly max?: number;
  /** The number must be whole. */
  readonly integer?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A regular expression the whole string must match. */
  readonly pattern?: string;
  /** The string must be JSON. */
  readonly json?: boolean;
  /** Any one of these validations suffices. */
  readonly anyOf?: ReadonlyArray<ValueValidation>;
}

/** A nested block type of a schema block. */
export interface BlockTypeSchema {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: BlockSchema;
  readonly min_items?: number;
  readonly max_items?: number;
  /** The provider's message when the block was removed (Go `Removed:`); setting it fails. */
  readonly removed?: string;
}

/** A schema block: attributes and nested block types. */
export interface BlockSchema {
  readonly attributes?: { readonly [name: string]: AttributeSchema };
  readonly block_types?: { readonly [name: string]: BlockTypeSchema };
  readonly deprecated?: boolean;
}

/** The schema of a provider, resource or data source. */
export interface SchemaRepresentation {
  readonly version?: number;
  readonly block: BlockSchema;
}

/** One provider's entry in `provider_schemas`. */
export interface ProviderSchema {
  readonly provider?: SchemaRepresentation;
  readonly resource_schemas?: { readonly [type: string]: SchemaRepresentation };
  readonly data_source_schemas?: { readonly [type: string]: SchemaRepresentation };
}

/** The output of `terraform providers schema -json`, plus the provider versions when known. */
export interface ProviderSchemasJson {
  readonly format_version: string;
  readonly provider_schemas: { readonly [source: string]: ProviderSchema };
  /** Version of each provider (not part of the CLI output). */
  readonly provider_versions?: { readonly [source: string]: string };
}

/** The resource and data source types used in synthesized Terraform JSON, sorted. */
export function terraformTypesIn(synthesizedJson: object | string): { resources: string[]; dataSources: string[] } {
  const config = parse(synthesizedJson);
  return {
    resources: Object.keys(asObject(config.resource) ?? {}).sort(),
    dataSources: Object.keys(asObject(config.data) ?? {}).sort(),
  };
}

/** What kind of problem a {@link SchemaProblem} is. */
export enum SchemaProblemKind {
  /** A type, argument or block the schema does not have. */
  UNKNOWN = 'unknown',
  /** An argument or block the provider removed. */
  REMOVED = 'removed',
  /** A required argument or block that is missing. */
  REQUIRED = 'required',
  /** A literal value outside what the provider's validation accepts. */
  VALUE = 'value',
  /** A value of the wrong type or shape, a computed-only attribute set, an item count, a version pin. */
  SHAPE = 'shape',
  /** A deprecated argument or block that is set (Terraform accepts it with a warning). */
  DEPRECATED = 'deprecated',
}

/** One place where a configuration does not conform. */
export interface SchemaProblem {
  readonly kind: SchemaProblemKind;
  /** `alicloud_vpc.Vpc_1234`, `data.alicloud_zones.Zones`, `provider.alicloud[0]`, … */
  readonly address: string;
  /** What is wrong, quoting the JSON path inside the address. */
  readonly message: string;
}

/** Options of {@link schemaProblems}. */
export interface SchemaCheckOptions {
  /** Skip resource and data source types the schema lacks (a pinned subset). Default: report them. */
  readonly skipUnknownTypes?: boolean;
}

/**
 * Checks synthesized Terraform JSON against provider schemas; returns one message per
 * problem except deprecations (empty when it conforms). See the module documentation.
 */
export function conformanceErrors(synthesizedJson: object | string, schema: ProviderSchemasJson): string[] {
  return schemaProblems(synthesizedJson, schema)
    .filter((p) => p.kind !== SchemaProblemKind.DEPRECATED)
    .map((p) => `${p.address}: ${p.message}`);
}

/** Checks synthesized Terraform JSON against provider schemas; every problem, with its kind. */
export function schemaProblems(synthesizedJson: object | string, schema: ProviderSchemasJson, options: SchemaCheckOptions = {}): SchemaProblem[] {
  const config = parse(synthesizedJson);
  const providers = Object.entries(schema.provider_schemas).map(([source, provider]) => ({
    source,
    name: source.split('/').pop()!,
    schema: provider,
    version: schema.provider_versions?.[source],
  }));
  const providerOf = (type: string) => providers.find((p) => type.startsWith(`${p.name}_`));
  const errors: SchemaProblem[] = [];
  const at = (address: string) => (kind: SchemaProblemKind, message: string) => errors.push({ kind, address, message });

  for (const [kind, key, metaArguments] of [
    ['resource', 'resource', RESOURCE_META_ARGUMENTS],
    ['data source', 'data', DATA_META_ARGUMENTS],
  ] as const) {
    for (const [type, instances] of Object.entries(asObject(config[key]) ?? {})) {
      const provider = providerOf(type);
      if (provider === undefined) continue;
      const prefix = key === 'data' ? `data.${type}` : type;
      const entry = (key === 'data' ? provider.schema.data_source_schemas : provider.schema.resource_schemas)?.[type];
      const byName = asObject(instances);
      if (entry === undefined && options.skipUnknownTypes) continue;
      if (byName === undefined) {
        at(prefix)(SchemaProblemKind.SHAPE, `must be an object of ${kind}s by name, got ${jsonType(instances)}`);
        continue;
      }
      for (const [name, body] of Object.entries(byName)) {
        const address = `${prefix}.${name}`;
        if (entry === undefined) {
          at(address)(SchemaProblemKind.UNKNOWN, `unknown ${kind} type "${type}" (not in the ${provider.source} schema)`);
        } else {
          checkBody(body, entry.block, metaArguments, at(address));
        }
      }
    }
  }

  const localNames = providerLocalNames(config);
  for (const [localName, configs] of Object.entries(asObject(config.provider) ?? {})) {
    const source = localNames.get(localName);
    const provider = source !== undefined ? providers.find((p) => p.source === source) : providers.find((p) => p.name === localName);
    const block = provider?.schema.provider?.block;
    if (block === undefined) continue;
    const list = Array.isArray(configs) ? configs : [configs];
    list.forEach((body, i) => checkBody(body, block, PROVIDER_META_ARGUMENTS, at(`provider.${localName}[${i}]`)));
  }

  for (const [localName, source] of localNames) {
    const pinnedVersion = providers.find((p) => p.source === source)?.version;
    const requirement = asObject(asObject(asObject(config.terraform)?.required_providers)?.[localName]);
    const constraint = requirement?.version;
    if (pinnedVersion === undefined || typeof constraint !== 'string') continue;
    const exact = /^\s*=?\s*v?(\d+\.\d+\.\d+)\s*$/.exec(constraint);
    if (exact !== null && exact[1] !== pinnedVersion) {
      at(`terraform.required_providers.${localName}`)(SchemaProblemKind.SHAPE, `version "${constraint}" differs from the schema's provider version ${pinnedVersion}`);
    }
  }
  return errors;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const RESOURCE_META_ARGUMENTS = new Set(['//', 'count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'connection', 'provisioner']);
const DATA_META_ARGUMENTS = new Set(['//', 'count', 'for_each', 'provider', 'depends_on', 'lifecycle']);
const PROVIDER_META_ARGUMENTS = new Set(['//', 'alias', 'version']);
/** Nested block bodies only allow JSON comments. */
const NESTED_META_ARGUMENTS = new Set(['//']);

function parse(synthesizedJson: object | string): JsonObject {
  const value: unknown = typeof synthesizedJson === 'string' ? JSON.parse(synthesizedJson) : synthesizedJson;
  const config = asObject(value as Json);
  if (config === undefined) throw new Error(`synthesized Terraform JSON must be an object, got ${jsonType(value as Json)}`);
  return config;
}

/** Local provider name -> normalized source address, from `terraform.required_providers`. */
function providerLocalNames(config: JsonObject): Map<string, string> {
  const names = new Map<string, string>();
  for (const [localName, requirement] of Object.entries(asObject(asObject(config.terraform)?.required_providers) ?? {})) {
    const source = typeof requirement === 'string' ? undefined : asObject(requirement)?.source;
    if (typeof source !== 'string') continue;
    const parts = source.toLowerCase().split('/');
    names.set(localName, parts.length === 2 ? `registry.terraform.io/${parts.join('/')}` : parts.join('/'));
  }
  return names;
}

type Report = (kind: SchemaProblemKind, message: string) => void;

/** Checks a resource, data source or provider body (top level, with meta-arguments). */
function checkBody(body: Json, block: BlockSchema, metaArguments: ReadonlySet<string>, report: Report): void {
  const object = asObject(body);
  if (object === undefined) return report(SchemaProblemKind.SHAPE, `must be an object, got ${jsonType(body)}`);
  checkBlock(object, block, '', metaArguments, report);
}

/** Checks the arguments of one block instance; `at` is its JSON path ('' at the top). */
function checkBlock(body: JsonObject, block: BlockSchema, at: string, metaArguments: ReadonlySet<string>, report: Report): void {
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const dynamicBlocks = new Set<string>();

  for (const [key, value] of Object.entries(body)) {
    const where = join(at, key);
    const attribute = own(attributes, key);
    const blockType = own(blockTypes, key);
    if (attribute !== undefined) {
      if (value === null) continue;
      if (attribute.removed !== undefined) {
        report(SchemaProblemKind.REMOVED, `argument "${where}" was removed from the provider: ${attribute.removed}`);
      } else if (attribute.computed && !attribute.optional && !attribute.required) {
        report(SchemaProblemKind.SHAPE, `"${where}" is computed-only and cannot be set`);
      } else {
        if (attribute.deprecated) report(SchemaProblemKind.DEPRECATED, `argument "${where}" is deprecated by the provider`);
        checkValue(value, attribute.type, where, report, attribute.validation);
      }
    } else if (blockType !== undefined) {
      if (blockType.removed !== undefined) {
        report(SchemaProblemKind.REMOVED, `block "${where}" was removed from the provider: ${blockType.removed}`);
      } else {
        if (blockType.block.deprecated) report(SchemaProblemKind.DEPRECATED, `block "${where}" is deprecated by the provider`);
        checkNestedBlock(value, blockType, where, report);
      }
    } else if (key === 'dynamic' && asObject(value) !== undefined) {
      for (const [name, spec] of Object.entries(asObject(value)!)) {
        dynamicBlocks.add(name);
        checkDynamicBlock(spec, own(blockTypes, name), join(where, name), report);
      }
    } else if (!metaArguments.has(key)) {
      report(SchemaProblemKind.UNKNOWN, `unknown argument "${where}"`);
    }
  }

  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && (body[name] === undefined || body[name] === null)) {
      report(SchemaProblemKind.REQUIRED, `missing required argument "${join(at, name)}"`);
    }
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    const min = blockType.min_items ?? 0;
    if (min > 0 && !dynamicBlocks.has(name) && (body[name] === undefined || body[name] === null)) {
      report(SchemaProblemKind.REQUIRED, `missing required block "${join(at, name)}" (at least ${min} item${min === 1 ? '' : 's'})`);
    }
  }
}

/** Checks the value of a nested block argument: its JSON shape, item counts and contents. */
function checkNestedBlock(value: Json, blockType: BlockTypeSchema, where: string, report: Report): void {
  if (value === null) return;
  const object = asObject(value);
  let items: Array<{ item: Json; at: string }>;
  switch (blockType.nesting_mode) {
    case 'single':
    case 'group':
      if (object === undefined) {
        report(SchemaProblemKind.SHAPE, `block "${where}" must be an object (nesting mode ${blockType.nesting_mode}), got ${jsonType(value)}`);
        return;
      }
      items = [{ item: object, at: where }];
      break;
    case 'list':
    case 'set':
      if (Array.isArray(value)) {
        items = value.map((item, i) => ({ item, at: `${where}[${i}]` }));
      } else if (object !== undefined && blockType.max_items === 1) {
        items = [{ item: object, at: where }];
      } else {
        const expected = blockType.max_items === 1 ? 'an array of objects or one object' : 'an array of objects';
        report(SchemaProblemKind.SHAPE, `block "${where}" must be ${expected} (nesting mode ${blockType.nesting_mode}), got ${jsonType(value)}`);
        return;
      }
      break;
    case 'map':
      if (object === undefined) {
        report(SchemaProblemKind.SHAPE, `block "${where}" must be an object of blocks by key (nesting mode map), got ${jsonType(value)}`);
        return;
      }
      items = Object.entries(object).map(([key, item]) => ({ item, at: join(where, key) }));
      break;
  }

  const min = blockType.min_items ?? 0;
  if (items.length < min) report(SchemaProblemKind.SHAPE, `block "${where}" needs at least ${min} item${min === 1 ? '' : 's'}, got ${items.length}`);
  if (blockType.max_items !== undefined && items.length > blockType.max_items) {
    report(SchemaProblemKind.SHAPE, `block "${where}" allows at most ${blockType.max_items} item${blockType.max_items === 1 ? '' : 's'}, got ${items.length}`);
  }
  for (const { item, at } of items) {
    const body = asObject(item);
    if (body === undefined) {
      report(SchemaProblemKind.SHAPE, `block "${at}" must be an object, got ${jsonType(item)}`);
    } else {
      checkBlock(body, blockType.block, at, NESTED_META_ARGUMENTS, report);
    }
  }
}

/** Checks a cdktf/Terraform `dynamic "<name>" { for_each, iterator, content }` block. */
function checkDynamicBlock(spec: Json, blockType: BlockTypeSchema | undefined, where: string, report: Report): void {
  if (blockType === undefined) {
    report(SchemaProblemKind.UNKNOWN, `unknown block "${where}" in dynamic`);
    return;
  }
  const body = asObject(spec);
  if (body === undefined) {
    report(SchemaProblemKind.SHAPE, `dynamic block "${where}" must be an object, got ${jsonType(spec)}`);
    return;
  }
  for (const key of Object.keys(body)) {
    if (!['for_each', 'iterator', 'labels', 'content'].includes(key)) report(SchemaProblemKind.UNKNOWN, `unknown argument "${join(where, key)}" in dynamic block`);
  }
  if (body.for_each === undefined) report(SchemaProblemKind.SHAPE, `dynamic block "${where}" needs for_each`);
  const content = asObject(body.content ?? null);
  if (content === undefined) {
    report(SchemaProblemKind.SHAPE, `dynamic block "${where}" needs a content object`);
  } else {
    checkBlock(content, blockType.block, join(where, 'content'), NESTED_META_ARGUMENTS, report);
  }
}

/** Checks a literal value against a cty type and, for primitives, the provider's validation. */
function checkValue(value: Json, type: CtyType, where: string, report: Report, validation?: ValueValidation): void {
  if (value === null || isExpression(value) || type === 'dynamic') return;
  const mismatch = () => report(SchemaProblemKind.SHAPE, `"${where}" must be ${typeName(type)}, got ${describe(value)}`);
  if (typeof type === 'string') {
    if ((type === 'bool' ? 'boolean' : type) !== typeof value) return mismatch();
    const problem = validation === undefined ? undefined : validationProblem(value, validation);
    if (problem !== undefined) report(SchemaProblemKind.VALUE, `"${where}" is ${describe(value)}; the provider accepts ${problem}`);
    return;
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      const element = type[1];
      if (!Array.isArray(value)) return mismatch();
      value.forEach((item, i) => checkValue(item, element, `${where}[${i}]`, report, validation));
      return;
    }
    case 'map': {
      const element = type[1];
      const object = asObject(value);
      if (object === undefined) return mismatch();
      Object.entries(object).forEach(([key, item]) => checkValue(item, element, join(where, key), report));
      return;
    }
    case 'object': {
      const attributeTypes = type[1];
      const object = asObject(value);
      if (object === undefined) return mismatch();
      for (const [key, item] of Object.entries(object)) {
        const attributeType = own(attributeTypes, key);
        if (attributeType === undefined) {
          report(SchemaProblemKind.UNKNOWN, `unknown argument "${join(where, key)}"`);
        } else {
          checkValue(item, attributeType, join(where, key), report);
        }
      }
      for (const key of Object.keys(attributeTypes)) {
        if (object[key] === undefined) report(SchemaProblemKind.SHAPE, `"${where}" is missing object attribute "${key}"`);
      }
      return;
    }
    case 'tuple': {
      const elements = type[1];
      if (!Array.isArray(value) || value.length !== elements.length) return mismatch();
      value.forEach((item, i) => checkValue(item, elements[i], `${where}[${i}]`, report));
      return;
    }
  }
}

/** What `value` fails of `validation` (the accepted values, described), or undefined when it passes. */
function validationProblem(value: Json, validation: ValueValidation): string | undefined {
  if (validation.anyOf !== undefined) {
    const problems = validation.anyOf.map((v) => validationProblem(value, v));
    return problems.some((p) => p === undefined) ? undefined : problems.join(', or ');
  }
  if (validation.oneOf !== undefined && !validation.oneOf.includes(value as string | number)) {
    return `only ${validation.oneOf.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (typeof value === 'number') {
    const { min, max, integer } = validation;
    if ((integer && !Number.isInteger(value)) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
      return `${integer ? 'whole numbers' : 'numbers'}${min !== undefined ? ` from ${min}` : ''}${max !== undefined ? ` to ${max}` : ''}`;
    }
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    const { minLength, maxLength } = validation;
    if ((minLength !== undefined && length < minLength) || (maxLength !== undefined && length > maxLength)) {
      return `strings of ${minLength ?? 0} to ${maxLength ?? 'any number of'} characters`;
    }
    if (validation.pattern !== undefined && !new RegExp(validation.pattern).test(value)) return `strings matching ${validation.pattern}`;
    if (validation.json) {
      try {
        JSON.parse(value);
      } catch {
        return 'JSON text';
      }
    }
  }
  return undefined;
}

/** A string with a Terraform interpolation or template directive, resolved at plan time: matches any type. */
function isExpression(value: Json): boolean {
  return typeof value === 'string' && (value.includes('${') || value.includes('%{'));
}

/** Terraform's spelling of a type: `list(string)`, `object({a=number})`. */
function typeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  switch (type[0]) {
    case 'object': return `object({${Object.entries(type[1]).map(([k, t]) => `${k}=${typeName(t)}`).join(', ')}})`;
    case 'tuple': return `tuple([${type[1].map(typeName).join(', ')}])`;
    default: return `${type[0]}(${typeName(type[1])})`;
  }
}

function describe(value: Json): string {
  return typeof value === 'object' && value !== null ? jsonType(value) : `${jsonType(value)} ${JSON.stringify(value)}`;
}

function jsonType(value: Json | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

function asObject(value: Json | undefined): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

/** `record[key]`, but only for own properties (so `constructor` or `__proto__` are not found). */
function own<T>(record: { readonly [key: string]: T }, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Appends a key to a JSON path: `a.b`, or `a["managed-by"]` for keys that are not identifiers. */
function join(at: string, key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return `${at}[${JSON.stringify(key)}]`;
  return at === '' ? key : `${at}.${key}`;
}

/** Per resource type, per argument path (`a` or `block.a`): the provider's removal message. */
export interface RemovedArguments {
  readonly [type: string]: { readonly [path: string]: string };
}

/** Per resource type, per argument path (`a` or `block.a`): the provider's value validation. */
export interface ValueValidations {
  readonly [type: string]: { readonly [path: string]: ValueValidation };
}

/**
 * Adds removal messages and value validations to the resource schemas of the provider
 * `source` (a new object; the input is not changed). Fails on a path the schema lacks, so
 * the tables cannot drift from the schema.
 */
export function annotateSchema(
  schema: ProviderSchemasJson, source: string, removed: RemovedArguments, validations: ValueValidations,
): ProviderSchemasJson {
  const copy = JSON.parse(JSON.stringify(schema)) as ProviderSchemasJson;
  const resources = copy.provider_schemas[source]?.resource_schemas ?? {};
  const locate = (type: string, path: string): { block: BlockSchema; name: string } => {
    const parts = path.split('.');
    let block = own(resources, type)?.block;
    for (const part of parts.slice(0, -1)) block = block === undefined ? undefined : own(block.block_types ?? {}, part)?.block;
    const name = parts[parts.length - 1];
    if (block === undefined || (own(block.attributes ?? {}, name) === undefined && own(block.block_types ?? {}, name) === undefined)) {
      throw new Error(`${type}: no argument "${path}" in the ${source} schema`);
    }
    return { block, name };
  };
  for (const [type, paths] of Object.entries(removed)) {
    if (type.startsWith('//')) continue;
    for (const [path, message] of Object.entries(paths)) {
      const { block, name } = locate(type, path);
      const target = own(block.attributes ?? {}, name) ?? own(block.block_types ?? {}, name)!;
      (target as { removed?: string }).removed = message;
    }
  }
  for (const [type, paths] of Object.entries(validations)) {
    if (type.startsWith('//')) continue;
    for (const [path, validation] of Object.entries(paths)) {
      const { block, name } = locate(type, path);
      const attribute = own(block.attributes ?? {}, name);
      if (attribute === undefined) throw new Error(`${type}: "${path}" is a block; validations apply to attributes`);
      (attribute as { validation?: ValueValidation }).validation = validation;
    }
  }
  return copy;
}
