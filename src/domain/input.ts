import { resourceIdProblem, ResourceIdKind } from './ids';
import { STRUCT_FIELDS } from './struct-fields.generated';
import { isUnresolved } from './tokens';

/**
 * Shape checks for every public input. Constructs, readers and the audit command call
 * these before anything else, so a wrong type, an out-of-enum string, a non-finite number
 * or a missing field fails at once with a message that names where (construct path or
 * entry point), the property and the value, the way cdk8s-plus constructors do. They never
 * coerce: `'false'` is not `false`, `null` is not "unset", `NaN` is not a number.
 *
 * Values that are unresolved cdktf tokens (strings containing `${`, or cdktf's encoded
 * number tokens) pass the type check and skip value checks; rules see them as unknown.
 */
export class InputError extends Error {
  constructor(
    /** Construct path or entry point, e.g. `Stack/Cluster` or `TerwayClusterOutputs.fromJson`. */
    public readonly where: string,
    /** Property path, e.g. `zones[1].zoneId`. */
    public readonly property: string,
    /** What is wrong, naming the value. */
    public readonly detail: string,
  ) {
    super(`${where}: ${property} ${detail}`);
    this.name = 'InputError';
  }
}

/** Options shared by every check. */
export interface ShapeOptions {
  /** Accept `undefined` (the property may be left out). Default: required. */
  readonly optional?: boolean;
}

/** Options of {@link InputChecker.string}. */
export interface StringShape extends ShapeOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A literal must match; skipped for unresolved tokens. */
  readonly pattern?: RegExp;
  /** What the pattern means, for the message, e.g. `a zone ID such as cn-hangzhou-h`. */
  readonly expected?: string;
}

/** Options of {@link InputChecker.number} and {@link InputChecker.integer}. */
export interface NumberShape extends ShapeOptions {
  readonly min?: number;
  readonly max?: number;
}

/** Options of {@link InputChecker.object}. */
export interface ObjectShape extends ShapeOptions {
  /**
   * The jsii struct the object is (e.g. `TerwayClusterProps`): property names it does not have
   * are refused, with the nearest known name, in it and in the structs it holds. The names come
   * from the jsii assembly (src/domain/struct-fields.generated.ts). TypeScript callers get this
   * from the compiler; JavaScript callers would otherwise have a misspelled option ignored.
   */
  readonly struct?: string;
}

/** Options of {@link InputChecker.array}. */
export interface ArrayShape extends ShapeOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
}

const MAX_SHOWN = 80;

/**
 * The known name a misspelled one most likely means: the same name in another case, else the
 * nearest by edit distance (at most 2, and less than a third of the name), else none.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(name.length / 3));
  for (const k of [...known].sort()) {
    const d = editDistance(lower, k.toLowerCase());
    if (d <= bestDistance && (best === undefined || d < editDistance(lower, best.toLowerCase()))) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insert, delete, substitute one character). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * The jsii struct of a class's props (`<class name>Props`), when the assembly has it: pass `this`,
 * or `new.target` before `super()`. A subclass of a library class (with props of its own that the
 * assembly does not know) gets none, so its extra properties are not refused.
 */
export function propsStructOf(classOrInstance: object): string | undefined {
  const cls = typeof classOrInstance === 'function' ? classOrInstance : classOrInstance.constructor;
  const name = `${cls.name}Props`;
  return Object.prototype.hasOwnProperty.call(STRUCT_FIELDS, name) ? name : undefined;
}

/** The allowed values of an enum check: a string enum object or a list. */
type Allowed<T extends string> = Record<string, T> | ReadonlyArray<T>;

/** Options of a map's keys and values. */
type MapShape = ShapeOptions & { optional?: false };

/** A short, safe rendering of any value for messages (never throws). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'bigint') return `${value}n (a BigInt)`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  try {
    return clip(JSON.stringify(value) ?? 'an object');
  } catch {
    return 'an object';
  }
}

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** True for cdktf's encoded number tokens (a number attribute not known until apply). */
export function isNumberToken(value: number): boolean {
  const buf = new ArrayBuffer(8);
  new Float64Array(buf)[0] = value;
  // Top 16 bits: cdktf's marker of a plain (0xfdff) or list (0xfbff) number token
  // (cdktf tokens/private/encoding).
  const marker = Math.floor(new Uint32Array(buf)[1] / 0x10000);
  return marker === 0xfdff || marker === 0xfbff;
}

/** True for a plain object (not an array, not null, not a class instance such as Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks the inputs of one entry point. Each method returns the value, typed, so
 * callers can check and use in one step; an unusable value throws {@link InputError}.
 */
