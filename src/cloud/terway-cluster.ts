import { Lazy, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ITerwayCluster } from './cluster-contract';
import { checkClusterProps, checkNodePoolOptions, isJsonObjectText } from './cluster-inputs';
import { registerCredentialScan } from './credential-scan';
import { sameStackDeliveryFindings } from './deploy-layout';
import { TerwayNodePool, TerwayNodePoolOptions } from './node-pool';
import { libraryOutput, reserveOutputNames } from './output-names';
import { installSynthGate } from './synth-gate';
import { ExclusiveEniPoolInfo, FixedVSwitchPoolInfo, TerwayClusterInfo, ZoneVSwitchIds } from '../core/cluster-info';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import {
  checkClusterNetwork, checkManagedClusterConfig, ClusterNetworkPlan, DEFAULT_CLUSTER_DOMAIN, DEFAULT_SERVICE_CIDR,
  effectiveTrunkEni, VSwitchPlan, ZonePlan,
} from '../domain/cluster-network';
import { ClusterSpec, IpStack, KubeProxyMode, NetworkAcceleration } from '../domain/enums';
import { checkInputs } from '../domain/input';
import { jsonWithSortedKeys } from '../domain/json';
import { Finding } from '../domain/rules';
import { checkClusterValues } from '../domain/terraform-values';
import { isUnresolved } from '../domain/tokens';
import { CsManagedKubernetes, CsManagedKubernetesAddons } from '../generated/alicloud/cs-managed-kubernetes';
import { EipAddress } from '../generated/alicloud/eip-address';
import { EipAssociation } from '../generated/alicloud/eip-association';
import { NatGateway } from '../generated/alicloud/nat-gateway';
import { SnatEntry } from '../generated/alicloud/snat-entry';
import { Vpc } from '../generated/alicloud/vpc';
import { Vswitch } from '../generated/alicloud/vswitch';

/** A vSwitch to create (give `cidrBlock`) or an existing one (give `vswitchId`). */
export interface VSwitchSpec {
  /**
   * CIDR block of the vSwitch to create (`alicloud_vswitch` `cidr_block`). For an existing vSwitch, its CIDR block:
   * optional, but it enables the overlap and capacity checks.
   * @default - required when `vswitchId` is not set
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vswitch
   */
  readonly cidrBlock?: string;
  /**
   * ID of an existing vSwitch (`vsw-…`), used in `vswitch_ids` / `pod_vswitch_ids`; nothing is created.
   * @default - a vSwitch is created from `cidrBlock`
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vswitch
   */
  readonly vswitchId?: string;
}

/** The node and pod vSwitches of one zone. */
export interface ZoneNetworkSpec {
  /**
   * Zone ID (`alicloud_vswitch` `zone_id`), e.g. `cn-hangzhou-h`.
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vswitch
   */
  readonly zoneId: string;
  /**
   * vSwitches for nodes (the cluster's `vswitch_ids`). At least one.
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly nodeVSwitches: VSwitchSpec[];
  /**
   * vSwitches Terway takes pod IPs from (`pod_vswitch_ids`); use /19 or larger blocks.
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/work-with-terway
   */
  readonly podVSwitches: VSwitchSpec[];
}

/** The VPC to create (give `cidrBlock`) or to use (give `vpcId`). */
export interface VpcSpec {
  /**
   * CIDR block of the VPC to create (`alicloud_vpc` `cidr_block`), e.g. `192.168.0.0/16`. For an existing VPC, its CIDR
   * block: optional, but it enables the containment and overlap checks.
   * @default - required when `vpcId` is not set
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vpc
   */
  readonly cidrBlock?: string;
  /**
   * ID of an existing VPC (`vpc-…`), the parent of the vSwitches.
   * @default - a VPC is created
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly vpcId?: string;
  /**
   * Secondary CIDR blocks (`secondary_cidr_blocks`) of an existing VPC, for the address checks.
   * @default []
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vpc
   */
  readonly secondaryCidrBlocks?: string[];
  /**
   * For a created VPC: enable IPv6 on the VPC and its vSwitches (`enable_ipv6`).
   * For an existing VPC: declare that it has IPv6 enabled. Needed for dual-stack.
   * @default false
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vpc
   */
  readonly enableIpv6?: boolean;
}

