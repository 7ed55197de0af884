import { Construct } from 'constructs';
import { installSynthGate } from './synth-gate';
import { TerwayCluster } from './terway-cluster';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { IpStack } from '../domain/enums';
import { checkNodePool, EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from '../domain/node-pool';
import { CsKubernetesNodePool } from '../generated/alicloud/cs-kubernetes-node-pool';

/** A Kubernetes taint for the nodes of a pool. */
export interface NodeTaint {
  /** Taint key. */
  readonly key: string;
  /** Taint value. @default - none */
  readonly value?: string;
  /** `NoSchedule`, `PreferNoSchedule` or `NoExecute`. @default NoSchedule */
  readonly effect?: string;
}

/** Options of a node pool, without the cluster (see {@link TerwayCluster.addNodePool}). */
export interface TerwayNodePoolOptions {
  /** Node pool name (`node_pool_name`). */
  readonly nodePoolName: string;
  /** ECS instance types (`instance_types`), in order of preference. */
  readonly instanceTypes: string[];
  /** Number of nodes (`desired_size`). @default 2 */
  readonly desiredSize?: number;
  /**
   * Zones to place nodes in; their node vSwitches are used (`vswitch_ids`).
   * @default - every zone of the cluster
   */
  readonly zoneIds?: string[];
  /** Node labels (`labels`), set when nodes are created. @default {} */
  readonly labels?: { [key: string]: string };
  /** Node taints (`taints`). @default [] */
  readonly taints?: NodeTaint[];
  /** System disk category (`system_disk_category`). @default cloud_essd */
  readonly systemDiskCategory?: string;
  /** System disk size in GiB (`system_disk_size`). @default 120 */
  readonly systemDiskSize?: number;
}

/** Properties of a {@link TerwayNodePool}. */
export interface TerwayNodePoolProps extends TerwayNodePoolOptions {
  /** The cluster the pool belongs to. */
  readonly cluster: TerwayCluster;
}

/**
 * An ACK node pool (`alicloud_cs_kubernetes_node_pool`) of a {@link TerwayCluster},
 * placed on the cluster's node vSwitches. Instance types whose ENI capacity is known
 * are checked against Terway's shared-ENI requirements.
 */
export class TerwayNodePool extends Construct {
  /** The `alicloud_cs_kubernetes_node_pool` resource (escape hatch). */
  public readonly nodePool: CsKubernetesNodePool;
  /** Node pool ID. */
  public readonly nodePoolId: string;

  constructor(scope: Construct, id: string, props: TerwayNodePoolProps) {
    super(scope, id);
    const cluster = props.cluster;
    const zoneIds = props.zoneIds ?? cluster.zoneIds;
    const unknown = zoneIds.filter((z) => !cluster.zoneIds.includes(z));
    if (unknown.length > 0) {
      throw new Error(`${this.node.path}: zones ${unknown.join(', ')} are not zones of cluster ${cluster.node.path} (${cluster.zoneIds.join(', ')}).`);
    }
    if (props.instanceTypes.length === 0) {
      throw new Error(`${this.node.path}: instanceTypes must name at least one ECS instance type.`);
    }
    const labels = props.labels ?? {};
    const exclusiveEni = labels[EXCLUSIVE_ENI_LABEL] === EXCLUSIVE_ENI_VALUE;
    if (exclusiveEni) cluster._registerExclusiveEniNodePool(props.nodePoolName);

    this.nodePool = new CsKubernetesNodePool(this, 'NodePool', {
      clusterId: cluster.clusterId,
      nodePoolName: props.nodePoolName,
      vswitchIds: cluster.zoneVSwitchIds.filter((z) => zoneIds.includes(z.zoneId)).flatMap((z) => z.nodeVSwitchIds),
      instanceTypes: props.instanceTypes,
      desiredSize: String(props.desiredSize ?? 2),
      systemDiskCategory: props.systemDiskCategory ?? 'cloud_essd',
      systemDiskSize: props.systemDiskSize ?? 120,
      labels: Object.keys(labels).sort().map((key) => ({ key, value: labels[key] })),
      taints: (props.taints ?? []).map((t) => ({ key: t.key, value: t.value, effect: t.effect ?? 'NoSchedule' })),
    });
    this.nodePoolId = this.nodePool.id;

    const dualStack = cluster.ipStack === IpStack.DUAL;
    installSynthGate(this);
    registerRuleCheck(this, [RULES.NODE_IP_CAPACITY, RULES.DUAL_STACK_INSTANCE], () => checkNodePool({
      name: props.nodePoolName, instanceTypes: props.instanceTypes, exclusiveEni, dualStack,
    }));
  }
}
