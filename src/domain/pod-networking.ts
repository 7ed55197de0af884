import { RULES } from './catalog';
import { countEngineWork } from './engine-counters';
import { violation } from './finding';
import { parseGoDuration } from './go-duration';
import { resourceIdProblem, ResourceIdKind } from './ids';
import {
  LabelSelectorModel, objectNameProblem, selectorMatches, selectorProblems,
} from './label-selector';
import { Finding } from './rules';
import { known } from './tokens';
import { atLeast, parseTerwayVersion } from './versions';

/** A vSwitch of a plane; the zone is known when it came from a cluster or a plane's resources. */
export interface PlaneVSwitchModel {
  readonly id: string;
  readonly zoneId?: string;
}

/** A PodNetworking plane as the rules see it (CRD values as strings). */
export interface PlaneModel {
  readonly name: string;
  readonly allocationType?: string;
  readonly releaseStrategy?: string;
  readonly releaseAfter?: string;
  readonly podSelector?: LabelSelectorModel;
  readonly namespaceSelector?: LabelSelectorModel;
  readonly securityGroupIds: ReadonlyArray<string>;
  readonly vSwitches: ReadonlyArray<PlaneVSwitchModel>;
  readonly vSwitchSelectionPolicy?: string;
  readonly eniType?: string;
  /** Owner kinds terway-controlplane treats as fixed-name, besides StatefulSet. */
  readonly customStatefulWorkloadKinds: ReadonlyArray<string>;
}

/** What the plane rules know about the cluster; unknown facts are undefined. */
export interface ClusterContextModel {
  readonly zoneIds?: ReadonlyArray<string>;
  readonly trunkEniEnabled?: boolean;
  readonly networkPolicyEnabled?: boolean;
  readonly terwayVersion?: string;
  readonly dedicatedCluster?: boolean;
  readonly createdBeforeJune2020?: boolean;
}

/** A workload (or bare pod) declared in the app, reduced to what pod matching needs. */
export interface WorkloadModel {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  /** Owner kinds of a bare Pod's ownerReferences (empty for a pod without owners). */
  readonly ownerKinds: ReadonlyArray<string>;
  /**
   * Node labels every pod requires: `nodeSelector` entries, and `key In [value]` requirements
   * present in every required node-affinity term. Empty when unknown.
   */
  readonly requiredNodeLabels?: Readonly<Record<string, string>>;
  /** Tolerations of the pod spec. */
  readonly tolerations?: ReadonlyArray<{ readonly key?: string; readonly operator?: string; readonly value?: string; readonly effect?: string }>;
}

/** Minimum TTL before a fixed IP is released (see DOC_TRUNK_PODNETWORKING). */
export const MIN_RELEASE_AFTER_MS = 5 * 60 * 1000;
/** Terway version that introduced eniOptions and vSwitchSelectOptions (see DOC_TRUNK_PODNETWORKING). */
export const ENI_OPTIONS_SINCE = '1.11.0';
/** Terway version whose admission accepts up to 10 security groups (Terway pkg/controller/webhook/validate.go, v1.13.7). */
export const TEN_SECURITY_GROUPS_SINCE = '1.13.7';
/** From this Terway version a selector-less plane is admitted (Terway pkg/controller/webhook/validate.go, v1.13.7). */
export const SELECTORLESS_ADMITTED_SINCE = '1.13.7';
/** From this Terway version the eniType check on selector-less planes applies only without resource injection. */
export const SELECTORLESS_ANY_ENI_TYPE_SINCE = '1.16.1';
/** Label Kubernetes sets on every namespace. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

const CONTROLLER_KINDS_WITH_GENERATED_NAMES = ['Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController'];

/** Whether the plane allocates Fixed IPs. */
export function isFixed(plane: PlaneModel): boolean {
  return plane.allocationType === 'Fixed';
}

/** Rules that look at one plane and the cluster. */
export function checkPlane(plane: PlaneModel, cluster: ClusterContextModel): Finding[] {
  return [...checkSyntax(plane), ...checkAllocation(plane), ...checkResources(plane, cluster), ...checkCluster(plane, cluster)];
}

