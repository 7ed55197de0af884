import { RULES } from './catalog';
import { blockContains, blocksOverlap, blockSize, findOverlaps, Ipv4Block, isIpv4Block, parseIpv4Cidr, Tagged } from './cidr';
import { IpStack, NetworkAcceleration } from './enums';
import { violation } from './finding';
import { resourceIdProblem, ResourceIdKind } from './ids';
import { Finding } from './rules';
import { known } from './tokens';
import { parseKubernetesVersion, atLeast } from './versions';

/** Whether a vSwitch carries nodes, the cluster's pods, or a PodNetworking plane's pods. */
export type VSwitchRole = 'node' | 'pod' | 'plane';

/** A vSwitch as the rules see it; strings may be unresolved tokens. */
export interface VSwitchPlan {
  readonly role: VSwitchRole;
  readonly zoneId: string;
  /** Human label used in messages, e.g. `pod vSwitch #1 in cn-hangzhou-h`. */
  readonly label: string;
  /** CIDR when known (created vSwitch, or an existing one whose CIDR was given). */
  readonly cidr?: string;
  /** ID of an existing vSwitch. */
  readonly existingId?: string;
}

/** One zone of the cluster network. */
export interface ZonePlan {
  readonly zoneId: string;
  readonly nodeVSwitches: ReadonlyArray<VSwitchPlan>;
  readonly podVSwitches: ReadonlyArray<VSwitchPlan>;
}

/** Everything the cluster-network rules need to know. */
export interface ClusterNetworkPlan {
  readonly existingVpcId?: string;
  readonly existingSecurityGroupId?: string;
  readonly existingNatGatewayId?: string;
  /** VPC CIDRs when known (primary and secondary). Empty when unknown. */
  readonly vpcCidrs: ReadonlyArray<string>;
  /** Whether the VPC has IPv6 enabled; undefined when unknown. */
  readonly vpcIpv6Enabled?: boolean;
  readonly zones: ReadonlyArray<ZonePlan>;
  /** vSwitches created for PodNetworking planes in the cluster's VPC. */
  readonly planeVSwitches: ReadonlyArray<VSwitchPlan>;
  readonly serviceCidr: string;
  readonly kubernetesVersion?: string;
  readonly ipStack: IpStack;
  readonly acceleration: NetworkAcceleration;
  /** The user's explicit Trunk ENI choice; undefined means "library default". */
  readonly trunkEni?: boolean;
  readonly clusterDomain: string;
  readonly expectedPodCount?: number;
  /** True when every pod vSwitch gets an SNAT entry. */
  readonly podVSwitchesHaveSnat: boolean;
  readonly rrsaEnabled: boolean;
  /** Names of node pools labelled for exclusive ENI mode. */
  readonly exclusiveEniNodePools: ReadonlyArray<string>;
}

/** Addresses Alibaba Cloud reserves in every vSwitch (the first and the last three). */
export const VSWITCH_RESERVED_ADDRESSES = 4;

/** Kubernetes minor version from which ACK managed clusters enable Trunk ENI by default. */
export const TRUNK_DEFAULT_FROM = '1.31.0';

/** Default Service CIDR (the ACK API default). */
export const DEFAULT_SERVICE_CIDR = '172.19.0.0/20';

/** Default cluster domain. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

const SERVICE_CIDR_PARENTS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseIpv4Cidr(c) as Ipv4Block);

/**
 * Whether Trunk ENI ends up enabled: the explicit choice, otherwise on for
 * Kubernetes 1.31 or later and for an unpinned version (Trunk ENI and PodNetworking doc: on by default for new
 * managed clusters from 1.31).
 */
export function effectiveTrunkEni(plan: Pick<ClusterNetworkPlan, 'trunkEni' | 'kubernetesVersion'>): boolean {
  if (plan.trunkEni !== undefined) return plan.trunkEni;
  // No version pinned: ACK installs its newest version, which is past 1.31.
  if (plan.kubernetesVersion === undefined) return true;
  const v = parseKubernetesVersion(plan.kubernetesVersion);
  return v !== undefined && atLeast(v, TRUNK_DEFAULT_FROM);
}

/** Usable pod IPs of a vSwitch of the given size. */
export function usableAddresses(block: Ipv4Block): number {
  return Math.max(0, blockSize(block) - VSWITCH_RESERVED_ADDRESSES);
}

/** All findings for a cluster network plan. */
export function checkClusterNetwork(plan: ClusterNetworkPlan): Finding[] {
  return [
    ...checkVersionAndDomain(plan),
    ...checkIds(plan),
    ...checkZones(plan),
    ...checkAddressing(plan),
    ...checkModes(plan),
  ];
}

