/**
 * Schema checks for synthesized Kubernetes manifests and for Terway's `eni_conf` document: what
 * the API server (with kubectl's default strict field validation) would reject before any
 * admission webhook runs. Test support only; it shares no code with src/.
 *
 * How `validateManifest` picks a schema for one object, by `apiVersion` + `kind`:
 * 1. A CustomResourceDefinition in schemas/terway (`*.crd.yaml`) that serves that group/version
 *    and kind (today: PodNetworking, `network.alibabacloud.com/v1beta1`): the version's
 *    `openAPIV3Schema` is compiled with Ajv after turning the structural-schema dialect into
 *    plain JSON Schema: `x-kubernetes-*` keywords are dropped (`int-or-string` becomes
 *    integer-or-string, `preserve-unknown-fields` keeps unknown fields allowed), `default` is only
 *    an annotation (unless `applyDefaults` is set), OpenAPI's `nullable` and boolean
 *    `exclusiveMinimum/Maximum` are honoured, and every object schema with `properties` gets
 *    `additionalProperties: false`, so an unknown field is an error as with `kubectl apply`
 *    (`--validate=strict`; without it the API server would silently prune the field).
 * 2. Otherwise a built-in kind of a GA API group (core `v1`, `apps/v1`, `batch/v1`,
 *    `networking.k8s.io/v1`, `rbac.authorization.k8s.io/v1`, `policy/v1`, `autoscaling/v2`,
 *    `storage.k8s.io/v1`, …): the kubernetes-models class with that `apiVersion`/`kind` and its
 *    `validate()` (upstream OpenAPI types, required fields and enums; kubernetes-models does not
 *    flag unknown fields).
 * 3. Anything else: the error `no schema for <apiVersion> <kind>`.
 *
 * For every object `metadata` is checked like the API server's ObjectMeta validation:
 * `metadata.name` is required (DNS-1123 subdomain; DNS-1123 label for Namespace, DNS-1035 label
 * for Service), `namespace` must be a DNS-1123 label and must be absent for cluster-scoped kinds,
 * label/annotation keys and label values must be valid, and unknown metadata fields are errors.
 *
 * Every error reads `<Kind>/<name>: <JSON path>: <message>`, e.g.
 * `PodNetworking/trunk: spec.allocationType.type: must be equal to one of the allowed values: Elastic, Fixed`.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as admissionregistrationV1 from 'kubernetes-models/admissionregistration.k8s.io/v1';
import * as apiextensionsV1 from 'kubernetes-models/apiextensions.k8s.io/v1';
import * as apiregistrationV1 from 'kubernetes-models/apiregistration.k8s.io/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as certificatesV1 from 'kubernetes-models/certificates.k8s.io/v1';
import * as coordinationV1 from 'kubernetes-models/coordination.k8s.io/v1';
import * as discoveryV1 from 'kubernetes-models/discovery.k8s.io/v1';
import * as eventsV1 from 'kubernetes-models/events.k8s.io/v1';
import * as flowcontrolV1 from 'kubernetes-models/flowcontrol.apiserver.k8s.io/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as nodeV1 from 'kubernetes-models/node.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as rbacV1 from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as schedulingV1 from 'kubernetes-models/scheduling.k8s.io/v1';
import * as storageV1 from 'kubernetes-models/storage.k8s.io/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const TERWAY_SCHEMAS = path.join(ROOT, 'schemas', 'terway');
/** The JSON Schema of the `eni_conf` document. */
export const ENI_CONF_SCHEMA_FILE = path.join(TERWAY_SCHEMAS, 'eni-conf.schema.json');

/** Options of {@link validateManifest}. */
export interface ValidateManifestOptions {
  /**
   * Apply the CRD schema's `default`s before validating, as the API server does when it decodes a
   * custom resource (e.g. a missing `spec.eniOptions` becomes `{eniType: Default}`). Off by
   * default: the object is checked exactly as written.
   */
  readonly applyDefaults?: boolean;
}

// ---------------------------------------------------------------------------------------------
// JSON paths and messages

/** `/spec/selector/matchLabels/app.kubernetes.io~1name` → `spec.selector.matchLabels["app.kubernetes.io/name"]`. */
export function jsonPath(pointer: string, data?: unknown): string {
  if (pointer === '') return '(root)';
  let out = '';
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out += `[${seg}]`;
    } else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) {
      out += out === '' ? seg : `.${seg}`;
    } else {
      out += `[${JSON.stringify(seg)}]`;
    }
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

