/**
 * Checks synthesized Terraform JSON (the `cdk.tf.json` shape) against provider schemas in the
 * JSON shape of `terraform providers schema -json`, by default the pinned aliyun/alicloud schema
 * in schemas/alicloud. It finds what `terraform validate` would reject without needing the
 * Terraform CLI or the provider binary.
 *
 * For every resource and data source of a provider in the schema (types starting with
 * `<provider name>_`, e.g. `alicloud_`) and for that provider's configuration blocks, it reports:
 * - a resource or data source type the schema doesn't have;
 * - arguments that are neither attributes nor nested blocks of the schema (Terraform
 *   meta-arguments such as `count`, `depends_on` or `lifecycle` are allowed; `timeouts` only
 *   where the schema has a `timeouts` block; cdktf `dynamic` blocks are checked by their
 *   `content`);
 * - computed-only attributes that are set, and required attributes that are missing or null;
 * - nested blocks with fewer than `min_items` or more than `max_items` items, or in the wrong
 *   JSON shape (`single` blocks are objects; `list`/`set` blocks are arrays of objects, or one
 *   object when `max_items` is 1, as cdktf renders those);
 * - literal values of the wrong type, recursively through lists, sets, maps and objects.
 *   Strings containing `${` (or a `%{` template directive) are Terraform expressions that are
 *   resolved at plan time and match any type.
 *   The check is stricter than Terraform, which would convert `3` to `"3"` or `"true"` to `true`:
 *   typed bindings never render such values, so a mismatch points at a wrong escape-hatch override;
 * - a `required_providers` version pinned to another provider version than the schema's.
 *
 * Every message starts with the address (`alicloud_vpc.Vpc_1234`, `data.alicloud_zones.Zones`,
 * `provider.alicloud[0]`) and quotes the JSON path inside it, e.g.
 * `alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA: unknown argument "addons[0].nmae"`.
 */
import * as fs from 'fs';
import * as path from 'path';

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
}

/** A nested block type of a schema block. */
export interface BlockTypeSchema {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: BlockSchema;
  readonly min_items?: number;
  readonly max_items?: number;
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
  /** Version of each provider (not part of the CLI output; set by {@link loadPinnedSchema}). */
  readonly provider_versions?: { readonly [source: string]: string };
}

const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schemas', 'alicloud');
const PINNED_FILE = /^aliyun-alicloud-(\d+\.\d+\.\d+)\.schema\.json$/;
const ALICLOUD_SOURCE = 'registry.terraform.io/aliyun/alicloud';

let pinned: ProviderSchemasJson | undefined;

/**
 * The pinned aliyun/alicloud schema (schemas/alicloud/aliyun-alicloud-<version>.schema.json), with
 * `provider_versions` set from the file name. Loaded once.
 */
export function loadPinnedSchema(): ProviderSchemasJson {
  if (pinned === undefined) {
    const file = pinnedSchemaFile();
    const schema = JSON.parse(fs.readFileSync(file.path, 'utf-8')) as ProviderSchemasJson;
    pinned = { ...schema, provider_versions: { ...schema.provider_versions, [ALICLOUD_SOURCE]: file.version } };
  }
  return pinned;
}

/** Path and provider version of the pinned schema file. */
export function pinnedSchemaFile(): { path: string; version: string } {
  const matches = fs.readdirSync(SCHEMA_DIR).filter((f) => PINNED_FILE.test(f));
  if (matches.length !== 1) {
    throw new Error(`expected exactly one aliyun-alicloud-<version>.schema.json in ${SCHEMA_DIR}, found ${matches.length}`);
  }
  return { path: path.join(SCHEMA_DIR, matches[0]), version: PINNED_FILE.exec(matches[0])![1] };
}