function checkVersionAndDomain(plan: ClusterNetworkPlan): Finding[] {
  const out: Finding[] = [];
  const version = known(plan.kubernetesVersion);
  if (version !== undefined && !parseKubernetesVersion(version)) {
    out.push(violation(RULES.KUBERNETES_VERSION, `Kubernetes version "${version}" is not an ACK version string.`,
      'Use the full ACK version, e.g. "1.33.1-aliyun.1" (see the ACK release notes for the versions offered in your region).'));
  }
  const domain = known(plan.clusterDomain);
  if (domain !== undefined) {
    const label = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
    if (!new RegExp(`^${label}(\\.${label})*$`).test(domain) || domain.length > 253) {
      out.push(violation(RULES.CLUSTER_DOMAIN_FORMAT, `Cluster domain "${domain}" is not a valid DNS name.`,
        'Use lowercase labels of letters, digits and hyphens separated by dots, e.g. "cluster.local".'));
    } else if (domain !== DEFAULT_CLUSTER_DOMAIN) {
      out.push(violation(RULES.CLUSTER_DOMAIN_CUSTOM,
        `Cluster domain "${domain}" is custom: CoreDNS will answer every name under it internally and never forward it upstream.`,
        'Make sure no public or PrivateZone domain you need lies under it, or keep "cluster.local"; acknowledge this warning once checked.'));
    }
  }
  return out;
}

function checkIds(plan: ClusterNetworkPlan): Finding[] {
  const out: Finding[] = [];
  const check = (kind: ResourceIdKind, id: string | undefined, what: string) => {
    const literal = known(id);
    const problem = literal === undefined ? undefined : resourceIdProblem(kind, literal);
    if (problem) out.push(violation(RULES.RESOURCE_ID, `${what}: ${problem}.`, 'Pass the ID exactly as the VPC console or API shows it.'));
  };
  check(ResourceIdKind.VPC, plan.existingVpcId, 'Existing VPC');
  check(ResourceIdKind.SECURITY_GROUP, plan.existingSecurityGroupId, 'Existing security group');
  check(ResourceIdKind.NAT_GATEWAY, plan.existingNatGatewayId, 'Existing NAT gateway');
  for (const vsw of allVSwitches(plan)) check(ResourceIdKind.VSWITCH, vsw.existingId, `Existing ${vsw.label}`);
  return out;
}

function allVSwitches(plan: ClusterNetworkPlan): VSwitchPlan[] {
  return [...plan.zones.flatMap((z) => [...z.nodeVSwitches, ...z.podVSwitches]), ...plan.planeVSwitches];
}

function checkZones(plan: ClusterNetworkPlan): Finding[] {
  const out: Finding[] = [];
  const seenZones = new Set<string>();
  for (const zone of plan.zones) {
    if (seenZones.has(zone.zoneId)) {
      out.push(violation(RULES.DUPLICATE_ZONE, `Zone ${zone.zoneId} is declared more than once.`,
        'Declare each zone once and list all of its node and pod vSwitches there.'));
    }
    seenZones.add(zone.zoneId);
    if (zone.podVSwitches.length > 0 && zone.nodeVSwitches.length === 0) {
      out.push(violation(RULES.POD_ZONE_NOT_COVERED,
        `Zone ${zone.zoneId} has pod vSwitches but no node vSwitch, so no node of the cluster can use them.`,
        `Add a node vSwitch in ${zone.zoneId}, or move the pod vSwitches to a zone that has nodes.`));
    }
    if (zone.nodeVSwitches.length > 0 && zone.podVSwitches.length === 0) {
      out.push(violation(RULES.NODE_ZONE_WITHOUT_POD_VSWITCH,
        `Zone ${zone.zoneId} has node vSwitches but no pod vSwitch.`,
        `Add a pod vSwitch in ${zone.zoneId} (a /19 or larger block) so pod IPs come from a dedicated range.`));
    }
  }
  // Existing vSwitch IDs used twice, or a node vSwitch reused as a pod vSwitch.
  const byId = new Map<string, VSwitchPlan>();
  for (const vsw of allVSwitches(plan)) {
    const id = known(vsw.existingId);
    if (id === undefined) continue;
    const first = byId.get(id);
    if (!first) {
      byId.set(id, vsw);
    } else if (first.role !== vsw.role && (first.role === 'node' || vsw.role === 'node')) {
      out.push(violation(RULES.POD_VSWITCH_REUSES_NODE_VSWITCH, `vSwitch ${id} is both a node and a pod vSwitch (${first.label}, ${vsw.label}).`,
        'Give pods their own vSwitch so node and pod addresses do not compete.'));
    } else {
      out.push(violation(RULES.DUPLICATE_ZONE, `vSwitch ${id} is listed twice (${first.label}, ${vsw.label}).`, 'List each vSwitch once.'));
    }
  }
  return out;
}

