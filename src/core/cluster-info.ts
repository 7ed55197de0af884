/** The IDs of one zone's vSwitches (Terraform references or literal IDs). */
export interface ZoneVSwitchIds {
  /** Zone ID, e.g. `cn-hangzhou-h`. */
  readonly zoneId: string;
  /** Node vSwitch IDs (may be empty). */
  readonly nodeVSwitchIds: string[];
  /** Pod vSwitch IDs (may be empty). */
  readonly podVSwitchIds: string[];
}

/**
 * What cluster-side constructs need to know about a Terway cluster. Produced by
 * `TerwayCluster.clusterInfo` (one cdktf app), by `TerwayClusterOutputs` (from a
 * `terraform output -json` file), or written by hand for clusters managed elsewhere.
 * Facts left out are not checked.
 */
export interface TerwayClusterInfo {
  /** Cluster ID. @default - unknown */
  readonly clusterId?: string;
  /** Zones where the cluster has nodes, with their vSwitch IDs. @default - unknown: zone rules are skipped */
  readonly zones?: ZoneVSwitchIds[];
  /** Whether Trunk ENI (and terway-controlplane) is enabled. @default - unknown */
  readonly trunkEniEnabled?: boolean;
  /** Whether Kubernetes NetworkPolicy support is enabled. @default - unknown */
  readonly networkPolicyEnabled?: boolean;
  /** Terway version, e.g. `v1.16.7`, for version gates. @default - unknown: gates are skipped */
  readonly terwayVersion?: string;
  /** Security group of the nodes. @default - unknown */
  readonly securityGroupId?: string;
  /** VPC ID. @default - unknown */
  readonly vpcId?: string;
  /** Worker RAM role name. @default - unknown */
  readonly workerRamRoleName?: string;
  /** True for an ACK dedicated cluster. @default - unknown */
  readonly dedicatedCluster?: boolean;
  /** True for an ACK managed cluster created before June 2020. @default - unknown */
  readonly createdBeforeJune2020?: boolean;
  /**
   * Exclusive ENI node pools of the cluster, for the scheduling helpers and the NetworkPolicy rule.
   * @default - unknown
   */
  readonly exclusiveEniNodePools?: ExclusiveEniPoolInfo[];
  /**
   * Fixed-vSwitch node pools (per-node Terway ConfigMaps) of the cluster.
   * @default - unknown
   */
  readonly fixedVSwitchNodePools?: FixedVSwitchPoolInfo[];
}

/** A taint of a node pool, as the scheduling helpers need it. */
export interface NodeTaintInfo {
  /** Taint key. */
  readonly key: string;
  /** Taint value. @default - none */
  readonly value?: string;
  /** Taint effect: NoSchedule, PreferNoSchedule or NoExecute. */
  readonly effect: string;
}

/**
 * What an exclusive ENI node pool exposes so workloads can be scheduled onto it: the node
 * label (`k8s.aliyun.com/exclusive-mode-eni-type: eniOnly`) and the pool's taints.
 * Produced by `ExclusiveEniNodePool.schedulingInfo` or read from Terraform outputs.
 */
export interface ExclusiveEniPoolInfo {
  /** Node pool name. */
  readonly nodePoolName: string;
  /** Node labels of the pool (include the exclusive ENI label). */
  readonly nodeLabels: { [key: string]: string };
  /** Taints of the pool (tolerated by the scheduling helpers). */
  readonly taints: NodeTaintInfo[];
  /** Pods per node of each instance type in exclusive mode, where known. @default {} */
  readonly podsPerNode?: { [instanceType: string]: number };
}

/**
 * What a fixed-vSwitch node pool exposes: the per-node ConfigMap name (node label
 * `terway-config: <name>`), its dedicated vSwitches per zone and security groups, the pool's
 * taints and the allowlist CIDR blocks.
 */
export interface FixedVSwitchPoolInfo {
  /** Name of the ConfigMap in kube-system, and value of node label `terway-config`. */
  readonly configName: string;
  /** Node pool name. */
  readonly nodePoolName: string;
  /** Zones of the pool's nodes. */
  readonly zoneIds: string[];
  /** Dedicated vSwitch IDs per zone (the ConfigMap's `vswitches`). */
  readonly vSwitchIds: { [zoneId: string]: string[] };
  /** Security groups for the pods' ENIs (the ConfigMap's `security_groups`). @default - the nodes' own */
  readonly securityGroupIds?: string[];
  /** Taints of the pool. */
  readonly taints: NodeTaintInfo[];
  /** CIDR blocks of the dedicated vSwitches, to put in external allowlists. @default - unknown */
  readonly allowlistCidrs?: string[];
}

/** A vSwitch of a plane. */
export interface PlaneVSwitch {
  /** vSwitch ID (`vsw-…`), literal or a Terraform reference. */
  readonly vswitchId: string;
  /**
   * Zone of the vSwitch; enables the zone checks against the cluster's node zones.
   * @default - unknown
   */
  readonly zoneId?: string;
}
