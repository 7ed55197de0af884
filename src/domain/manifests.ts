import { WorkloadModel } from './pod-networking';

/** Kinds whose pods come from `spec.template`. */
export const TEMPLATE_KINDS: ReadonlyArray<string> = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'];

/** The pod template of a workload manifest (CronJob: the job template's). */
export function podTemplateOf(json: any): { metadata?: { labels?: Record<string, string> }; spec?: any } | undefined {
  if (json?.kind === 'CronJob') return json.spec?.jobTemplate?.spec?.template;
  return json?.spec?.template;
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
    };
  }
  if (json?.kind === 'CronJob' || TEMPLATE_KINDS.includes(json?.kind)) {
    return { kind: json.kind, name, namespace, podLabels: { ...(podTemplateOf(json)?.metadata?.labels ?? {}) }, ownerKinds: [] };
  }
  return undefined;
}

/** The labels of a Namespace manifest. */
export function namespaceLabelsFromManifest(json: any): Record<string, string> {
  return { ...(json?.metadata?.labels ?? {}) };
}
