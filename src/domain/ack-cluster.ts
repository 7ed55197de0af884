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
  /**
   * The network plug-in as the response names it: `parameters.Network` (e.g. `terway-eniip`,
   * `Flannel`), else the CNI add-ons of `meta_data.Addons` (e.g. `flannel`), else
   * `meta_data.Capabilities.Network` (e.g. `Flannel`, `Terway`). See {@link networkPluginOf}.
   */
  readonly network?: string;
  /** The field `network` was read from (`parameters.Network`, `meta_data.Addons`, `meta_data.Capabilities.Network`). */
  readonly networkSource?: string;
  /** Enabled CNI add-ons listed in `meta_data.Addons` (lower case); undefined when meta_data lists no add-ons. */
  readonly cniAddons?: ReadonlyArray<string>;
  /** Set when `meta_data` is present but not a JSON object (its facts are then unknown). */
  readonly metaDataUnreadable?: boolean;
  /** `parameters.PodVswitchIds` (a JSON array inside a string), else `meta_data.PodVswitchId`; undefined when absent. */
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
    && ['parameters', 'meta_data', 'cluster_type', 'network_mode', 'vpc_id', 'state'].some((key) => value[key] !== undefined);
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
function podVswitchIdsOf(check: InputChecker, text: string | undefined, property = 'parameters.PodVswitchIds'): string[] | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return check.fail(property, `is ${JSON.stringify(text).slice(0, 80)}, expected a JSON array of vSwitch IDs inside a string, e.g. "[\\"vsw-…\\"]"`);
  }
  return check.stringArray(property, parsed).filter((s) => s !== '');
}

/** Add-on names that are a network plug-in (CNI), as ACK lists them in `meta_data.Addons`. */
const CNI_ADDONS = ['terway-eniip', 'terway-eni', 'terway-controlplane', 'terway', 'flannel', 'kube-flannel-ds'];

/** What `meta_data` (a JSON document inside a string) says about the network. */
interface MetaDataFacts {
  readonly unreadable?: boolean;
  readonly cniAddons?: string[];
  readonly capabilitiesNetwork?: string;
  readonly podVswitchIds?: string[];
}

/**
 * Reads `meta_data`: the DescribeClusterDetail / DescribeClustersV1 responses hold the
 * network facts there, as a JSON string with `Addons` (`[{"name": "flannel", "disabled": false, …}]`),
 * `Capabilities.Network` and `PodVswitchId`. A string that is not a JSON object (the API
 * reference's own example shows a placeholder) gives no facts.
 * @see https://help.aliyun.com/document_detail/93083.html
 */