/** Internet egress for nodes and pods through a NAT gateway with SNAT entries. */
export interface NatGatewaySpec {
  /**
   * Whether to provide SNAT for the vSwitches. Pods on a pod vSwitch without SNAT have
   * no Internet access (container networking FAQ, rule TW-NAT-001). In a VPC you bring
   * (`vpc.vpcId`) nothing billable is created unless you ask: set `natGatewayId` (SNAT
   * entries on your gateway) or `enabled: true` (a new NAT gateway and EIP in your VPC).
   * @default - true for a VPC this construct creates or with `natGatewayId`; false in an existing VPC
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/faq-about-container-networks
   */
  readonly enabled?: boolean;
  /**
   * Existing NAT gateway (`ngw-…`) to add the SNAT entries (`alicloud_snat_entry`) to. Requires `snatTableId` and `snatIp`.
   * @default - an Enhanced NAT gateway and an EIP are created
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/nat_gateway
   */
  readonly natGatewayId?: string;
  /**
   * SNAT table of the existing NAT gateway (`snat_table_id`).
   * @default - taken from the created NAT gateway
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/snat_entry
   */
  readonly snatTableId?: string;
  /**
   * Public IP (an EIP bound to the NAT gateway) used for SNAT (`snat_ip`).
   * @default - the created EIP
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/snat_entry
   */
  readonly snatIp?: string;
  /**
   * Bandwidth of the created EIP in Mbit/s (`alicloud_eip_address` `bandwidth`), a whole number of at least 1.
   * @default 100
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/eip_address
   */
  readonly eipBandwidth?: number;
  /**
   * Also add SNAT entries for the node vSwitches.
   * @default true
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/snat_entry
   */
  readonly snatNodeVSwitches?: boolean;
}

