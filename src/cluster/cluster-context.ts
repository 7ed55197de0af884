import { TerwayClusterInfo } from '../core/cluster-info';
import { ClusterContextModel } from '../domain/pod-networking';

/** The facts the plane rules use from a cluster description. */
export function clusterContext(info: TerwayClusterInfo | undefined): ClusterContextModel {
  return {
    zoneIds: info?.zones?.map((z) => z.zoneId),
    trunkEniEnabled: info?.trunkEniEnabled,
    networkPolicyEnabled: info?.networkPolicyEnabled,
    terwayVersion: info?.terwayVersion,
    dedicatedCluster: info?.dedicatedCluster,
    createdBeforeJune2020: info?.createdBeforeJune2020,
  };
}
