import { Lazy } from 'cdktf';
import { IConstruct } from 'constructs';
import { libraryOutput, reserveOutputNames } from './output-names';
import { ZoneVSwitchIds } from '../core/cluster-info';

/** Names of the outputs of a TerwayCluster (before the prefix); TerwayClusterOutputs reads them. */
export const CLUSTER_OUTPUT_NAMES = [
  'cluster_id', 'vpc_id', 'security_group_id', 'worker_ram_role_name', 'zone_ids', 'node_vswitch_ids', 'pod_vswitch_ids',
  'trunk_eni_enabled', 'network_policy_enabled', 'terway_version', 'exclusive_eni_node_pools', 'fixed_vswitch_node_pools',
] as const;

/** What a TerwayCluster writes as outputs. */
export interface ClusterOutputValues extends IConstruct {
  readonly clusterId: string;
  readonly vpcId: string;
  readonly securityGroupId: string;
  readonly workerRamRoleName: string;
  readonly zoneIds: string[];
  readonly zoneVSwitchIds: ZoneVSwitchIds[];
  readonly trunkEniEnabled: boolean;
  readonly networkPolicyEnabled: boolean;
}

/**
 * The cluster's Terraform outputs `<prefix>cluster_id`, … (the names TerwayClusterOutputs reads);
 * the whole set is reserved, written or not.
 */
export function addClusterOutputs(cluster: ClusterOutputValues, prefix: string, terwayVersion: string | undefined): void {
  reserveOutputNames(cluster, CLUSTER_OUTPUT_NAMES.map((name) => `${prefix}${name}`));
  const out = (name: typeof CLUSTER_OUTPUT_NAMES[number], value: unknown, description: string) => {
    libraryOutput(cluster, `Output-${name}`, `${prefix}${name}`, { value, description });
  };
  out('cluster_id', cluster.clusterId, 'ACK cluster ID');
  out('vpc_id', cluster.vpcId, 'VPC ID');
  out('security_group_id', cluster.securityGroupId, 'Node security group ID');
  out('worker_ram_role_name', cluster.workerRamRoleName, 'Worker RAM role name');
  out('zone_ids', cluster.zoneIds, 'Zones of the cluster, in declaration order');
  out('node_vswitch_ids', Object.fromEntries(cluster.zoneVSwitchIds.map((z) => [z.zoneId, z.nodeVSwitchIds])), 'Node vSwitch IDs per zone');
  out('pod_vswitch_ids', Object.fromEntries(cluster.zoneVSwitchIds.map((z) => [z.zoneId, z.podVSwitchIds])), 'Pod vSwitch IDs per zone');
  out('trunk_eni_enabled', cluster.trunkEniEnabled, 'Whether Trunk ENI (terway-controlplane) is enabled');
  out('network_policy_enabled', cluster.networkPolicyEnabled, 'Whether NetworkPolicy support is enabled');
  if (terwayVersion !== undefined) out('terway_version', terwayVersion, 'Pinned Terway version');
}

/** An output whose value is produced when the stack is rendered (e.g. the node pools registered later). */
export function lazyClusterOutput(cluster: IConstruct, outputName: string, name: string, produce: () => unknown, description: string): void {
  libraryOutput(cluster, `Output-${name}`, outputName, { value: Lazy.anyValue({ produce }), description });
}
