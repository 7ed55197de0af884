import { Construct } from 'constructs';
import { NodeTaint, TaintEffect, TerwayNodePool, TerwayNodePoolProps } from './node-pool';
import { ExclusiveEniPoolInfo, NodeTaintInfo } from '../core/cluster-info';
import { NodeNetworkMode } from '../domain/capacity-model';
import { checkInputs, propsStructOf } from '../domain/input';
import { podsPerNode } from '../domain/instance-types';
import { EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from '../domain/node-pool';
import { known } from '../domain/tokens';

/** Properties of an {@link ExclusiveEniNodePool}. */
export interface ExclusiveEniNodePoolProps extends TerwayNodePoolProps {
  /**
   * The taint that keeps pods which do not need an exclusive ENI off the pool (`taints`).
   * Added to `taints`.
   * @default - key `k8s.aliyun.com/exclusive-mode-eni-type`, value `eniOnly`, effect NoSchedule
   * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-node-pool-level-container-network
   */
  readonly exclusiveTaint?: NodeTaint;
  /**
   * Whether to add {@link exclusiveTaint}. Without any NoSchedule/NoExecute taint, rule
   * TW-EXCL-008 warns.
   * @default true
   */
  readonly taintEnabled?: boolean;
}

/**
 * A node pool in Terway exclusive ENI mode: every pod gets a whole secondary ENI (no
 * NetworkPolicy, no eBPF acceleration). The node label
 * `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly` is set at creation and the pool is
 * tainted by default; changing the mode replaces the pool (see {@link TerwayNodePool}).
 *
 * Schedule workloads onto it with `ExclusiveEniScheduling.addWorkload` (toleration + required
 * node affinity) or a PodNetworking plane with `eniType: ENI` (`ExclusiveEniPlane`), passing
 * {@link schedulingInfo} (one app) or `TerwayClusterOutputs.clusterInfo.exclusiveEniNodePools` (GitOps).
 *
 * Instance types need more than six ENIs (TW-EXCL-001); pods per node are ENIs − 1.
 *
 * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-node-pool-level-container-network
 */
export class ExclusiveEniNodePool extends TerwayNodePool {
  /** Key of the node label that selects exclusive ENI mode. */
  public static readonly NODE_LABEL_KEY = EXCLUSIVE_ENI_LABEL;
  /** Value of the node label that selects exclusive ENI mode. */
  public static readonly NODE_LABEL_VALUE = EXCLUSIVE_ENI_VALUE;

  /** The exclusive taint, when enabled. */
  public readonly exclusiveTaint?: NodeTaintInfo;
  /** What workloads need to be scheduled onto this pool (labels, taints, pods per node). */
  public readonly schedulingInfo: ExclusiveEniPoolInfo;

  constructor(scope: Construct, id: string, props: ExclusiveEniNodePoolProps) {
    const check = checkInputs(`${scope.node.path}/${id}`);
    // Before the props are spread into the base class's: unknown names are refused against this class's props.
    check.object('props', props, { struct: propsStructOf(new.target) });
    const labels = check.stringMap('labels', props.labels, { optional: true }) ?? {};
    if (labels[EXCLUSIVE_ENI_LABEL] !== undefined && labels[EXCLUSIVE_ENI_LABEL] !== EXCLUSIVE_ENI_VALUE) {
      check.fail(`labels[${JSON.stringify(EXCLUSIVE_ENI_LABEL)}]`, `must be ${EXCLUSIVE_ENI_VALUE} (or left out) on an exclusive ENI node pool, got ${JSON.stringify(labels[EXCLUSIVE_ENI_LABEL])}.`);
    }
    const enabled = check.boolean('taintEnabled', props.taintEnabled, { optional: true }) ?? true;
    const custom = check.object('exclusiveTaint', props.exclusiveTaint, { optional: true }) as unknown as NodeTaint | undefined;
    if (custom !== undefined && !enabled) check.fail('exclusiveTaint', 'is set but taintEnabled is false.');
    const taint: NodeTaint | undefined = enabled
      ? custom ?? { key: EXCLUSIVE_ENI_LABEL, value: EXCLUSIVE_ENI_VALUE, effect: TaintEffect.NO_SCHEDULE }
      : undefined;
    super(scope, id, {
      ...props,
      labels: { ...labels, [EXCLUSIVE_ENI_LABEL]: EXCLUSIVE_ENI_VALUE },
      taints: [...(check.array('taints', props.taints, { optional: true }) as NodeTaint[] | undefined ?? []), ...(taint ? [taint] : [])],
    });
    this.exclusiveTaint = taint && this.nodeTaints[this.nodeTaints.length - 1];
    const capacity: { [type: string]: number } = {};
    for (const type of this.nodePool.instanceTypesInput ?? []) {
      const literal = known(type);
      const pods = literal === undefined || props.lingjun !== undefined ? undefined : podsPerNode(literal, NodeNetworkMode.EXCLUSIVE);
      if (literal !== undefined && pods !== undefined) capacity[literal] = pods;
    }
    this.schedulingInfo = {
      nodePoolName: this.nodePoolName,
      nodeLabels: { ...this.nodeLabels },
      taints: this.nodeTaints.map((t) => ({ ...t })),
      podsPerNode: capacity,
    };
    props.cluster._registerExclusiveEniPoolInfo(this.schedulingInfo);
  }
}
