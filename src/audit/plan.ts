/**
 * The network plan of a running cluster, from the audit's inputs: the same document and page
 * NetworkPlan builds from an app (docs/network-plan.md), so what exists and what is planned
 * look alike. vSwitch headroom is the free IP count DescribeVSwitches reports.
 */
import { clusterObject, planeModelOf, vswitchFacts, workloadModelsOf } from './evaluators';
import { kubeOf, Inventory, KubeObject, WORKLOAD_KINDS } from './inventory';
import { AuditReport } from './run';
import { namespaceLabelsFromManifest, podTemplateOf } from '../domain/manifests';
import { buildNetworkPlan } from '../domain/network-plan/build';
import { ClusterFact, EipWorkloadsFact, FindingFact, NodePoolFact, PlanFact, VSwitchFact } from '../domain/network-plan/facts';
import { eipMode, planeFact } from '../domain/network-plan/from-rules';
import { NetworkPlanDocument } from '../domain/network-plan/model';
import { EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE, TERWAY_CONFIG_LABEL } from '../domain/node-pool';
import { eipOptionsFromAnnotations } from '../domain/pod-eip-annotations';
import { renderNetworkPlanHtml } from '../report/html';

const NODE_POOL_LABEL = 'alibabacloud.com/nodepool-id';
const INSTANCE_TYPE_LABELS = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];
const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
/** Node labels that steer pods onto a pool's nodes, shown with the pool. */
const STEERING_LABELS = [EXCLUSIVE_ENI_LABEL, TERWAY_CONFIG_LABEL];

/** The network plan document of the audited inputs and findings. */
export function auditNetworkPlan(inv: Inventory, report: AuditReport, clusterId?: string): NetworkPlanDocument {
  const vsw = vswitchFacts(inv);
  const clusters = inv.clusters.map((c) => c.value);
  // Kubernetes objects belong to the chosen cluster, or to the only one.
  const owner = clusters.find((c) => c.clusterId === clusterId) ?? (clusters.length === 1 ? clusters[0] : undefined);
  const ownerPath = owner ? clusterObject(owner) : 'kubernetes';
  const facts: PlanFact[] = clusters.map((c): ClusterFact => {
    const fact = (role: 'node' | 'pod', id: string): VSwitchFact => {
      const v = vsw.get(id);
      return { role, zoneId: v?.zoneId ?? '(zone unknown: vSwitch not described)', label: `${role} vSwitch ${id}`, vswitchId: id, cidr: v?.cidr, availableIps: v?.availableIps };
    };
    const all = [...c.nodeVswitchIds.map((id) => fact('node', id)), ...(c.podVswitchIds ?? []).map((id) => fact('pod', id))];
    const zoneIds = [...new Set(all.map((v) => v.zoneId))];
    return {
      kind: 'cluster',
      path: clusterObject(c),
      name: c.name ?? c.clusterId,
      clusterId: c.clusterId,
      vpcId: c.vpcId,
      vpcCidrs: [],
      serviceCidr: c.serviceCidr,
      zones: zoneIds.map((zoneId) => ({ zoneId, vSwitches: all.filter((v) => v.zoneId === zoneId) })),
    };
  });
  facts.push(...nodePools(inv, ownerPath));

  const namespaces = new Map(kubeOf(inv, 'Namespace').map((n) => [String(n.value.metadata?.name), namespaceLabelsFromManifest(n.value)]));
  const workloads = workloadModelsOf(inv);
  for (const p of kubeOf(inv, 'PodNetworking')) {
    facts.push(planeFact(`podnetworking/${p.value.metadata?.name}`, planeModelOf(p.value, vsw), workloads, namespaces));
  }
  const eip = eipWorkloads(inv);
  if (eip.workloads.length > 0) facts.push(eip);

  const findings = report.findings.map((f): FindingFact => ({
    ruleId: f.ruleId,
    severity: f.severity,
    path: f.object,
    message: f.message,
    fix: f.fix,
    source: f.source,
    ...(f.waiver ? { acknowledgedReason: f.waiver.reason } : {}),
  }));
  const title = `Network plan (audit): ${clusters.map((c) => c.name ?? c.clusterId).join(', ') || 'Kubernetes objects'}`;
  return buildNetworkPlan({ source: 'audit', title, facts, findings });
}

