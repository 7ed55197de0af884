import { ApiObject, JsonPatch } from 'cdk8s';
import type * as plus33 from 'cdk8s-plus-33';
import { IConstruct } from 'constructs';
import { podTemplateOf, TEMPLATE_KINDS } from '../domain/manifests';
import { TaintModel } from '../domain/node-modes';

export { podTemplateOf };

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

/** What a workload's pods need to land on a node pool. */
export interface PodScheduling {
  /** Node labels the pods require. */
  readonly requiredNodeLabels: Record<string, string>;
  /** Render the labels as `nodeSelector` (raw objects); otherwise as required node affinity. */
  readonly asNodeSelector: boolean;
  /** Taints the pods tolerate. */
  readonly tolerations: ReadonlyArray<TaintModel>;
}

interface PlusScheduling {
  attract(node: unknown): void;
  tolerate(node: unknown): void;
}

function plusScheduling(workload: IConstruct): PlusScheduling | undefined {
  const scheduling = (workload as { scheduling?: unknown }).scheduling as Partial<PlusScheduling> | undefined;
  return scheduling && typeof scheduling.attract === 'function' && typeof scheduling.tolerate === 'function' ? scheduling as PlusScheduling : undefined;
}

/**
 * cdk8s-plus, loaded only when a cdk8s-plus workload is scheduled (it is an optional peer:
 * GitOps apps with raw ApiObjects do not need it).
 */
function loadCdk8sPlus(workload: IConstruct): typeof plus33 {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('cdk8s-plus-33') as typeof plus33;
  } catch {
    throw new Error(`${workload.node.path} is a cdk8s-plus workload; scheduling it needs the peer dependency cdk8s-plus-33 (npm install cdk8s-plus-33).`);
  }
}

function plusEffect(lib: typeof plus33, effect: string): plus33.TaintEffect {
  const { TaintEffect } = lib;
  return effect === 'NoExecute' ? TaintEffect.NO_EXECUTE : effect === 'PreferNoSchedule' ? TaintEffect.PREFER_NO_SCHEDULE : TaintEffect.NO_SCHEDULE;
}

/**
 * Makes a workload's pods require node labels and tolerate taints: through cdk8s-plus
 * `scheduling.attract`/`tolerate` (required node affinity), or JSON patches on a raw
 * ApiObject's pod spec (nodeSelector or required node affinity, plus tolerations).
 */
export function addPodScheduling(workload: IConstruct, scheduling: PodScheduling): void {
  const plus = plusScheduling(workload);
  if (plus) {
    const lib = loadCdk8sPlus(workload);
    const { Node, NodeLabelQuery, NodeTaintQuery } = lib;
    const labels = Object.entries(scheduling.requiredNodeLabels).map(([k, v]) => NodeLabelQuery.is(k, v));
    if (labels.length > 0) plus.attract(Node.labeled(...labels));
    for (const t of scheduling.tolerations) {
      const options = { effect: plusEffect(lib, t.effect) };
      plus.tolerate(Node.tainted(t.value === undefined ? NodeTaintQuery.exists(t.key, options) : NodeTaintQuery.is(t.key, t.value, options)));
    }
    return;
  }
  const obj = apiObjectOf(workload);
  if (!obj) throw new Error(`${workload.node.path} is not a Kubernetes workload (no pod template and no ApiObject).`);
  const specPath = obj.kind === 'Pod' ? '/spec' : obj.kind === 'CronJob' ? '/spec/jobTemplate/spec/template/spec' : TEMPLATE_KINDS.includes(obj.kind) ? '/spec/template/spec' : undefined;
  if (!specPath) throw new Error(`${workload.node.path}: kind ${obj.kind} has no pod spec to schedule.`);
  const json = obj.toJson();
  const spec = obj.kind === 'Pod' ? json.spec : podTemplateOf(json)?.spec;
  if (spec === undefined) throw new Error(`${workload.node.path}: the ${obj.kind} has no pod spec yet; add containers first.`);
  const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const labels = Object.entries(scheduling.requiredNodeLabels);
  if (scheduling.asNodeSelector) {
    if (spec.nodeSelector === undefined) obj.addJsonPatch(JsonPatch.add(`${specPath}/nodeSelector`, Object.fromEntries(labels)));
    else for (const [k, v] of labels) obj.addJsonPatch(JsonPatch.add(`${specPath}/nodeSelector/${escape(k)}`, v));
  } else if (labels.length > 0) {
    const expressions = labels.map(([key, value]) => ({ key, operator: 'In', values: [value] }));
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (Array.isArray(terms) && terms.length > 0) {
      // Terms are ORed: every term must carry the requirements.
      terms.forEach((_: unknown, i: number) => {
        for (const e of expressions) obj.addJsonPatch(JsonPatch.add(`${specPath}/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/${i}/matchExpressions/-`, e));
      });
    } else {
      const required = { nodeSelectorTerms: [{ matchExpressions: expressions }] };
      if (spec.affinity === undefined) obj.addJsonPatch(JsonPatch.add(`${specPath}/affinity`, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } }));
      else if (spec.affinity.nodeAffinity === undefined) obj.addJsonPatch(JsonPatch.add(`${specPath}/affinity/nodeAffinity`, { requiredDuringSchedulingIgnoredDuringExecution: required }));
      else obj.addJsonPatch(JsonPatch.add(`${specPath}/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution`, required));
    }
  }
  const tolerations = scheduling.tolerations.map((t) => (t.value === undefined
    ? { key: t.key, operator: 'Exists', effect: t.effect }
    : { key: t.key, operator: 'Equal', value: t.value, effect: t.effect }));
  if (tolerations.length === 0) return;
  if (spec.tolerations === undefined) obj.addJsonPatch(JsonPatch.add(`${specPath}/tolerations`, tolerations));
  else for (const t of tolerations) obj.addJsonPatch(JsonPatch.add(`${specPath}/tolerations/-`, t));
}

// The app's declared objects (collected once per validation pass) are read through this module.
export { declaredObjects } from './declared-objects';
export type { DeclaredObjects } from './declared-objects';
