import { ClusterFact, PlaneFact, VSwitchFact } from './facts';
import { ClusterNetworkPlan, VSwitchPlan } from '../cluster-network';
import { LabelSelectorModel } from '../label-selector';
import { EipOptionsModel } from '../pod-eip';
import { namespaceLabels, PlaneModel, planeSelects, WorkloadModel } from '../pod-networking';

/** The cluster fact from the plan the cluster-network rules check (node and pod vSwitches; planes come from their resources). */
export function clusterFact(path: string, name: string, plan: ClusterNetworkPlan, extra: {
  trunkEniEnabled?: boolean;
  terwayVersion?: string;
  zoneVSwitchIds?: ReadonlyArray<{ readonly nodeVSwitchIds: ReadonlyArray<string>; readonly podVSwitchIds: ReadonlyArray<string> }>;
}): ClusterFact {
  // IDs by position: literal for existing vSwitches, Terraform references for created ones.
  const fact = (v: VSwitchPlan, zi: number, i: number): VSwitchFact => ({
    role: v.role,
    zoneId: v.zoneId,
    label: v.label,
    cidr: v.cidr,
    vswitchId: v.existingId ?? (v.role === 'node' ? extra.zoneVSwitchIds?.[zi]?.nodeVSwitchIds[i] : extra.zoneVSwitchIds?.[zi]?.podVSwitchIds[i]),
  });
  return {
    kind: 'cluster',
    path,
    name,
    vpcId: plan.existingVpcId,
    vpcCidrs: [...plan.vpcCidrs],
    serviceCidr: plan.serviceCidr,
    expectedPodCount: plan.expectedPodCount,
    trunkEniEnabled: extra.trunkEniEnabled,
    terwayVersion: extra.terwayVersion,
    zones: plan.zones.map((z, zi) => ({
      zoneId: z.zoneId,
      vSwitches: [...z.nodeVSwitches.map((v, i) => fact(v, zi, i)), ...z.podVSwitches.map((v, i) => fact(v, zi, i))],
    })),
  };
}

/** A workload with the namespace labels the selectors see. */
export interface SelectableWorkload extends WorkloadModel {
  readonly path?: string;
}

/**
 * The plane fact: the plane's model and the workloads its selectors pick among `candidates`
 * (all workloads, or those carrying one of the pod selector's labels).
 */
export function planeFact(path: string, plane: PlaneModel, candidates: ReadonlyArray<SelectableWorkload>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>): PlaneFact {
  const selected = candidates.filter((w) => planeSelects(plane, w, namespaceLabels(w.namespace, namespaces)));
  const selector = (s: LabelSelectorModel | undefined) => s && {
    matchLabels: s.matchLabels,
    matchExpressions: s.matchExpressions?.map((e) => ({ key: e.key, operator: e.operator, values: e.values })),
  };
  return {
    kind: 'plane',
    path,
    name: plane.name,
    allocationType: plane.allocationType,
    releaseStrategy: plane.releaseStrategy,
    releaseAfter: plane.releaseAfter,
    eniType: plane.eniType,
    podSelector: selector(plane.podSelector),
    namespaceSelector: selector(plane.namespaceSelector),
    vSwitches: plane.vSwitches.map((v) => ({ vswitchId: v.id, zoneId: v.zoneId })),
    securityGroupIds: [...plane.securityGroupIds],
    workloads: selected.map((w) => ({ kind: w.kind, namespace: w.namespace, name: w.name })),
    namespaces: [...new Set(selected.map((w) => w.namespace))].sort(),
  };
}

/** How a workload's pods get their EIP, in words, with the bandwidth and existing EIP when set. */
export function eipMode(options: EipOptionsModel): { mode: string; bandwidth?: string; existingEipId?: string } {
  return {
    mode: options.existingEipId !== undefined ? 'existing EIP'
      : options.publicIpAddressPoolId !== undefined ? 'new EIP from an IP address pool' : 'new EIP per pod',
    ...(options.bandwidth !== undefined && !Number.isNaN(options.bandwidth) ? { bandwidth: String(options.bandwidth) } : {}),
    ...(options.existingEipId !== undefined ? { existingEipId: options.existingEipId } : {}),
  };
}
