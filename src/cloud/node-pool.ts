import { Construct } from 'constructs';
import { checkNodePoolOptions, isTerwayCluster } from './cluster-inputs';
import { TerwayCluster } from './terway-cluster';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { IpStack } from '../domain/enums';
import { checkInputs, describeValue } from '../domain/input';
import { checkNodePool, EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from '../domain/node-pool';
import { checkNodePoolValues } from '../domain/terraform-values';
import { CsKubernetesNodePool } from '../generated/alicloud/cs-kubernetes-node-pool';

/** A Kubernetes taint for the nodes of a pool. */
export interface NodeTaint {
  /** Taint key. */
  readonly key: string;
  /** Taint value. @default - none */
  readonly value?: string;
  /**
   * `NoSchedule`, `PreferNoSchedule` or `NoExecute` (`taints.effect`; rule TW-TF-003).
   * @default NoSchedule
   * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
   */
  readonly effect?: string;
}

/** Options of a node pool, without the cluster (see {@link TerwayCluster.addNodePool}). */
export interface TerwayNodePoolOptions {
  /** Node pool name (`node_pool_name`). */
  readonly nodePoolName: string;
  /** ECS instance types (`instance_types`), in order of preference. */
  readonly instanceTypes: string[];
  /** Number of nodes (`desired_size`), a whole number of at least 0. @default 2 */
  readonly desiredSize?: number;
  /**
   * Zones to place nodes in; their node vSwitches are used (`vswitch_ids`).
   * @default - every zone of the cluster
   */
  readonly zoneIds?: string[];
  /**
   * Node labels (`labels`), set when nodes are created; Kubernetes label syntax (rule TW-TF-004).
   * @default {}
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
   */
  readonly labels?: { [key: string]: string };
  /** Node taints (`taints`). @default [] */
  readonly taints?: NodeTaint[];
  /**
   * System disk category (`system_disk_category`): cloud_efficiency, cloud_ssd, cloud_essd,
   * cloud_auto, cloud_essd_entry or cloud (rule TW-TF-002).
   * @default cloud_essd
   * @see https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/cs_kubernetes_node_pool
   */
  readonly systemDiskCategory?: string;
  /** System disk size in GiB (`system_disk_size`), a whole number of at least 1. @default 120 */
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
    checkNodePoolOptions(this.node.path, props);
    const check = checkInputs(this.node.path);
    if (!isTerwayCluster(props.cluster)) check.fail('cluster', `must be a TerwayCluster, got ${describeValue(props.cluster)}.`);
    const cluster = props.cluster;
    const zoneIds = props.zoneIds ?? cluster.zoneIds;
    const unknown = zoneIds.filter((z) => !cluster.zoneIds.includes(z));
    if (unknown.length > 0) {
      check.fail('zoneIds', `lists zones ${unknown.join(', ')} that are not zones of cluster ${cluster.node.path} (${cluster.zoneIds.join(', ')}).`);
    }
    const labels = props.labels ?? {};
    const taints = (props.taints ?? []).map((t) => ({ key: t.key, value: t.value, effect: t.effect ?? 'NoSchedule' }));
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
      taints,
    });
    this.nodePoolId = this.nodePool.id;

    const dualStack = cluster.ipStack === IpStack.DUAL;
    const rules = [RULES.NODE_IP_CAPACITY, RULES.DUAL_STACK_INSTANCE, RULES.SYSTEM_DISK_CATEGORY, RULES.NODE_LABEL_SYNTAX, RULES.NODE_TAINT];
    registerRuleCheck(this, rules, () => [
      ...checkNodePool({ name: props.nodePoolName, instanceTypes: props.instanceTypes, exclusiveEni, dualStack }),
      ...checkNodePoolValues({ name: props.nodePoolName, systemDiskCategory: props.systemDiskCategory ?? 'cloud_essd', labels, taints }),
    ]);
  }
}