export class InputChecker {
  constructor(public readonly where: string) {}

  /** A checker for a nested object, e.g. `check.at('zones[0]')`. */
  public at(prefix: string): InputChecker {
    return new PrefixedChecker(this.where, prefix);
  }

  /** Fails with a custom detail (for cross-field shape rules, e.g. "needs cidrBlock or vswitchId"). */
  public fail(property: string, detail: string): never {
    throw new InputError(this.where, this.name(property), detail);
  }

  /** A string; tokens pass; literals are checked against length and pattern. */
  public string(property: string, value: unknown, shape?: StringShape & { optional?: false }): string;
  public string(property: string, value: unknown, shape: StringShape): string | undefined;
  public string(property: string, value: unknown, shape: StringShape = {}): string | undefined {
    if (this.absent(property, value, shape)) return undefined;
    if (typeof value !== 'string') this.wrongType(property, value, 'a string');
    const text = value as string;
    if (isUnresolved(text)) return text;
    if (shape.minLength !== undefined && text.length < shape.minLength) {
      this.fail(property, shape.minLength === 1 ? 'must not be empty.' : `must have at least ${shape.minLength} characters, got ${describeValue(text)} (${text.length}).`);
    }
    if (shape.maxLength !== undefined && text.length > shape.maxLength) {
      this.fail(property, `must have at most ${shape.maxLength} characters, got ${describeValue(text)} (${text.length}).`);
    }
    if (shape.pattern && !shape.pattern.test(text)) {
      this.fail(property, `must be ${shape.expected ?? `a string matching ${shape.pattern}`}, got ${describeValue(text)}.`);
    }
    return text;
  }

  /** Exactly `true` or `false`; strings such as `'false'` are refused, never read as "on". */
  public boolean(property: string, value: unknown, shape?: ShapeOptions & { optional?: false }): boolean;
  public boolean(property: string, value: unknown, shape: ShapeOptions): boolean | undefined;
  public boolean(property: string, value: unknown, shape: ShapeOptions = {}): boolean | undefined {
    if (this.absent(property, value, shape)) return undefined;
    if (typeof value !== 'boolean') this.wrongType(property, value, 'true or false');
    return value as boolean;
  }

  /** A finite number within bounds (number tokens pass). */
  public number(property: string, value: unknown, shape?: NumberShape & { optional?: false }): number;
  public number(property: string, value: unknown, shape: NumberShape): number | undefined;
  public number(property: string, value: unknown, shape: NumberShape = {}): number | undefined {
    return this.numeric(property, value, shape, false);
  }

  /** A whole number within bounds (number tokens pass). */
  public integer(property: string, value: unknown, shape?: NumberShape & { optional?: false }): number;
  public integer(property: string, value: unknown, shape: NumberShape): number | undefined;
  public integer(property: string, value: unknown, shape: NumberShape = {}): number | undefined {
    return this.numeric(property, value, shape, true);
  }

