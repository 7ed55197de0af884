/**
 * Test oracle: what Terway (terway-controlplane webhooks, OSS tag v1.17.5 by default) does with
 * a PodNetworking at creation and how it matches pods to PodNetworkings. Written from the fact
 * sheet (§3.2–3.5) and schemas/terway/README.md, deliberately independent of the library's own
 * implementation in src/ (it has its own Go-duration parser and Kubernetes label-selector
 * evaluator), so that tests can compare the two.
 *
 * `admitPodNetworking` runs the steps of a CREATE in the API server's order:
 * 1. decoding with the CRD's structural defaults (`eniOptions.eniType: Default`, …);
 * 2. the mutating webhook: when `securityGroupIDs` or `vSwitchOptions` is empty and a base
 *    `eni_conf` is given (`opts.eniConf`), fills the empty one(s) from it (sorted union of
 *    `security_group`/`security_groups`; all vSwitches of all zones, sorted). Without `eniConf`
 *    (no eni-config in the cluster), or when the eni-config is invalid, nothing is filled;
 * 3. schema validation (`validateManifest`; enum/type/unknown-field/metadata errors);
 * 4. the validating webhook, first denial wins, in Terway's order.
 *
 * Denial strings (exact) and the Terway versions that produce them:
 * | Rule | Versions |
 * |---|---|
 * | `neither the PodSelector nor the NamespaceSelector is set` (no selector at all) | < 1.13.7 |
 * | `attachType must be default when podSelector and namespaceSelector are not set` (no selector, eniType not Default) | 1.13.7 – 1.16.0 always; ≥ 1.16.1 only with `enableWebhookInjectResource: false` (default true) |
 * | `vSwitchOptions is not set` | all |
 * | `security group is not set` | all |
 * | `security group can not more than 10` | ≥ 1.13.7 (`… more than 5` with a 5 limit before) |
 * | `invalid releaseAfter <value>` (releaseStrategy TTL, releaseAfter not a Go duration, "" included) | ≥ 1.10.0 |
 * | `releaseAfter must be empty when releaseStrategy is never` | ≥ 1.13.7 |
 */
import * as semver from 'semver';
import { defaultedManifest, validateManifest } from './k8s-schemas';

/** The Terway release the oracle models unless told otherwise. */
export const DEFAULT_TERWAY_VERSION = '1.17.5';

/** Options of {@link admitPodNetworking}. */
export interface AdmitOptions {
  /** Terway (terway-controlplane) version, e.g. `1.17.5` or `v1.13.4`. Default {@link DEFAULT_TERWAY_VERSION}. Must be ≥ 1.2.1. */
  readonly terwayVersion?: string;
  /** terway-controlplane `enableWebhookInjectResource` (default true). Matters from 1.16.1 on. */
  readonly enableWebhookInjectResource?: boolean;
  /** The base `eni_conf` (object or JSON string) of ConfigMap kube-system/eni-config; absent = no eni-config. */
  readonly eniConf?: unknown;
}

/** Result of {@link admitPodNetworking}. */
export interface AdmissionResult {
  readonly allowed: boolean;
  /** Denial reason (schema errors joined with `; `, or the webhook's exact string); `checked` when allowed. */
  readonly reason?: string;
  /** Which step decided: schema validation or the validating webhook. */
  readonly stage: 'schema' | 'webhook';
  /** The object as stored (defaults applied, mutating webhook's fill-in). */
  readonly object: Record<string, any>;
}

function parseVersion(v: string | undefined): semver.SemVer {
  const parsed = semver.coerce(v ?? DEFAULT_TERWAY_VERSION);
  if (!parsed) throw new Error(`invalid terwayVersion ${JSON.stringify(v)}`);
  if (semver.lt(parsed, '1.2.1')) throw new Error(`terwayVersion ${v} is not modelled (PodNetworking before 1.2.1 used vSwitchIDs)`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Go time.ParseDuration

const NS_PER_UNIT: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // micro sign
  μs: 1_000n, // Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const TWO_63 = 2n ** 63n;

/**
 * Go's `time.ParseDuration`: the duration in nanoseconds, or undefined where Go returns an error
 * (empty string, missing or unknown unit, no digits, overflow beyond int64).
 */
export function parseGoDuration(input: string): bigint | undefined {
  let s = input;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return undefined;
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return undefined;
    // leading integer
    let v = 0n;
    let i = 0;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > TWO_63 / 10n) return undefined;
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) return undefined;
    }
    const pre = i > 0;
    s = s.slice(i);
    // fraction
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return undefined;
    // unit
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) return undefined;
    const unit = NS_PER_UNIT[s.slice(0, u)];
    s = s.slice(u);
    if (unit === undefined) return undefined;
    if (v > TWO_63 / unit) return undefined;
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return undefined;
    }
    d += v;
    if (d > TWO_63) return undefined;
  }
  if (neg) return -d;
  if (d > TWO_63 - 1n) return undefined;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Mutating webhook

