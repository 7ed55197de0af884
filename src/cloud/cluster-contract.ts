import { IConstruct } from 'constructs';
import { ExclusiveEniPoolInfo, FixedVSwitchPoolInfo, TerwayClusterInfo, ZoneVSwitchIds } from '../core/cluster-info';
import { VSwitchPlan } from '../domain/cluster-network';
import { IpStack } from '../domain/enums';

/**
 * What a node pool needs of its cluster: a `TerwayCluster`. Node pools depend on this contract,
 * not on the TerwayCluster class, so `TerwayCluster.addNodePool` can create them without an
 * import cycle.
 */
export interface ITerwayCluster extends IConstruct {
  /** Cluster ID. */
  readonly clusterId: string;
  /** VPC ID. */
  readonly vpcId: string;
  /** Zones with their vSwitch IDs, in declaration order. */
  readonly zoneVSwitchIds: ZoneVSwitchIds[];
  /** Zone IDs in declaration order. */
  readonly zoneIds: string[];
  /** IP families of the cluster. */
  readonly ipStack: IpStack;
  /** The information cluster-side constructs need. */
  readonly clusterInfo: TerwayClusterInfo;

  /** @internal */
  _registerExclusiveEniNodePool(name: string): void;
  /** @internal */
  _registerExclusiveEniPoolInfo(info: ExclusiveEniPoolInfo): void;
  /** @internal */
  _registerFixedVSwitchPoolInfo(info: FixedVSwitchPoolInfo, pool?: IConstruct): void;
  /** @internal */
  _addressPlan(): { vpcCidrs: string[]; vswitches: VSwitchPlan[] };
  /** @internal */
  _addSnatEntry(scope: IConstruct, id: string, vswitchId: string): boolean;
}
