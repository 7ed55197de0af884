import { ClusterSpec, IpStack, KubeProxyMode, NetworkAcceleration } from '../domain/enums';

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
   * Cluster edition (`cluster_spec`). The default, Pro (`ack.pro.small`), has an hourly cluster
   * management fee per cluster (pay-as-you-go); the Basic edition (`ClusterSpec.STANDARD`) has
   * none. Nodes, the API server's CLB, NAT gateway and EIPs are billed on either edition.
   * @default ClusterSpec.PRO (ack.pro.small: billed cluster management fee)
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/product-overview/ack-pro-cluster-billing
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
   * Deletion protection (`deletion_protection`). On by default: `terraform destroy` (or
   * `cdktf destroy`) fails on the cluster until you set this to false and apply, so a test
   * cluster keeps being billed until then.
   * @default true (the cluster cannot be deleted until this is turned off)
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
   * RAM Roles for Service Accounts (`enable_rrsa`): the cluster gets an OIDC provider, so pods
   * can assume RAM roles without AccessKeys (PodEipPolicy's `rrsa` uses it). On by default; the
   * provider documents that RRSA cannot be turned off again once it is on.
   * @default true (RRSA on: an OIDC provider is created for the cluster)
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes
   */
  readonly enableRrsa?: boolean;
  /**
   * Expose the API server through a public SLB (`slb_internet_enabled`). Off by default: the
   * API server is reachable only from the VPC (and networks connected to it), so `kubectl` or a
   * one-deploy `kubernetes_manifest` run from outside needs a VPN, a bastion or this set to true
   * (which exposes the API server to the Internet).
   * @default false (API server reachable from inside the VPC only)
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