/** `GetSecurityGroups()` / `GetVSwitchIDs()` of a base eni_conf, or undefined when the controlplane couldn't load it. */
function eniConfigDefaults(eniConf: unknown, sgLimit: number): { securityGroups: string[]; vSwitches: string[] } | undefined {
  let conf = eniConf;
  if (typeof conf === 'string') {
    try {
      conf = JSON.parse(conf);
    } catch {
      return undefined;
    }
  }
  if (!conf || typeof conf !== 'object' || Array.isArray(conf)) return undefined;
  const c = conf as Record<string, unknown>;
  const sgs = new Set<string>();
  if (typeof c.security_group === 'string' && c.security_group !== '') sgs.add(c.security_group);
  if (Array.isArray(c.security_groups)) for (const sg of c.security_groups) if (typeof sg === 'string') sgs.add(sg);
  if (sgs.size > sgLimit) return undefined; // ConfigFromConfigMap errors; the webhook's failurePolicy is Ignore
  const vSwitches: string[] = [];
  if (c.vswitches && typeof c.vswitches === 'object') {
    for (const ids of Object.values(c.vswitches as Record<string, unknown>)) if (Array.isArray(ids)) vSwitches.push(...ids.filter((x): x is string => typeof x === 'string'));
  }
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { securityGroups: [...sgs].sort(byteOrder), vSwitches: vSwitches.sort(byteOrder) };
}

function isEmptyList(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

// ---------------------------------------------------------------------------------------------
// Validating webhook

/**
 * Terway's admission of a PodNetworking CREATE (see the file comment). `reason` is `checked` when
 * allowed.
 */
export function admitPodNetworking(obj: unknown, opts: AdmitOptions = {}): AdmissionResult {
  const version = parseVersion(opts.terwayVersion);
  const atLeast = (v: string) => semver.gte(version, v);
  const sgLimit = atLeast('1.13.7') ? 10 : 5;

  // 1. decode with structural defaults
  const object = defaultedManifest(obj) as Record<string, any>;

  // 2. mutating webhook (only fills when it can decode the spec)
  const spec = object?.spec;
  const specDecodes = spec === undefined || (spec !== null && typeof spec === 'object' && !Array.isArray(spec));
  if (specDecodes && opts.eniConf !== undefined && object && typeof object === 'object') {
    const sgs = spec?.securityGroupIDs;
    const vsws = spec?.vSwitchOptions;
    const decodable = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (decodable(sgs) && decodable(vsws) && (isEmptyList(sgs) || isEmptyList(vsws))) {
      const defaults = eniConfigDefaults(opts.eniConf, sgLimit);
      if (defaults) {
        const s = (object.spec ??= {});
        if (isEmptyList(sgs)) s.securityGroupIDs = defaults.securityGroups.length > 0 ? defaults.securityGroups : undefined;
        if (isEmptyList(vsws)) s.vSwitchOptions = defaults.vSwitches.length > 0 ? defaults.vSwitches : undefined;
        if (s.securityGroupIDs === undefined) delete s.securityGroupIDs;
        if (s.vSwitchOptions === undefined) delete s.vSwitchOptions;
      }
    }
  }

  // 3. schema
  const schemaErrors = validateManifest(object);
  if (schemaErrors.length > 0) return { allowed: false, reason: schemaErrors.join('; '), stage: 'schema', object };

  // 4. validating webhook
  const deny = (reason: string): AdmissionResult => ({ allowed: false, reason, stage: 'webhook', object });
  const s = (object.spec ?? {}) as Record<string, any>;
  const selector = (s.selector ?? {}) as Record<string, unknown>;
  const noSelector = (selector.podSelector === undefined || selector.podSelector === null)
    && (selector.namespaceSelector === undefined || selector.namespaceSelector === null);
  if (noSelector) {
    if (!atLeast('1.13.7')) return deny('neither the PodSelector nor the NamespaceSelector is set');
    const enforced = !atLeast('1.16.1') || opts.enableWebhookInjectResource === false;
    const eniType = s.eniOptions?.eniType ?? '';
    if (enforced && eniType !== '' && eniType !== 'Default') {
      return deny('attachType must be default when podSelector and namespaceSelector are not set');
    }
  }
  if (isEmptyList(s.vSwitchOptions)) return deny('vSwitchOptions is not set');
  if (isEmptyList(s.securityGroupIDs)) return deny('security group is not set');
  if ((s.securityGroupIDs as string[]).length > sgLimit) return deny(`security group can not more than ${sgLimit}`);
  const alloc = (s.allocationType ?? {}) as Record<string, any>;
  const releaseAfter: string = alloc.releaseAfter ?? '';
  if (alloc.releaseStrategy === 'TTL' && atLeast('1.10.0') && parseGoDuration(releaseAfter) === undefined) {
    return deny(`invalid releaseAfter ${releaseAfter}`);
  }
  if (alloc.releaseStrategy === 'Never' && atLeast('1.13.7') && releaseAfter !== '') {
    return deny('releaseAfter must be empty when releaseStrategy is never');
  }
  return { allowed: true, reason: 'checked', stage: 'webhook', object };
}

// ---------------------------------------------------------------------------------------------
// Label selectors (k8s.io/apimachinery metav1.LabelSelectorAsSelector + labels.Selector.Matches)

/** A Kubernetes LabelSelector. */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: readonly string[] }>;
}

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function labelKeyValid(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  if (parts.length === 2 && (parts[0] === '' || parts[0].length > 253 || !SUBDOMAIN.test(parts[0]))) return false;
  const name = parts[parts.length - 1];
  return name.length > 0 && name.length <= 63 && NAME_PART.test(name);
}

