import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { checkClusterInfo } from './plane-inputs';
import { appPlaneIndex } from './pod-networking-plane';
import { installWarningPrinter } from './warnings';
import { addPodScheduling, declaredObjects } from './workloads';
import { FixedVSwitchPoolInfo, NodeTaintInfo, TerwayClusterInfo } from '../core/cluster-info';
import { registerPlanFacts } from '../core/plan-facts';
import { checkFixedPoolInfo } from '../core/pool-info-check';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { checkFixedConfig, fixedConfigLabel } from '../domain/fixed-vswitch';
import { ResourceIdKind } from '../domain/ids';
import { checkInputs, propsStructOf } from '../domain/input';
import { checkFixedConfigWorkloads, checkTaints } from '../domain/node-modes';
import { TERWAY_CONFIG_LABEL } from '../domain/node-pool';
import { Finding } from '../domain/rules';

/** Properties of a {@link FixedVSwitchConfig}. */
export interface FixedVSwitchConfigProps {
  /**
   * Name of the ConfigMap in kube-system, e.g. `eni-config-fixed`; also the value of the node
   * label `terway-config` on the node pool.
   */
  readonly name: string;
  /**
   * The cloud-side pool (`FixedVSwitchNodePool.schedulingInfo`, or an entry of
   * `TerwayClusterOutputs.clusterInfo.fixedVSwitchNodePools`): supplies the vSwitches,
   * security groups, zones and taints.
   * @default - give vSwitchIds (and taints) yourself
   */
  readonly pool?: FixedVSwitchPoolInfo;
  /**
   * Dedicated vSwitch IDs per zone (`eni_conf.vswitches`).
   * @default - the pool's
   */
  readonly vSwitchIds?: { [zoneId: string]: string[] };
  /**
   * Security groups for the pods' ENIs (`eni_conf.security_groups`). The cluster default's
   * `security_group` is then removed (`"security_group": null`, a JSON merge patch), because
   * Terway uses the union of both keys; at most 10 groups in total (TW-ENICONF-003).
   * @default - the pool's; without any, the cluster eni-config's security groups
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/types/daemon/config.go
   */
  readonly securityGroupIds?: string[];
  /**
   * Taints of the node pool, tolerated by workloads added with {@link addWorkload}.
   * @default - the pool's, else `terway-config=<name>:NoSchedule` (what FixedVSwitchNodePool sets)
   */
  readonly taints?: NodeTaintInfo[];
  /**
   * Further per-node `eni_conf` keys, e.g. `{ max_pool_size: 10 }`; checked against Terway's key
   * types. Cluster-wide keys (credentials, ipam_type, enable_eni_trunking, ip_stack, service_cidr)
   * are refused (TW-FIXED-008). `null` deletes a key of the base config (JSON merge patch).
   * @default {}
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/docs/dynamic-config.md
   */
  readonly eniConfOverrides?: { [key: string]: any };
  /**
   * The cluster, when known: a node pool labelled `terway-config: <name>` must exist (TW-FIXED-004).
   * @default - not checked
   */
  readonly cluster?: TerwayClusterInfo;
}

/**
 * The cluster side of the container-network FAQ's allowlisting recipe: a ConfigMap in
 * kube-system whose `eni_conf` gives the nodes labelled `terway-config: <name>` dedicated
 * vSwitches (and security groups), so their pods get IPs from a predictable CIDR block.
 * {@link addWorkload} adds the node selector and toleration.
 *
 * Terway reads the ConfigMap once when a node's daemon starts and silently falls back to the
 * cluster default when it is missing: create it before the node pool (one deploy:
 * `FixedVSwitchNodePool` with `configMapManifests`; GitOps: apply this ConfigMap first).
 * A workload that also matches a PodNetworking gets the plane's IPs (TW-FIXED-006).
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/faq-about-container-networks
 */
export class FixedVSwitchConfig extends Construct {
  /** The ConfigMap API object (escape hatch). */
  public readonly apiObject: ApiObject;
  /** ConfigMap name and `terway-config` label value. */
  public readonly name: string;
  /** Taints tolerated by added workloads. */
  public readonly taints: NodeTaintInfo[];
  /** The rendered `eni_conf` document. */
  public readonly eniConf: { [key: string]: any };