/** One Ajv error as `<path>: <message>`, with the offending name/values spelled out. */
function formatAjvError(e: ErrorObject, data: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const child = `${e.instancePath}/${String(p.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return `${jsonPath(child, data)}: unknown field`;
    }
    case 'required': {
      const child = `${e.instancePath}/${String(p.missingProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return `${jsonPath(child, data)}: required field is missing`;
    }
    case 'enum':
      return `${jsonPath(e.instancePath, data)}: ${e.message}: ${(p.allowedValues as unknown[]).map((v) => typeof v === 'string' ? v : JSON.stringify(v)).join(', ')}`;
    default:
      return `${jsonPath(e.instancePath, data)}: ${e.message}`;
  }
}

function label(obj: Record<string, unknown>): string {
  const kind = typeof obj.kind === 'string' && obj.kind !== '' ? obj.kind : '<no kind>';
  const meta = obj.metadata as Record<string, unknown> | undefined;
  const name = meta && typeof meta === 'object' && typeof meta.name === 'string' && meta.name !== '' ? meta.name : '<unnamed>';
  return `${kind}/${name}`;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

// ---------------------------------------------------------------------------------------------
// CRDs from schemas/terway

interface CrdVersion {
  readonly crdName: string;
  readonly clusterScoped: boolean;
  readonly validate: ValidateFunction;
  readonly validateWithDefaults: ValidateFunction;
}

/** The Kubernetes-specific formats Ajv doesn't know; the API server doesn't enforce them either. */
const IGNORED_FORMATS = ['int-or-string', 'quantity', 'duration', 'cidr', 'mac', 'ip', 'hostname'];

function newCrdAjv(useDefaults: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, useDefaults, strictTypes: false });
  addFormats(ajv);
  for (const f of IGNORED_FORMATS) if (!ajv.formats[f]) ajv.addFormat(f, true);
  return ajv;
}

/**
 * Turns a structural `openAPIV3Schema` into a JSON Schema (draft-07) that Ajv validates like the
 * API server: see the file comment.
 */
export function structuralToJsonSchema(node: unknown, formats: Set<string> = new Set()): Record<string, unknown> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return {};
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (k.startsWith('x-kubernetes-') || k === 'example' || k === 'externalDocs') continue;
    switch (k) {
      case 'properties':
      case 'patternProperties': {
        const props: Record<string, unknown> = {};
        for (const [name, sub] of Object.entries(v as Record<string, unknown>)) props[name] = structuralToJsonSchema(sub, formats);
        out[k] = props;
        break;
      }
      case 'items':
        out.items = Array.isArray(v) ? v.map((s) => structuralToJsonSchema(s, formats)) : structuralToJsonSchema(v, formats);
        break;
      case 'additionalProperties':
      case 'not':
        out[k] = typeof v === 'boolean' ? v : structuralToJsonSchema(v, formats);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[k] = (v as unknown[]).map((s) => structuralToJsonSchema(s, formats));
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        // OpenAPI 3.0 / draft-04 booleans modify minimum/maximum.
        if (typeof v === 'boolean') {
          const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
          if (v && typeof src[bound] === 'number') out[k] = src[bound];
        } else {
          out[k] = v;
        }
        break;
      case 'minimum':
      case 'maximum':
        if (!(src[k === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true)) out[k] = v;
        break;
      case 'format':
        formats.add(String(v));
        out.format = v;
        break;
      default:
        out[k] = v;
    }
  }
  if (src['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  const preserve = src['x-kubernetes-preserve-unknown-fields'] === true;
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined && !preserve) {
    out.additionalProperties = false;
  }
  if (out.nullable === true && out.type === undefined) delete out.nullable;
  return out;
}

let crdCache: Map<string, CrdVersion> | undefined;

/** Every served version of every CRD in schemas/terway, by `<group>/<version> <Kind>`. */
function crdSchemas(): Map<string, CrdVersion> {
  if (crdCache) return crdCache;
  const ajv = newCrdAjv(false);
  const ajvDefaults = newCrdAjv(true);
  const map = new Map<string, CrdVersion>();
  const files = fs.readdirSync(TERWAY_SCHEMAS).filter((f) => f.endsWith('.crd.yaml')).sort();
  for (const file of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(TERWAY_SCHEMAS, file), 'utf-8'))) {
      const crd = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: any } | null;
      if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions ?? []) {
        if (version.served === false) continue;
        const formats = new Set<string>();
        const schema = structuralToJsonSchema(version.schema?.openAPIV3Schema ?? { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true }, formats);
        // metadata is checked by checkMetadata (the API server validates it as ObjectMeta, not by the CRD schema).
        if (schema.properties && typeof schema.properties === 'object') {
          (schema.properties as Record<string, unknown>).metadata = { type: 'object' };
        }
        for (const a of [ajv, ajvDefaults]) for (const f of formats) if (!a.formats[f]) a.addFormat(f, true);
        map.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, {
          crdName: crd.metadata?.name ?? file,
          clusterScoped: crd.spec.scope === 'Cluster',
          validate: ajv.compile(schema),
          validateWithDefaults: ajvDefaults.compile(schema),
        });
      }
    }
  }
  crdCache = map;
  return map;
}

