import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { currentPass, passMemo } from '../core/validation-pass';
import { countEngineWork } from '../domain/engine-counters';
import { namespaceLabelsFromManifest, networkPolicyFromManifest, podTemplateOf, workloadFromManifest } from '../domain/manifests';
import { NetworkPolicyModel } from '../domain/node-modes';
import { WorkloadModel } from '../domain/pod-networking';

/** A workload (or bare pod) declared in the app. */
export interface DeclaredWorkload extends WorkloadModel {
  /** Construct path of its ApiObject. */
  readonly path: string;
  /** The rendered pod spec (a Pod's `spec`, a controller's pod template `spec`), if any. */
  readonly podSpec?: Readonly<Record<string, any>>;
}

/** A NetworkPolicy declared in the app. */
export interface DeclaredNetworkPolicy extends NetworkPolicyModel {
  /** Construct path of its ApiObject. */
  readonly path: string;
  /** `spec.policyTypes`, or Kubernetes' default when unset (Ingress, plus Egress when egress rules are given). */
  readonly policyTypes: ReadonlyArray<string>;
}

/** Any declared object, reduced to what indexes need. */
export interface DeclaredObject {
  readonly kind: string;
  readonly name: string;
  /** `metadata.namespace` as rendered (undefined for cluster-scoped or unset). */
  readonly namespace?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly path: string;
}

/**
 * The Kubernetes objects an app declares, collected once per validation pass (one
 * serialization per object) and indexed. Objects that fail to render are skipped; their own
 * validation reports them.
 */
export interface DeclaredObjects {
  readonly workloads: DeclaredWorkload[];
  /** Namespace name → declared labels. */
  readonly namespaces: Map<string, Record<string, string>>;
  readonly networkPolicies: DeclaredNetworkPolicy[];
  /** Every object in declaration (construct tree) order. */
  readonly objects: ReadonlyArray<DeclaredObject>;
  /** Objects by kind. */
  readonly byKind: ReadonlyMap<string, ReadonlyArray<DeclaredObject>>;
  /** Objects by rendered namespace. */
  readonly byNamespace: ReadonlyMap<string, ReadonlyArray<DeclaredObject>>;
  /** Workloads by pod label, keyed with {@link labelIndexKey}. */
  readonly workloadsByPodLabel: ReadonlyMap<string, ReadonlyArray<DeclaredWorkload>>;
}

/** Key of a label in the label indexes. */
export function labelIndexKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

const COLLECTION = Symbol('declared-objects');

/** The objects declared under `root`: built once per validation pass, fresh outside one. */
export function declaredObjects(root: IConstruct): DeclaredObjects {
  return passMemo(COLLECTION, root, () => collect(root));
}

function collect(root: IConstruct): DeclaredObjects {
  const result = {
    workloads: [] as DeclaredWorkload[],
    namespaces: new Map<string, Record<string, string>>(),
    networkPolicies: [] as DeclaredNetworkPolicy[],
    objects: [] as DeclaredObject[],
    byKind: new Map<string, DeclaredObject[]>(),
    byNamespace: new Map<string, DeclaredObject[]>(),
    workloadsByPodLabel: new Map<string, DeclaredWorkload[]>(),
  };
  for (const obj of root.node.findAll()) {
    if (!(obj instanceof ApiObject)) continue;
    let json: any;
    try {
      countEngineWork('serializations', obj);
      json = obj.toJson();
      reuseWithinPass(obj, json);
    } catch {
      continue;
    }
    const path = obj.node.path;
    const name = String(json.metadata?.name ?? obj.name);
    const labels = { ...(json.metadata?.labels ?? {}) };
    const declared: DeclaredObject = { kind: String(json.kind), name, namespace: json.metadata?.namespace, labels, path };
    result.objects.push(declared);
    push(result.byKind, declared.kind, declared);
    if (declared.namespace !== undefined) push(result.byNamespace, declared.namespace, declared);
    let workload: DeclaredWorkload | undefined;
    if (json.kind === 'Namespace') {
      result.namespaces.set(name, namespaceLabelsFromManifest(json));
    } else if (json.kind === 'NetworkPolicy') {
      const policy = networkPolicyFromManifest(json, obj.name);
      const spec = json.spec ?? {};
      if (policy) {
        result.networkPolicies.push({
          ...policy,
          path,
          policyTypes: Array.isArray(spec.policyTypes) ? [...spec.policyTypes] : ['Ingress', ...(spec.egress !== undefined ? ['Egress'] : [])],
        });
      }
    } else {
      const model = workloadFromManifest(json, obj.name);
      if (model) workload = { ...model, path, podSpec: json.kind === 'Pod' ? json.spec : podTemplateOf(json)?.spec };
    }
    if (workload) {
      result.workloads.push(workload);
      for (const [k, v] of Object.entries(workload.podLabels)) push(result.workloadsByPodLabel, labelIndexKey(k, v), workload);
    }
  }
  return result;
}

const ORIGINAL_TO_JSON = Symbol('original-toJson');
type Reusable = ApiObject & { [ORIGINAL_TO_JSON]?: () => any };

/**
 * Lets the rest of the pass reuse the serialization: cdk8s serializes every object again to
 * write it (and KubernetesManifests to render it), in the same pass, with no user code in
 * between, so `toJson()` returns this result while the pass lasts and serializes afresh
 * after it. Callers must not mutate the returned JSON (cdk8s and the bridge only read it).
 */
function reuseWithinPass(obj: Reusable, json: any): void {
  const pass = currentPass();
  if (!pass) return;
  const original = (obj[ORIGINAL_TO_JSON] ??= obj.toJson);
  Object.defineProperty(obj, 'toJson', {
    configurable: true,
    writable: true,
    value: () => (currentPass() === pass ? json : original.call(obj)),
  });
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
