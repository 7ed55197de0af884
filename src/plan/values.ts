/**
 * Reading attribute values of a plan: known values, unknown ones (`after_unknown`), and the
 * Terway objects inside them (add-on configs, node pool labels, Kubernetes manifests).
 */
import { isPlainObject } from '../domain/input';
import { compareCodePoints } from '../domain/order';

/** An attribute path: object keys and list indexes. */
export type AttrPath = ReadonlyArray<string | number>;

/** The value at a path, or undefined. */
export function valueAt(value: unknown, path: AttrPath): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as any)[key];
  }
  return v;
}

/**
 * Whether `after_unknown` marks the value at the path (or a parent of it) as decided at apply.
 * A `true` below the path counts too: part of the value is unknown.
 */
export function unknownAt(afterUnknown: unknown, path: AttrPath): boolean {
  let v = afterUnknown;
  for (const key of path) {
    if (v === true) return true;
    if (v === null || typeof v !== 'object') return false;
    v = (v as any)[key];
  }
  return containsTrue(v);
}

function containsTrue(v: unknown): boolean {
  if (v === true) return true;
  if (v === null || typeof v !== 'object') return false;
  return Object.values(v as object).some(containsTrue);
}

/** A stable text of a value for comparison and messages (object keys sorted). */
export function stableText(value: unknown): string {
  if (value === undefined) return '(unset)';
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort(compareCodePoints).map((k) => [k, sortKeys(value[k])]));
}

/** The strings of a list value (non-strings dropped). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** A JSON object inside a string attribute (add-on config, eni_conf), or undefined. */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  if (isPlainObject(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** One add-on of a cluster's `addons` blocks. */
export interface AddonValue {
  readonly name: string;
  readonly config?: Record<string, unknown>;
  readonly disabled: boolean;
}

/** The add-ons of a cluster value (`addons` list blocks). */
export function addonsOf(cluster: unknown): AddonValue[] {
  const list = valueAt(cluster, ['addons']);
  if (!Array.isArray(list)) return [];
  return list.filter(isPlainObject).filter((a) => typeof a.name === 'string')
    .map((a) => ({ name: a.name as string, config: jsonObject(a.config), disabled: a.disabled === true }));
}

/** Add-on names that are a cluster's network plug-in (the alicloud provider's network add-on names). */
export const NETWORK_ADDONS: ReadonlyArray<string> = ['terway-eniip', 'terway-eni', 'terway', 'flannel'];

/** The network plug-in of a cluster value, or undefined when none is listed. */
export function networkAddonOf(cluster: unknown): string | undefined {
  return addonsOf(cluster).find((a) => NETWORK_ADDONS.includes(a.name) && !a.disabled)?.name;
}

/** A Kubernetes object's identity and content. */
export interface KubeObjectValue {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly object: Record<string, unknown>;
}

/** The resource types that hold a Kubernetes object the guard reads. */
export const MANIFEST_TYPES: ReadonlyArray<string> = ['kubernetes_manifest', 'kubernetes_config_map', 'kubernetes_config_map_v1'];

/**
 * The Kubernetes object of a `kubernetes_manifest` value (its `manifest` attribute) or of a
 * `kubernetes_config_map[_v1]` value (`metadata` block, `data` map).
 */
export function kubeObjectOf(type: string, values: unknown): KubeObjectValue | undefined {
  let obj: unknown;
  if (type === 'kubernetes_manifest') {
    obj = valueAt(values, ['manifest']);
  } else if (type === 'kubernetes_config_map' || type === 'kubernetes_config_map_v1') {
    const meta = valueAt(values, ['metadata', 0]);
    obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: valueAt(values, ['data']) };
  }
  if (!isPlainObject(obj) || typeof obj.kind !== 'string' || !isPlainObject(obj.metadata) || typeof obj.metadata.name !== 'string') return undefined;
  const ns = obj.metadata.namespace;
  return { kind: obj.kind, name: obj.metadata.name, namespace: typeof ns === 'string' && ns !== '' ? ns : undefined, object: obj };
}

/** The `eni_conf` of a ConfigMap in kube-system (eni-config or a per-node-pool one), parsed. */
export function eniConfOf(obj: KubeObjectValue | undefined): Record<string, unknown> | undefined {
  if (!obj || obj.kind !== 'ConfigMap' || obj.namespace !== 'kube-system') return undefined;
  return jsonObject(valueAt(obj.object, ['data', 'eni_conf']));
}

/** The vSwitch IDs of an eni_conf (`vswitches`: zone → IDs). */
export function eniConfVSwitches(conf: Record<string, unknown>): string[] {
  const v = conf.vswitches;
  return isPlainObject(v) ? Object.values(v).flatMap(stringList) : [];
}

/** The security group IDs of an eni_conf (`security_group` and `security_groups`). */
export function eniConfSecurityGroups(conf: Record<string, unknown>): string[] {
  return [...(typeof conf.security_group === 'string' && conf.security_group !== '' ? [conf.security_group] : []), ...stringList(conf.security_groups)];
}

/** Whether a Kubernetes object is a Terway PodNetworking. */
export function isPodNetworking(obj: KubeObjectValue | undefined): boolean {
  return obj?.kind === 'PodNetworking' && String(obj.object.apiVersion ?? '').startsWith('network.alibabacloud.com/');
}

/** The `labels` blocks of a node pool value as a map. */
export function nodePoolLabels(pool: unknown): Record<string, string> {
  const list = valueAt(pool, ['labels']);
  const out: Record<string, string> = {};
  if (Array.isArray(list)) {
    for (const l of list) if (isPlainObject(l) && typeof l.key === 'string') out[l.key] = typeof l.value === 'string' ? l.value : '';
  }
  return out;
}

/** The `taints` blocks of a node pool value with the given key, as `key=value:effect` texts. */
export function nodePoolTaints(pool: unknown, key: string): string[] {
  const list = valueAt(pool, ['taints']);
  if (!Array.isArray(list)) return [];
  return list.filter((t) => isPlainObject(t) && t.key === key)
    .map((t) => `${t.key}=${typeof t.value === 'string' ? t.value : ''}:${typeof t.effect === 'string' ? t.effect : ''}`).sort(compareCodePoints);
}

/** A path as Terraform's docs write it, e.g. `addons[0].config`. */
export function pathText(path: AttrPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The string and number leaves of `value` that `sensitive` (a `before_sensitive`/`after_sensitive` mask: `true`
 * at a sensitive value or a parent of it) marks, as the texts a message could show.
 */
export function sensitiveTexts(value: unknown, sensitive: unknown, out: Set<string> = new Set()): Set<string> {
  if (sensitive === true) {
    collectLeaves(value, out);
  } else if (sensitive !== null && typeof sensitive === 'object' && value !== null && typeof value === 'object') {
    for (const [k, m] of Object.entries(sensitive as object)) sensitiveTexts((value as any)[k], m, out);
  }
  return out;
}

function collectLeaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string' && value !== '') out.add(value);
  else if (typeof value === 'number') out.add(String(value));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => collectLeaves(v, out));
}