function parseOrReport(text: string | undefined, what: string, out: Finding[]): Ipv4Block | undefined {
  const literal = known(text);
  if (literal === undefined) return undefined;
  const parsed = parseIpv4Cidr(literal);
  if (isIpv4Block(parsed)) return parsed;
  out.push(violation(RULES.CIDR_SYNTAX, `${what}: ${parsed.problem}.`,
    parsed.suggestion ? `Use ${parsed.suggestion}.` : 'Write the block as a.b.c.d/n, e.g. 10.0.0.0/16.'));
  return undefined;
}

function checkAddressing(plan: ClusterNetworkPlan): Finding[] {
  const out: Finding[] = [];
  const vpcBlocks = plan.vpcCidrs.map((c, i) => parseOrReport(c, i === 0 ? 'VPC CIDR' : `VPC secondary CIDR ${c}`, out))
    .filter((b): b is Ipv4Block => b !== undefined);
  for (const b of vpcBlocks) {
    if (b.prefix < 8 || b.prefix > 28) {
      out.push(violation(RULES.CIDR_MASK_RANGE, `VPC CIDR ${b.text} has prefix /${b.prefix}.`, 'Use a VPC CIDR from /8 to /28, e.g. 192.168.0.0/16.'));
    }
  }
  const vswBlocks: Array<Tagged<VSwitchPlan>> = [];
  for (const vsw of allVSwitches(plan)) {
    const block = parseOrReport(vsw.cidr, vsw.label, out);
    if (!block) continue;
    vswBlocks.push({ block, item: vsw });
    if (block.prefix < 16 || block.prefix > 29) {
      out.push(violation(RULES.CIDR_MASK_RANGE, `${vsw.label} ${block.text} has prefix /${block.prefix}.`, 'Use a vSwitch CIDR from /16 to /29.'));
    }
    if (vpcBlocks.length > 0 && !vpcBlocks.some((v) => blockContains(v, block))) {
      out.push(violation(RULES.VSWITCH_OUTSIDE_VPC, `${vsw.label} ${block.text} is not inside the VPC CIDR ${vpcBlocks.map((v) => v.text).join(', ')}.`,
        'Choose a vSwitch block inside the VPC CIDR, or add a secondary VPC CIDR that contains it.'));
    }
    if (vsw.role === 'pod') out.push(...checkPodVSwitchSize(vsw.label, block));
  }
  for (const [a, b] of findOverlaps(vswBlocks)) {
    out.push(violation(RULES.VSWITCH_OVERLAP, `${a.item.label} ${a.block.text} overlaps ${b.item.label} ${b.block.text}.`,
      'Give every vSwitch its own, non-overlapping block inside the VPC CIDR.'));
  }

  const service = parseOrReport(plan.serviceCidr, 'Service CIDR', out);
  if (service) {
    const allowedParent = SERVICE_CIDR_PARENTS.some((p) => blockContains(p, service));
    if (!allowedParent || service.prefix < 16 || service.prefix > 24) {
      out.push(violation(RULES.SERVICE_CIDR_RANGE, `Service CIDR ${service.text} is outside what ACK accepts.`,
        `Use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a prefix from /16 to /24, e.g. ${DEFAULT_SERVICE_CIDR}.`));
    }
    const clashes = [
      ...vpcBlocks.filter((v) => blocksOverlap(v, service)).map((v) => `the VPC CIDR ${v.text}`),
      ...vswBlocks.filter((v) => blocksOverlap(v.block, service)).map((v) => `${v.item.label} ${v.block.text}`),
    ];
    if (clashes.length > 0) {
      out.push(violation(RULES.SERVICE_CIDR_OVERLAP, `Service CIDR ${service.text} overlaps ${clashes.join(', ')}.`,
        'Pick a Service CIDR outside the VPC, e.g. 172.19.0.0/20 for a 10.0.0.0/8 or 192.168.0.0/16 VPC; it cannot be changed after creation.'));
    }
  }

  if (plan.expectedPodCount !== undefined) {
    const podBlocks = vswBlocks.filter((v) => v.item.role === 'pod');
    const unknownPodVSwitches = plan.zones.flatMap((z) => z.podVSwitches).length - podBlocks.length;
    const capacity = podBlocks.reduce((sum, v) => sum + usableAddresses(v.block), 0);
    if (unknownPodVSwitches === 0 && capacity < plan.expectedPodCount) {
      out.push(violation(RULES.POD_IP_CAPACITY,
        `Pod vSwitches offer ${capacity} usable IPs but ${plan.expectedPodCount} pods are expected.`,
        `Add pod vSwitches or use larger blocks (/19 gives ${usableAddresses(parseIpv4Cidr('10.0.0.0/19') as Ipv4Block)} IPs each); leave headroom, pods fail with InvalidVSwitchId.IpNotEnough when a vSwitch is exhausted.`));
    }
  }
  return out;
}

