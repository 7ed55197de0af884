import { ApiObject, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { podTemplateOf, TEMPLATE_KINDS } from './declared-objects';

/** Labels that a construct can carry (cdk8s-plus metadata objects have `addLabel`). */
interface LabelTarget {
  addLabel(key: string, value: string): void;
}

function hasLabelTarget(value: unknown): value is LabelTarget {
  return typeof value === 'object' && value !== null && typeof (value as LabelTarget).addLabel === 'function';
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
  const podMetadata = (workload as { podMetadata?: unknown }).podMetadata;
  if (hasLabelTarget(podMetadata)) {
    for (const [k, v] of Object.entries(labels)) podMetadata.addLabel(k, v);
    return;
  }
  const obj = apiObjectOf(workload);
  if (!obj) throw new Error(`${workload.node.path} is not a Kubernetes workload (no pod template and no ApiObject).`);
  if (obj.kind === 'Pod') {
    for (const [k, v] of Object.entries(labels)) obj.metadata.addLabel(k, v);
    return;
  }
  const templatePath = obj.kind === 'CronJob' ? '/spec/jobTemplate/spec/template' : TEMPLATE_KINDS.includes(obj.kind) ? '/spec/template' : undefined;
  if (!templatePath) throw new Error(`${workload.node.path}: kind ${obj.kind} has no pod template to label.`);
  const metadata = podTemplateOf(obj.toJson())?.metadata;
  if (metadata === undefined) {
    obj.addJsonPatch(JsonPatch.add(`${templatePath}/metadata`, { labels: { ...labels } }));
  } else if (metadata.labels === undefined) {
    obj.addJsonPatch(JsonPatch.add(`${templatePath}/metadata/labels`, { ...labels }));
  } else {
    for (const [k, v] of Object.entries(labels)) obj.addJsonPatch(JsonPatch.add(`${templatePath}/metadata/labels/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, v));
  }
}

/** Adds labels to a Namespace (cdk8s-plus Namespace or a raw ApiObject). */
export function addNamespaceLabels(namespace: IConstruct, labels: Record<string, string>): void {
  const obj = apiObjectOf(namespace);
  const metadata = (namespace as { metadata?: unknown }).metadata;
  const target = hasLabelTarget(metadata) ? metadata : obj?.metadata;
  if (!target || (obj && obj.kind !== 'Namespace')) throw new Error(`${namespace.node.path} is not a Namespace.`);
  for (const [k, v] of Object.entries(labels)) target.addLabel(k, v);
}

// The app's declared objects (collected once per validation pass) are read through this module.
export { declaredObjects } from './declared-objects';
export type { DeclaredObjects } from './declared-objects';