  constructor(scope: Construct, id: string, props: FixedVSwitchConfigProps) {
    super(scope, id);
    const check = checkInputs(this.node.path);
    check.object('props', props, { struct: propsStructOf(this) });
    this.name = check.string('name', props.name, { minLength: 1 });
    const pool = props.pool === undefined ? undefined : checkFixedPoolInfo(check, 'pool', props.pool);
    const vswitchInput = props.vSwitchIds ?? pool?.vSwitchIds;
    if (vswitchInput === undefined) check.fail('vSwitchIds', 'is required when no pool is given.');
    const vSwitchIds = Object.fromEntries(Object.keys(check.object('vSwitchIds', vswitchInput)).sort()
      .map((zone) => [zone, check.resourceIdArray(`vSwitchIds[${JSON.stringify(zone)}]`, (vswitchInput as Record<string, unknown>)[zone], ResourceIdKind.VSWITCH, { minLength: 1 })]));
    const securityGroupIds = props.securityGroupIds === undefined ? pool?.securityGroupIds
      : check.resourceIdArray('securityGroupIds', props.securityGroupIds, ResourceIdKind.SECURITY_GROUP, { minLength: 1 });
    const taints = props.taints === undefined ? pool?.taints : checkTaints(check, 'taints', props.taints);
    this.taints = taints ?? [{ key: TERWAY_CONFIG_LABEL, value: this.name, effect: 'NoSchedule' }];
    const overrides = check.object('eniConfOverrides', props.eniConfOverrides, { optional: true }) ?? {};
    for (const [key, value] of Object.entries(overrides)) if (value !== undefined) check.jsonValue(`eniConfOverrides[${JSON.stringify(key)}]`, value);
    checkClusterInfo(check, 'cluster', props.cluster);
    const cluster = props.cluster;

    const doc: Record<string, unknown> = { vswitches: vSwitchIds, ...(securityGroupIds ? { security_groups: securityGroupIds } : {}) };
    for (const [k, v] of Object.entries(overrides)) if (v !== undefined) doc[k] = v;
    // Terway lays this document over kube-system/eni-config as a JSON merge patch and then uses
    // the union of security_group and security_groups (types/daemon/config.go GetSecurityGroups,
    // v1.17.5): without this, the cluster's security_group would stay on the pool's pods.
    if (doc.security_groups !== undefined && !Object.prototype.hasOwnProperty.call(doc, 'security_group')) doc.security_group = null;
    this.eniConf = Object.fromEntries(Object.keys(doc).sort().map((k) => [k, doc[k]]));
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: this.name, namespace: 'kube-system' },
      data: { eni_conf: JSON.stringify(this.eniConf, undefined, 2) },
    });

    const findings: Finding[] = checkFixedConfig({ name: this.name, eniConf: this.eniConf, poolZones: pool?.zoneIds });
    if (pool && pool.configName !== this.name) {
      findings.push(violation(RULES.FIXED_POOL_LABEL, `Node pool ${pool.nodePoolName} is labelled ${TERWAY_CONFIG_LABEL}: ${pool.configName}, not ${this.name}; its nodes would not read this ConfigMap.`,
        `Name the ConfigMap ${pool.configName}, or pass the matching pool.`));
    }
    const known = cluster?.fixedVSwitchNodePools;
    if (!pool && known !== undefined && !known.some((p) => p.configName === this.name)) {
      findings.push(violation(RULES.FIXED_POOL_LABEL, `No node pool of the cluster is labelled ${TERWAY_CONFIG_LABEL}: ${this.name} (pools: ${known.map((p) => `${p.nodePoolName} → ${p.configName}`).join(', ') || 'none'}).`,
        'Create the node pool with FixedVSwitchNodePool (configName must equal this name), or fix the name.'));
    }
    registerRuleCheck(this, [
      RULES.FIXED_CONFIG_NAME, RULES.FIXED_KEY_NOT_PER_NODE, RULES.FIXED_VSWITCH_ZONE, RULES.FIXED_POOL_LABEL, RULES.ENICONF_KEY_TYPE,
      RULES.ENICONF_KEY_VALUE, RULES.ENICONF_REMOVED_KEY, RULES.FIXED_WORKLOAD_SCHEDULING, RULES.FIXED_PLANE_PRECEDENCE,
      RULES.ENICONF_SECURITY_GROUPS, RULES.RESOURCE_ID,
    ], () => [...findings, ...this.workloadFindings()]);
    registerPlanFacts(this, () => ({ kind: 'fixedConfig', path: this.node.path, name: this.name, vSwitchIds, securityGroupIds: securityGroupIds ?? [], taints: this.taints }));
    installWarningPrinter(this);
  }

  /**
   * Puts a workload on the fixed-vSwitch nodes: node selector `terway-config: <name>` and
   * tolerations for the pool's taints (cdk8s-plus workloads get the equivalent required node
   * affinity), for a cdk8s-plus workload or a raw Deployment/StatefulSet/DaemonSet/Job/CronJob/Pod.
   */
  public addWorkload(workload: IConstruct): void {
    if (typeof (workload as IConstruct | undefined)?.node?.path !== 'string') {
      checkInputs(`${this.node.path}.addWorkload`).fail('workload', 'must be a construct (a cdk8s-plus workload or an ApiObject).');
    }
    addPodScheduling(workload, { requiredNodeLabels: fixedConfigLabel(this.name), asNodeSelector: true, tolerations: this.taints });
  }

  private workloadFindings(): Finding[] {
    const root = this.node.root;
    const index = fixedConfigIndex(root);
    const first = index.firstByName.get(this.name);
    const duplicate = first !== undefined && first !== this ? [violation(RULES.FIXED_CONFIG_NAME,
      `${first.node.path} writes ConfigMap kube-system/${this.name} too; one of the two would replace the other.`,
      'Give each FixedVSwitchConfig its own name (one per node pool label value).')] : [];
    // Only workloads that require this configuration's nodes or tolerate one of its taints can
    // have findings: take them from the app's index, in declaration order.
    const candidates = new Set<number>(index.byRequiredConfig.get(this.name) ?? []);
    for (const t of this.taints) {
      if (t.value !== undefined) for (const i of index.byToleration.get(tolerationKey(t.key, t.value)) ?? []) candidates.add(i);
    }
    const { workloads, namespaces } = declaredObjects(root);
    const planes = appPlaneIndex(root);
    return [...duplicate, ...checkFixedConfigWorkloads({ name: this.name, taints: this.taints }, planes.planes.map((p) => p.model),
      [...candidates].sort((a, b) => a - b).map((i) => workloads[i]), namespaces, (w) => planes.firstPlane(w))];
  }
}

