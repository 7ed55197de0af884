import { baseEniConfig, InputKind, Inventory, KubeObject, kubeOf, Sourced, terwayDaemonSet, WORKLOAD_KINDS } from './inventory';
import {
  AckClusterFacts, clusterNetworkPlanOf, createdBeforeJune2020, isDedicated, isTerway, managedClusterConfigOf, networkPluginOf, VSwitchFacts,
} from '../domain/ack-cluster';
import { RULES } from '../domain/catalog';
import { checkClusterNetwork, checkManagedClusterConfig } from '../domain/cluster-network';
import { EipAnnotationPrefix, PodEipImplementation } from '../domain/eip-enums';
import { checkEniConfTypes } from '../domain/eni-conf-check';
import { mergeEniConf, renderEniConf } from '../domain/eni-config';
import { instanceCapacity } from '../domain/instance-types';
import { namespaceLabelsFromManifest, networkPolicyFromManifest, podTemplateOf, workloadFromManifest } from '../domain/manifests';
import { checkExclusiveEniNetworkPolicies, exclusiveEniWorkloads } from '../domain/node-modes';
import { checkNodePool, EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from '../domain/node-pool';
import { planeInteractions } from '../domain/plane-interactions';
import { checkEipWorkload, checkExistingEipReuse, EipContextModel } from '../domain/pod-eip';
import { eipOptionsFromAnnotations } from '../domain/pod-eip-annotations';
import { checkPlane, ClusterContextModel, PlaneModel, WorkloadModel } from '../domain/pod-networking';
import { Finding, RuleDefinition } from '../domain/rules';
import { checkHostPorts, PodSpecHolder } from '../domain/workload-rules';

/** Findings of one audited object. */
export interface Subject {
  /** Stable object name used in reports and waivers, e.g. `cluster/c1234`, `podnetworking/db`. */
  readonly object: string;
  /** Input file the object came from. */
  readonly file: string;
  readonly findings: ReadonlyArray<Finding>;
  /** Rules that could not be judged for this object (e.g. an instance type of unknown capacity). */
  readonly undecided?: { readonly rules: ReadonlyArray<RuleDefinition>; readonly missing: string };
}

/** What an evaluator sees: the inputs, and the cluster the Kubernetes objects belong to. */
export interface AuditContext {
  readonly inventory: Inventory;
  /** For per-cluster evaluators, that cluster; for Kubernetes evaluators, the selected cluster (if any). */
  readonly cluster?: Sourced<AckClusterFacts>;
}

/**
 * One row of the evaluator table: which domain function runs on which inputs and which rules
 * it decides there. Findings of other rules that the function returns are dropped (they were
 * computed from placeholder facts the inputs do not give). Adding a domain rule to the audit
 * is one entry here.
 */
export interface RuleEvaluator {
  /** Short name, shown with "not evaluated". */
  readonly name: string;
  /** The rules this evaluator decides from its inputs. */
  readonly rules: ReadonlyArray<RuleDefinition>;
  /** Inputs that must all be present; otherwise the rules are reported as not evaluated. */
  readonly needs: ReadonlyArray<InputKind>;
  /** `cluster`: once per cluster; `kubernetes`: once over the Kubernetes objects. */
  readonly per: 'cluster' | 'kubernetes';
  /** Whether the rules apply to this cluster at all (e.g. pod vSwitch rules only to Terway clusters). */
  readonly appliesTo?: (cluster: AckClusterFacts) => boolean;
  readonly evaluate: (ctx: AuditContext) => Subject[];
}

/** `cluster/<id>`. */
export function clusterObject(c: AckClusterFacts): string {
  return `cluster/${c.clusterId}`;
}

function kubeObjectName(o: KubeObject): string {
  const ns = o.metadata?.namespace;
  return `${String(o.kind).toLowerCase()}/${ns ? `${ns}/` : ''}${o.metadata?.name}`;
}

/** DescribeVSwitches facts by vSwitch ID. */
export function vswitchFacts(inv: Inventory): Map<string, VSwitchFacts> {
  return new Map([...inv.vswitches].map(([id, v]) => [id, v.value]));
}

function onCluster(ctx: AuditContext, findings: Finding[]): Subject[] {
  const c = ctx.cluster!;
  return [{ object: clusterObject(c.value), file: c.file, findings }];
}

// --- Kubernetes objects as the domain models --------------------------------------------------

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const INSTANCE_TYPE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];
const NODE_POOL_LABEL = 'alibabacloud.com/nodepool-id';

