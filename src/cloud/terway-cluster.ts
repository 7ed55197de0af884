import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ITerwayCluster } from './cluster-contract';
import { checkClusterProps, checkNodePoolOptions, isJsonObjectText } from './cluster-inputs';
import { createNetwork, networkPlan } from './cluster-network-plan';
import { addClusterOutputs, lazyClusterOutput } from './cluster-outputs';
import { addSnatEntry, createNatGateway, SnatTarget } from './cluster-snat';
import { registerCredentialScan } from './credential-scan';
import { sameStackDeliveryFindings } from './deploy-layout';
import { TerwayNodePool, TerwayNodePoolOptions } from './node-pool';
import { installSynthGate } from './synth-gate';
import { TerwayClusterProps } from './terway-cluster-props';
import { ExclusiveEniPoolInfo, FixedVSwitchPoolInfo, TerwayClusterInfo, ZoneVSwitchIds } from '../core/cluster-info';
import { registerPlanFacts } from '../core/plan-facts';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import {
  checkClusterNetwork, checkManagedClusterConfig, ClusterNetworkPlan, DEFAULT_CLUSTER_DOMAIN, DEFAULT_SERVICE_CIDR,
  effectiveTrunkEni, VSwitchPlan,
} from '../domain/cluster-network';
import { ClusterSpec, IpStack, KubeProxyMode, NetworkAcceleration } from '../domain/enums';
import { checkInputs } from '../domain/input';
import { jsonWithSortedKeys } from '../domain/json';
import { clusterFact } from '../domain/network-plan/from-rules';
import { Finding } from '../domain/rules';
import { checkClusterValues } from '../domain/terraform-values';
import { isUnresolved } from '../domain/tokens';
import { CsManagedKubernetes, CsManagedKubernetesAddons } from '../generated/alicloud/cs-managed-kubernetes';
import { Vpc } from '../generated/alicloud/vpc';

// The props (VpcSpec, ZoneNetworkSpec, …) live in terway-cluster-props.ts; exported here too.
export * from './terway-cluster-props';

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
  private snat?: SnatTarget;

  constructor(scope: Construct, id: string, props: TerwayClusterProps) {
    super(scope, id);
    // Shape first: wrong types, out-of-enum strings and missing fields fail here, naming the property.
    checkClusterProps(this.node.path, props);
    this.props = props;
    this.outputPrefix = props.outputPrefix ?? '';
    const tags = props.tags;

    const network = createNetwork(this, props);
    this.vpcResource = network.vpcResource;
    this.vpcId = network.vpcId;
    this.zoneVSwitchIds = network.zoneVSwitchIds;
    const created = network.created;

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

    if (natEnabled) {
      this.snat = createNatGateway(this, nat, {
        vpcId: this.vpcId, vswitchId: this.nodeVSwitchIds[0], clusterName: props.clusterName, tags, resourceGroupId: props.resourceGroupId,
      });
      for (const v of created.filter((c) => c.role === 'pod' || (nat.snatNodeVSwitches ?? true))) {
        this._addSnatEntry(this, `Snat-${v.role}-${v.zoneKey}-${v.index + 1}`, v.id);
      }
    }

    this.plan = networkPlan(props, {
      natEnabled,
      existingNatGatewayId: natEnabled ? nat.natGatewayId : undefined,
      serviceCidr,
      clusterDomain,
      acceleration,
      rrsaEnabled,
      ipStack: this.ipStack,
      exclusiveEniNodePools: this.exclusivePools,
      planeVSwitches: this.planeVSwitches,
    });

    registerRuleCheck(this, CLUSTER_RULES, () => this.evaluate());
    registerPlanFacts(this, () => clusterFact(this.node.path, props.clusterName, this.plan, {
      trunkEniEnabled: this.trunkEniEnabled, terwayVersion: props.terwayVersion, zoneVSwitchIds: this.zoneVSwitchIds,
    }));
    registerRuleCheck(this, [RULES.DEPLOY_SAME_STACK], () => sameStackDeliveryFindings(this));
    registerCredentialScan(this);
    installSynthGate(this);
    addClusterOutputs(this, props.outputPrefix ?? '', props.terwayVersion);
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
    addSnatEntry(scope, id, vswitchId, this.snat, TerraformStack.of(scope) === TerraformStack.of(this));
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

  private lazyOutput(name: string, produce: () => unknown, description: string): void {
    lazyClusterOutput(this, `${this.outputPrefix}${name}`, name, produce, description);
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