function checkSyntax(plane: PlaneModel): Finding[] {
  const out: Finding[] = [];
  const fix = 'Use valid Kubernetes names and label syntax; see the message for the offending part.';
  const nameProblem = objectNameProblem(plane.name);
  if (nameProblem) out.push(violation(RULES.PLANE_INVALID, `PodNetworking name ${nameProblem}.`, fix));
  for (const [what, selector] of [['podSelector', plane.podSelector], ['namespaceSelector', plane.namespaceSelector]] as const) {
    for (const p of selector ? selectorProblems(selector) : []) out.push(violation(RULES.PLANE_INVALID, `${what}.${p}.`, fix));
  }
  if (!plane.podSelector && !plane.namespaceSelector) {
    out.push(violation(RULES.PLANE_WITHOUT_SELECTOR, `Plane ${plane.name} has neither podSelector nor namespaceSelector, so no pod matches it.`,
      'Add a podSelector and/or namespaceSelector; a plane without selectors is only usable through the k8s.aliyun.com/pod-networks-request annotation.'));
  }
  return out;
}

function checkAllocation(plane: PlaneModel): Finding[] {
  const out: Finding[] = [];
  const strategy = plane.releaseStrategy;
  const after = plane.releaseAfter;
  if (!isFixed(plane) && (strategy !== undefined || after !== undefined)) {
    out.push(violation(RULES.RELEASE_ONLY_FIXED, `Plane ${plane.name} is ${plane.allocationType ?? 'Elastic'} but sets ${strategy !== undefined ? `releaseStrategy ${strategy}` : `releaseAfter ${after}`}.`,
      'Remove releaseStrategy/releaseAfter, or use allocationType Fixed.'));
    return out;
  }
  if (after !== undefined && strategy !== 'TTL') {
    out.push(violation(RULES.RELEASE_AFTER_ONLY_TTL, `Plane ${plane.name} sets releaseAfter "${after}" with releaseStrategy ${strategy ?? '(none)'}.`,
      'Set releaseStrategy TTL to release IPs after a delay, or drop releaseAfter (Never keeps IPs until you delete the PodENIs).'));
  }
  if (strategy === 'TTL') {
    const ms = after === undefined ? undefined : parseGoDuration(after);
    if (ms === undefined) {
      out.push(violation(RULES.RELEASE_AFTER_FORMAT, `Plane ${plane.name} has releaseStrategy TTL with releaseAfter ${after === undefined ? 'missing' : `"${after}"`}.`,
        'Set releaseAfter to a Go duration of at least 5 minutes, e.g. "1h", "2h45m" or "5m0s" (no days: write 24h).'));
    } else if (ms < MIN_RELEASE_AFTER_MS) {
      out.push(violation(RULES.RELEASE_AFTER_MINIMUM, `Plane ${plane.name} releases fixed IPs after ${after}.`,
        'Use releaseAfter of at least 5m; a shorter TTL releases the IP before a restarted pod can reclaim it.'));
    }
  }
  if (isFixed(plane) && strategy === undefined) {
    out.push(violation(RULES.FIXED_WITHOUT_RELEASE, `Fixed plane ${plane.name} has no releaseStrategy.`,
      'Set releaseStrategy TTL with releaseAfter (e.g. 1h), or Never explicitly if IPs should stay reserved until PodENIs are deleted.'));
  }
  return out;
}