/** An add-on in addition to the network add-ons TerwayCluster manages. */
export interface ClusterAddonSpec {
  /**
   * Add-on name (`addons.name`), e.g. `csi-plugin`.
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly name: string;
  /**
   * Add-on configuration as a JSON string (`addons.config`).
   * @default - none
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly config?: string;
  /**
   * Add-on version (`addons.version`).
   * @default - the ACK default
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly version?: string;
  /**
   * Install the add-on disabled (`addons.disabled`).
   * @default false
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly disabled?: boolean;
}

/** Properties of a {@link TerwayCluster}. */
export interface TerwayClusterProps {
  /**
   * Cluster name (`name`).
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly clusterName: string;
  /**
   * ACK Kubernetes version (`version`), e.g. `1.33.1-aliyun.1`.
   * @default - the newest version ACK offers (treated as 1.31 or later by the rules)
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly kubernetesVersion?: string;
  /**
   * Cluster edition (`cluster_spec`).
   * @default ClusterSpec.PRO
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly clusterSpec?: ClusterSpec;
  /** The VPC. */
  readonly vpc: VpcSpec;
  /** Zones with their node and pod vSwitches. */
  readonly zones: ZoneNetworkSpec[];
  /**
   * Service CIDR (`service_cidr`); must not overlap the VPC or vSwitches. Immutable.
   * @default 172.19.0.0/20
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly serviceCidr?: string;
  /**
   * kube-proxy mode (`proxy_mode`).
   * @default KubeProxyMode.IPVS
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly proxyMode?: KubeProxyMode;
  /**
   * IP families (`ip_stack`).
   * @default IpStack.IPV4
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly ipStack?: IpStack;
  /**
   * Kubernetes NetworkPolicy support (terway-eniip add-on config `NetworkPolicy`).
   * @default true
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly networkPolicy?: boolean;
  /**
   * eBPF network acceleration (terway-eniip add-on config `IPVlan`); shared ENI mode only.
   * @default NetworkAcceleration.NONE
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly acceleration?: NetworkAcceleration;
  /**
   * Trunk ENI (terway-eniip config `ENITrunking` plus the terway-controlplane add-on).
   * Needed for PodNetworking. Cannot be disabled once enabled.
   * @default - on for Kubernetes 1.31 or later (ACK's default), off before
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod
   */
  readonly trunkEni?: boolean;
  /**
   * Cluster DNS domain (`cluster_domain`); immutable.
   * @default cluster.local
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly clusterDomain?: string;
  /**
   * Deletion protection (`deletion_protection`).
   * @default true
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly deletionProtection?: boolean;
  /**
   * NAT gateway and SNAT entries for Internet egress.
   * @default - created with the VPC; in an existing VPC none (new pod vSwitches then get warning TW-NAT-001)
   */
  readonly natGateway?: NatGatewaySpec;
  /**
   * Expected number of pods in the cluster, checked against pod vSwitch capacity.
   * @default - capacity is not checked
   */
  readonly expectedPodCount?: number;
  /**
   * Existing security group for the nodes (`security_group_id`).
   * @default - ACK creates one
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly securityGroupId?: string;
  /**
   * RAM Roles for Service Accounts (`enable_rrsa`).
   * @default true
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly enableRrsa?: boolean;
  /**
   * Expose the API server through a public SLB (`slb_internet_enabled`).
   * @default false
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly endpointPublicAccess?: boolean;
  /**
   * Terway version to install (terway-eniip add-on `version`); also used for version gates.
   * @default - the ACK default for the Kubernetes version
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly terwayVersion?: string;
  /**
   * Further add-ons (`addons`); network add-ons are managed by this construct.
   * @default []
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly additionalAddons?: ClusterAddonSpec[];
  /**
   * Resource group for all created resources (`resource_group_id`).
   * @default - the account's default group
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly resourceGroupId?: string;
  /**
   * Tags (`tags`) for all created resources that support tags.
   * @default {}
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly tags?: { [key: string]: string };
  /**
   * Prefix of the Terraform output names (`<prefix>cluster_id`, …); set it when a stack
   * holds more than one cluster.
   * @default ''
   */
  readonly outputPrefix?: string;
}

/**
 * An ACK managed cluster in Terway shared ENI (multi-IP) mode that satisfies
 * compliance rule AlibabaCloud-ACK-009 by construction: add-on `terway-eniip`,
 * pod vSwitches in every node zone, no Flannel pod CIDR.
 *
 * Creates the VPC, vSwitches and NAT gateway it is not given. Every documented
 * constraint is checked at synth time; see the rule catalogue in the README.
 */
export class TerwayCluster extends Construct implements ITerwayCluster {
  /** The `alicloud_cs_managed_kubernetes` resource (escape hatch). */
  public readonly cluster: CsManagedKubernetes;
  /** Cluster ID. */
  public readonly clusterId: string;
  /** VPC ID (literal for an existing VPC, a reference otherwise). */
  public readonly vpcId: string;
  /** Node security group ID (created by ACK unless one was given). */
  public readonly securityGroupId: string;
  /** Worker RAM role name (attach policies such as PodEipPolicy to it). */
  public readonly workerRamRoleName: string;
  /** Zones with their vSwitch IDs, in declaration order. */
  public readonly zoneVSwitchIds: ZoneVSwitchIds[];
  /** Whether Trunk ENI is enabled (explicitly or by ACK's 1.31+ default). */
  public readonly trunkEniEnabled: boolean;
  /** The created VPC, if any. */
  public readonly vpcResource?: Vpc;
  /** IP families of the cluster (resolved default). */
  public readonly ipStack: IpStack;
  /** Whether Kubernetes NetworkPolicy support is enabled (resolved default). */
  public readonly networkPolicyEnabled: boolean;

  private readonly props: TerwayClusterProps;
  private readonly plan: ClusterNetworkPlan;
  private readonly exclusivePools: string[] = [];
  private readonly planeVSwitches: VSwitchPlan[] = [];
  private readonly exclusivePoolInfos: ExclusiveEniPoolInfo[] = [];
  private readonly fixedPoolInfos: FixedVSwitchPoolInfo[] = [];
  private readonly outputFixedPoolInfos: FixedVSwitchPoolInfo[] = [];
  private readonly outputPrefix: string;
  private snat?: { tableId: string; ip: string; dependsOn: EipAssociation[] };