  /** One of the values of a string enum (or of a list of allowed strings). */
  public enumValue<T extends string>(property: string, value: unknown, allowed: Allowed<T>, shape?: ShapeOptions & { optional?: false }): T;
  public enumValue<T extends string>(property: string, value: unknown, allowed: Allowed<T>, shape: ShapeOptions): T | undefined;
  public enumValue<T extends string>(property: string, value: unknown, allowed: Allowed<T>, shape: ShapeOptions = {}): T | undefined {
    if (this.absent(property, value, shape)) return undefined;
    const values: ReadonlyArray<string> = Array.isArray(allowed) ? allowed : Object.values(allowed);
    if (typeof value !== 'string' || !values.includes(value)) {
      this.fail(property, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}.`);
    }
    return value as T;
  }

  /** An array (its items are checked by the caller, e.g. with `at(\`zones[${i}]\`)`). */
  public array(property: string, value: unknown, shape?: ArrayShape & { optional?: false }): unknown[];
  public array(property: string, value: unknown, shape: ArrayShape): unknown[] | undefined;
  public array(property: string, value: unknown, shape: ArrayShape = {}): unknown[] | undefined {
    if (this.absent(property, value, shape)) return undefined;
    if (!Array.isArray(value)) this.wrongType(property, value, 'an array');
    const list = value as unknown[];
    if (shape.minLength !== undefined && list.length < shape.minLength) {
      this.fail(property, `must have at least ${shape.minLength} ${shape.minLength === 1 ? 'entry' : 'entries'}, got ${list.length}.`);
    }
    if (shape.maxLength !== undefined && list.length > shape.maxLength) {
      this.fail(property, `must have at most ${shape.maxLength} entries, got ${list.length}.`);
    }
    return list;
  }

  /** An array of strings (each checked with `item`). */
  public stringArray(property: string, value: unknown, shape?: ArrayShape & { optional?: false }, item?: StringShape): string[];
  public stringArray(property: string, value: unknown, shape: ArrayShape, item?: StringShape): string[] | undefined;
  public stringArray(property: string, value: unknown, shape: ArrayShape = {}, item: StringShape = {}): string[] | undefined {
    const list = this.array(property, value, shape);
    return list?.map((v, i) => this.string(`${property}[${i}]`, v, { ...item, optional: false }));
  }

  /**
   * A plain object (props, nested options); with `struct`, only that struct's property names. An
   * own `__proto__` key (what `JSON.parse` makes of one) is refused: copying it with
   * `obj[key] = value` would replace the prototype and drop the key.
   */
  public object(property: string, value: unknown, shape?: ObjectShape & { optional?: false }): Record<string, unknown>;
  public object(property: string, value: unknown, shape: ObjectShape): Record<string, unknown> | undefined;
  public object(property: string, value: unknown, shape: ObjectShape = {}): Record<string, unknown> | undefined {
    if (this.absent(property, value, shape)) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.wrongType(property, value, 'an object');
    if (Object.prototype.hasOwnProperty.call(value, '__proto__')) this.fail(property, 'has the key "__proto__", which cannot be copied as data; remove it.');
    const object = value as Record<string, unknown>;
    // Top-level props and options are named by their properties alone (`trunkEni`, not `props.trunkEni`).
    if (shape.struct !== undefined) this.knownProperties(object, shape.struct, property === 'props' || property === 'options' ? '' : `${property}.`);
    return object;
  }

  /** Refuses property names the struct (or a struct it holds) does not have, suggesting the nearest. */
  private knownProperties(value: Record<string, unknown>, struct: string, prefix: string): void {
    const fields = STRUCT_FIELDS[struct];
    // A class instance is not a struct literal; a struct extending another library's is not fully known.
    if (fields === undefined || '*' in fields || !isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(fields, key)) {
        const near = nearestName(key, Object.keys(fields));
        this.fail(`${prefix}${key}`, near === undefined
          ? `is not a property of ${struct} (its properties: ${clip(Object.keys(fields).join(', '))}).`
          : `is not a property of ${struct}: did you mean ${near}?`);
      }
      const holds = fields[key];
      const v = value[key];
      if (holds === '' || v === undefined || v === null) continue;
      if (holds.endsWith('[]')) {
        if (Array.isArray(v)) v.forEach((e, i) => isPlainObject(e) && this.knownProperties(e, holds.slice(0, -2), `${prefix}${key}[${i}].`));
      } else if (holds.startsWith('{')) {
        if (isPlainObject(v)) {
          for (const [k, e] of Object.entries(v)) if (isPlainObject(e)) this.knownProperties(e, holds.slice(1, -1), `${prefix}${key}.${k}.`);
        }
      } else if (isPlainObject(v)) {
        this.knownProperties(v, holds, `${prefix}${key}.`);
      }
    }
  }

  /**
   * A value JSON and YAML represent exactly (string, finite number, boolean, null, array, plain
   * object), nested at most `maxDepth` levels; refuses cycles, functions, BigInt, symbols,
   * class instances, `undefined` members and `__proto__` keys with the path of the bad member.
   */
  public jsonValue(property: string, value: unknown, maxDepth: number = 32): unknown {
    const walk = (path: string, v: unknown, depth: number, seen: Set<object>): void => {
      if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) this.fail(path, `must be a JSON value, got ${describeValue(v)}.`);
        return;
      }
      if (typeof v === 'object' && seen.has(v)) this.fail(path, 'refers back to an enclosing object (a cycle); give a tree of plain values.');
      if (depth > maxDepth) this.fail(path, `is nested more than ${maxDepth} levels deep.`);
      if (Array.isArray(v)) {
        seen.add(v);
        v.forEach((item, i) => walk(`${path}[${i}]`, item, depth + 1, seen));
        seen.delete(v);
        return;
      }
      if (isPlainObject(v)) {
        seen.add(v);
        for (const k of Object.keys(v)) {
          const at = `${path}[${JSON.stringify(k)}]`;
          if (k === '__proto__') this.fail(at, 'is a key JavaScript treats as the prototype; rename it.');
          if (v[k] === undefined) this.fail(at, 'is undefined; leave the key out or give a JSON value.');
          walk(at, v[k], depth + 1, seen);
        }
        seen.delete(v);
        return;
      }
      this.fail(path, `must be a JSON value (string, number, boolean, null, array or plain object), got ${describeValue(v)} (${typeof v}).`);
    };
    walk(property, value, 0, new Set());
    return value;
  }

  /** An Alibaba Cloud resource ID of `kind` (`vsw-…`, `sg-…`); unresolved tokens pass. */
  public resourceId(property: string, value: unknown, kind: ResourceIdKind, shape?: ShapeOptions & { optional?: false }): string;
  public resourceId(property: string, value: unknown, kind: ResourceIdKind, shape: ShapeOptions): string | undefined;
  public resourceId(property: string, value: unknown, kind: ResourceIdKind, shape: ShapeOptions = {}): string | undefined {
    const id = this.string(property, value, shape);
    if (id === undefined || isUnresolved(id)) return id;
    const problem = resourceIdProblem(kind, id);
    if (problem !== undefined) this.fail(property, `is wrong: ${problem}.`);
    return id;
  }

  /** An array of resource IDs of `kind`. */
  public resourceIdArray(property: string, value: unknown, kind: ResourceIdKind, shape?: ArrayShape & { optional?: false }): string[];
  public resourceIdArray(property: string, value: unknown, kind: ResourceIdKind, shape: ArrayShape): string[] | undefined;
  public resourceIdArray(property: string, value: unknown, kind: ResourceIdKind, shape: ArrayShape = {}): string[] | undefined {
    return this.array(property, value, shape)?.map((v, i) => this.resourceId(`${property}[${i}]`, v, kind));
  }

  /**
   * A map of string keys to string values (labels, tags, annotations). `undefined` values
   * are refused: they would silently drop the key (an unset environment variable, say).
   */
  public stringMap(property: string, value: unknown, shape?: MapShape, key?: StringShape, val?: StringShape): Record<string, string>;
  public stringMap(property: string, value: unknown, shape: ShapeOptions, key?: StringShape, val?: StringShape): Record<string, string> | undefined;
  public stringMap(
    property: string, value: unknown, shape: ShapeOptions = {}, key: StringShape = {}, val: StringShape = {},
  ): Record<string, string> | undefined {
    const map = this.object(property, value, shape);
    if (map === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const k of Object.keys(map)) {
      this.string(`${property} key`, k, { ...key, optional: false });
      out[k] = this.string(`${property}[${JSON.stringify(k)}]`, map[k], { ...val, optional: false });
    }
    return out;
  }

  protected name(property: string): string {
    return property;
  }

  private numeric(property: string, value: unknown, shape: NumberShape, integer: boolean): number | undefined {
    if (this.absent(property, value, shape)) return undefined;
    const what = integer ? 'a whole number' : 'a finite number';
    if (typeof value !== 'number' || !Number.isFinite(value)) this.wrongType(property, value, what);
    const n = value as number;
    if (isNumberToken(n)) return n;
    if (integer && !Number.isInteger(n)) this.fail(property, `must be ${what}, got ${describeValue(n)}.`);
    if (shape.min !== undefined && n < shape.min) this.fail(property, `must be at least ${shape.min}, got ${describeValue(n)}.`);
    if (shape.max !== undefined && n > shape.max) this.fail(property, `must be at most ${shape.max}, got ${describeValue(n)}.`);
    return n;
  }

  private absent(property: string, value: unknown, shape: ShapeOptions): boolean {
    if (value === undefined) {
      if (shape.optional) return true;
      this.fail(property, 'is required.');
    }
    if (value === null) {
      this.fail(property, shape.optional ? 'is null; leave it out to use the default.' : 'is required, got null.');
    }
    return false;
  }

  private wrongType(property: string, value: unknown, expected: string): never {
    return this.fail(property, `must be ${expected}, got ${typeName(value) === 'string' ? 'the string ' : ''}${describeValue(value)}${typeName(value) === 'string' || typeName(value) === 'NaN' ? '' : ` (${typeName(value)})`}.`);
  }
}

class PrefixedChecker extends InputChecker {
  constructor(where: string, private readonly prefix: string) {
    super(where);
  }

  public at(prefix: string): InputChecker {
    return new PrefixedChecker(this.where, `${this.prefix}.${prefix}`);
  }

  protected name(property: string): string {
    return `${this.prefix}.${property}`;
  }
}

/** Starts checking the inputs of `where` (a construct path or an entry point name). */
export function checkInputs(where: string): InputChecker {
  return new InputChecker(where);
}
