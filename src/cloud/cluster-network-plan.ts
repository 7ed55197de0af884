import { Construct } from 'constructs';
import { TerwayClusterProps, VSwitchSpec } from './terway-cluster-props';
import { ZoneVSwitchIds } from '../core/cluster-info';
import { ClusterNetworkPlan, VSwitchPlan, ZonePlan } from '../domain/cluster-network';
import { IpStack, NetworkAcceleration } from '../domain/enums';
import { Vpc } from '../generated/alicloud/vpc';
import { Vswitch } from '../generated/alicloud/vswitch';

/** A node or pod vSwitch of the cluster, created or existing. */
export interface CreatedVSwitch {
  /** Zone ID, suffixed when the zone is (wrongly) listed twice. */
  readonly zoneKey: string;
  readonly id: string;
  readonly role: 'node' | 'pod';
  /** Position within its zone and role. */
  readonly index: number;
}

/** The VPC and the node and pod vSwitches of a cluster, created or given. */
export interface ClusterNetwork {
  readonly vpcId: string;
  readonly vpcResource?: Vpc;
  readonly zoneVSwitchIds: ZoneVSwitchIds[];
  readonly created: CreatedVSwitch[];
}

/** Creates the VPC (unless given) and the node and pod vSwitches (unless given by ID) in `scope`. */
export function createNetwork(scope: Construct, props: TerwayClusterProps): ClusterNetwork {
  const tags = props.tags;
  const vpcResource = props.vpc.vpcId === undefined ? new Vpc(scope, 'Vpc', {
    vpcName: `${props.clusterName}-vpc`,
    cidrBlock: props.vpc.cidrBlock,
    enableIpv6: props.vpc.enableIpv6 || undefined,
    resourceGroupId: props.resourceGroupId,
    tags,
  }) : undefined;
  const vpcId = vpcResource?.id ?? props.vpc.vpcId!;

  const created: CreatedVSwitch[] = [];
  const zoneOccurrences = new Map<string, number>();
  const zoneVSwitchIds = props.zones.map((zone) => {
    // A zone listed twice is reported by rule TW-NET-008; keep construct IDs unique meanwhile.
    const occurrence = (zoneOccurrences.get(zone.zoneId) ?? 0) + 1;
    zoneOccurrences.set(zone.zoneId, occurrence);
    const zoneKey = occurrence === 1 ? zone.zoneId : `${zone.zoneId}-${occurrence}`;
    const make = (role: 'node' | 'pod', spec: VSwitchSpec, index: number): string => {
      if (spec.vswitchId !== undefined) {
        created.push({ zoneKey, id: spec.vswitchId, role, index });
        return spec.vswitchId;
      }
      const vswitch = new Vswitch(scope, `${role === 'node' ? 'Node' : 'Pod'}VSwitch-${zoneKey}-${index + 1}`, {
        vpcId,
        zoneId: zone.zoneId,
        cidrBlock: spec.cidrBlock,
        vswitchName: `${props.clusterName}-${role}-${zone.zoneId}-${index + 1}`,
        enableIpv6: props.vpc.enableIpv6 || undefined,
        // Each vSwitch takes its own /64 of the VPC's IPv6 block.
        ipv6CidrBlockMask: props.vpc.enableIpv6 ? created.length : undefined,
        tags,
      });
      created.push({ zoneKey, id: vswitch.id, role, index });
      return vswitch.id;
    };
    return {
      zoneId: zone.zoneId,
      nodeVSwitchIds: zone.nodeVSwitches.map((s, i) => make('node', s, i)),
      podVSwitchIds: zone.podVSwitches.map((s, i) => make('pod', s, i)),
    };
  });
  return { vpcId, vpcResource, zoneVSwitchIds, created };
}

/** Defaults the cluster resolved once, and the lists node pools and planes add to later. */
export interface ResolvedNetworkSettings {
  readonly natEnabled: boolean;
  readonly existingNatGatewayId?: string;
  readonly serviceCidr: string;
  readonly clusterDomain: string;
  readonly acceleration: NetworkAcceleration;
  readonly rrsaEnabled: boolean;
  readonly ipStack: IpStack;
  /** Filled by node pools (shared with the plan). */
  readonly exclusiveEniNodePools: string[];
  /** Filled by plane resources (shared with the plan). */
  readonly planeVSwitches: VSwitchPlan[];
}

/** The cluster's network plan, the input of the address and network rules (src/domain/cluster-network.ts). */
export function networkPlan(props: TerwayClusterProps, s: ResolvedNetworkSettings): ClusterNetworkPlan {
  return {
    existingVpcId: props.vpc.vpcId,
    existingSecurityGroupId: props.securityGroupId,
    existingNatGatewayId: s.existingNatGatewayId,
    vpcCidrs: [props.vpc.cidrBlock, ...(props.vpc.secondaryCidrBlocks ?? [])].filter((c): c is string => c !== undefined),
    vpcIpv6Enabled: props.vpc.enableIpv6 ?? false,
    zones: props.zones.map((z): ZonePlan => ({
      zoneId: z.zoneId,
      nodeVSwitches: z.nodeVSwitches.map((v, i) => vswitchPlan('node', z.zoneId, v, i)),
      podVSwitches: z.podVSwitches.map((v, i) => vswitchPlan('pod', z.zoneId, v, i)),
    })),
    serviceCidr: s.serviceCidr,
    kubernetesVersion: props.kubernetesVersion,
    ipStack: s.ipStack,
    acceleration: s.acceleration,
    trunkEni: props.trunkEni,
    clusterDomain: s.clusterDomain,
    expectedPodCount: props.expectedPodCount,
    podVSwitchesHaveSnat: s.natEnabled,
    rrsaEnabled: s.rrsaEnabled,
    exclusiveEniNodePools: s.exclusiveEniNodePools,
    planeVSwitches: s.planeVSwitches,
  };
}

function vswitchPlan(role: 'node' | 'pod', zoneId: string, spec: VSwitchSpec, index: number): VSwitchPlan {
  return { role, zoneId, label: `${role} vSwitch #${index + 1} in ${zoneId}`, cidr: spec.cidrBlock, existingId: spec.vswitchId };
}