  constructor(scope: Construct, id: string, props: TerwayClusterProps) {
    super(scope, id);
    // Shape first: wrong types, out-of-enum strings and missing fields fail here, naming the property.
    checkClusterProps(this.node.path, props);
    this.props = props;
    this.outputPrefix = props.outputPrefix ?? '';
    const tags = props.tags;

    if (props.vpc.vpcId === undefined) {
      this.vpcResource = new Vpc(this, 'Vpc', {
        vpcName: `${props.clusterName}-vpc`,
        cidrBlock: props.vpc.cidrBlock,
        enableIpv6: props.vpc.enableIpv6 || undefined,
        resourceGroupId: props.resourceGroupId,
        tags,
      });
      this.vpcId = this.vpcResource.id;
    } else {
      this.vpcId = props.vpc.vpcId;
    }

    const created: CreatedVSwitch[] = [];
    const zoneOccurrences = new Map<string, number>();
    this.zoneVSwitchIds = props.zones.map((zone) => {
      // A zone listed twice is reported by rule TW-NET-008; keep construct IDs unique meanwhile.
      const occurrence = (zoneOccurrences.get(zone.zoneId) ?? 0) + 1;
      zoneOccurrences.set(zone.zoneId, occurrence);
      const zoneKey = occurrence === 1 ? zone.zoneId : `${zone.zoneId}-${occurrence}`;
      const make = (role: 'node' | 'pod', spec: VSwitchSpec, index: number): string => {
        if (spec.vswitchId !== undefined) {
          created.push({ zoneKey, id: spec.vswitchId, role, index });
          return spec.vswitchId;
        }
        const vswitch = new Vswitch(this, `${role === 'node' ? 'Node' : 'Pod'}VSwitch-${zoneKey}-${index + 1}`, {
          vpcId: this.vpcId,
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

    // Defaults are resolved once; the resource, the rule plan and the outputs all use these.
    const acceleration = props.acceleration ?? NetworkAcceleration.NONE;
    const serviceCidr = props.serviceCidr ?? DEFAULT_SERVICE_CIDR;
    const clusterDomain = props.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
    const rrsaEnabled = props.enableRrsa ?? true;
    this.ipStack = props.ipStack ?? IpStack.IPV4;
    this.networkPolicyEnabled = props.networkPolicy ?? true;
    this.trunkEniEnabled = effectiveTrunkEni({ trunkEni: props.trunkEni, kubernetesVersion: props.kubernetesVersion });
    const nat = props.natGateway ?? {};
    // Never create billable gateways in a VPC the user brought without being asked: in an
    // existing VPC, SNAT is added only for an existing NAT gateway or with enabled: true.
    const natEnabled = nat.enabled ?? (props.vpc.vpcId === undefined || nat.natGatewayId !== undefined);

    this.cluster = new CsManagedKubernetes(this, 'Cluster', {
      name: props.clusterName,
      version: props.kubernetesVersion,
      clusterSpec: props.clusterSpec ?? ClusterSpec.PRO,
      vswitchIds: this.zoneVSwitchIds.flatMap((z) => z.nodeVSwitchIds),
      podVswitchIds: this.zoneVSwitchIds.flatMap((z) => z.podVSwitchIds),
      serviceCidr,
      proxyMode: props.proxyMode ?? KubeProxyMode.IPVS,
      ipStack: this.ipStack,
      clusterDomain,
      deletionProtection: props.deletionProtection ?? true,
      enableRrsa: rrsaEnabled,
      slbInternetEnabled: props.endpointPublicAccess ?? false,
      newNatGateway: false,
      securityGroupId: props.securityGroupId,
      isEnterpriseSecurityGroup: props.securityGroupId === undefined ? true : undefined,
      resourceGroupId: props.resourceGroupId,
      tags,
      addons: [
        ...this.networkAddons(acceleration),
        ...(props.additionalAddons ?? []).map((a) => ({ name: a.name, config: a.config, version: a.version, disabled: a.disabled })),
      ],
    });
    this.clusterId = this.cluster.id;
    this.securityGroupId = this.cluster.securityGroupId;
    this.workerRamRoleName = this.cluster.workerRamRoleName;

    if (natEnabled) this.addSnat(nat, created.filter((c) => c.role === 'pod' || (nat.snatNodeVSwitches ?? true)));

    this.plan = {
      existingVpcId: props.vpc.vpcId,
      existingSecurityGroupId: props.securityGroupId,
      existingNatGatewayId: natEnabled ? nat.natGatewayId : undefined,
      vpcCidrs: [props.vpc.cidrBlock, ...(props.vpc.secondaryCidrBlocks ?? [])].filter((c): c is string => c !== undefined),
      vpcIpv6Enabled: props.vpc.enableIpv6 ?? false,
      zones: props.zones.map((z): ZonePlan => ({
        zoneId: z.zoneId,
        nodeVSwitches: z.nodeVSwitches.map((s, i) => vswitchPlan('node', z.zoneId, s, i)),
        podVSwitches: z.podVSwitches.map((s, i) => vswitchPlan('pod', z.zoneId, s, i)),
      })),
      serviceCidr,
      kubernetesVersion: props.kubernetesVersion,
      ipStack: this.ipStack,
      acceleration,
      trunkEni: props.trunkEni,
      clusterDomain,
      expectedPodCount: props.expectedPodCount,
      podVSwitchesHaveSnat: natEnabled,
      rrsaEnabled,
      exclusiveEniNodePools: this.exclusivePools,
      planeVSwitches: this.planeVSwitches,
    };

    registerRuleCheck(this, CLUSTER_RULES, () => this.evaluate());
    registerRuleCheck(this, [RULES.DEPLOY_SAME_STACK], () => sameStackDeliveryFindings(this));
    registerCredentialScan(this);
    installSynthGate(this);
    this.addOutputs(props.outputPrefix ?? '');
  }

  /** The information cluster-side constructs (PodNetworkingPlane, eni-config) need. */
  public get clusterInfo(): TerwayClusterInfo {
    return {
      clusterId: this.clusterId,
      zones: this.zoneVSwitchIds,
      trunkEniEnabled: this.trunkEniEnabled,
      networkPolicyEnabled: this.networkPolicyEnabled,
      terwayVersion: this.props.terwayVersion,
      securityGroupId: this.securityGroupId,
      vpcId: this.vpcId,
      workerRamRoleName: this.workerRamRoleName,
      dedicatedCluster: false,
      createdBeforeJune2020: false,
      exclusiveEniNodePools: this.exclusivePoolInfos.length > 0 ? [...this.exclusivePoolInfos] : undefined,
      fixedVSwitchNodePools: this.fixedPoolInfos.length > 0 ? [...this.fixedPoolInfos] : undefined,
    };
  }

  /** Adds a node pool on this cluster's node vSwitches. */
  public addNodePool(id: string, options: TerwayNodePoolOptions): TerwayNodePool {
    checkInputs(`${this.node.path}.addNodePool`).string('id', id, { minLength: 1 });
    checkNodePoolOptions(`${this.node.path}/${id}`, options);
    return new TerwayNodePool(this, id, { ...options, cluster: this });
  }

  /** Node vSwitch IDs of every zone, in declaration order. */
  public get nodeVSwitchIds(): string[] {
    return this.zoneVSwitchIds.flatMap((z) => z.nodeVSwitchIds);
  }

  /** Pod vSwitch IDs of every zone, in declaration order. */
  public get podVSwitchIds(): string[] {
    return this.zoneVSwitchIds.flatMap((z) => z.podVSwitchIds);
  }

  /** Zone IDs in declaration order. */
  public get zoneIds(): string[] {
    return this.zoneVSwitchIds.map((z) => z.zoneId);
  }

  /**
   * Records that a node pool of this cluster runs in exclusive ENI mode (used by the
   * acceleration rule). Called by node pools.
   * @internal
   */
  public _registerExclusiveEniNodePool(name: string): void {
    this.exclusivePools.push(name);
  }

  /**
   * Records what an exclusive ENI node pool exposes for scheduling; it appears in
   * clusterInfo and in the output `<prefix>exclusive_eni_node_pools`.
   * @internal
   */
  public _registerExclusiveEniPoolInfo(info: ExclusiveEniPoolInfo): void {
    if (this.exclusivePoolInfos.length === 0) {
      this.lazyOutput('exclusive_eni_node_pools', () => this.exclusivePoolInfos, 'Exclusive ENI node pools: node labels, taints, pods per node');
    }
    this.exclusivePoolInfos.push(info);
  }

  /**
   * Records what a fixed-vSwitch node pool exposes; it appears in clusterInfo and in the
   * output `<prefix>fixed_vswitch_node_pools`.
   * @internal
   */
  public _registerFixedVSwitchPoolInfo(info: FixedVSwitchPoolInfo, pool?: IConstruct): void {
    this.fixedPoolInfos.push(info);
    // A pool of a later stack (e.g. a ClusterObjectsStack) has its own outputs: this stack's
    // output cannot refer to resources of a stack applied after it.
    if (pool !== undefined && TerraformStack.of(pool) !== TerraformStack.of(this)) return;
    if (this.outputFixedPoolInfos.length === 0) {
      this.lazyOutput('fixed_vswitch_node_pools', () => this.outputFixedPoolInfos, 'Fixed-vSwitch node pools: ConfigMap name, vSwitches per zone, security groups, taints, allowlist CIDRs');
    }
    this.outputFixedPoolInfos.push(info);
  }

  /**
   * Region of the stack's default alicloud provider when it is a literal (a ClusterObjectsStack
   * uses it for its own provider).
   * @internal
   */
  public _providerRegion(): string | undefined {
    return this.providerRegion();
  }

  /**
   * Whether the API server has a public endpoint (`slb_internet_enabled`).
   * @internal
   */
  public _endpointPublicAccess(): boolean {
    return this.props.endpointPublicAccess ?? false;
  }

  /**
   * The VPC CIDR blocks and every vSwitch with a known CIDR (node, pod and plane), for the
   * address rules of resources created in this cluster's VPC.
   * @internal
   */
  public _addressPlan(): { vpcCidrs: string[]; vswitches: VSwitchPlan[] } {
    return {
      vpcCidrs: [...this.plan.vpcCidrs],
      vswitches: [...this.plan.zones.flatMap((z) => [...z.nodeVSwitches, ...z.podVSwitches]), ...this.planeVSwitches],
    };
  }

  /**
   * Records a vSwitch created for a PodNetworking plane in this cluster's VPC, so the
   * address rules (inside the VPC, no overlap, sizing) include it. Called by plane resources.
   * @internal
   */
  public _registerPlaneVSwitch(label: string, zoneId: string, cidr: string): void {
    this.planeVSwitches.push({ role: 'plane', zoneId, label, cidr });
  }

  /**
   * Adds an SNAT entry for a vSwitch through the cluster's NAT gateway; returns false when
   * the cluster has no NAT (the caller then warns with TW-NAT-001).
   * @internal
   */
  public _addSnatEntry(scope: IConstruct, id: string, vswitchId: string): boolean {
    if (!this.snat) return false;
    // depends_on names resources of its own stack only; a later stack runs after the association anyway.
    const sameStack = TerraformStack.of(scope) === TerraformStack.of(this);
    new SnatEntry(scope, id, {
      snatTableId: this.snat.tableId, sourceVswitchId: vswitchId, snatIp: this.snat.ip, dependsOn: sameStack ? this.snat.dependsOn : undefined,
    });
    return true;
  }

  private networkAddons(acceleration: NetworkAcceleration): CsManagedKubernetesAddons[] {
    const flag = (b: boolean) => (b ? 'true' : 'false');
    const addons: CsManagedKubernetesAddons[] = [{
      name: 'terway-eniip',
      version: this.props.terwayVersion,
      config: jsonWithSortedKeys({
        ENITrunking: flag(this.trunkEniEnabled),
        IPVlan: flag(acceleration !== NetworkAcceleration.NONE),
        NetworkPolicy: flag(this.networkPolicyEnabled),
      }),
    }];
    if (this.trunkEniEnabled) addons.push({ name: 'terway-controlplane', config: jsonWithSortedKeys({ ENITrunking: 'true' }) });
    return addons;
  }

  private addSnat(nat: NatGatewaySpec, vswitches: CreatedVSwitch[]): void {
    let snatTableId = nat.snatTableId;
    let snatIp = nat.snatIp;
    let dependsOn: EipAssociation[] = [];
    if (nat.natGatewayId === undefined) {
      // An Enhanced NAT gateway lives in a vSwitch; use the first node vSwitch of any zone
      // (a cluster without node vSwitches is already an error, TW-NET-006).
      const gateway = new NatGateway(this, 'NatGateway', {
        vpcId: this.vpcId,
        vswitchId: this.nodeVSwitchIds[0],
        natType: 'Enhanced',
        networkType: 'internet',
        paymentType: 'PayAsYouGo',
        natGatewayName: `${this.props.clusterName}-nat`,
        tags: this.props.tags,
      });
      const eip = new EipAddress(this, 'NatEip', {
        addressName: `${this.props.clusterName}-nat-eip`,
        bandwidth: String(nat.eipBandwidth ?? 100),
        internetChargeType: 'PayByTraffic',
        paymentType: 'PayAsYouGo',
        resourceGroupId: this.props.resourceGroupId,
        tags: this.props.tags,
      });
      const association = new EipAssociation(this, 'NatEipAssociation', {
        allocationId: eip.id,
        instanceId: gateway.id,
        instanceType: 'Nat',
      });
      snatTableId = gateway.snatTableIds;
      snatIp = eip.ipAddress;
      dependsOn = [association];
    }
    this.snat = { tableId: snatTableId!, ip: snatIp!, dependsOn };
    for (const v of vswitches) this._addSnatEntry(this, `Snat-${v.role}-${v.zoneKey}-${v.index + 1}`, v.id);
  }

  private lazyOutput(name: string, produce: () => unknown, description: string): void {
    libraryOutput(this, `Output-${name}`, `${this.outputPrefix}${name}`, { value: Lazy.anyValue({ produce }), description });
  }

  private addOutputs(prefix: string): void {
    // The whole set is reserved, written or not: TerwayClusterOutputs reads these names.
    reserveOutputNames(this, CLUSTER_OUTPUT_NAMES.map((name) => `${prefix}${name}`));
    const out = (name: typeof CLUSTER_OUTPUT_NAMES[number], value: unknown, description: string) => {
      libraryOutput(this, `Output-${name}`, `${prefix}${name}`, { value, description });
    };
    out('cluster_id', this.clusterId, 'ACK cluster ID');
    out('vpc_id', this.vpcId, 'VPC ID');
    out('security_group_id', this.securityGroupId, 'Node security group ID');
    out('worker_ram_role_name', this.workerRamRoleName, 'Worker RAM role name');
    out('zone_ids', this.zoneIds, 'Zones of the cluster, in declaration order');
    out('node_vswitch_ids', Object.fromEntries(this.zoneVSwitchIds.map((z) => [z.zoneId, z.nodeVSwitchIds])), 'Node vSwitch IDs per zone');
    out('pod_vswitch_ids', Object.fromEntries(this.zoneVSwitchIds.map((z) => [z.zoneId, z.podVSwitchIds])), 'Pod vSwitch IDs per zone');
    out('trunk_eni_enabled', this.trunkEniEnabled, 'Whether Trunk ENI (terway-controlplane) is enabled');
    out('network_policy_enabled', this.networkPolicyEnabled, 'Whether NetworkPolicy support is enabled');
    if (this.props.terwayVersion !== undefined) out('terway_version', this.props.terwayVersion, 'Pinned Terway version');
  }

  private evaluate(): Finding[] {
    return [
      ...checkClusterNetwork(this.plan),
      ...checkManagedClusterConfig(this.finalClusterConfig()),
      ...checkClusterValues({
        clusterName: this.props.clusterName,
        terwayVersion: this.props.terwayVersion,
        vpcCreated: this.props.vpc.vpcId === undefined,
        existingVSwitches: this.props.zones.flatMap((z) => (['node', 'pod'] as const).flatMap((role) =>
          (role === 'node' ? z.nodeVSwitches : z.podVSwitches).flatMap((s, i) => (s.vswitchId === undefined ? [] : [`${role} vSwitch #${i + 1} in ${z.zoneId} (${s.vswitchId})`])))),
        snatTableId: this.props.natGateway?.natGatewayId === undefined ? undefined : this.props.natGateway.snatTableId,
        snatIp: this.props.natGateway?.natGatewayId === undefined ? undefined : this.props.natGateway.snatIp,
        region: this.providerRegion(),
        zoneIds: this.zoneIds,
        resourceGroupId: this.props.resourceGroupId,
      }),
    ];
  }

  /** Region of the stack's default alicloud provider when it is a literal. */
  private providerRegion(): string | undefined {
    const defaults = this.alicloudProviders().filter((p) => p.alias === undefined);
    if (defaults.length !== 1) return undefined;
    const region = (defaults[0].toTerraform() as any).provider?.alicloud?.[0]?.region;
    return typeof region === 'string' ? region : undefined;
  }

  private alicloudProviders(): TerraformProvider[] {
    return TerraformStack.of(this).node.findAll()
      .filter((c): c is TerraformProvider => c instanceof TerraformProvider && c.terraformResourceType === 'alicloud');
  }

  /** The cluster resource's final configuration, including escape-hatch overrides. */
  private finalClusterConfig() {
    const rendered = (this.cluster.toTerraform() as any).resource.alicloud_cs_managed_kubernetes[this.cluster.friendlyUniqueId] ?? {};
    const addons: Array<{ name: string; disabled?: boolean; config?: string }> = Array.isArray(rendered.addons) ? rendered.addons : [];
    const terway = addons.find((a) => a.name === 'terway-eniip');
    const trunkRequested = typeof terway?.config === 'string' && !isUnresolved(terway.config) && isJsonObjectText(terway.config)
      && JSON.parse(terway.config).ENITrunking === 'true';
    const podIds = rendered.pod_vswitch_ids;
    return {
      addons: addons.map((a) => ({ name: String(a.name), disabled: a.disabled === true })),
      podVswitchIds: Array.isArray(podIds) ? podIds.map(String) : undefined,
      podCidr: typeof rendered.pod_cidr === 'string' ? rendered.pod_cidr : undefined,
      trunkRequested,
    };
  }
}

/** A node or pod vSwitch of the cluster, created or existing. */
interface CreatedVSwitch {
  /** Zone ID, suffixed when the zone is (wrongly) listed twice. */
  readonly zoneKey: string;
  readonly id: string;
  readonly role: 'node' | 'pod';
  /** Position within its zone and role. */
  readonly index: number;
}

/** Names of the outputs of a TerwayCluster (before the prefix); TerwayClusterOutputs reads them. */
const CLUSTER_OUTPUT_NAMES = [
  'cluster_id', 'vpc_id', 'security_group_id', 'worker_ram_role_name', 'zone_ids', 'node_vswitch_ids', 'pod_vswitch_ids',
  'trunk_eni_enabled', 'network_policy_enabled', 'terway_version', 'exclusive_eni_node_pools', 'fixed_vswitch_node_pools',
] as const;

const CLUSTER_RULES = [
  RULES.ACK_009, RULES.FLANNEL_POD_CIDR, RULES.KUBERNETES_VERSION, RULES.CLUSTER_DOMAIN_FORMAT, RULES.CLUSTER_DOMAIN_CUSTOM,
  RULES.RESOURCE_ID, RULES.CIDR_SYNTAX, RULES.SERVICE_CIDR_RANGE, RULES.SERVICE_CIDR_OVERLAP, RULES.VSWITCH_OUTSIDE_VPC,
  RULES.VSWITCH_OVERLAP, RULES.POD_ZONE_NOT_COVERED, RULES.NODE_ZONE_WITHOUT_POD_VSWITCH, RULES.DUPLICATE_ZONE,
  RULES.POD_VSWITCH_REUSES_NODE_VSWITCH, RULES.POD_IP_CAPACITY, RULES.POD_VSWITCH_TOO_SMALL, RULES.POD_VSWITCH_SIZING,
  RULES.CIDR_MASK_RANGE, RULES.DUAL_STACK_VERSION, RULES.DUAL_STACK_VPC, RULES.ACCELERATION_SHARED_ONLY,
  RULES.ACCELERATION_LEGACY_IPVLAN, RULES.TRUNK_DEFAULT_ON, RULES.TRUNK_NEEDS_CONTROLPLANE, RULES.POD_VSWITCH_NO_SNAT,
  RULES.RRSA_DISABLED, RULES.CLUSTER_NAME_LENGTH, RULES.TERWAY_VERSION,
  RULES.VSWITCH_EXISTING_IN_NEW_VPC, RULES.SNAT_TABLE_ID, RULES.SNAT_IP, RULES.ZONE_OUTSIDE_REGION,
];

function vswitchPlan(role: 'node' | 'pod', zoneId: string, spec: VSwitchSpec, index: number): VSwitchPlan {
  return { role, zoneId, label: `${role} vSwitch #${index + 1} in ${zoneId}`, cidr: spec.cidrBlock, existingId: spec.vswitchId };
}