function labelOf(o: KubeObject, keys: ReadonlyArray<string>): string | undefined {
  const labels = o.metadata?.labels ?? {};
  const key = keys.find((k) => typeof labels[k] === 'string');
  return key === undefined ? undefined : labels[key];
}

/** Node pools from the nodes' labels (ACK labels every node with its pool ID). */
function nodePools(inv: Inventory, clusterPath: string): NodePoolFact[] {
  const pools = new Map<string, KubeObject[]>();
  for (const n of kubeOf(inv, 'Node')) {
    const id = labelOf(n.value, [NODE_POOL_LABEL]) ?? `(node ${n.value.metadata?.name})`;
    pools.set(id, [...(pools.get(id) ?? []), n.value]);
  }
  return [...pools.keys()].sort().map((id) => {
    const nodes = pools.get(id)!;
    const first = nodes[0];
    const labels = Object.fromEntries(STEERING_LABELS.map((k) => [k, labelOf(first, [k])]).filter((e): e is [string, string] => e[1] !== undefined));
    return {
      kind: 'nodePool',
      path: `nodepool/${id}`,
      clusterPath,
      name: id,
      exclusiveEni: labels[EXCLUSIVE_ENI_LABEL] === EXCLUSIVE_ENI_VALUE,
      fixedConfigName: labels[TERWAY_CONFIG_LABEL],
      instanceTypes: [...new Set(nodes.map((n) => labelOf(n, INSTANCE_TYPE_LABELS)).filter((t): t is string => t !== undefined))].sort(),
      existingInstances: nodes.length,
      zoneIds: [...new Set(nodes.map((n) => labelOf(n, ZONE_LABELS)).filter((z): z is string => z !== undefined))].sort(),
      labels,
      taints: (Array.isArray(first.spec?.taints) ? first.spec.taints : [])
        .map((t: any) => ({ key: String(t.key), ...(t.value !== undefined ? { value: String(t.value) } : {}), effect: String(t.effect) })),
    };
  });
}

/** Workloads whose pod templates request an EIP (annotations under either prefix). */
function eipWorkloads(inv: Inventory): EipWorkloadsFact {
  const out: EipWorkloadsFact['workloads'][number][] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const w of kubeOf(inv, kind)) {
      const o = w.value;
      if (kind === 'Pod' && (o.metadata?.ownerReferences ?? []).length > 0) continue;
      const template = kind === 'Pod' ? o : podTemplateOf(o);
      const ns = String(o.metadata?.namespace ?? 'default');
      const path = `${kind.toLowerCase()}/${ns}/${o.metadata?.name}`;
      const eip = eipOptionsFromAnnotations(template?.metadata?.annotations, path);
      if (!eip) continue;
      out.push({ path, kind, namespace: ns, name: String(o.metadata?.name), ...eipMode(eip.options) });
    }
  }
  // The group's own path matches no audit object: findings land on the workloads by their objects.
  return { kind: 'eipWorkloads', path: 'eip-workloads', implementation: 'pod annotations', workloads: out };
}

/** `--format html`: the report page; `--format plan-json`: its data (schemas/network-plan/v1.schema.json). */
export function formatPlan(format: 'html' | 'plan-json', inv: Inventory, report: AuditReport, clusterId?: string): string {
  const doc = auditNetworkPlan(inv, report, clusterId);
  return format === 'html' ? renderNetworkPlanHtml(doc) : `${JSON.stringify(doc, undefined, 2)}\n`;
}