// ---------------------------------------------------------------------------------------------
// Built-in kinds (kubernetes-models)

interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data?: unknown): { validate(): void };
}

const MODEL_MODULES: readonly object[] = [
  coreV1, appsV1, batchV1, networkingV1, rbacV1, policyV1, autoscalingV2, admissionregistrationV1,
  apiextensionsV1, apiregistrationV1, certificatesV1, coordinationV1, discoveryV1, eventsV1, flowcontrolV1,
  nodeV1, schedulingV1, storageV1,
];

/** Built-in kinds without a namespace. */
export const CLUSTER_SCOPED_BUILTIN_KINDS: ReadonlySet<string> = new Set([
  'v1 Namespace', 'v1 Node', 'v1 PersistentVolume', 'v1 ComponentStatus',
  'rbac.authorization.k8s.io/v1 ClusterRole', 'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding',
  'apiextensions.k8s.io/v1 CustomResourceDefinition', 'apiregistration.k8s.io/v1 APIService',
  'certificates.k8s.io/v1 CertificateSigningRequest', 'flowcontrol.apiserver.k8s.io/v1 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration', 'networking.k8s.io/v1 IngressClass',
  'networking.k8s.io/v1 IPAddress', 'networking.k8s.io/v1 ServiceCIDR', 'node.k8s.io/v1 RuntimeClass',
  'scheduling.k8s.io/v1 PriorityClass', 'storage.k8s.io/v1 StorageClass', 'storage.k8s.io/v1 VolumeAttachment',
  'storage.k8s.io/v1 CSIDriver', 'storage.k8s.io/v1 CSINode',
]);

let modelCache: Map<string, ModelClass> | undefined;

/** The kubernetes-models class of every built-in kind, by `<apiVersion> <Kind>`. */
function builtinModels(): Map<string, ModelClass> {
  if (modelCache) return modelCache;
  const map = new Map<string, ModelClass>();
  for (const mod of MODEL_MODULES) {
    for (const value of Object.values(mod)) {
      const c = value as Partial<ModelClass>;
      if (typeof value === 'function' && typeof c.apiVersion === 'string' && typeof c.kind === 'string' && typeof value.prototype?.validate === 'function') {
        map.set(`${c.apiVersion} ${c.kind}`, value as ModelClass);
      }
    }
  }
  modelCache = map;
  return map;
}

/** The `<apiVersion> <Kind>` keys this module has a schema for (CRDs first, then built-ins), sorted. */
export function knownKinds(): string[] {
  return [...crdSchemas().keys(), ...[...builtinModels().keys()].sort()];
}

// ---------------------------------------------------------------------------------------------
// ObjectMeta

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const KNOWN_METADATA_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);

function dnsError(value: string, kind: 'subdomain' | 'label' | '1035'): string | undefined {
  if (kind === 'subdomain') {
    if (value.length > 253) return 'must be no more than 253 characters';
    if (!DNS1123_SUBDOMAIN.test(value)) return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  } else if (kind === 'label') {
    if (value.length > 63) return 'must be no more than 63 characters';
    if (!DNS1123_LABEL.test(value)) return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  } else {
    if (value.length > 63) return 'must be no more than 63 characters';
    if (!DNS1035_LABEL.test(value)) return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  }
  return undefined;
}

/** Errors of a label or annotation key (a Kubernetes qualified name). */
function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name must consist of an optional DNS subdomain prefix and "/" followed by a name';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    if (parts[0] === '') return 'prefix part must be non-empty';
    const prefixError = dnsError(parts[0], 'subdomain');
    if (prefixError) return `prefix part ${prefixError}`;
  }
  if (name === '') return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

