import { RULES } from './catalog';
import { ENI_CONF_KEYS, EniConfKeySchema } from './eni-conf-schema';
import { violation } from './finding';
import { Finding } from './rules';
import { isUnresolved } from './tokens';
import { atLeast, parseTerwayVersion } from './versions';

/** Options of {@link checkEniConfTypes}. */
export interface EniConfTypeCheckOptions {
  /** What the document is, for messages, e.g. `eni_conf of ConfigMap kube-system/eni-config-fixed`. */
  readonly what: string;
  /** A per-node document is an RFC 7396 merge patch: a top-level `null` deletes the key. */
  readonly mergePatch?: boolean;
  /** The cluster's Terway version, when known: keys removed later are not reported on older versions. */
  readonly terwayVersion?: string;
}

/**
 * The first Terway version that no longer acts on a removed key. enable_eip_pool and allow_eip_rob
 * switch legacy EIP on up to v1.6.4 (daemon/daemon.go); v1.7.0 removed the feature (the
 * types/daemon/config.go field stayed, unused, until v1.9.3). enable_eip_migrate is read up to
 * v1.9.3 and gone from v1.9.6 (commit 8adcc66 "remove deprecated codes").
 * @see https://github.com/AliyunContainerService/terway/blob/v1.6.4/daemon/daemon.go
 * @see https://github.com/AliyunContainerService/terway/blob/v1.9.3/daemon/daemon.go
 */
export const REMOVED_KEY_SINCE: Readonly<Record<string, string>> = {
  enable_eip_pool: '1.7.0',
  allow_eip_rob: '1.7.0',
  enable_eip_migrate: '1.9.6',
};

/**
 * Checks an `eni_conf` document against the key types of Terway's daemon config
 * (derived from schemas/terway/eni-conf.schema.json): a wrong JSON type is TW-ENICONF-007
 * (terwayd cannot parse the document and does not start), a value outside the allowed ones
 * TW-ENICONF-008, a removed key TW-ENICONF-009. Unknown keys are left to the callers (the
 * daemon ignores them). Values containing unresolved tokens (`${`) are not judged.
 */
export function checkEniConfTypes(doc: Readonly<Record<string, unknown>>, options: EniConfTypeCheckOptions): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(doc).sort()) {
    const schema = Object.prototype.hasOwnProperty.call(ENI_CONF_KEYS, key) ? ENI_CONF_KEYS[key] : undefined;
    const value = doc[key];
    if (schema === undefined || value === undefined || (value === null && options.mergePatch)) continue;
    if (schema.deprecated) out.push(...removedKey(key, options));
    for (const p of problems(value, schema, key)) {
      out.push(p.type
        ? violation(RULES.ENICONF_KEY_TYPE, `${options.what}: ${p.message}`, `Write ${p.path} as ${p.expected} (e.g. ${example(p.expected)}); terwayd refuses to start on a wrong JSON type.`)
        : violation(RULES.ENICONF_KEY_VALUE, `${options.what}: ${p.message}`, `Use an allowed value for ${p.path}.`));
    }
  }
  return out;
}

/** TW-ENICONF-009 for a removed key, unless the cluster's Terway version still acts on it. */
function removedKey(key: string, options: EniConfTypeCheckOptions): Finding[] {
  const since = Object.prototype.hasOwnProperty.call(REMOVED_KEY_SINCE, key) ? REMOVED_KEY_SINCE[key] : undefined;
  if (since === undefined) return [violation(RULES.ENICONF_REMOVED_KEY, `${options.what} sets "${key}", which Terway no longer reads.`, `Remove "${key}".`)];
  const version = typeof options.terwayVersion !== 'string' || isUnresolved(options.terwayVersion) ? undefined : parseTerwayVersion(options.terwayVersion);
  if (version && !atLeast(version, since)) return [];
  if (version) {
    return [violation(RULES.ENICONF_REMOVED_KEY, `${options.what} sets "${key}", which Terway v${since} and later no longer act on (the cluster runs ${options.terwayVersion}).`,
      `Remove "${key}".`)];
  }
  return [violation(RULES.ENICONF_REMOVED_KEY, `${options.what} sets "${key}", which Terway no longer reads.`,
    `Remove "${key}" (Terway v${since} and later ignore it), or give the cluster's Terway version (EniConfig cluster.terwayVersion) if it is older than v${since} and needs the key.`)];
}

interface Problem {
  readonly type: boolean;
  readonly path: string;
  readonly message: string;
  readonly expected: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a JSON string',
  integer: 'a JSON integer',
  number: 'a JSON number',
  boolean: 'a JSON boolean (true or false)',
  object: 'a JSON object',
  array: 'a JSON array',
};

function example(expected: string): string {
  return ({ 'a JSON string': '"ipv4"', 'a JSON integer': '5, not "5"', 'a JSON number': '1.5', 'a JSON boolean (true or false)': 'true, not "true"', 'a JSON object': '{}', 'a JSON array': '[]' } as Record<string, string>)[expected] ?? expected;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function isToken(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function problems(value: unknown, schema: EniConfKeySchema, path: string): Problem[] {
  if (isToken(value)) return [];
  if (schema.type !== undefined && !hasType(value, schema.type)) {
    const expected = TYPE_NAMES[schema.type] ?? schema.type;
    return [{ type: true, path, expected, message: `${path} is ${jsonType(value) === 'string' ? `the string ${JSON.stringify(value)}` : `${JSON.stringify(value) ?? String(value)} (${jsonType(value)})`}; Terway expects ${expected}.` }];
  }
  const out: Problem[] = [];
  const bad = (message: string) => out.push({ type: false, path, expected: '', message: `${path} ${message}` });
  if (schema.enum !== undefined && !schema.enum.some((e) => e === value)) {
    bad(`is ${JSON.stringify(value)}; allowed: ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}.`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) bad(`is ${value}; the minimum is ${schema.minimum}.`);
    if (schema.maximum !== undefined && value > schema.maximum) bad(`is ${value}; the maximum is ${schema.maximum}.`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) bad(`must have at least ${schema.minLength} characters.`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) bad(`is ${JSON.stringify(value)}, which is not in the expected format (${schema.pattern}).`);
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) bad(`has ${value.length} entries; at most ${schema.maxItems} are allowed.`);
    if (schema.items !== undefined) value.forEach((v, i) => out.push(...problems(v, schema.items!, `${path}[${i}]`)));
  }
  if (jsonType(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) bad(`needs key "${r}".`);
    for (const [k, v] of Object.entries(obj)) {
      const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub !== undefined) out.push(...problems(v, sub, `${path}.${k}`));
    }
  }
  return out;
}