/**
 * Sizing rules for a vSwitch that holds pod IPs (cluster pod vSwitches and plane vSwitches):
 * never smaller than /25, preferably /19 or larger.
 */
export function checkPodVSwitchSize(label: string, block: Ipv4Block): Finding[] {
  if (block.prefix > 25) {
    return [violation(RULES.POD_VSWITCH_TOO_SMALL, `${label} ${block.text} is a /${block.prefix}: only ${usableAddresses(block)} usable pod IPs.`,
      'Use a /19 or larger block for pod vSwitches (never smaller than /25).')];
  }
  if (block.prefix > 19) {
    return [violation(RULES.POD_VSWITCH_SIZING, `${label} ${block.text} is a /${block.prefix} (${usableAddresses(block)} usable pod IPs).`,
      'Prefer a /19 or larger pod vSwitch; pod IPs run out first (InvalidVSwitchId.IpNotEnough) and the block cannot grow later.')];
  }
  return [];
}

function checkModes(plan: ClusterNetworkPlan): Finding[] {
  const out: Finding[] = [];
  const version = plan.kubernetesVersion ? parseKubernetesVersion(plan.kubernetesVersion) : undefined;
  if (plan.ipStack === IpStack.DUAL) {
    if (version && !atLeast(version, '1.22.0')) {
      out.push(violation(RULES.DUAL_STACK_VERSION, `Dual-stack was requested with Kubernetes ${plan.kubernetesVersion}.`,
        'Use Kubernetes 1.22 or later, or ipStack IPV4.'));
    }
    if (plan.vpcIpv6Enabled !== true) {
      out.push(violation(RULES.DUAL_STACK_VPC,
        plan.existingVpcId ? 'Dual-stack was requested on an existing VPC that is not declared IPv6-enabled.' : 'Dual-stack was requested but the VPC is created without IPv6.',
        plan.existingVpcId ? 'Enable IPv6 on the VPC and its vSwitches, then set vpc.ipv6Enabled to true.' : 'Set vpc.enableIpv6 to true so the VPC and its vSwitches get IPv6 blocks.'));
    }
  }
  if (plan.acceleration !== NetworkAcceleration.NONE && plan.exclusiveEniNodePools.length > 0) {
    out.push(violation(RULES.ACCELERATION_SHARED_ONLY,
      `Network acceleration ${plan.acceleration} is enabled but node pools ${plan.exclusiveEniNodePools.join(', ')} run in exclusive ENI mode.`,
      'Turn acceleration off, or run those workloads on shared ENI node pools (exclusive ENI pods support neither eBPF acceleration nor NetworkPolicy).'));
  }
  if (plan.acceleration === NetworkAcceleration.IPVLAN) {
    out.push(violation(RULES.ACCELERATION_LEGACY_IPVLAN, 'Acceleration IPVLAN was requested for a new cluster.',
      'Use NetworkAcceleration.DATAPATH_V2: new clusters get DataPathv2 either way; IPvlan remains only on clusters that already had it.'));
  }
  if (plan.trunkEni === false && version && atLeast(version, TRUNK_DEFAULT_FROM)) {
    out.push(violation(RULES.TRUNK_DEFAULT_ON, `Trunk ENI is disabled for Kubernetes ${plan.kubernetesVersion}.`,
      'Remove trunkEni: false (ACK enables Trunk ENI on managed clusters from 1.31 and it cannot be turned off), or choose a version before 1.31.'));
  }
  if (!plan.podVSwitchesHaveSnat && plan.existingVpcId === undefined) {
    out.push(violation(RULES.POD_VSWITCH_NO_SNAT, 'The pod vSwitches get no SNAT entry, so pods cannot reach the Internet.',
      'Enable natGateway (the default) so every pod vSwitch gets an SNAT entry, or add SNAT entries for the pod vSwitch CIDRs yourself and acknowledge this warning.'));
  } else if (!plan.podVSwitchesHaveSnat) {
    // In a VPC the user brought the library creates no NAT gateway unless asked; new pod
    // vSwitches then have no SNAT entry anywhere (existing ones may already have one).
    const created = plan.zones.flatMap((z) => z.podVSwitches).filter((v) => v.existingId === undefined);
    if (created.length > 0) {
      out.push(violation(RULES.POD_VSWITCH_NO_SNAT,
        `The new ${created.map((v) => v.label).join(', ')} in existing VPC ${plan.existingVpcId} get no SNAT entry (no NAT gateway is created in a VPC you bring unless asked), so their pods cannot reach the Internet.`,
        'Set natGateway.natGatewayId with snatTableId and snatIp to add SNAT entries on your NAT gateway, set natGateway.enabled: true to create an Enhanced NAT gateway and an EIP in the VPC (billable), or add the SNAT entries yourself and acknowledge this warning.'));
    }
  }
  if (!plan.rrsaEnabled) {
    out.push(violation(RULES.RRSA_DISABLED, 'RRSA (RAM Roles for Service Accounts) is disabled.',
      'Leave enableRrsa on so add-ons such as ack-extend-network-controller can use RAM roles instead of access keys.'));
  }
  return out;
}