function labelValueValid(value: string): boolean {
  return value.length <= 63 && (value === '' || NAME_PART.test(value));
}

/**
 * Whether `labels` satisfy `selector`, with Kubernetes semantics: an empty selector (`{}`)
 * matches everything, every matchLabels pair and every expression must hold; `In` needs the key
 * with one of the values, `NotIn` is true when the key is absent or its value is not listed,
 * `Exists`/`DoesNotExist` test the key only. Throws, as `LabelSelectorAsSelector` errors, for an
 * unknown operator, `In`/`NotIn` without values, `Exists`/`DoesNotExist` with values, or an
 * invalid label key/value.
 */
export function labelSelectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const requirements: Array<(l: Readonly<Record<string, string>>) => boolean> = [];
  const has = (l: Readonly<Record<string, string>>, k: string) => Object.prototype.hasOwnProperty.call(l, k);
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!labelKeyValid(key)) throw new Error(`invalid label key ${JSON.stringify(key)}`);
    if (!labelValueValid(value)) throw new Error(`invalid label value ${JSON.stringify(value)} for key ${JSON.stringify(key)}`);
    requirements.push((l) => has(l, key) && l[key] === value);
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = expr.values ?? [];
    if (!labelKeyValid(expr.key)) throw new Error(`invalid label key ${JSON.stringify(expr.key)}`);
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) throw new Error("for 'in', 'notin' operators, values set can't be empty");
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length !== 0) throw new Error('values set must be empty for exists and does not exist');
        break;
      default:
        throw new Error(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    }
    for (const v of values) if (!labelValueValid(v)) throw new Error(`invalid label value ${JSON.stringify(v)} for key ${JSON.stringify(expr.key)}`);
    const set = new Set(values);
    switch (expr.operator) {
      case 'In': requirements.push((l) => has(l, expr.key) && set.has(l[expr.key])); break;
      case 'NotIn': requirements.push((l) => !has(l, expr.key) || !set.has(l[expr.key])); break;
      case 'Exists': requirements.push((l) => has(l, expr.key)); break;
      default: requirements.push((l) => !has(l, expr.key)); break;
    }
  }
  return requirements.every((r) => r(labels));
}

