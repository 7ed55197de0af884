/**
 * The facts of a cluster that already runs, read from the ACK and VPC APIs' JSON
 * (`aliyun cs GET /clusters`, `aliyun cs GET /clusters/<id>`, `aliyun vpc DescribeVSwitches`,
 * `aliyun ecs DescribeInstanceTypes`), and their mapping into the models the rules take.
 * Used by the audit command and by the public `TerwayClusterDescription` reader.
 */
import { InstanceEniCapacity } from './capacity-model';
import { ClusterNetworkPlan, DEFAULT_CLUSTER_DOMAIN, ManagedClusterConfig, VSwitchPlan, ZonePlan } from './cluster-network';
import { IpStack, NetworkAcceleration } from './enums';
import { checkInputs, InputChecker, isPlainObject } from './input';

/** `parameters.Network` of a cluster in Terway shared ENI (multi-IP) mode. */
export const TERWAY_ENIIP = 'terway-eniip';
/** Managed clusters created before this date may not support Trunk ENI. */
export const TRUNK_SUPPORT_SINCE = '2020-06-01';

/** A value the rules treat as unknown (the token marker they skip). */
const UNKNOWN = '${unknown}';

/** What the rules use from one ACK cluster description. */
export interface AckClusterFacts {
  readonly clusterId: string;
  readonly name?: string;
  /** `cluster_type`: ManagedKubernetes, Kubernetes (dedicated), ExternalKubernetes, … */
  readonly clusterType?: string;
  /** `created`, an RFC 3339 time. */
  readonly created?: string;
  readonly currentVersion?: string;
  /** `parameters.Network`, e.g. `terway-eniip` or `Flannel`. */
  readonly network?: string;
  /** `parameters.PodVswitchIds` (a JSON array inside a string); undefined when absent. */
  readonly podVswitchIds?: ReadonlyArray<string>;
  /** Node vSwitches (`vswitch_ids`, `vswitch_id`, or `parameters.WorkerVSwitchIds`). */
  readonly nodeVswitchIds: ReadonlyArray<string>;
  /** `parameters.ServiceCIDR` or `service_cidr`; undefined when empty. */
  readonly serviceCidr?: string;
  /** `parameters.ContainerCIDR` or `subnet_cidr` (Flannel's pod CIDR); undefined when empty. */
  readonly podCidr?: string;
  /** `parameters.IPStack` or `ip_stack`. */
  readonly ipStack?: string;
  readonly vpcId?: string;
  readonly securityGroupId?: string;
  /** `parameters.WorkerInstanceTypes` (comma-separated). */
  readonly workerInstanceTypes: ReadonlyArray<string>;
}

/** One vSwitch from DescribeVSwitches. */
export interface VSwitchFacts {
  readonly id: string;
  readonly zoneId: string;
  readonly cidr?: string;
  readonly availableIps?: number;
  readonly vpcId?: string;
}

/** Whether a JSON value looks like one cluster of `aliyun cs GET /clusters[/<id>]`. */
export function isAckClusterShape(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && typeof value.cluster_id === 'string'
    && ['parameters', 'cluster_type', 'network_mode', 'vpc_id', 'state'].some((key) => value[key] !== undefined);
}

/** API output uses null for "unset"; the shape checks treat only undefined as unset. */
function opt(value: unknown): unknown {
  return value === null ? undefined : value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Parses `parameters.PodVswitchIds`: a JSON array of vSwitch IDs inside a string. */
function podVswitchIdsOf(check: InputChecker, text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return check.fail('parameters.PodVswitchIds', `is ${JSON.stringify(text).slice(0, 80)}, expected a JSON array of vSwitch IDs inside a string, e.g. "[\\"vsw-…\\"]"`);
  }
  return check.stringArray('parameters.PodVswitchIds', parsed).filter((s) => s !== '');
}

/**
 * Reads one cluster of `aliyun cs GET /clusters` or `aliyun cs GET /clusters/<id>`, checking
 * the shape of every field it uses.
 * @param where the entry point or file, for messages
 */
