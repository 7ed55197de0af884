import { Construct, IConstruct } from 'constructs';
import { registerExclusiveEniPolicyCheck } from './exclusive-eni-policy';
import { checkClusterInfo } from './plane-inputs';
import { appPlaneIndex, PodNetworkingPlane, PodNetworkingPlaneProps } from './pod-networking-plane';
import { addPodScheduling } from './workloads';
import { ExclusiveEniPoolInfo, TerwayClusterInfo } from '../core/cluster-info';
import { checkExclusivePoolInfo } from '../core/pool-info-check';
import { EniType } from '../domain/enums';
import { checkInputs, InputChecker, propsStructOf } from '../domain/input';
import { EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from '../domain/node-pool';

/**
 * Schedules workloads onto exclusive ENI node pools with a toleration for the pool's taints
 * and required node affinity on `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly` (the
 * NodeAffinity way of the exclusive ENI doc; no per-pod vSwitch or fixed IP). For per-pod
 * vSwitches, security groups and fixed IPs use {@link ExclusiveEniPlane}.
 *
 * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-node-pool-level-container-network
 */
export class ExclusiveEniScheduling {
  /**
   * The exclusive ENI node pool named `nodePoolName` (or the only one) of a cluster
   * description, e.g. `TerwayClusterOutputs.clusterInfo` or `TerwayCluster.clusterInfo`.
   */
  public static poolOf(cluster: TerwayClusterInfo, nodePoolName?: string): ExclusiveEniPoolInfo {
    const check = checkInputs('ExclusiveEniScheduling.poolOf');
    check.object('cluster', cluster, { struct: 'TerwayClusterInfo' });
    checkClusterInfo(check, 'cluster', cluster);
    check.string('nodePoolName', nodePoolName, { optional: true, minLength: 1 });
    const pools = cluster.exclusiveEniNodePools ?? [];
    const names = pools.map((p) => p.nodePoolName);
    const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    if (duplicates.length > 0) {
      check.fail('cluster.exclusiveEniNodePools', `names node pool${duplicates.length > 1 ? 's' : ''} ${duplicates.join(', ')} more than once; node pool names are unique in a cluster.`);
    }
    const matching = nodePoolName === undefined ? pools : pools.filter((p) => p.nodePoolName === nodePoolName);
    if (matching.length !== 1) {
      check.fail(nodePoolName === undefined ? 'cluster.exclusiveEniNodePools' : 'nodePoolName',
        `${nodePoolName === undefined ? 'must hold exactly one pool when nodePoolName is not given' : 'matches no exclusive ENI node pool'}; pools: ${names.join(', ') || 'none'}.`);
    }
    return matching[0];
  }

  /**
   * Adds required node affinity on the exclusive ENI label and tolerations for the pool's
   * taints to a cdk8s-plus workload or a raw Deployment/StatefulSet/DaemonSet/Job/CronJob/Pod.
   * Rule TW-EXCL-005 then rejects any NetworkPolicy in the app that selects its pods.
   */
  public static addWorkload(workload: IConstruct, pool: ExclusiveEniPoolInfo): void {
    const check = checkInputs('ExclusiveEniScheduling.addWorkload');
    if (typeof (workload as IConstruct | undefined)?.node?.path !== 'string') check.fail('workload', 'must be a construct (a cdk8s-plus workload or an ApiObject).');
    check.object('pool', pool, { struct: 'ExclusiveEniPoolInfo' });
    const info = checkPoolInfo(check, 'pool', pool);
    addPodScheduling(workload, {
      requiredNodeLabels: { [EXCLUSIVE_ENI_LABEL]: EXCLUSIVE_ENI_VALUE },
      asNodeSelector: false,
      tolerations: info.taints,
    });
    if (!CHECKED.has(workload)) {
      CHECKED.add(workload);
      registerExclusiveEniPolicyCheck(workload, appPlaneIndex, { workload });
    }
  }

  private constructor() {}
}

/** Properties of an {@link ExclusiveEniPlane}. */
export interface ExclusiveEniPlaneProps extends PodNetworkingPlaneProps {
  /**
   * The exclusive ENI node pool whose taints the plane's workloads tolerate when added with
   * {@link ExclusiveEniPlane.addWorkload}.
   * @default - no tolerations are added (the pool must be untainted)
   */
  readonly pool?: ExclusiveEniPoolInfo;
}

/**
 * A PodNetworking plane with `eniOptions.eniType: ENI`: Terway places matching pods on
 * exclusive ENI nodes, with the plane's vSwitches, security groups and (Fixed) IPs. Workloads
 * added with {@link addWorkload} also tolerate the pool's taints. NetworkPolicies selecting
 * its pods are errors (TW-EXCL-005).
 *
 * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-node-pool-level-container-network
 */
export class ExclusiveEniPlane extends PodNetworkingPlane {
  private readonly pool?: ExclusiveEniPoolInfo;

  constructor(scope: Construct, id: string, props: ExclusiveEniPlaneProps) {
    const check = checkInputs(`${scope.node.path}/${id}`);
    check.object('props', props, { struct: propsStructOf(new.target) });
    check.enumValue('eniType', props.eniType, [EniType.ENI], { optional: true });
    const pool = props.pool === undefined ? undefined : checkPoolInfo(check, 'pool', props.pool);
    super(scope, id, { ...props, eniType: EniType.ENI });
    this.pool = pool;
  }

  /** Makes a workload join the plane (pod labels) and tolerate the pool's taints. */
  public addWorkload(workload: IConstruct): void {
    super.addWorkload(workload);
    if (this.pool && this.pool.taints.length > 0) {
      addPodScheduling(workload, { requiredNodeLabels: {}, asNodeSelector: false, tolerations: this.pool.taints });
    }
  }
}

/** Workloads that already carry the NetworkPolicy check (added twice, reported once). */
const CHECKED = new WeakSet<IConstruct>();

function checkPoolInfo(parent: InputChecker, property: string, pool: ExclusiveEniPoolInfo): ExclusiveEniPoolInfo {
  const info = checkExclusivePoolInfo(parent, property, pool);
  if (info.nodeLabels[EXCLUSIVE_ENI_LABEL] !== EXCLUSIVE_ENI_VALUE) {
    parent.at(property).fail('nodeLabels', `must contain ${EXCLUSIVE_ENI_LABEL}: ${EXCLUSIVE_ENI_VALUE} (the pool is not an exclusive ENI node pool).`);
  }
  return info;
}