function checkResources(plane: PlaneModel, cluster: ClusterContextModel): Finding[] {
  const out: Finding[] = [];
  const sgCount = plane.securityGroupIds.length;
  const version = cluster.terwayVersion ? parseTerwayVersion(cluster.terwayVersion) : undefined;
  const tenAllowed = version !== undefined && atLeast(version, TEN_SECURITY_GROUPS_SINCE);
  const sgFix = 'Give the plane 1 to 5 security groups; all of them apply to the pod\'s ENI at once.';
  if (sgCount === 0) {
    out.push(violation(RULES.SECURITY_GROUP_COUNT, `Plane ${plane.name} has no security group.`, sgFix));
  } else if (sgCount > 10 || (sgCount > 5 && !tenAllowed)) {
    out.push(violation(RULES.SECURITY_GROUP_COUNT,
      `Plane ${plane.name} has ${sgCount} security groups; ACK documents 1 to 5 and Terway's admission accepts at most 10 (from v1.13.7).`, sgFix));
  }
  for (const sg of plane.securityGroupIds) {
    const literal = known(sg);
    const problem = literal === undefined ? undefined : resourceIdProblem(ResourceIdKind.SECURITY_GROUP, literal);
    if (problem) out.push(violation(RULES.RESOURCE_ID, `Plane ${plane.name} security group: ${problem}.`, 'Pass security group IDs exactly as the ECS console shows them.'));
  }
  if (plane.vSwitches.length === 0) {
    out.push(violation(RULES.PLANE_NEEDS_VSWITCH, `Plane ${plane.name} has no vSwitch.`,
      'Add at least one vSwitch (with enough free IPs) in a zone where the cluster has nodes.'));
  }
  for (const vsw of plane.vSwitches) {
    const literal = known(vsw.id);
    const problem = literal === undefined ? undefined : resourceIdProblem(ResourceIdKind.VSWITCH, literal);
    if (problem) out.push(violation(RULES.RESOURCE_ID, `Plane ${plane.name} vSwitch: ${problem}.`, 'Pass vSwitch IDs exactly as the VPC console shows them.'));
  }
  const zones = new Set(plane.vSwitches.map((v) => v.zoneId).filter((z): z is string => z !== undefined));
  if (cluster.zoneIds !== undefined) {
    const clusterZones = cluster.zoneIds;
    const outside = [...zones].filter((z) => !clusterZones.includes(z));
    if (outside.length > 0) {
      out.push(violation(RULES.PLANE_VSWITCH_ZONE, `Plane ${plane.name} uses vSwitches in ${outside.join(', ')}, where the cluster has no nodes (cluster zones: ${clusterZones.join(', ')}).`,
        'Use vSwitches in the cluster\'s node zones; pods of the plane can only run in its vSwitches\' zones.'));
    }
    const uncovered = clusterZones.filter((z) => !zones.has(z));
    if (zones.size > 0 && uncovered.length > 0 && plane.vSwitches.every((v) => v.zoneId !== undefined)) {
      out.push(violation(RULES.PLANE_ZONE_PINNING, `Pods of plane ${plane.name} can run only in ${[...zones].join(', ')}, not in ${uncovered.join(', ')}.`,
        'Add a vSwitch in every node zone the pods may need, or acknowledge the pinning (the cluster autoscaler may fail to scale out node pools in other zones for these pods).'));
    }
  }
  return out;
}