function label(o: KubeObject, keys: ReadonlyArray<string>): string | undefined {
  const labels = o.metadata?.labels ?? {};
  const key = keys.find((k) => typeof labels[k] === 'string');
  return key === undefined ? undefined : labels[key];
}

function parseJsonObject(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The cluster facts the plane rules take, from every input that gives one. */
export function clusterContextOf(ctx: AuditContext): ClusterContextModel {
  const inv = ctx.inventory;
  const nodeZones = kubeOf(inv, 'Node').map((n) => label(n.value, ZONE_LABELS)).filter((z): z is string => z !== undefined);
  const cluster = ctx.cluster?.value;
  const vswZones = cluster ? cluster.nodeVswitchIds.map((id) => inv.vswitches.get(id)?.value.zoneId).filter((z): z is string => z !== undefined) : [];
  const zones = nodeZones.length > 0 ? nodeZones : vswZones;
  const eniConfig = baseEniConfig(inv)?.value;
  const eniConf = parseJsonObject(eniConfig?.data?.eni_conf);
  const image: unknown = terwayDaemonSet(inv)?.value.spec?.template?.spec?.containers?.find((c: any) => String(c?.image ?? '').includes('terway'))?.image;
  const tag = typeof image === 'string' && image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : undefined;
  return {
    zoneIds: zones.length > 0 ? [...new Set(zones)].sort() : undefined,
    trunkEniEnabled: eniConf === undefined ? undefined : eniConf.enable_eni_trunking === true,
    networkPolicyEnabled: eniConfig === undefined ? undefined : eniConfig.data?.disable_network_policy !== 'true',
    terwayVersion: tag,
    dedicatedCluster: cluster ? isDedicated(cluster) : undefined,
    createdBeforeJune2020: cluster ? createdBeforeJune2020(cluster) : undefined,
  };
}

function selectorOf(s: any): PlaneModel['podSelector'] {
  if (s === null || typeof s !== 'object') return undefined;
  return {
    matchLabels: s.matchLabels ?? undefined,
    matchExpressions: Array.isArray(s.matchExpressions)
      ? s.matchExpressions.map((e: any) => ({
        key: String(e?.key), operator: String(e?.operator), values: Array.isArray(e?.values) ? e.values.map(String) : undefined,
      }))
      : undefined,
  };
}

/** A PodNetworking object as the plane rules see it (the same model PodNetworkingPlane builds). */
export function planeModelOf(o: KubeObject, vswitches: ReadonlyMap<string, VSwitchFacts>): PlaneModel {
  const spec = o.spec ?? {};
  const ids: string[] = Array.isArray(spec.vSwitchOptions) ? spec.vSwitchOptions.map(String) : [];
  return {
    name: String(o.metadata.name),
    allocationType: spec.allocationType?.type ?? 'Elastic',
    releaseStrategy: spec.allocationType?.releaseStrategy,
    releaseAfter: spec.allocationType?.releaseAfter,
    podSelector: selectorOf(spec.selector?.podSelector),
    namespaceSelector: selectorOf(spec.selector?.namespaceSelector),
    securityGroupIds: Array.isArray(spec.securityGroupIDs) ? spec.securityGroupIDs.map(String) : [],
    vSwitches: ids.map((id) => ({ id, zoneId: vswitches.get(id)?.zoneId })),
    vSwitchSelectionPolicy: spec.vSwitchSelectOptions?.vSwitchSelectionPolicy,
    eniType: spec.eniOptions?.eniType,
    customStatefulWorkloadKinds: [],
  };
}

/**
 * Workloads as the plane rules see them. Pods created by a controller are left out when any
 * controller is in the inputs (the controller stands for them), so nothing is reported twice.
 */
export function workloadModelsOf(inv: Inventory): WorkloadModel[] {
  return workloadSources(inv)
    .map((w) => workloadFromManifest(w.value, String(w.value.metadata?.name)))
    .filter((w): w is WorkloadModel => w !== undefined);
}

/** The workload objects the rules see (see {@link workloadModelsOf}). */
function workloadSources(inv: Inventory): Array<Sourced<KubeObject>> {
  const controllers = WORKLOAD_KINDS.filter((k) => k !== 'Pod').some((k) => kubeOf(inv, k).length > 0);
  return WORKLOAD_KINDS.flatMap((k) => kubeOf(inv, k))
    .filter((w) => !(controllers && w.value.kind === 'Pod' && (w.value.metadata?.ownerReferences ?? []).length > 0));
}

/** Workloads with their pod specs, as the hostPort rule sees them (the same shape the app's declared objects give). */
function hostPorts(ctx: AuditContext): Subject[] {
  const inv = ctx.inventory;
  // Without a cluster description, only Terway's own objects show that the cluster runs Terway.
  if (!ctx.cluster && !baseEniConfig(inv) && !terwayDaemonSet(inv)) {
    return [{
      object: 'kubernetes',
      file: workloadSources(inv)[0]?.file ?? '-',
      findings: [],
      undecided: { rules: [RULES.HOST_PORT], missing: 'whether the cluster runs Terway (clusters, eni-config or the terway-eniip DaemonSet)' },
    }];
  }
  return workloadSources(inv).map((w) => {
    const o = w.value;
    const holder: PodSpecHolder = {
      kind: String(o.kind),
      namespace: String(o.metadata?.namespace ?? 'default'),
      name: String(o.metadata?.name),
      path: w.file,
      podSpec: o.kind === 'Pod' ? o.spec : podTemplateOf(o)?.spec,
    };
    return { object: kubeObjectName(o), file: w.file, findings: checkHostPorts([holder]) };
  });
}

/** NetworkPolicies that select pods on exclusive ENIs (eniType ENI planes or exclusive ENI node labels). */
function exclusiveEniPolicies(ctx: AuditContext): Subject[] {
  const inv = ctx.inventory;
  const namespaces = new Map(kubeOf(inv, 'Namespace').map((n) => [String(n.value.metadata.name), namespaceLabelsFromManifest(n.value)]));
  const exclusive = exclusiveEniWorkloads(planesOf(ctx).map((p) => p.model), workloadModelsOf(inv), namespaces);
  return kubeOf(inv, 'NetworkPolicy').map((np) => {
    const policy = networkPolicyFromManifest(np.value, String(np.value.metadata?.name));
    return { object: kubeObjectName(np.value), file: np.file, findings: policy ? checkExclusiveEniNetworkPolicies(exclusive, [policy]) : [] };
  });
}

function planesOf(ctx: AuditContext): Array<{ source: Sourced<KubeObject>; model: PlaneModel }> {
  const vsw = vswitchFacts(ctx.inventory);
  return kubeOf(ctx.inventory, 'PodNetworking').map((source) => ({ source, model: planeModelOf(source.value, vsw) }));
}

/** Runs the plane rules for every PodNetworking with the given workloads and namespaces. */
function planeSubjects(ctx: AuditContext, workloads: WorkloadModel[], namespaces: Map<string, Record<string, string>>): Subject[] {
  const planes = planesOf(ctx);
  const models = planes.map((p) => p.model);
  const cluster = clusterContextOf(ctx);
  // Cross-plane findings for all planes at once (linear in planes and workloads), as at synth time.
  const interactions = planeInteractions(models, workloads, namespaces);
  return planes.map(({ source, model }, i) => ({
    object: kubeObjectName(source.value),
    file: source.file,
    findings: [...checkPlane(model, cluster), ...interactions[i]],
  }));
}

function planesAlone(ctx: AuditContext): Subject[] {
  return planeSubjects(ctx, [], new Map());
}

function planesWithWorkloads(ctx: AuditContext): Subject[] {
  const namespaces = new Map(kubeOf(ctx.inventory, 'Namespace').map((n) => [String(n.value.metadata.name), namespaceLabelsFromManifest(n.value)]));
  return planeSubjects(ctx, workloadModelsOf(ctx.inventory), namespaces);
}

function eniConfigs(ctx: AuditContext): Subject[] {
  const inv = ctx.inventory;
  const base = baseEniConfig(inv)!;
  const managedCluster = ctx.cluster?.value.clusterType === 'ManagedKubernetes';
  const baseText: unknown = base.value.data?.eni_conf;
  const out: Subject[] = [{
    object: kubeObjectName(base.value),
    file: base.file,
    findings: renderEniConf({ baseEniConf: typeof baseText === 'string' ? baseText : '', managedCluster, overrides: {} }).findings,
  }];
  // Per-node-pool ConfigMaps (selected by the node label terway-config): merged over the base.
  const baseConf = parseJsonObject(baseText) ?? {};
  for (const cm of kubeOf(inv, 'ConfigMap')) {
    const o = cm.value;
    if (o === base.value || o.metadata?.namespace !== 'kube-system' || typeof o.data?.eni_conf !== 'string') continue;
    const patch = parseJsonObject(o.data.eni_conf);
    const text = patch === undefined ? o.data.eni_conf : JSON.stringify(mergeEniConf(baseConf, patch));
    out.push({ object: kubeObjectName(o), file: cm.file, findings: renderEniConf({ baseEniConf: text, managedCluster, overrides: {} }).findings });
  }
  return out;
}

/**
 * Pod EIP annotation values, judged by the same workload check as PodEipWorkloads with
 * ack-extend-network-controller (the controller of record since Terway v1.7.0 removed its own
 * EIP feature) and no custom stateful kinds (the controller's values are not an input).
 */
function podEips(ctx: AuditContext): Subject[] {
  const eipCtx = (prefix: EipAnnotationPrefix): EipContextModel => ({
    implementation: PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER, prefix, customStatefulWorkloadKinds: [], enableVirtualNode: true,
  });
  const uses = workloadSources(ctx.inventory).flatMap((w) => {
    const o = w.value;
    const object = kubeObjectName(o);
    const annotations = o.kind === 'Pod' ? o.metadata?.annotations : podTemplateOf(o)?.metadata?.annotations;
    const workload = {
      path: object,
      kind: String(o.kind),
      name: String(o.metadata?.name),
      namespace: String(o.metadata?.namespace ?? 'default'),
      replicas: typeof o.spec?.replicas === 'number' ? o.spec.replicas : undefined,
      ownerKinds: (o.metadata?.ownerReferences ?? []).map((r: { kind: string }) => r.kind),
    };
    const eip = eipOptionsFromAnnotations(annotations, `${workload.kind} ${workload.namespace}/${workload.name}`);
    return eip ? [{ source: w, object, workload, eip }] : [];
  });
  return uses.map(({ source, object, workload, eip }) => {
    const id = eip.options.existingEipId;
    const sameId = id === undefined ? [] : uses.filter((u) => u.eip.options.existingEipId === id).map((u) => ({ path: u.object, existingEipId: id }));
    return {
      object,
      file: source.file,
      findings: [...eip.problems, ...checkEipWorkload(workload, eip.options, eipCtx(eip.prefix)), ...checkExistingEipReuse(sameId)],
    };
  });
}

/** TW-ENICONF-007..009: key types, values and removed keys of eni_conf (per-node-pool documents are merge patches). */
function eniConfTypes(ctx: AuditContext): Subject[] {
  const base = baseEniConfig(ctx.inventory)!;
  return kubeOf(ctx.inventory, 'ConfigMap').flatMap((cm) => {
    const o = cm.value;
    if (o.metadata?.namespace !== 'kube-system' || typeof o.data?.eni_conf !== 'string') return [];
    // A document that is not a JSON object is TW-ENICONF-001 (eni-config evaluator).
    const doc = parseJsonObject(o.data.eni_conf);
    const isBase = o === base.value;
    const what = `eni_conf of ${isBase ? '' : 'ConfigMap '}kube-system/${o.metadata.name}`;
    return [{ object: kubeObjectName(o), file: cm.file, findings: doc ? checkEniConfTypes(doc, { what, mergePatch: !isBase }) : [] }];
  });
}

/** Instance types whose ENI capacity neither DescribeInstanceTypes nor the built-in table gives. */
function unknownCapacity(types: ReadonlyArray<string>, capacityOf: (t: string) => unknown, rules: RuleDefinition[]): Subject['undecided'] {
  const unknown = types.filter((t) => capacityOf(t) === undefined);
  return unknown.length === 0 ? undefined
    : { rules, missing: `ENI capacity of ${unknown.join(', ')} (aliyun ecs DescribeInstanceTypes output)` };
}

/** Node pools from the nodes' labels: pool ID, instance types, exclusive ENI label. */
function nodePools(ctx: AuditContext): Subject[] {
  const pools = new Map<string, { types: Set<string>; exclusive: boolean; file: string }>();
  for (const n of kubeOf(ctx.inventory, 'Node')) {
    const id = label(n.value, [NODE_POOL_LABEL]) ?? `(node ${n.value.metadata.name})`;
    const pool = pools.get(id) ?? { types: new Set<string>(), exclusive: false, file: n.file };
    const type = label(n.value, INSTANCE_TYPE_LABELS);
    if (type) pool.types.add(type);
    if (label(n.value, [EXCLUSIVE_ENI_LABEL]) === EXCLUSIVE_ENI_VALUE) pool.exclusive = true;
    pools.set(id, pool);
  }
  const dualStack = (ctx.cluster?.value.ipStack ?? '').toLowerCase() === 'dual';
  const types = ctx.inventory.instanceTypes;
  const capacityOf = (t: string) => types.get(t) ?? instanceCapacity(t);
  return [...pools.keys()].sort().map((id) => {
    const p = pools.get(id)!;
    const instanceTypes = [...p.types].sort();
    return {
      object: `nodepool/${id}`,
      file: p.file,
      findings: checkNodePool({ name: id, instanceTypes, exclusiveEni: p.exclusive, dualStack }, capacityOf),
      undecided: unknownCapacity(instanceTypes, capacityOf, [RULES.NODE_IP_CAPACITY, RULES.DUAL_STACK_INSTANCE]),
    };
  });
}

const CLUSTER_SETTINGS = [RULES.KUBERNETES_VERSION, RULES.SERVICE_CIDR_RANGE, RULES.DUAL_STACK_VERSION];
const CLUSTER_VSWITCH_RULES = [
  RULES.CIDR_SYNTAX, RULES.CIDR_MASK_RANGE, RULES.SERVICE_CIDR_OVERLAP, RULES.VSWITCH_OVERLAP, RULES.POD_ZONE_NOT_COVERED,
  RULES.NODE_ZONE_WITHOUT_POD_VSWITCH, RULES.DUPLICATE_ZONE, RULES.POD_VSWITCH_REUSES_NODE_VSWITCH, RULES.POD_VSWITCH_TOO_SMALL,
  RULES.POD_VSWITCH_SIZING, RULES.RESOURCE_ID,
];
const PLANE_ALONE_RULES = [
  RULES.RELEASE_ONLY_FIXED, RULES.RELEASE_AFTER_ONLY_TTL, RULES.RELEASE_AFTER_FORMAT, RULES.RELEASE_AFTER_MINIMUM, RULES.SECURITY_GROUP_COUNT,
  RULES.PLANE_NEEDS_VSWITCH, RULES.PLANE_WITHOUT_SELECTOR, RULES.SAME_NODE_TRAFFIC, RULES.PLANE_INVALID, RULES.FIXED_WITHOUT_RELEASE,
  RULES.RESOURCE_ID, RULES.PLANE_SELECTORS_OVERLAP, RULES.PLANE_SELECTOR_IMPLIED,
];
const terway = (c: AckClusterFacts) => isTerway(c);

/** Why the network plug-in of a cluster is not decided, or undefined when it is. */
function undecidedPlugin(c: AckClusterFacts): string | undefined {
  const plugin = networkPluginOf(c);
  const save = 'save aliyun cs GET /clusters/<id> for this cluster';
  if (plugin.name === undefined) {
    return `the network plug-in (the output holds none of parameters.Network, meta_data.Addons, meta_data.Capabilities.Network${c.metaDataUnreadable ? '; meta_data is not a JSON object' : ''}; ${save})`;
  }
  if (plugin.name === 'terway') {
    return `the Terway mode (${plugin.source} says ${JSON.stringify(plugin.value)}, which does not tell terway-eniip from terway-eni; ${save}, whose parameters.Network or meta_data.Addons names it)`;
  }
  return undefined;
}

/**
 * AlibabaCloud-ACK-009 on one cluster: the network plug-in decided from whichever field the
 * response carries (each finding names that field), pod vSwitches, Flannel pod CIDR.
 */
function ack009(ctx: AuditContext): Subject[] {
  const c = ctx.cluster!;
  const missing = undecidedPlugin(c.value);
  if (missing !== undefined) {
    return [{ object: clusterObject(c.value), file: c.file, findings: [], undecided: { rules: [RULES.ACK_009, RULES.FLANNEL_POD_CIDR], missing } }];
  }
  const plugin = networkPluginOf(c.value);
  const decidedBy = ` Network plug-in ${plugin.name}, decided by ${plugin.source} (${JSON.stringify(plugin.value)}).`;
  // The add-on finding names the field that decided the plug-in.
  const named = (f: Finding) => (f.rule.id === RULES.ACK_009.id && f.message.startsWith('The cluster\'s network add-ons') ? { ...f, message: f.message + decidedBy } : f);
  return onCluster(ctx, checkManagedClusterConfig(managedClusterConfigOf(c.value)).map(named));
}

/** Every rule evaluator of the audit, in report order. */
export const EVALUATORS: ReadonlyArray<RuleEvaluator> = [
  {
    name: 'ack-009',
    per: 'cluster',
    needs: [InputKind.CLUSTERS],
    rules: [RULES.ACK_009, RULES.FLANNEL_POD_CIDR],
    evaluate: ack009,
  },
  {
    name: 'cluster-settings',
    per: 'cluster',
    needs: [InputKind.CLUSTERS],
    rules: CLUSTER_SETTINGS,
    evaluate: (ctx) => onCluster(ctx, checkClusterNetwork(clusterNetworkPlanOf(ctx.cluster!.value, new Map()))),
  },
  {
    name: 'cluster-vswitches',
    per: 'cluster',
    needs: [InputKind.CLUSTERS, InputKind.VSWITCHES],
    rules: CLUSTER_VSWITCH_RULES,
    appliesTo: terway,
    evaluate: (ctx) => onCluster(ctx, checkClusterNetwork(clusterNetworkPlanOf(ctx.cluster!.value, vswitchFacts(ctx.inventory)))),
  },
  {
    name: 'worker-instance-types',
    per: 'cluster',
    needs: [InputKind.CLUSTERS],
    rules: [RULES.NODE_IP_CAPACITY],
    appliesTo: terway,
    evaluate: (ctx) => {
      const c = ctx.cluster!.value;
      const types = ctx.inventory.instanceTypes;
      const capacityOf = (t: string) => types.get(t) ?? instanceCapacity(t);
      const name = 'of the cluster\'s default workers (WorkerInstanceTypes)';
      return [{
        object: clusterObject(c),
        file: ctx.cluster!.file,
        findings: checkNodePool({ name, instanceTypes: c.workerInstanceTypes, exclusiveEni: false, dualStack: false }, capacityOf),
        undecided: unknownCapacity(c.workerInstanceTypes, capacityOf, [RULES.NODE_IP_CAPACITY]),
      }];
    },
  },
  {
    name: 'pod-ip-capacity',
    per: 'kubernetes',
    needs: [InputKind.CLUSTERS, InputKind.VSWITCHES, InputKind.PODS],
    rules: [RULES.POD_IP_CAPACITY],
    appliesTo: terway,
    evaluate: (ctx) => {
      const pods = kubeOf(ctx.inventory, 'Pod').filter((p) => p.value.spec?.hostNetwork !== true).length;
      const plan = { ...clusterNetworkPlanOf(ctx.cluster!.value, vswitchFacts(ctx.inventory)), expectedPodCount: pods };
      return onCluster(ctx, checkClusterNetwork(plan));
    },
  },
  { name: 'node-pools', per: 'kubernetes', needs: [InputKind.NODES], rules: [RULES.NODE_IP_CAPACITY], evaluate: nodePools },
  { name: 'node-pools-dual-stack', per: 'kubernetes', needs: [InputKind.CLUSTERS, InputKind.NODES], rules: [RULES.DUAL_STACK_INSTANCE], evaluate: nodePools },
  {
    name: 'eni-config',
    per: 'kubernetes',
    needs: [InputKind.ENI_CONFIG],
    rules: [RULES.ENICONF_NOT_JSON, RULES.ENICONF_SECURITY_GROUPS, RULES.ENICONF_MISPLACED_KEY, RULES.ENICONF_NO_VSWITCHES],
    evaluate: eniConfigs,
  },
  {
    name: 'eni-config-key-types',
    per: 'kubernetes',
    needs: [InputKind.ENI_CONFIG],
    rules: [RULES.ENICONF_KEY_TYPE, RULES.ENICONF_KEY_VALUE, RULES.ENICONF_REMOVED_KEY],
    evaluate: eniConfTypes,
  },
  { name: 'eni-config-managed', per: 'kubernetes', needs: [InputKind.CLUSTERS, InputKind.ENI_CONFIG], rules: [RULES.ENICONF_CREDENTIAL_PATH], evaluate: eniConfigs },
  { name: 'podnetworkings', per: 'kubernetes', needs: [InputKind.POD_NETWORKINGS], rules: PLANE_ALONE_RULES, evaluate: planesAlone },
  { name: 'podnetworkings-trunk', per: 'kubernetes', needs: [InputKind.POD_NETWORKINGS, InputKind.ENI_CONFIG], rules: [RULES.PLANE_NEEDS_TRUNK], evaluate: planesAlone },
  {
    name: 'podnetworkings-terway-version',
    per: 'kubernetes',
    needs: [InputKind.POD_NETWORKINGS, InputKind.TERWAY_DAEMONSET],
    rules: [RULES.TERWAY_VERSION_GATE, RULES.SELECTORLESS_DENIED],
    evaluate: planesAlone,
  },
  {
    name: 'podnetworkings-zones',
    per: 'kubernetes',
    needs: [InputKind.POD_NETWORKINGS, InputKind.VSWITCHES, InputKind.NODES],
    rules: [RULES.PLANE_VSWITCH_ZONE, RULES.PLANE_ZONE_PINNING],
    evaluate: planesAlone,
  },
  { name: 'podnetworkings-cluster-age', per: 'kubernetes', needs: [InputKind.POD_NETWORKINGS, InputKind.CLUSTERS], rules: [RULES.OLD_OR_DEDICATED_CLUSTER], evaluate: planesAlone },
  {
    name: 'podnetworkings-workloads',
    per: 'kubernetes',
    needs: [InputKind.POD_NETWORKINGS, InputKind.WORKLOADS, InputKind.NAMESPACES],
    rules: [RULES.FIXED_NEEDS_FIXED_NAMES, RULES.POD_MATCHES_SEVERAL_PLANES],
    evaluate: planesWithWorkloads,
  },
  {
    name: 'exclusive-eni-network-policies',
    per: 'kubernetes',
    needs: [InputKind.NETWORK_POLICIES, InputKind.POD_NETWORKINGS, InputKind.WORKLOADS, InputKind.NAMESPACES],
    rules: [RULES.EXCL_NETWORK_POLICY],
    evaluate: exclusiveEniPolicies,
  },
  {
    name: 'pod-eip-annotations',
    per: 'kubernetes',
    needs: [InputKind.WORKLOADS],
    rules: [
      RULES.EIP_FIXED_NEEDS_STATEFUL, RULES.EIP_EXISTING_SINGLE_POD, RULES.EIP_EXISTING_WITH_AUTO, RULES.EIP_EXISTING_REUSED,
      RULES.EIP_BANDWIDTH, RULES.EIP_INTERNET_CHARGE_TYPE, RULES.EIP_INSTANCE_CHARGE_TYPE, RULES.EIP_ISP, RULES.EIP_TAGS,
      RULES.EIP_RELEASE_STRATEGY, RULES.EIP_RESOURCE_ID,
    ],
    evaluate: podEips,
  },
  { name: 'workload-host-ports', per: 'kubernetes', needs: [InputKind.WORKLOADS], rules: [RULES.HOST_PORT], appliesTo: terway, evaluate: hostPorts },
];