export function ackClusterFacts(value: unknown, where: string): AckClusterFacts {
  const check = checkInputs(where);
  const c = check.object('cluster', value);
  const at = check.at('cluster');
  const params = at.object('parameters', opt(c.parameters), { optional: true }) ?? {};
  const p = at.at('parameters');
  const str = (chk: InputChecker, name: string, v: unknown) => chk.string(name, opt(v), { optional: true });
  const nodeVswitchIds = [
    ...(at.stringArray('vswitch_ids', opt(c.vswitch_ids), { optional: true }) ?? []),
    ...commaList(str(at, 'vswitch_id', c.vswitch_id)),
    ...commaList(str(p, 'WorkerVSwitchIds', params.WorkerVSwitchIds)),
  ];
  return {
    clusterId: at.string('cluster_id', c.cluster_id, { minLength: 1 }),
    name: str(at, 'name', c.name),
    clusterType: str(at, 'cluster_type', c.cluster_type),
    created: str(at, 'created', c.created),
    currentVersion: nonEmpty(str(at, 'current_version', c.current_version)) ?? nonEmpty(str(p, 'KubernetesVersion', params.KubernetesVersion)),
    network: nonEmpty(str(p, 'Network', params.Network)),
    podVswitchIds: podVswitchIdsOf(at, str(p, 'PodVswitchIds', params.PodVswitchIds)),
    nodeVswitchIds: [...new Set(nodeVswitchIds)],
    serviceCidr: nonEmpty(str(p, 'ServiceCIDR', params.ServiceCIDR)) ?? nonEmpty(str(at, 'service_cidr', c.service_cidr)),
    podCidr: nonEmpty(str(p, 'ContainerCIDR', params.ContainerCIDR)) ?? nonEmpty(str(at, 'subnet_cidr', c.subnet_cidr))
      ?? nonEmpty(str(at, 'container_cidr', c.container_cidr)),
    ipStack: nonEmpty(str(p, 'IPStack', params.IPStack)) ?? nonEmpty(str(at, 'ip_stack', c.ip_stack)),
    vpcId: nonEmpty(str(at, 'vpc_id', c.vpc_id)),
    securityGroupId: nonEmpty(str(at, 'security_group_id', c.security_group_id)),
    workerInstanceTypes: commaList(str(p, 'WorkerInstanceTypes', params.WorkerInstanceTypes)),
  };
}

/** Whether a JSON value looks like `aliyun vpc DescribeVSwitches` output. */
export function isDescribeVSwitchesShape(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && isPlainObject(value.VSwitches) && 'VSwitch' in value.VSwitches;
}

/** Reads `aliyun vpc DescribeVSwitches` output. */
export function vswitchesFromDescribe(value: unknown, where: string): VSwitchFacts[] {
  const check = checkInputs(where);
  const root = check.object('DescribeVSwitches', value);
  const list = check.at('DescribeVSwitches').at('VSwitches').array('VSwitch', check.at('DescribeVSwitches').object('VSwitches', root.VSwitches).VSwitch);
  return list.map((item, i) => {
    const at = check.at(`VSwitches.VSwitch[${i}]`);
    const v = check.object(`VSwitches.VSwitch[${i}]`, item);
    return {
      id: at.string('VSwitchId', v.VSwitchId, { minLength: 1 }),
      zoneId: at.string('ZoneId', v.ZoneId, { minLength: 1 }),
      cidr: nonEmpty(at.string('CidrBlock', opt(v.CidrBlock), { optional: true })),
      availableIps: at.integer('AvailableIpAddressCount', opt(v.AvailableIpAddressCount), { optional: true, min: 0 }),
      vpcId: at.string('VpcId', opt(v.VpcId), { optional: true }),
    };
  });
}

/** Whether a JSON value looks like `aliyun ecs DescribeInstanceTypes` output. */
export function isDescribeInstanceTypesShape(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && isPlainObject(value.InstanceTypes) && 'InstanceType' in value.InstanceTypes;
}

/** Reads `aliyun ecs DescribeInstanceTypes` output: ENI capacity per instance type. */
export function instanceTypesFromDescribe(value: unknown, where: string): Map<string, InstanceEniCapacity> {
  const check = checkInputs(where);
  const root = check.object('DescribeInstanceTypes', value);
  const list = check.at('DescribeInstanceTypes').at('InstanceTypes').array('InstanceType', check.at('DescribeInstanceTypes').object('InstanceTypes', root.InstanceTypes).InstanceType);
  const out = new Map<string, InstanceEniCapacity>();
  list.forEach((item, i) => {
    const at = check.at(`InstanceTypes.InstanceType[${i}]`);
    const t = check.object(`InstanceTypes.InstanceType[${i}]`, item);
    out.set(at.string('InstanceTypeId', t.InstanceTypeId, { minLength: 1 }), {
      enis: at.integer('EniQuantity', t.EniQuantity, { min: 0 }),
      ipv4PerEni: at.integer('EniPrivateIpAddressQuantity', t.EniPrivateIpAddressQuantity, { min: 0 }),
      ipv6PerEni: at.integer('EniIpv6AddressQuantity', opt(t.EniIpv6AddressQuantity), { optional: true, min: 0 }),
      eniTotal: at.integer('EniTotalQuantity', opt(t.EniTotalQuantity), { optional: true, min: 0 }),
      source: `DescribeInstanceTypes (${where})`,
    });
  });
  return out;
}