function metaDataOf(check: InputChecker, value: unknown): MetaDataFacts {
  if (value === undefined || value === null || value === '') return {};
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value);
    } catch {
      return { unreadable: true };
    }
  }
  if (!isPlainObject(doc)) return typeof value === 'string' ? { unreadable: true } : check.fail('meta_data', `is ${value === null ? 'null' : typeof value}; expected a JSON object inside a string`);
  const m = check.at('meta_data');
  const addons = m.array('Addons', opt(doc.Addons), { optional: true });
  const cniAddons = addons?.flatMap((a, i) => {
    const addon = m.object(`Addons[${i}]`, a);
    const name = m.at(`Addons[${i}]`).string('name', addon.name).trim().toLowerCase();
    const disabled = opt(addon.disabled);
    if (disabled !== undefined && typeof disabled !== 'boolean') m.fail(`Addons[${i}].disabled`, `is ${JSON.stringify(disabled)}; expected true or false`);
    return CNI_ADDONS.includes(name) && disabled !== true ? [name] : [];
  });
  const caps = m.object('Capabilities', opt(doc.Capabilities), { optional: true });
  const capabilitiesNetwork = caps === undefined ? undefined : nonEmpty(m.at('Capabilities').string('Network', opt(caps.Network), { optional: true }));
  const podText = nonEmpty(m.string('PodVswitchId', opt(doc.PodVswitchId), { optional: true }));
  let podVswitchIds: string[] | undefined;
  if (podText !== undefined) {
    podVswitchIds = podText.startsWith('[') ? podVswitchIdsOf(m, podText, 'PodVswitchId') : commaList(podText);
  } else if (doc.PodVswitchId === '') {
    podVswitchIds = [];
  }
  return { cniAddons: cniAddons === undefined ? undefined : [...new Set(cniAddons)], capabilitiesNetwork, podVswitchIds };
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
  const meta = metaDataOf(at, c.meta_data);
  const paramNetwork = nonEmpty(str(p, 'Network', params.Network));
  const addonNetwork = meta.cniAddons && meta.cniAddons.length > 0 ? meta.cniAddons.join(', ') : undefined;
  const [network, networkSource] = paramNetwork !== undefined ? [paramNetwork, 'parameters.Network']
    : addonNetwork !== undefined ? [addonNetwork, 'meta_data.Addons']
      : meta.capabilitiesNetwork !== undefined ? [meta.capabilitiesNetwork, 'meta_data.Capabilities.Network'] : [undefined, undefined];
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
    network,
    networkSource,
    cniAddons: meta.cniAddons,
    metaDataUnreadable: meta.unreadable,
    podVswitchIds: podVswitchIdsOf(at, str(p, 'PodVswitchIds', params.PodVswitchIds)) ?? meta.podVswitchIds,
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

/** The network plug-in of a running cluster, as far as its description decides it. */
export interface NetworkPlugin {
  /**
   * `terway-eniip` (shared ENI), `terway-eniip+trunk` (shared ENI with terway-controlplane),
   * `terway-eni` (exclusive ENI cluster), `flannel`, `terway` (Terway, mode not stated), or
   * the value as given for anything else; undefined when the description names none.
   */
  readonly name?: string;
  /** The field that decided it, e.g. `meta_data.Addons`. */
  readonly source?: string;
  /** The value that field holds, as given. */
  readonly value?: string;
}

/**
 * Decides the network plug-in from whichever field the response carries, in this order:
 * `parameters.Network` (the field the AlibabaCloud-ACK-009 check reads), `meta_data.Addons`,
 * `meta_data.Capabilities.Network` (which says Terway but not its mode).
 */
export function networkPluginOf(facts: AckClusterFacts): NetworkPlugin {
  if (facts.network === undefined) return {};
  const value = facts.network;
  const source = facts.networkSource;
  if (source === 'meta_data.Addons') {
    const addons = facts.cniAddons ?? [];
    const name = addons.includes('terway-eniip') ? (addons.includes('terway-controlplane') ? 'terway-eniip+trunk' : 'terway-eniip')
      : addons.includes('terway-eni') ? 'terway-eni'
        : addons.some((a) => a === 'flannel' || a === 'kube-flannel-ds') ? 'flannel' : addons.includes('terway') ? 'terway' : value;
    return { name, source, value };
  }
  const lower = value.toLowerCase();
  const name = lower === 'terway-eniip' || lower === 'terway-eni' || lower === 'flannel' || lower === 'terway' ? lower : value;
  return { name, source, value };
}

/**
 * The ACK-009 view of a running cluster: its CNI add-ons (from `meta_data.Addons`, or the
 * network plug-in as the only one), its pod vSwitches, and (for Terway clusters) a Flannel pod
 * CIDR if one is set.
 */
export function managedClusterConfigOf(facts: AckClusterFacts): ManagedClusterConfig {
  const terway = isTerway(facts);
  const fromAddons = facts.networkSource === 'meta_data.Addons' && facts.cniAddons !== undefined;
  const names = fromAddons ? [...new Set(facts.cniAddons!.map((a) => (a === 'kube-flannel-ds' ? 'flannel' : a)))] : facts.network === undefined ? [] : [facts.network];
  return {
    addons: names.map((name) => ({ name })),
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