/** The resource and data source types used in synthesized Terraform JSON, sorted. */
export function terraformTypesIn(synthesizedJson: object | string): { resources: string[]; dataSources: string[] } {
  const config = parse(synthesizedJson);
  return {
    resources: Object.keys(asObject(config.resource) ?? {}).sort(),
    dataSources: Object.keys(asObject(config.data) ?? {}).sort(),
  };
}

/**
 * Checks synthesized Terraform JSON against provider schemas; returns one message per
 * problem (empty when it conforms). See the module documentation for what is checked.
 */
export function conformanceErrors(synthesizedJson: object | string, schema: ProviderSchemasJson = loadPinnedSchema()): string[] {
  const config = parse(synthesizedJson);
  const providers = Object.entries(schema.provider_schemas).map(([source, provider]) => ({
    source,
    name: source.split('/').pop()!,
    schema: provider,
    version: schema.provider_versions?.[source],
  }));
  const providerOf = (type: string) => providers.find((p) => type.startsWith(`${p.name}_`));
  const errors: string[] = [];

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
      if (byName === undefined) {
        errors.push(`${prefix}: must be an object of ${kind}s by name, got ${jsonType(instances)}`);
        continue;
      }
      for (const [name, body] of Object.entries(byName)) {
        const address = `${prefix}.${name}`;
        if (entry === undefined) {
          errors.push(`${address}: unknown ${kind} type "${type}" (not in the ${provider.source} schema)`);
        } else {
          errors.push(...checkBody(address, body, entry.block, metaArguments));
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
    list.forEach((body, i) => errors.push(...checkBody(`provider.${localName}[${i}]`, body, block, PROVIDER_META_ARGUMENTS)));
  }

  for (const [localName, source] of localNames) {
    const pinnedVersion = providers.find((p) => p.source === source)?.version;
    const requirement = asObject(asObject(asObject(config.terraform)?.required_providers)?.[localName]);
    const constraint = requirement?.version;
    if (pinnedVersion === undefined || typeof constraint !== 'string') continue;
    const exact = /^\s*=?\s*v?(\d+\.\d+\.\d+)\s*$/.exec(constraint);
    if (exact !== null && exact[1] !== pinnedVersion) {
      errors.push(`terraform.required_providers.${localName}: version "${constraint}" differs from the schema's provider version ${pinnedVersion}`);
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

/** Checks a resource, data source or provider body (top level, with meta-arguments). */
function checkBody(address: string, body: Json, block: BlockSchema, metaArguments: ReadonlySet<string>): string[] {
  const object = asObject(body);
  if (object === undefined) return [`${address}: must be an object, got ${jsonType(body)}`];
  const errors: string[] = [];
  checkBlock(object, block, '', metaArguments, (message) => errors.push(`${address}: ${message}`));
  return errors;
}

/** Checks the arguments of one block instance; `at` is its JSON path ('' at the top). */
function checkBlock(body: JsonObject, block: BlockSchema, at: string, metaArguments: ReadonlySet<string>, report: (message: string) => void): void {
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const dynamicBlocks = new Set<string>();

  for (const [key, value] of Object.entries(body)) {
    const where = join(at, key);
    const attribute = own(attributes, key);
    const blockType = own(blockTypes, key);
    if (attribute !== undefined) {
      if (value === null) continue;
      if (attribute.computed && !attribute.optional && !attribute.required) {
        report(`"${where}" is computed-only and cannot be set`);
      } else {
        checkValue(value, attribute.type, where, report);
      }
    } else if (blockType !== undefined) {
      checkNestedBlock(value, blockType, where, report);
    } else if (key === 'dynamic' && asObject(value) !== undefined) {
      for (const [name, spec] of Object.entries(asObject(value)!)) {
        dynamicBlocks.add(name);
        checkDynamicBlock(spec, own(blockTypes, name), join(where, name), report);
      }
    } else if (!metaArguments.has(key)) {
      report(`unknown argument "${where}"`);
    }
  }

  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && (body[name] === undefined || body[name] === null)) {
      report(`missing required argument "${join(at, name)}"`);
    }
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    const min = blockType.min_items ?? 0;
    if (min > 0 && !dynamicBlocks.has(name) && (body[name] === undefined || body[name] === null)) {
      report(`missing required block "${join(at, name)}" (at least ${min} item${min === 1 ? '' : 's'})`);
    }
  }
}

/** Checks the value of a nested block argument: its JSON shape, item counts and contents. */
function checkNestedBlock(value: Json, blockType: BlockTypeSchema, where: string, report: (message: string) => void): void {
  if (value === null) return;
  const object = asObject(value);
  let items: Array<{ item: Json; at: string }>;
  switch (blockType.nesting_mode) {
    case 'single':
    case 'group':
      if (object === undefined) {
        report(`block "${where}" must be an object (nesting mode ${blockType.nesting_mode}), got ${jsonType(value)}`);
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
        report(`block "${where}" must be ${expected} (nesting mode ${blockType.nesting_mode}), got ${jsonType(value)}`);
        return;
      }
      break;
    case 'map':
      if (object === undefined) {
        report(`block "${where}" must be an object of blocks by key (nesting mode map), got ${jsonType(value)}`);
        return;
      }
      items = Object.entries(object).map(([key, item]) => ({ item, at: join(where, key) }));
      break;
  }

  const min = blockType.min_items ?? 0;
  if (items.length < min) report(`block "${where}" needs at least ${min} item${min === 1 ? '' : 's'}, got ${items.length}`);
  if (blockType.max_items !== undefined && items.length > blockType.max_items) {
    report(`block "${where}" allows at most ${blockType.max_items} item${blockType.max_items === 1 ? '' : 's'}, got ${items.length}`);
  }
  for (const { item, at } of items) {
    const body = asObject(item);
    if (body === undefined) {
      report(`block "${at}" must be an object, got ${jsonType(item)}`);
    } else {
      checkBlock(body, blockType.block, at, NESTED_META_ARGUMENTS, report);
    }
  }
}

/** Checks a cdktf/Terraform `dynamic "<name>" { for_each, iterator, content }` block. */
function checkDynamicBlock(spec: Json, blockType: BlockTypeSchema | undefined, where: string, report: (message: string) => void): void {
  if (blockType === undefined) {
    report(`unknown block "${where}" in dynamic`);
    return;
  }
  const body = asObject(spec);
  if (body === undefined) {
    report(`dynamic block "${where}" must be an object, got ${jsonType(spec)}`);
    return;
  }
  for (const key of Object.keys(body)) {
    if (!['for_each', 'iterator', 'labels', 'content'].includes(key)) report(`unknown argument "${join(where, key)}" in dynamic block`);
  }
  if (body.for_each === undefined) report(`dynamic block "${where}" needs for_each`);
  const content = asObject(body.content ?? null);
  if (content === undefined) {
    report(`dynamic block "${where}" needs a content object`);
  } else {
    checkBlock(content, blockType.block, join(where, 'content'), NESTED_META_ARGUMENTS, report);
  }
}

/** Checks a literal value against a cty type. */
function checkValue(value: Json, type: CtyType, where: string, report: (message: string) => void): void {
  if (value === null || isExpression(value) || type === 'dynamic') return;
  const mismatch = () => report(`"${where}" must be ${typeName(type)}, got ${describe(value)}`);
  if (typeof type === 'string') {
    if ((type === 'bool' ? 'boolean' : type) !== typeof value) mismatch();
    return;
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      const element = type[1];
      if (!Array.isArray(value)) return mismatch();
      value.forEach((item, i) => checkValue(item, element, `${where}[${i}]`, report));
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
          report(`unknown argument "${join(where, key)}"`);
        } else {
          checkValue(item, attributeType, join(where, key), report);
        }
      }
      for (const key of Object.keys(attributeTypes)) {
        if (object[key] === undefined) report(`"${where}" is missing object attribute "${key}"`);
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
