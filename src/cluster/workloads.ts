import { ApiObject, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { WorkloadModel } from '../domain/pod-networking';

/** Kinds whose pods come from `spec.template`. */
const TEMPLATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'];

/** Metadata that a construct can carry (cdk8s-plus metadata objects have `addLabel` and `addAnnotation`). */
interface LabelTarget {
  addLabel(key: string, value: string): void;
  addAnnotation(key: string, value: string): void;
}

function hasLabelTarget(value: unknown): value is LabelTarget {
  return typeof value === 'object' && value !== null && typeof (value as LabelTarget).addLabel === 'function'
    && typeof (value as LabelTarget).addAnnotation === 'function';
}

/** The ApiObject a construct renders (itself, or the one cdk8s-plus keeps as `apiObject`). */
export function apiObjectOf(construct: IConstruct): ApiObject | undefined {
  if (construct instanceof ApiObject) return construct;
  const inner = (construct as { apiObject?: unknown }).apiObject;
  return inner instanceof ApiObject ? inner : undefined;
}

/**
 * Adds pod labels to a Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod, given as a
 * cdk8s-plus object or a raw ApiObject (e.g. from `cdk8s import k8s`).
 */
export function addPodLabels(workload: IConstruct, labels: Record<string, string>): void {
  addPodMetadata(workload, 'labels', labels);
}

/**
 * Adds pod annotations, like {@link addPodLabels}; `extraTemplateKinds` are further kinds whose
 * pods come from `spec.template` (custom workloads such as OpenKruise's).
 */
export function addPodAnnotations(workload: IConstruct, annotations: Record<string, string>, extraTemplateKinds: ReadonlyArray<string> = []): void {
  addPodMetadata(workload, 'annotations', annotations, extraTemplateKinds);
}

/** Adds a readiness gate (`spec.readinessGates[].conditionType`) to the pod spec, once. */
export function addPodReadinessGate(workload: IConstruct, conditionType: string, extraTemplateKinds: ReadonlyArray<string> = []): void {
  const { obj, templatePath } = podTemplateOfWorkload(workload, extraTemplateKinds);
  const specPath = templatePath === '' ? '/spec' : `${templatePath}/spec`;
  const json = obj.toJson();
  const spec = templatePath === '' ? json.spec : podTemplateOf(json, extraTemplateKinds)?.spec;
  const gates: Array<{ conditionType?: string }> | undefined = spec?.readinessGates;
  if (gates?.some((g) => g.conditionType === conditionType)) return;
  obj.addJsonPatch(gates === undefined
    ? JsonPatch.add(`${specPath}/readinessGates`, [{ conditionType }])
    : JsonPatch.add(`${specPath}/readinessGates/-`, { conditionType }));
}

function addPodMetadata(workload: IConstruct, field: 'labels' | 'annotations', entries: Record<string, string>, extraTemplateKinds: ReadonlyArray<string> = []): void {
  const podMetadata = (workload as { podMetadata?: unknown }).podMetadata;
  if (hasLabelTarget(podMetadata)) {
    for (const [k, v] of Object.entries(entries)) field === 'labels' ? podMetadata.addLabel(k, v) : podMetadata.addAnnotation(k, v);
    return;
  }
  const { obj, templatePath } = podTemplateOfWorkload(workload, extraTemplateKinds);
  if (templatePath === '') {
    for (const [k, v] of Object.entries(entries)) field === 'labels' ? obj.metadata.addLabel(k, v) : obj.metadata.addAnnotation(k, v);
    return;
  }
  const metadata = podTemplateOf(obj.toJson(), extraTemplateKinds)?.metadata;
  if (metadata === undefined) {
    obj.addJsonPatch(JsonPatch.add(`${templatePath}/metadata`, { [field]: { ...entries } }));
  } else if (metadata[field] === undefined) {
    obj.addJsonPatch(JsonPatch.add(`${templatePath}/metadata/${field}`, { ...entries }));
  } else {
    for (const [k, v] of Object.entries(entries)) obj.addJsonPatch(JsonPatch.add(`${templatePath}/metadata/${field}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, v));
  }
}

/** The workload's ApiObject and the JSON pointer of its pod template ('' for a Pod). */
function podTemplateOfWorkload(workload: IConstruct, extraTemplateKinds: ReadonlyArray<string>): { obj: ApiObject; templatePath: string } {
  const obj = apiObjectOf(workload);
  if (!obj) throw new Error(`${workload.node.path} is not a Kubernetes workload (no pod template and no ApiObject).`);
  if (obj.kind === 'Pod') return { obj, templatePath: '' };
  const templatePath = obj.kind === 'CronJob' ? '/spec/jobTemplate/spec/template'
    : TEMPLATE_KINDS.includes(obj.kind) || extraTemplateKinds.includes(obj.kind) ? '/spec/template' : undefined;
  if (!templatePath) throw new Error(`${workload.node.path}: kind ${obj.kind} has no pod template to change.`);
  return { obj, templatePath };
}

/** Adds labels to a Namespace (cdk8s-plus Namespace or a raw ApiObject). */
export function addNamespaceLabels(namespace: IConstruct, labels: Record<string, string>): void {
  const obj = apiObjectOf(namespace);
  const metadata = (namespace as { metadata?: unknown }).metadata;
  const target = hasLabelTarget(metadata) ? metadata : obj?.metadata;
  if (!target || (obj && obj.kind !== 'Namespace')) throw new Error(`${namespace.node.path} is not a Namespace.`);
  for (const [k, v] of Object.entries(labels)) target.addLabel(k, v);
}

interface PodTemplateJson {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
}

/** The pod template of a rendered workload (custom kinds only when listed in `extraTemplateKinds`). */
export function podTemplateOf(json: any, extraTemplateKinds: ReadonlyArray<string> = []): PodTemplateJson | undefined {
  if (json?.kind === 'CronJob') return json.spec?.jobTemplate?.spec?.template;
  if (!TEMPLATE_KINDS.includes(json?.kind) && !extraTemplateKinds.includes(json?.kind)) return undefined;
  return json?.spec?.template;
}

/** Workloads and namespaces declared under `root`, read from their rendered manifests. */
export interface DeclaredObjects {
  readonly workloads: WorkloadModel[];
  readonly namespaces: Map<string, Record<string, string>>;
}

/** Collects every workload and namespace the app declares (objects that fail to render are skipped; their own validation reports them). */
export function declaredObjects(root: IConstruct): DeclaredObjects {
  const workloads: WorkloadModel[] = [];
  const namespaces = new Map<string, Record<string, string>>();
  for (const obj of root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
    let json: any;
    try {
      json = obj.toJson();
    } catch {
      continue;
    }
    const name = String(json.metadata?.name ?? obj.name);
    if (json.kind === 'Namespace') {
      namespaces.set(name, { ...(json.metadata?.labels ?? {}) });
    } else if (json.kind === 'Pod') {
      workloads.push({
        kind: 'Pod',
        name,
        namespace: json.metadata?.namespace ?? 'default',
        podLabels: { ...(json.metadata?.labels ?? {}) },
        ownerKinds: (json.metadata?.ownerReferences ?? []).map((o: { kind: string }) => o.kind),
      });
    } else if (json.kind === 'CronJob' || TEMPLATE_KINDS.includes(json.kind)) {
      workloads.push({
        kind: json.kind,
        name,
        namespace: json.metadata?.namespace ?? 'default',
        podLabels: { ...(podTemplateOf(json)?.metadata?.labels ?? {}) },
        ownerKinds: [],
      });
    }
  }
  return { workloads, namespaces };
}
