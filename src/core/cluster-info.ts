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
