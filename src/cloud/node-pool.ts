import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ITerwayCluster } from './cluster-contract';
import { isTerwayCluster } from './cluster-inputs';
import { instanceTypePreconditions } from './instance-type-preconditions';
import { NetworkModeRecord } from './network-mode-record';
import { installSynthGate } from './synth-gate';
import { NodeTaintInfo } from '../core/cluster-info';
import { registerPlanFacts } from '../core/plan-facts';
import { registerRuleCheck } from '../core/validation';
import { NodeNetworkMode } from '../domain/capacity-model';
import { RULES } from '../domain/catalog';
import { IpStack } from '../domain/enums';
import { checkInputs, describeValue, InputChecker, propsStructOf } from '../domain/input';
import { NodePoolFact } from '../domain/network-plan/facts';
import { exclusiveLabelFindings } from '../domain/node-mode-values';
import { checkNodePool, EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from '../domain/node-pool';
import { checkNodePoolValues } from '../domain/terraform-values';
import { CsKubernetesNodePool } from '../generated/alicloud/cs-kubernetes-node-pool';

/** Effect of a taint. */
export enum TaintEffect {
  /** New pods without a toleration are not scheduled. */
  NO_SCHEDULE = 'NoSchedule',
  /** The scheduler tries to avoid the node. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** Running pods without a toleration are evicted too. */
  NO_EXECUTE = 'NoExecute',
}

/** A Kubernetes taint for the nodes of a pool (`taints`). */
export interface NodeTaint {
  /**
   * Taint key (`taints.key`).
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly key: string;
  /**
   * Taint value (`taints.value`).
   * @default - none
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly value?: string;
  /**
   * Taint effect (`taints.effect`): `NoSchedule`, `PreferNoSchedule` or `NoExecute` (rule TW-TF-003).
   * @default NoSchedule
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly effect?: string;
}

/** Auto scaling of a node pool (`scaling_config`). */
export interface NodePoolAutoScaling {
  /** Minimum number of nodes (`scaling_config.min_size`), 0 to 1000. @default 0 */
  readonly minSize?: number;
  /** Maximum number of nodes (`scaling_config.max_size`), up to 1000 and greater than minSize. */
  readonly maxSize: number;
}

/** Options of a node pool, without the cluster (see {@link TerwayCluster.addNodePool}). */
export interface TerwayNodePoolOptions {
  /**
   * Node pool name (`node_pool_name`).
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly nodePoolName: string;
  /**
   * ECS instance types (`instance_types`), in order of preference.
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly instanceTypes: string[];
  /**
   * Number of nodes (`desired_size`); not used with autoScaling or existingInstanceIds.
   * @default 2
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly desiredSize?: number;
  /**
   * Auto scaling between minSize and maxSize (`scaling_config` with `enable = true`).
   * @default - a fixed size (desiredSize)
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool#scaling_config
   */
  readonly autoScaling?: NodePoolAutoScaling;
  /**
   * Existing ECS instances to add to the pool (`instances`). They keep the ENIs already
   * attached: in exclusive ENI or fixed-vSwitch pools this is a warning.
   * @default - the pool creates its nodes
   */
  readonly existingInstanceIds?: string[];
  /**
   * Zones to place nodes in; their node vSwitches are used (`vswitch_ids`).
   * @default - every zone of the cluster
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly zoneIds?: string[];
  /**
   * Node labels (`labels`), set when nodes are created.
   * @default {}
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly labels?: { [key: string]: string };
  /**
   * Node taints (`taints`).
   * @default []
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly taints?: NodeTaint[];
  /**
   * System disk category (`system_disk_category`).
   * @default cloud_essd
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly systemDiskCategory?: string;
  /**
   * System disk size in GiB (`system_disk_size`).
   * @default 120
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_kubernetes_node_pool
   */
  readonly systemDiskSize?: number;
  /**
   * A Lingjun node pool (`type = "lingjun"` with `eflo_node_group`): ECS ENI capacity does not
   * apply; exclusive ENI needs Terway v1.14.3 and dual-stack is not supported.
   * @default - an ECS node pool
   */
  readonly lingjun?: LingjunNodeGroup;
}

/** The Lingjun cluster and group of a Lingjun node pool (`eflo_node_group`). */
export interface LingjunNodeGroup {
  /** ID of the associated Lingjun cluster (`eflo_node_group.cluster_id`). */
  readonly clusterId: string;
  /** ID of the Lingjun group in that cluster (`eflo_node_group.group_id`). */
  readonly groupId: string;
}

/** Properties of a {@link TerwayNodePool}. */
export interface TerwayNodePoolProps extends TerwayNodePoolOptions {
  /** The cluster the pool belongs to (a `TerwayCluster`). */
  readonly cluster: ITerwayCluster;
}

/**
 * An ACK node pool (`alicloud_cs_kubernetes_node_pool`) of a {@link TerwayCluster},
 * placed on the cluster's node vSwitches.
 *
 * Its network mode (shared ENI, or exclusive ENI when the pool carries the label
 * `k8s.aliyun.com/exclusive-mode-eni-type: eniOnly`) is fixed when nodes are created, so a
 * `terraform_data` resource holds the mode and the pool is replaced when it changes
 * (`lifecycle.replace_triggered_by`). Instance types are checked against the bundled ENI
 * capacity table at synth time and against DescribeInstanceTypes (data source
 * `alicloud_instance_types`, `lifecycle.precondition`) at plan time.
 */
export class TerwayNodePool extends Construct {
  /** The `alicloud_cs_kubernetes_node_pool` resource (escape hatch). */
  public readonly nodePool: CsKubernetesNodePool;
  /** Node pool ID. */
  public readonly nodePoolId: string;
  /** Node pool name. */
  public readonly nodePoolName: string;
  /** The pool's network mode (shared or exclusive ENI). */
  public readonly networkMode: NodeNetworkMode;
  /** Node labels set on the pool's nodes. */
  public readonly nodeLabels: { [key: string]: string };
  /** Node taints of the pool, with resolved effects. */
  public readonly nodeTaints: NodeTaintInfo[];
  /**
   * The `terraform_data` resource holding the network mode; changing it replaces the pool.
   * @see https://developer.hashicorp.com/terraform/language/resources/terraform-data
   */
  public readonly networkModeResource: TerraformResource;
  private readonly planFact: NodePoolFact;

  constructor(scope: Construct, id: string, props: TerwayNodePoolProps) {
    super(scope, id);
    const check = checkInputs(this.node.path);
    const p = checkNodePoolOptions(check, props, propsStructOf(this));
    const cluster = props.cluster;
    if (!isTerwayCluster(cluster)) check.fail('cluster', `must be a TerwayCluster, got ${describeValue(cluster)}.`);
    const zoneIds = p.zoneIds ?? cluster.zoneIds;
    const unknownZones = zoneIds.filter((z) => !cluster.zoneIds.includes(z));
    if (unknownZones.length > 0) {
      check.fail('zoneIds', `lists zones ${unknownZones.join(', ')} that are not zones of cluster ${cluster.node.path} (${cluster.zoneIds.join(', ')}).`);
    }
    const labels = p.labels ?? {};
    const exclusiveEni = labels[EXCLUSIVE_ENI_LABEL] === EXCLUSIVE_ENI_VALUE;
    this.nodePoolName = p.nodePoolName;
    this.networkMode = exclusiveEni ? NodeNetworkMode.EXCLUSIVE : NodeNetworkMode.SHARED;
    this.nodeLabels = { ...labels };
    this.nodeTaints = (p.taints ?? []).map((t) => ({ key: t.key, value: t.value, effect: t.effect ?? TaintEffect.NO_SCHEDULE }));
    const dualStack = cluster.ipStack === IpStack.DUAL;
    const lingjun = p.lingjun !== undefined;

    const modeRecord = new NetworkModeRecord(this, 'NetworkMode', { mode: this.networkMode, [EXCLUSIVE_ENI_LABEL]: labels[EXCLUSIVE_ENI_LABEL] ?? '' });
    this.networkModeResource = modeRecord;
    const scaling = p.autoScaling;
    this.nodePool = new CsKubernetesNodePool(this, 'NodePool', {
      clusterId: cluster.clusterId,
      nodePoolName: p.nodePoolName,
      vswitchIds: cluster.zoneVSwitchIds.filter((z) => zoneIds.includes(z.zoneId)).flatMap((z) => z.nodeVSwitchIds),
      instanceTypes: p.instanceTypes,
      desiredSize: scaling || p.existingInstanceIds ? undefined : String(p.desiredSize ?? 2),
      scalingConfig: scaling ? { enable: true, minSize: scaling.minSize ?? 0, maxSize: scaling.maxSize } : undefined,
      instances: p.existingInstanceIds,
      type: lingjun ? 'lingjun' : undefined,
      efloNodeGroup: p.lingjun && { clusterId: p.lingjun.clusterId, groupId: p.lingjun.groupId },
      systemDiskCategory: p.systemDiskCategory ?? 'cloud_essd',
      systemDiskSize: p.systemDiskSize ?? 120,
      labels: Object.keys(labels).sort().map((key) => ({ key, value: labels[key] })),
      taints: this.nodeTaints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
      lifecycle: {
        // A plain address: cdktf renders a dependable as "${…}", which Terraform rejects here
        // (hashicorp/terraform-cdk#3196).
        replaceTriggeredBy: [modeRecord.address],
        // Lingjun nodes are not ECS instance types: DescribeInstanceTypes does not describe them.
        precondition: lingjun ? undefined
          : instanceTypePreconditions(this, { poolName: p.nodePoolName, instanceTypes: p.instanceTypes, exclusive: exclusiveEni, dualStack }),
      },
    });
    this.nodePoolId = this.nodePool.id;
    if (exclusiveEni) cluster._registerExclusiveEniNodePool(p.nodePoolName);

    installSynthGate(this);
    registerRuleCheck(this, [
      RULES.NODE_IP_CAPACITY, RULES.DUAL_STACK_INSTANCE, RULES.UNKNOWN_INSTANCE_TYPE, RULES.EXCL_ENI_COUNT, RULES.EXCL_TERWAY_VERSION,
      RULES.EXCL_DUAL_STACK_PARITY, RULES.LINGJUN_DUAL_STACK, RULES.EXCL_EXISTING_NODES, RULES.EXCL_UNTAINTED,
      RULES.SYSTEM_DISK_CATEGORY, RULES.NODE_LABEL_SYNTAX, RULES.NODE_TAINT, RULES.EXCL_LABEL_VALUE,
    ], () => [...exclusiveLabelFindings(p.nodePoolName, labels), ...checkNodePool({
      name: p.nodePoolName,
      instanceTypes: p.instanceTypes,
      exclusiveEni,
      dualStack,
      lingjun,
      terwayVersion: cluster.clusterInfo.terwayVersion,
      existingInstances: p.existingInstanceIds?.length,
      tainted: this.nodeTaints.some((t) => t.effect !== TaintEffect.PREFER_NO_SCHEDULE),
    }), ...checkNodePoolValues({ name: p.nodePoolName, systemDiskCategory: p.systemDiskCategory ?? 'cloud_essd', labels, taints: this.nodeTaints })]);
    this.planFact = {
      kind: 'nodePool',
      path: this.node.path,
      clusterPath: cluster.node.path,
      name: p.nodePoolName,
      exclusiveEni,
      instanceTypes: p.instanceTypes,
      desiredSize: scaling || p.existingInstanceIds ? undefined : p.desiredSize ?? 2,
      minSize: scaling && (scaling.minSize ?? 0),
      maxSize: scaling?.maxSize,
      existingInstances: p.existingInstanceIds?.length,
      zoneIds,
      labels,
      taints: this.nodeTaints,
      lingjun,
    };
    registerPlanFacts(this, () => this._planFact());
  }

  /**
   * What the network plan report shows of this pool.
   * @internal
   */
  public _planFact(): NodePoolFact {
    return this.planFact;
  }
}

/** Shape checks of the pool options. */
function checkNodePoolOptions(check: InputChecker, props: TerwayNodePoolOptions, struct: string | undefined): TerwayNodePoolOptions {
  // A subclass passes its own props on (ExclusiveEniNodePoolProps …): checked against the props of
  // the class being built, which the subclass checked before spreading them.
  check.object('props', props, { struct });
  const labelKey = { minLength: 1 };
  const p: TerwayNodePoolOptions = {
    nodePoolName: check.string('nodePoolName', props.nodePoolName, { minLength: 1, maxLength: 63 }),
    instanceTypes: check.stringArray('instanceTypes', props.instanceTypes, { minLength: 1 }, {
      minLength: 1, pattern: /^[a-z0-9][a-z0-9._-]*$/i, expected: 'an ECS instance type such as ecs.g7.xlarge',
    }),
    desiredSize: check.integer('desiredSize', props.desiredSize, { optional: true, min: 0, max: 1000 }),
    autoScaling: props.autoScaling === undefined ? undefined : (() => {
      check.object('autoScaling', props.autoScaling);
      const s = check.at('autoScaling');
      const minSize = s.integer('minSize', props.autoScaling.minSize, { optional: true, min: 0, max: 1000 });
      const maxSize = s.integer('maxSize', props.autoScaling.maxSize, { min: 0, max: 1000 });
      if (maxSize <= (minSize ?? 0)) s.fail('maxSize', `must be greater than minSize (${minSize ?? 0}), got ${maxSize}.`);
      return { minSize, maxSize };
    })(),
    existingInstanceIds: check.stringArray('existingInstanceIds', props.existingInstanceIds, { optional: true, minLength: 1 }, {
      pattern: /^i-[a-z0-9]+$/, expected: 'an ECS instance ID such as i-bp1...',
    }),
    zoneIds: check.stringArray('zoneIds', props.zoneIds, { optional: true, minLength: 1 }, { minLength: 1 }),
    labels: check.stringMap('labels', props.labels, { optional: true }, labelKey),
    taints: check.array('taints', props.taints, { optional: true })?.map((t, i) => {
      const c = check.at(`taints[${i}]`);
      const taint = check.object(`taints[${i}]`, t) as unknown as NodeTaint;
      return {
        key: c.string('key', taint.key, { minLength: 1 }),
        value: c.string('value', taint.value, { optional: true }),
        // Membership is rule TW-TF-003 (a finding with a rule ID, like the other node-pool values).
        effect: c.string('effect', taint.effect, { optional: true }),
      };
    }),
    systemDiskCategory: check.string('systemDiskCategory', props.systemDiskCategory, { optional: true, minLength: 1 }),
    systemDiskSize: check.integer('systemDiskSize', props.systemDiskSize, { optional: true, min: 20, max: 2048 }),
    lingjun: props.lingjun === undefined ? undefined : (() => {
      check.object('lingjun', props.lingjun);
      const c = check.at('lingjun');
      return { clusterId: c.string('clusterId', props.lingjun.clusterId, { minLength: 1 }), groupId: c.string('groupId', props.lingjun.groupId, { minLength: 1 }) };
    })(),
  };
  if (p.existingInstanceIds && (p.autoScaling || p.desiredSize !== undefined)) {
    check.fail('existingInstanceIds', 'cannot be combined with desiredSize or autoScaling (the provider\'s instances conflicts with desired_size and scaling_config).');
  }
  if (p.autoScaling && p.desiredSize !== undefined) {
    check.fail('desiredSize', 'cannot be combined with autoScaling; the autoscaler sets the size between minSize and maxSize.');
  }
  return p;
}