/** Whether the cluster runs Terway (any mode). */
export function isTerway(facts: AckClusterFacts): boolean {
  return (facts.network ?? '').toLowerCase().startsWith('terway');
}

/** True for an ACK dedicated cluster (`cluster_type` Kubernetes); undefined when unknown. */
export function isDedicated(facts: AckClusterFacts): boolean | undefined {
  return facts.clusterType === undefined ? undefined : facts.clusterType === 'Kubernetes';
}

/** True for a managed cluster created before June 2020; undefined when unknown. */
export function createdBeforeJune2020(facts: AckClusterFacts): boolean | undefined {
  if (facts.clusterType !== 'ManagedKubernetes' || facts.created === undefined) return undefined;
  const created = Date.parse(facts.created);
  return Number.isNaN(created) ? undefined : created < Date.parse(`${TRUNK_SUPPORT_SINCE}T00:00:00+08:00`);
}

/**
 * The ACK-009 view of a running cluster: its network plug-in as the only CNI add-on, its pod
 * vSwitches, and (for Terway clusters) a Flannel pod CIDR if one is set.
 */
export function managedClusterConfigOf(facts: AckClusterFacts): ManagedClusterConfig {
  const terway = isTerway(facts);
  return {
    addons: facts.network === undefined ? [] : [{ name: facts.network }],
    // ACK always lists PodVswitchIds for Terway clusters; absent means none.
    podVswitchIds: facts.podVswitchIds ?? (terway ? [] : undefined),
    podCidr: terway ? facts.podCidr : undefined,
    trunkRequested: false,
    existingCluster: true,
  };
}

/**
 * The cluster network plan of a running cluster. Facts the APIs do not give (SNAT, RRSA,
 * acceleration, Trunk choice, cluster domain) are set to values that raise no finding;
 * callers keep only the findings of rules the inputs decide.
 * @param vswitches DescribeVSwitches facts by ID; zones and CIDRs come from there
 */
export function clusterNetworkPlanOf(facts: AckClusterFacts, vswitches: ReadonlyMap<string, VSwitchFacts>): ClusterNetworkPlan {
  const zones = new Map<string, { node: VSwitchPlan[]; pod: VSwitchPlan[] }>();
  const add = (role: 'node' | 'pod', id: string, index: number) => {
    const v = vswitches.get(id);
    if (!v) return;
    const zone = zones.get(v.zoneId) ?? { node: [], pod: [] };
    zones.set(v.zoneId, zone);
    zone[role].push({ role, zoneId: v.zoneId, label: `${role} vSwitch #${index + 1} ${id} in ${v.zoneId}`, cidr: v.cidr, existingId: id });
  };
  facts.nodeVswitchIds.forEach((id, i) => add('node', id, i));
  (facts.podVswitchIds ?? []).forEach((id, i) => add('pod', id, i));
  const zonePlans: ZonePlan[] = [...zones.keys()].sort().map((zoneId) => ({
    zoneId, nodeVSwitches: zones.get(zoneId)!.node, podVSwitches: zones.get(zoneId)!.pod,
  }));
  return {
    existingVpcId: facts.vpcId,
    existingSecurityGroupId: facts.securityGroupId,
    vpcCidrs: [],
    zones: zonePlans,
    planeVSwitches: [],
    // An empty ServiceCIDR is unknown (not judged), like an unresolved token.
    serviceCidr: facts.serviceCidr ?? UNKNOWN,
    kubernetesVersion: facts.currentVersion,
    ipStack: (facts.ipStack ?? '').toLowerCase() === 'dual' ? IpStack.DUAL : IpStack.IPV4,
    acceleration: NetworkAcceleration.NONE,
    clusterDomain: DEFAULT_CLUSTER_DOMAIN,
    podVSwitchesHaveSnat: true,
    rrsaEnabled: true,
    vpcIpv6Enabled: true,
    exclusiveEniNodePools: [],
  };
}

/** IDs of the cluster's vSwitches (node and pod) that DescribeVSwitches did not describe. */
export function undescribedVSwitches(facts: AckClusterFacts, vswitches: ReadonlyMap<string, VSwitchFacts>): string[] {
  return [...facts.nodeVswitchIds, ...(facts.podVswitchIds ?? [])].filter((id) => !vswitches.has(id));
}
