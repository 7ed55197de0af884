import { NetworkPolicyModel } from './node-modes';
import { WorkloadModel } from './pod-networking';

/** Kinds whose pods come from `spec.template`. */
export const TEMPLATE_KINDS: ReadonlyArray<string> = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'];

/** The pod template of a workload manifest (CronJob: the job template's). */
export function podTemplateOf(json: any, extraTemplateKinds: ReadonlyArray<string> = []): PodTemplateJson | undefined {
  if (json?.kind === 'CronJob') return json.spec?.jobTemplate?.spec?.template;
  if (!TEMPLATE_KINDS.includes(json?.kind) && !extraTemplateKinds.includes(json?.kind)) return undefined;
  return json?.spec?.template;
}

/** The parts of a pod template the rules read. */
export interface PodTemplateJson {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
}

/**
 * Node labels every pod of a spec requires: `nodeSelector` entries, and `key In [value]`
 * requirements present in every required node-affinity term.
 */
export function requiredNodeLabels(spec: any): Record<string, string> {
  const out: Record<string, string> = { ...(spec?.nodeSelector ?? {}) };
  const terms: any[] | undefined = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length === 0) return out;
  const single = (term: any) => new Map<string, string>((term?.matchExpressions ?? [])
    .filter((e: any) => e?.operator === 'In' && Array.isArray(e.values) && e.values.length === 1)
    .map((e: any) => [String(e.key), String(e.values[0])]));
  const [first, ...rest] = terms.map(single);
  for (const [k, v] of first) if (rest.every((m) => m.get(k) === v)) out[k] = v;
  return out;
}

/** A `networking.k8s.io` NetworkPolicy manifest reduced to what the rules need; undefined for other objects. */
export function networkPolicyFromManifest(json: any, fallbackName: string): NetworkPolicyModel | undefined {
  if (json?.kind !== 'NetworkPolicy' || !String(json.apiVersion ?? '').startsWith('networking.k8s.io/')) return undefined;
  return {
    name: String(json.metadata?.name ?? fallbackName),
    namespace: String(json.metadata?.namespace ?? 'default'),
    podSelector: { matchLabels: json.spec?.podSelector?.matchLabels, matchExpressions: json.spec?.podSelector?.matchExpressions },
  };
}

/**
 * A workload manifest (rendered by cdk8s, or read from `kubectl get -o json`) reduced to what
 * pod matching needs; undefined for kinds that run no pods. Pods keep their owner kinds.
 */
export function workloadFromManifest(json: any, fallbackName: string): WorkloadModel | undefined {
  const name = String(json?.metadata?.name ?? fallbackName);
  const namespace = String(json?.metadata?.namespace ?? 'default');
  if (json?.kind === 'Pod') {
    return {
      kind: 'Pod',
      name,
      namespace,
      podLabels: { ...(json.metadata?.labels ?? {}) },
      ownerKinds: (json.metadata?.ownerReferences ?? []).map((o: { kind: string }) => o.kind),
      requiredNodeLabels: requiredNodeLabels(json.spec),
      tolerations: [...(json.spec?.tolerations ?? [])],
    };
  }
  if (json?.kind === 'CronJob' || TEMPLATE_KINDS.includes(json?.kind)) {
    const template = podTemplateOf(json);
    return {
      kind: json.kind,
      name,
      namespace,
      podLabels: { ...(template?.metadata?.labels ?? {}) },
      ownerKinds: [],
      requiredNodeLabels: requiredNodeLabels(template?.spec),
      tolerations: [...(template?.spec?.tolerations ?? [])],
    };
  }
  return undefined;
}

/** The labels of a Namespace manifest. */
export function namespaceLabelsFromManifest(json: any): Record<string, string> {
  return { ...(json?.metadata?.labels ?? {}) };
}