// ---------------------------------------------------------------------------------------------
// Pod matching (pod webhook, selector case)

/** Options of {@link podNetworkingMatchesPod}. */
export interface MatchOptions {
  /** terway-controlplane `customStatefulWorkloadKinds`: owner kinds treated like StatefulSet (case-sensitive). */
  readonly customStatefulWorkloadKinds?: readonly string[];
}

/**
 * Terway's fixed-name test: a pod without ownerReferences, or with an owner whose kind is
 * `StatefulSet` or one of `customStatefulWorkloadKinds` (exact spelling).
 */
export function isFixedNamePod(pod: any, opts: MatchOptions = {}): boolean {
  const owners: any[] = pod?.metadata?.ownerReferences ?? [];
  if (owners.length === 0) return true;
  const kinds = ['StatefulSet', ...(opts.customStatefulWorkloadKinds ?? [])];
  return owners.some((o) => kinds.includes(o?.kind));
}

/**
 * Whether the pod webhook would pick `pn` for `pod` by selector (the Ready check and list order are
 * out of scope): a `Fixed` PodNetworking is skipped for pods that are not fixed-name; with neither
 * selector set it never matches; each selector that is set must match (podSelector against the
 * pod's labels, namespaceSelector against `namespaceLabels`). An explicitly empty selector (`{}`)
 * is set and matches everything. Throws for an invalid selector (the webhook errors).
 */
export function podNetworkingMatchesPod(pn: any, pod: any, namespaceLabels: Readonly<Record<string, string>>, opts: MatchOptions = {}): boolean {
  const spec = pn?.spec ?? {};
  if (spec.allocationType?.type === 'Fixed' && !isFixedNamePod(pod, opts)) return false;
  const podSelector: LabelSelector | undefined = spec.selector?.podSelector ?? undefined;
  const nsSelector: LabelSelector | undefined = spec.selector?.namespaceSelector ?? undefined;
  let matchedOne = false;
  if (podSelector !== undefined) {
    if (!labelSelectorMatches(podSelector, pod?.metadata?.labels ?? {})) return false;
    matchedOne = true;
  }
  if (nsSelector !== undefined) {
    if (!labelSelectorMatches(nsSelector, namespaceLabels)) return false;
    matchedOne = true;
  }
  return matchedOne;
}

/** The first PodNetworking in list order that matches the pod (Terway takes the first match), or undefined. */
export function firstMatchingPodNetworking<T>(
  pns: readonly T[], pod: any, namespaceLabels: Readonly<Record<string, string>>, opts: MatchOptions = {},
): T | undefined {
  return pns.find((pn) => podNetworkingMatchesPod(pn, pod, namespaceLabels, opts));
}

/** A pod that a rendered object would create, as Terway's pod webhook sees it. */
export interface CreatedPod {
  /** The pod (labels and owner references only). */
  readonly pod: any;
  /** Its namespace. */
  readonly namespace: string;
  /** `Kind/name` of the object that creates it. */
  readonly source: string;
}

/**
 * The pods rendered objects would create: bare Pods as they are, and one pod per Deployment
 * (owned by a ReplicaSet) or StatefulSet (owned by the StatefulSet) with the template's labels.
 */
export function podsCreatedBy(objects: readonly any[]): CreatedPod[] {
  const owners: Record<string, string> = { Deployment: 'ReplicaSet', StatefulSet: 'StatefulSet' };
  return objects.flatMap((o) => {
    const namespace = o.metadata?.namespace ?? 'default';
    const source = `${o.kind}/${o.metadata?.name}`;
    if (o.kind === 'Pod') return [{ pod: o, namespace, source }];
    const owner = owners[o.kind];
    if (!owner) return [];
    return [{ pod: { metadata: { labels: o.spec?.template?.metadata?.labels ?? {}, ownerReferences: [{ kind: owner }] } }, namespace, source }];
  });
}

/** The labels namespace `ns` has among rendered objects: its declared labels plus `kubernetes.io/metadata.name`. */
export function namespaceLabelsIn(objects: readonly any[], ns: string): Record<string, string> {
  const declared = objects.find((o) => o.kind === 'Namespace' && o.metadata?.name === ns);
  return { ...(declared?.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': ns };
}
