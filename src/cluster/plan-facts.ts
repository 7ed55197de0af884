import { IConstruct } from 'constructs';
import { declaredObjects, labelIndexKey } from './declared-objects';
import { apiObjectOf } from './workloads';
import { EipWorkloadsFact, PlaneFact } from '../domain/network-plan/facts';
import { eipMode, planeFact } from '../domain/network-plan/from-rules';
import { EipOptionsModel } from '../domain/pod-eip';
import { PlaneModel } from '../domain/pod-networking';

/**
 * A plane's network plan fact: its model and the workloads of the app it selects. Only the
 * workloads carrying one of the pod selector's labels are tested, so a fleet of planes and
 * workloads costs about one pass over the workloads.
 */
export function planeFactOf(plane: IConstruct, model: PlaneModel): PlaneFact {
  const objects = declaredObjects(plane.node.root);
  const labels = model.podSelector?.matchLabels ?? {};
  const key = Object.keys(labels).sort()[0];
  const candidates = key === undefined ? objects.workloads : objects.workloadsByPodLabel.get(labelIndexKey(key, labels[key])) ?? [];
  return planeFact(plane.node.path, model, candidates, objects.namespaces);
}

/** The EIP workloads of a PodEipWorkloads construct. */
export function eipWorkloadsFactOf(owner: IConstruct, implementation: string,
  workloads: ReadonlyArray<{ readonly workload: IConstruct; readonly options: EipOptionsModel }>): EipWorkloadsFact {
  return {
    kind: 'eipWorkloads',
    path: owner.node.path,
    implementation,
    workloads: workloads.map(({ workload, options }) => {
      const json = apiObjectOf(workload)?.toJson() ?? {};
      return {
        path: workload.node.path,
        kind: String(json.kind ?? 'unknown'),
        namespace: String(json.metadata?.namespace ?? 'default'),
        name: String(json.metadata?.name ?? workload.node.id),
        ...eipMode(options),
      };
    }),
  };
}