/** The app's fixed-vSwitch configurations and workloads, indexed once per validation pass. */
interface FixedConfigIndex {
  /** The first configuration (in tree order) of each name. */
  readonly firstByName: Map<string, FixedVSwitchConfig>;
  /** Indices of declared workloads by the `terway-config` value they require. */
  readonly byRequiredConfig: Map<string, number[]>;
  /** Indices of declared workloads by toleration (operator Equal) key and value. */
  readonly byToleration: Map<string, number[]>;
}

const FIXED_CONFIG_INDEX = Symbol('fixed-config-index');

function fixedConfigIndex(root: IConstruct): FixedConfigIndex {
  return passMemo(FIXED_CONFIG_INDEX, root, () => {
    const index: FixedConfigIndex = { firstByName: new Map(), byRequiredConfig: new Map(), byToleration: new Map() };
    for (const c of root.node.findAll()) if (c instanceof FixedVSwitchConfig && !index.firstByName.has(c.name)) index.firstByName.set(c.name, c);
    declaredObjects(root).workloads.forEach((w, i) => {
      const required = (w.requiredNodeLabels ?? {})[TERWAY_CONFIG_LABEL];
      if (required !== undefined) push(index.byRequiredConfig, required, i);
      for (const tol of w.tolerations ?? []) {
        if ((tol.operator ?? 'Equal') === 'Equal' && tol.key !== undefined && tol.value !== undefined) push(index.byToleration, tolerationKey(tol.key, tol.value), i);
      }
    });
    return index;
  });
}

function tolerationKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