function labelValueError(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (value !== '' && !QUALIFIED_NAME_PART.test(value)) return "a valid label value must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

/** ObjectMeta checks the API server applies to every object (see the file comment). */
function checkMetadata(obj: Record<string, unknown>, typeKey: string, clusterScoped: boolean): string[] {
  const errors: string[] = [];
  const meta = obj.metadata;
  if (meta === undefined || meta === null) return ['metadata.name: required field is missing'];
  if (typeof meta !== 'object' || Array.isArray(meta)) return ['metadata: must be object'];
  const m = meta as Record<string, unknown>;
  for (const key of Object.keys(m).sort()) {
    if (!KNOWN_METADATA_FIELDS.has(key)) errors.push(`${jsonPath(`/metadata/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, obj)}: unknown field`);
  }
  if (m.name === undefined || m.name === null || m.name === '') {
    errors.push('metadata.name: required field is missing');
  } else if (typeof m.name !== 'string') {
    errors.push('metadata.name: must be string');
  } else {
    const kind = typeKey === 'v1 Namespace' ? 'label' : typeKey === 'v1 Service' ? '1035' : 'subdomain';
    const err = dnsError(m.name, kind);
    if (err) errors.push(`metadata.name: invalid value ${JSON.stringify(m.name)}: ${err}`);
  }
  if (m.namespace !== undefined) {
    if (clusterScoped) {
      errors.push(`metadata.namespace: must be absent for cluster-scoped kind ${String(obj.kind)} (found ${JSON.stringify(m.namespace)})`);
    } else if (typeof m.namespace !== 'string') {
      errors.push('metadata.namespace: must be string');
    } else if (m.namespace !== '') {
      const err = dnsError(m.namespace, 'label');
      if (err) errors.push(`metadata.namespace: invalid value ${JSON.stringify(m.namespace)}: ${err}`);
    }
  }
  for (const field of ['labels', 'annotations'] as const) {
    const map = m[field];
    if (map === undefined || map === null) continue;
    if (typeof map !== 'object' || Array.isArray(map)) {
      errors.push(`metadata.${field}: must be object`);
      continue;
    }
    let size = 0;
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
      const at = jsonPath(`/metadata/${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, obj);
      const keyError = qualifiedNameError(key);
      if (keyError) errors.push(`${at}: invalid key: ${keyError}`);
      if (typeof value !== 'string') {
        errors.push(`${at}: must be string`);
        continue;
      }
      size += key.length + value.length;
      if (field === 'labels') {
        const valueError = labelValueError(value);
        if (valueError) errors.push(`${at}: invalid value ${JSON.stringify(value)}: ${valueError}`);
      }
    }
    if (field === 'annotations' && size > 256 * 1024) errors.push(`metadata.annotations: total size ${size} must be no more than 262144 bytes`);
  }
  return errors;
}