function checkCluster(plane: PlaneModel, cluster: ClusterContextModel): Finding[] {
  const out: Finding[] = [];
  const eniType = plane.eniType ?? 'Default';
  if (eniType !== 'ENI' && cluster.trunkEniEnabled === false) {
    out.push(violation(RULES.PLANE_NEEDS_TRUNK, `Plane ${plane.name} (eniType ${eniType}) needs Trunk ENI, which the cluster does not have enabled.`,
      'Enable Trunk ENI on the cluster (TerwayCluster trunkEni, or EniConfig with enableTrunking plus the terway-controlplane add-on), or use eniType ENI with exclusive ENI node pools.'));
  }
  const version = cluster.terwayVersion ? parseTerwayVersion(cluster.terwayVersion) : undefined;
  if (version && !plane.podSelector && !plane.namespaceSelector) {
    // The validating webhook's history: v1.13.7 stopped denying selector-less planes but
    // required eniType Default for them; v1.16.1 kept that only when terway-controlplane's
    // enableWebhookInjectResource is false (default true).
    const deniedAll = !atLeast(version, SELECTORLESS_ADMITTED_SINCE);
    const deniedType = !deniedAll && !atLeast(version, SELECTORLESS_ANY_ENI_TYPE_SINCE) && eniType !== 'Default';
    if (deniedAll || deniedType) {
      out.push(violation(RULES.SELECTORLESS_DENIED,
        deniedAll
          ? `Plane ${plane.name} has no selector; Terway ${cluster.terwayVersion} denies it ("neither the PodSelector nor the NamespaceSelector is set").`
          : `Plane ${plane.name} has no selector and eniType ${eniType}; Terway ${cluster.terwayVersion} denies it ("attachType must be default when podSelector and namespaceSelector are not set").`,
        deniedAll ? 'Add a podSelector or namespaceSelector, or upgrade Terway to v1.13.7 or later.' : 'Use eniType Default, add a selector, or upgrade Terway to v1.16.1 or later.'));
    }
  }
  if (version && !atLeast(version, ENI_OPTIONS_SINCE)) {
    const used = [
      plane.eniType !== undefined ? `eniOptions.eniType ${plane.eniType}` : undefined,
      plane.vSwitchSelectionPolicy !== undefined ? `vSwitchSelectOptions.vSwitchSelectionPolicy ${plane.vSwitchSelectionPolicy}` : undefined,
    ].filter((u): u is string => u !== undefined);
    if (used.length > 0) {
      out.push(violation(RULES.TERWAY_VERSION_GATE, `Plane ${plane.name} sets ${used.join(' and ')}, but the cluster runs Terway ${cluster.terwayVersion}.`,
        'Upgrade Terway (terway-eniip and terway-controlplane) to v1.11.0 or later, or leave these options unset.'));
    }
  }
  out.push(violation(RULES.SAME_NODE_TRAFFIC,
    `Security groups of plane ${plane.name} do not filter traffic between pods on the same node or from the node itself${cluster.networkPolicyEnabled === false ? ', and the cluster has NetworkPolicy support disabled' : ''}.`,
    'Add Kubernetes NetworkPolicies for same-node isolation (Terway enforces them in shared ENI mode), then acknowledge this warning.'));
  if (cluster.dedicatedCluster === true || cluster.createdBeforeJune2020 === true) {
    out.push(violation(RULES.OLD_OR_DEDICATED_CLUSTER,
      cluster.dedicatedCluster ? 'The cluster is an ACK dedicated cluster.' : 'The cluster is an ACK managed cluster created before June 2020.',
      cluster.dedicatedCluster
        ? 'Apply for the "Container network supports Terway ENI Trunking mode" quota in Quota Center (or submit a ticket) before using planes, then acknowledge.'
        : 'Check that Secret kube-system/addon.network.token exists; if it does not, Trunk ENI is unsupported and you need a new cluster. Then acknowledge.'));
  }
  return out;
}

/** Labels of a workload's namespace: declared labels plus the automatic name label. */
export function namespaceLabels(namespace: string, declared: ReadonlyMap<string, Readonly<Record<string, string>>>): Record<string, string> {
  return { ...(declared.get(namespace) ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
}

/** Whether Terway would consider this plane for the workload's pods by selectors (ignoring Fixed eligibility). */
export function planeSelects(plane: PlaneModel, workload: WorkloadModel, nsLabels: Readonly<Record<string, string>>): boolean {
  countEngineWork('planeWork', plane.name);
  if (!plane.podSelector && !plane.namespaceSelector) return false;
  if (plane.podSelector && !selectorMatches(plane.podSelector, workload.podLabels)) return false;
  if (plane.namespaceSelector && !selectorMatches(plane.namespaceSelector, nsLabels)) return false;
  return true;
}

/** Whether the workload's pods have fixed names in Terway's sense. */
export function hasFixedPodNames(workload: WorkloadModel, customKinds: ReadonlyArray<string>): boolean {
  const fixedKinds = ['StatefulSet', ...customKinds];
  if (workload.kind === 'Pod') return workload.ownerKinds.length === 0 || workload.ownerKinds.some((k) => fixedKinds.includes(k));
  if (CONTROLLER_KINDS_WITH_GENERATED_NAMES.includes(workload.kind)) return false;
  return fixedKinds.includes(workload.kind);
}