/** The parts of an `alicloud_cs_managed_kubernetes` configuration that ACK-009 looks at. */
export interface ManagedClusterConfig {
  readonly addons: ReadonlyArray<{ readonly name: string; readonly disabled?: boolean }>;
  /** Pod vSwitch IDs; undefined when the list itself is an unresolved token. */
  readonly podVswitchIds?: ReadonlyArray<string>;
  readonly podCidr?: string;
  /** Whether Trunk ENI is requested (add-on config ENITrunking). */
  readonly trunkRequested: boolean;
  /**
   * True when the configuration describes a cluster that already runs (the audit command):
   * the fix is then to re-create it, since the CNI cannot be changed in place.
   */
  readonly existingCluster?: boolean;
}

/** ACK-009's remediation for a cluster that already runs. */
const RECREATE_WITH_TERWAY = 'Re-create the cluster with Terway: the network plug-in cannot be changed in place. '
  + 'Create it with the add-on terway-eniip and pod vSwitches ("addons":[{"name":"terway-eniip"}] and "pod_vswitch_ids":["vsw-…"] in POST /clusters; '
  + 'in the console choose Terway with IPVLAN and NetworkPolicy support), or with TerwayCluster, then move the workloads.';

/**
 * AlibabaCloud-ACK-009 and the Terway/Flannel exclusivity, checked on the final resource
 * configuration (so escape-hatch overrides are seen too).
 */
export function checkManagedClusterConfig(config: ManagedClusterConfig): Finding[] {
  const out: Finding[] = [];
  const active = config.addons.filter((a) => a.disabled !== true).map((a) => a.name);
  const otherCni = active.filter((n) => n === 'flannel' || n === 'terway-eni' || n === 'terway');
  if (!active.includes('terway-eniip') || otherCni.length > 0) {
    out.push(violation(RULES.ACK_009,
      `The cluster's network add-ons are [${active.join(', ')}]; ACK-009 requires terway-eniip${otherCni.length ? ` and no ${otherCni.join(', ')}` : ''}.`,
      config.existingCluster ? RECREATE_WITH_TERWAY
        : 'Keep the terway-eniip add-on (TerwayCluster adds it) and remove other CNI add-ons; the CNI cannot be changed after creation.'));
  }
  if (config.podVswitchIds !== undefined && config.podVswitchIds.length === 0) {
    out.push(violation(RULES.ACK_009, 'No pod vSwitches (pod_vswitch_ids) are set.',
      config.existingCluster ? RECREATE_WITH_TERWAY
        : 'Give every zone at least one pod vSwitch; ACK assigns pod IPs only from pod vSwitches in Terway mode.'));
  }
  if (config.podCidr !== undefined && config.podCidr !== '') {
    out.push(violation(RULES.FLANNEL_POD_CIDR, `pod_cidr "${config.podCidr}" is set on a Terway cluster.`,
      'Remove pod_cidr (and any override that sets it); Terway pods get IPs from the pod vSwitches.'));
  }
  if (config.trunkRequested && !active.includes('terway-controlplane')) {
    out.push(violation(RULES.TRUNK_NEEDS_CONTROLPLANE, 'Trunk ENI is requested but the terway-controlplane add-on is missing or disabled.',
      'Keep the terway-controlplane add-on enabled (TerwayCluster adds it whenever Trunk ENI is on).'));
  }
  return out;
}