/** ConfigMap checks beyond the OpenAPI types: data/binaryData keys, and no key in both. */
function checkConfigMap(obj: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  let size = 0;
  for (const field of ['data', 'binaryData']) {
    const map = obj[field];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const key of Object.keys(map)) {
      const at = jsonPath(`/${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, obj);
      if (key.length > 253 || !/^[-._a-zA-Z0-9]+$/.test(key)) {
        errors.push(`${at}: invalid key: a valid config key must consist of alphanumeric characters, '-', '_' or '.'`);
      } else if (key === '.' || key.startsWith('..')) {
        errors.push(`${at}: invalid key: must not be '.' and must not start with '..'`);
      }
      if (seen.has(key)) errors.push(`${at}: duplicate of same key in data`);
      seen.add(key);
      const value = (map as Record<string, unknown>)[key];
      if (typeof value === 'string') size += field === 'data' ? Buffer.byteLength(value) : Buffer.from(value, 'base64').length;
    }
  }
  if (size > 1024 * 1024) errors.push(`data: Too long: may not be more than 1048576 bytes (data and binaryData values: ${size})`);
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Public API

/** A deep copy of `obj` with the defaults of its CRD schema applied (built-in kinds: just a copy). */
export function defaultedManifest<T>(obj: T): T {
  const copy = structuredClone(obj);
  if (copy && typeof copy === 'object' && !Array.isArray(copy)) {
    const o = copy as Record<string, unknown>;
    const crd = crdSchemas().get(`${String(o.apiVersion)} ${String(o.kind)}`);
    if (crd) crd.validateWithDefaults(copy);
  }
  return copy;
}

/**
 * Schema errors of one Kubernetes object (empty when the API server would accept it). See the
 * file comment for how the schema is chosen and how errors read.
 */
export function validateManifest(obj: unknown, options: ValidateManifestOptions = {}): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return [`<no kind>/<unnamed>: (root): must be a Kubernetes object, got ${Array.isArray(obj) ? 'array' : obj === null ? 'null' : typeof obj}`];
  }
  const o = obj as Record<string, unknown>;
  const who = label(o);
  if (typeof o.apiVersion !== 'string' || o.apiVersion === '') return [`${who}: apiVersion: required field is missing`];
  if (typeof o.kind !== 'string' || o.kind === '') return [`${who}: kind: required field is missing`];
  const typeKey = `${o.apiVersion} ${o.kind}`;

  const errors: string[] = [];
  const crd = crdSchemas().get(typeKey);
  if (crd) {
    const data = options.applyDefaults ? structuredClone(o) : o;
    const validate = options.applyDefaults ? crd.validateWithDefaults : crd.validate;
    if (!validate(data)) for (const e of validate.errors ?? []) errors.push(formatAjvError(e, data));
    errors.push(...checkMetadata(o, typeKey, crd.clusterScoped));
  } else {
    const model = builtinModels().get(typeKey);
    if (!model) return [`${who}: no schema for ${o.apiVersion} ${o.kind}`];
    try {
      new model(o).validate();
    } catch (e) {
      const ajvErrors = (e as { errors?: ErrorObject[] }).errors;
      if (!Array.isArray(ajvErrors)) throw e;
      for (const err of ajvErrors) errors.push(formatAjvError(err, o));
    }
    errors.push(...checkMetadata(o, typeKey, CLUSTER_SCOPED_BUILTIN_KINDS.has(typeKey)));
    if (typeKey === 'v1 ConfigMap') errors.push(...checkConfigMap(o));
  }
  return dedupe(errors).map((e) => `${who}: ${e}`);
}

/**
 * Schema errors of a list of objects, or of multi-document YAML text (empty documents are
 * skipped). Also reports YAML syntax errors (`document <n>: …`) and objects that appear twice
 * (same apiVersion group, kind, namespace and name).
 */
export function validateManifests(input: string | readonly unknown[]): string[] {
  const errors: string[] = [];
  let objects: unknown[];
  if (typeof input === 'string') {
    objects = [];
    parseAllDocuments(input).forEach((doc, i) => {
      if ('errors' in doc && doc.errors.length > 0) {
        for (const e of doc.errors) errors.push(`document ${i + 1}: YAML error: ${e.message.split('\n')[0]}`);
        return;
      }
      const value = doc.toJS();
      if (value !== null && value !== undefined) objects.push(value);
    });
  } else {
    objects = [...input];
  }
  const seen = new Set<string>();
  for (const obj of objects) {
    errors.push(...validateManifest(obj));
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
      const o = obj as Record<string, any>;
      const group = typeof o.apiVersion === 'string' && o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
      const id = `${group}|${o.kind}|${o.metadata?.namespace ?? ''}|${o.metadata?.name}`;
      if (typeof o.metadata?.name === 'string' && seen.has(id)) {
        errors.push(`${label(o)}: duplicate object (kind ${o.kind}${o.metadata?.namespace ? `, namespace ${o.metadata.namespace}` : ''}, name ${o.metadata.name})`);
      }
      seen.add(id);
    }
  }
  return errors;
}

let eniConfValidator: ValidateFunction | undefined;

/** Options of {@link validateEniConf}. */
export interface ValidateEniConfOptions {
  /**
   * Maximum number of distinct security groups in `security_group` ∪ `security_groups` (the check
   * terway-controlplane applies and JSON Schema cannot express). Default 10 (Terway ≥ v1.13.7;
   * use 5 for older versions).
   */
  readonly maxSecurityGroups?: number;
}

/**
 * Errors of an `eni_conf` document (the parsed object, or the JSON string stored in the
 * ConfigMap) against schemas/terway/eni-conf.schema.json (JSON Schema 2020-12), plus the
 * security-group union limit. Messages read `eni_conf: <JSON path>: <message>`.
 */
export function validateEniConf(json: unknown, options: ValidateEniConfOptions = {}): string[] {
  let doc = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (e) {
      return [`eni_conf: (root): invalid JSON: ${(e as Error).message}`];
    }
  }
  if (!eniConfValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    eniConfValidator = ajv.compile(JSON.parse(fs.readFileSync(ENI_CONF_SCHEMA_FILE, 'utf-8')));
  }
  const errors: string[] = [];
  if (!eniConfValidator(doc)) for (const e of eniConfValidator.errors ?? []) errors.push(`eni_conf: ${formatAjvError(e, doc)}`);
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const d = doc as Record<string, unknown>;
    const sgs = new Set<string>();
    if (typeof d.security_group === 'string' && d.security_group !== '') sgs.add(d.security_group);
    if (Array.isArray(d.security_groups)) for (const sg of d.security_groups) if (typeof sg === 'string') sgs.add(sg);
    const max = options.maxSecurityGroups ?? 10;
    if (sgs.size > max) errors.push(`eni_conf: security_group + security_groups: ${sgs.size} distinct security groups, must be no more than ${max}`);
  }
  return dedupe(errors);
}
