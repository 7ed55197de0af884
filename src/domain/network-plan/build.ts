import { blockNumbers, IDLE_IPS_PER_NODE, overlapsOf, share } from './addresses';
import {
  ClusterFact, EipWorkloadsFact, FindingFact, FixedConfigFact, NodePoolFact, PlaneFact, PlaneResourcesFact, PlanFact, SelectorFact, VSwitchFact,
} from './facts';
import {
  NETWORK_PLAN_SCHEMA_URL, NETWORK_PLAN_SCHEMA_VERSION, NetworkPlanDocument, PlacedFinding, PlanCluster, PlanEipWorkload, PlanFixedConfig,
  PlanInstanceType, PlanNodePool, PlanObject, PlanPlane, PlanStatus, PlanVSwitch, PlanZone,
} from './model';
import { NodeNetworkMode } from '../capacity-model';
import { RULES } from '../catalog';
import { ruleDocUrl } from '../docs-links';
import { instanceCapacity, podCapacity } from '../instance-types';
import { known } from '../tokens';

/** What {@link buildNetworkPlan} needs. */
export interface NetworkPlanInput {
  readonly source: 'synth' | 'audit';
  readonly title: string;
  readonly facts: ReadonlyArray<PlanFact>;
  readonly findings: ReadonlyArray<FindingFact>;
}

/** Default size of a node pool without desiredSize, autoScaling or existing instances (TerwayNodePool). */
const DEFAULT_POOL_SIZE = 2;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Target = PlanObject & { readonly findings: PlacedFinding[] };

/** Builds the network plan document from facts and findings. Pure and deterministic: same input, same output. */
export function buildNetworkPlan(input: NetworkPlanInput): NetworkPlanDocument {
  const of = <K extends PlanFact['kind']>(kind: K) => input.facts.filter((f): f is Extract<PlanFact, { kind: K }> => f.kind === kind);
  const placer = new Placer();
  const clusterFacts = of('cluster');
  const pools = of('nodePool');
  const resources = of('planeResources');
  // Pools or plane resources of a cluster the facts do not describe get a placeholder cluster.
  const knownClusters = new Set(clusterFacts.map((c) => c.path));
  const orphans = [...new Set([...pools, ...resources].map((f) => f.clusterPath).filter((p) => !knownClusters.has(p)))];
  const allClusters: ClusterFact[] = [...clusterFacts, ...orphans.map((path): ClusterFact => ({ kind: 'cluster', path, name: path, vpcCidrs: [], zones: [] }))];

  const clusters = allClusters.map((c, i) => buildCluster(c, `c${i + 1}`,
    pools.filter((p) => p.clusterPath === c.path), resources.filter((r) => r.clusterPath === c.path), placer));
  const planeVSwitchInfo = new Map([...clusterFacts.flatMap((c) => c.zones.flatMap((z) => z.vSwitches)), ...resources.flatMap((r) => r.vSwitches)]
    .filter((v) => v.vswitchId !== undefined).map((v) => [v.vswitchId!, v] as const));
  const planes = of('plane').map((p, i) => buildPlane(p, `pl${i + 1}`, planeVSwitchInfo, placer));
  for (const r of resources) {
    const plane = planes.find((p) => p.name === r.planeName);
    if (plane) placer.addFallback(r.path, plane);
  }
  const fixedConfigs = of('fixedConfig').map((f, i) => buildFixedConfig(f, `fx${i + 1}`, placer));
  const eipWorkloads = of('eipWorkloads').flatMap((group) => buildEipWorkloads(group, placer));
  eipWorkloads.forEach((w, i) => ((w as Mutable<PlanEipWorkload>).id = `eip${i + 1}`));

  const otherFindings = input.findings.map(placedFinding).filter((f) => !placer.place(f));
  const all: PlanObject[] = [
    ...clusters.flatMap((c) => [c, ...(c.serviceCidr ? [c.serviceCidr] : []), ...c.zones, ...c.zones.flatMap((z) => z.vSwitches), ...c.nodePools]),
    ...planes, ...fixedConfigs, ...eipWorkloads,
  ];
  for (const o of all) (o as Mutable<PlanObject>).status = statusOf(o.findings);
  for (const z of clusters.flatMap((c) => c.zones)) {
    (z as Mutable<PlanZone>).status = worst([z.status, ...z.vSwitches.map((v) => v.status)]);
  }
  const placed = [...all.flatMap((o) => o.findings), ...otherFindings];
  return {
    $schema: NETWORK_PLAN_SCHEMA_URL,
    schemaVersion: NETWORK_PLAN_SCHEMA_VERSION,
    source: input.source,
    title: input.title,
    summary: {
      errors: placed.filter((f) => f.severity === 'error').length,
      warnings: placed.filter((f) => f.severity === 'warning' && f.acknowledgedReason === undefined).length,
      acknowledged: placed.filter((f) => f.acknowledgedReason !== undefined).length,
      clusters: clusters.length,
      zones: clusters.reduce((n, c) => n + c.zones.length, 0),
      vSwitches: clusters.reduce((n, c) => n + c.zones.reduce((m, z) => m + z.vSwitches.length, 0), 0),
      nodePools: clusters.reduce((n, c) => n + c.nodePools.length, 0),
      planes: planes.length,
      workloads: new Set(planes.flatMap((p) => p.workloads)).size,
      eipWorkloads: eipWorkloads.length,
    },
    clusters,
    planes,
    fixedConfigs,
    eipWorkloads,
    otherFindings,
  };
}

function placedFinding(f: FindingFact): PlacedFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 'error' : 'warning',
    message: f.message,
    fix: f.fix,
    source: f.source,
    docsUrl: ruleDocUrl(f.ruleId),
    path: f.path,
    ...(f.acknowledgedReason !== undefined ? { acknowledgedReason: f.acknowledgedReason } : {}),
  };
}

const SEVERITY_ORDER: ReadonlyArray<PlanStatus> = ['ok', 'warning', 'error'];

function worst(statuses: ReadonlyArray<PlanStatus>): PlanStatus {
  return statuses.reduce((a, b) => (SEVERITY_ORDER.indexOf(b) > SEVERITY_ORDER.indexOf(a) ? b : a), 'ok' as PlanStatus);
}

function statusOf(findings: ReadonlyArray<PlacedFinding>): PlanStatus {
  return worst(findings.filter((f) => f.acknowledgedReason === undefined).map((f) => f.severity));
}

/** A finding lands on an object by its path (longest prefix), then on a more specific object its message names. */
class Placer {
  private readonly byPath = new Map<string, { target: Target; refine: Array<{ pattern: RegExp; target: Target; rules?: ReadonlySet<string> }> }>();

  public add(path: string, target: Target): void {
    if (!this.byPath.has(path)) this.byPath.set(path, { target, refine: [] });
  }

  /** Findings on `path` go to `target` unless something registered there names them more precisely. */
  public addFallback(path: string, target: Target): void {
    const entry = this.byPath.get(path);
    if (entry) entry.target = target;
    else this.add(path, target);
  }

  /** Findings on `path` whose message names `label` (not followed by a digit) land on `target`. */
  public refineByLabel(path: string, label: string, target: Target): void {
    this.byPath.get(path)?.refine.push({ pattern: new RegExp(`${escapeRegExp(label)}(?![0-9A-Za-z])`), target });
  }

  /** Findings of `ruleIds` on `path` land on `target`. */
  public refineByRule(path: string, ruleIds: ReadonlyArray<string>, target: Target): void {
    this.byPath.get(path)?.refine.push({ pattern: /^/, target, rules: new Set(ruleIds) });
  }

  /** Places `f`; false when no object claims it. */
  public place(f: PlacedFinding): boolean {
    for (let p = f.path; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      const entry = this.byPath.get(p);
      if (!entry) continue;
      const precise = entry.refine.filter((r) => (r.rules ? r.rules.has(f.ruleId) : r.pattern.test(f.message))).map((r) => r.target);
      for (const t of precise.length > 0 ? [...new Set(precise)] : [entry.target]) t.findings.push(f);
      return true;
    }
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function obj(id: string): { id: string; status: PlanStatus; findings: PlacedFinding[] } {
  return { id, status: 'ok', findings: [] };
}

function plannedNodes(p: NodePoolFact): number {
  return p.existingInstances ?? p.maxSize ?? p.desiredSize ?? DEFAULT_POOL_SIZE;
}

function poolMode(p: NodePoolFact, trunk: boolean | undefined): PlanNodePool['mode'] {
  if (p.fixedConfigName !== undefined) return 'fixed';
  if (p.exclusiveEni) return 'exclusive';
  return trunk ? 'trunk' : 'shared';
}

function instanceTypeOf(type: string, mode: PlanNodePool['mode'], lingjun: boolean): PlanInstanceType {
  const c = lingjun ? undefined : instanceCapacity(type);
  if (!c) return { instanceType: type };
  const trunk = mode === 'trunk' ? podCapacity(c, NodeNetworkMode.TRUNK) : undefined;
  return {
    instanceType: type,
    enis: c.enis,
    ipv4PerEni: c.ipv4PerEni,
    podsPerNode: podCapacity(c, mode === 'exclusive' ? NodeNetworkMode.EXCLUSIVE : NodeNetworkMode.SHARED),
    ...(trunk !== undefined ? { trunkPodsPerNode: trunk } : {}),
  };
}

function vswitch(v: VSwitchFact, id: string, owner: string | undefined, needed: number | undefined, basis: string | undefined): PlanVSwitch {
  const numbers = blockNumbers(v.cidr);
  const vswitchId = known(v.vswitchId);
  const headroom = v.availableIps ?? (numbers.usable !== undefined && needed !== undefined ? numbers.usable - needed : undefined);
  return {
    ...obj(id),
    role: v.role,
    label: v.label,
    ...(vswitchId !== undefined ? { vswitchId } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(known(v.cidr) !== undefined ? { cidr: v.cidr } : {}),
    ...numbers,
    ...(needed !== undefined ? { needed, neededBasis: basis } : {}),
    ...(headroom !== undefined ? { headroom } : {}),
  };
}

function buildCluster(c: ClusterFact, id: string, pools: NodePoolFact[], resources: PlaneResourcesFact[], placer: Placer): PlanCluster {
  const zoneIds = [...new Set([
    ...c.zones.map((z) => z.zoneId),
    ...pools.flatMap((p) => (p.vSwitches ?? []).map((v) => v.zoneId)),
    ...resources.flatMap((r) => r.vSwitches.map((v) => v.zoneId)),
  ])];
  const nodesIn = (zoneId: string, which: (p: NodePoolFact) => boolean) => pools.filter((p) => which(p) && p.zoneIds.includes(zoneId))
    .reduce((n, p) => n + Math.ceil(plannedNodes(p) / Math.max(1, p.zoneIds.length)), 0);
  const podZones = c.zones.filter((z) => z.vSwitches.some((v) => v.role === 'pod')).length;
  const planPools = pools.map((p, i): PlanNodePool => {
    const mode = poolMode(p, c.trunkEniEnabled);
    return {
      ...obj(`${id}-p${i + 1}`),
      name: p.name,
      path: p.path,
      mode,
      instanceTypes: p.instanceTypes.map((t) => instanceTypeOf(t, mode, p.lingjun === true)),
      nodes: { desired: p.desiredSize, min: p.minSize, max: p.maxSize, existing: p.existingInstances, planned: plannedNodes(p) },
      zoneIds: [...p.zoneIds],
      labels: { ...p.labels },
      taints: p.taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect })),
      ...(p.fixedConfigName !== undefined ? { fixedConfigName: p.fixedConfigName } : {}),
    };
  });
  const maxPodsPerNode = (p: NodePoolFact) => Math.max(0, ...planPools.find((x) => x.path === p.path)!.instanceTypes.map((t) => t.podsPerNode ?? 0));

  let n = 0;
  const zones = zoneIds.map((zoneId, zi): PlanZone => {
    const zid = `${id}-z${zi + 1}`;
    const own = c.zones.find((z) => z.zoneId === zoneId)?.vSwitches ?? [];
    const nodeVsw = own.filter((v) => v.role === 'node');
    const podVsw = own.filter((v) => v.role === 'pod');
    const nodes = nodesIn(zoneId, () => true);
    const sharedNodes = nodesIn(zoneId, (p) => p.fixedConfigName === undefined && !p.exclusiveEni);
    // Without expectedPodCount: every node of the zone's pools full (pods per node of its largest instance type).
    const fullNodes = pools.filter((p) => p.fixedConfigName === undefined && p.zoneIds.includes(zoneId))
      .reduce((sum, p) => sum + Math.ceil(plannedNodes(p) / Math.max(1, p.zoneIds.length)) * maxPodsPerNode(p), 0);
    const pods = share(c.expectedPodCount, podZones);
    const podNeed = (pods ?? fullNodes) + sharedNodes * IDLE_IPS_PER_NODE;
    const podBasis = `${pods !== undefined ? `${pods} expected pods (expectedPodCount over ${podZones} zones)` : `${fullNodes} pods on full nodes (expectedPodCount not set)`}`
      + ` + ${sharedNodes} shared-ENI nodes × ${IDLE_IPS_PER_NODE} idle IPs`;
    const next = () => `${zid}-v${++n}`;
    const vSwitches: PlanVSwitch[] = [
      ...nodeVsw.map((v) => vswitch(v, next(), undefined, share(nodes, nodeVsw.length), `${nodes} nodes, one address each`)),
      ...podVsw.map((v) => vswitch(v, next(), undefined, share(podNeed, podVsw.length), podBasis)),
      ...pools.flatMap((p) => {
        const own2 = (p.vSwitches ?? []).filter((v) => v.zoneId === zoneId);
        const poolNodes = p.zoneIds.includes(zoneId) ? Math.ceil(plannedNodes(p) / Math.max(1, p.zoneIds.length)) : 0;
        const perNode = maxPodsPerNode(p);
        return own2.map((v) => vswitch(v, next(), p.name, share(poolNodes * perNode, own2.length), `${poolNodes} nodes × ${perNode} pods per node (full nodes)`));
      }),
      ...resources.flatMap((r) => r.vSwitches.filter((v) => v.zoneId === zoneId).map((v) => vswitch(v, next(), r.planeName, undefined, undefined))),
    ];
    return { ...obj(zid), zoneId, vSwitches };
  });
  n = 0;

  const vpcCidrs = c.vpcCidrs.filter((x) => known(x) !== undefined);
  const cluster: PlanCluster = {
    ...obj(id),
    name: c.name,
    path: c.path,
    ...(known(c.clusterId) !== undefined ? { clusterId: c.clusterId } : {}),
    vpc: { ...(known(c.vpcId) !== undefined ? { vpcId: c.vpcId } : {}), cidrs: vpcCidrs },
    ...(c.serviceCidr !== undefined ? {
      serviceCidr: {
        ...obj(`${id}-svc`),
        cidr: c.serviceCidr,
        overlaps: overlapsOf(c.serviceCidr, [
          ...vpcCidrs.map((x) => ({ label: 'the VPC CIDR', cidr: x })),
          ...zones.flatMap((z) => z.vSwitches),
        ]),
      },
    } : {}),
    ...(c.expectedPodCount !== undefined ? { expectedPodCount: c.expectedPodCount } : {}),
    ...(c.trunkEniEnabled !== undefined ? { trunkEniEnabled: c.trunkEniEnabled } : {}),
    zones,
    nodePools: planPools,
  };

  placer.add(c.path, cluster);
  const allVSwitches = zones.flatMap((z) => z.vSwitches);
  for (const v of allVSwitches.filter((x) => x.role === 'node' || x.role === 'pod' || x.role === 'plane')) {
    placer.refineByLabel(c.path, v.label, v);
    // Audit messages name vSwitches by ID.
    if (v.vswitchId !== undefined && v.label !== v.vswitchId) placer.refineByLabel(c.path, v.vswitchId, v);
  }
  if (cluster.serviceCidr) placer.refineByRule(c.path, [RULES.SERVICE_CIDR_RANGE.id, RULES.SERVICE_CIDR_OVERLAP.id], cluster.serviceCidr);
  pools.forEach((p, i) => {
    placer.add(p.path, planPools[i]);
    for (const v of allVSwitches.filter((x) => x.role === 'fixed' && x.owner === p.name)) placer.refineByLabel(p.path, v.label, v);
  });
  for (const r of resources) {
    placer.add(r.path, cluster);
    for (const v of allVSwitches.filter((x) => x.role === 'plane' && x.owner === r.planeName)) placer.refineByLabel(r.path, v.label, v);
  }
  return cluster;
}

function selectorText(s: SelectorFact | undefined): string | undefined {
  if (!s) return undefined;
  const labels = Object.keys(s.matchLabels ?? {}).sort().map((k) => `${k}=${s.matchLabels![k]}`);
  const exprs = (s.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values && e.values.length > 0 ? ` (${e.values.join(', ')})` : ''}`);
  const all = [...labels, ...exprs];
  return all.length > 0 ? all.join(', ') : '(matches everything)';
}

function buildPlane(p: PlaneFact, id: string, created: ReadonlyMap<string, VSwitchFact>, placer: Placer): PlanPlane {
  const plane: PlanPlane = {
    ...obj(id),
    name: p.name,
    path: p.path,
    allocation: {
      type: p.allocationType ?? 'Elastic',
      ...(p.releaseStrategy !== undefined ? { releaseStrategy: p.releaseStrategy } : {}),
      ...(p.releaseAfter !== undefined ? { releaseAfter: p.releaseAfter } : {}),
    },
    ...(p.eniType !== undefined ? { eniType: p.eniType } : {}),
    ...(p.podSelector ? { podSelector: selectorText(p.podSelector) } : {}),
    ...(p.namespaceSelector ? { namespaceSelector: selectorText(p.namespaceSelector) } : {}),
    vSwitches: p.vSwitches.map((v) => {
      const made = created.get(v.vswitchId);
      const literal = known(v.vswitchId);
      return {
        ...(literal !== undefined ? { vswitchId: literal } : {}),
        ...(made ? { label: made.label } : literal === undefined ? { label: '(created by this plan)' } : {}),
        ...(v.zoneId !== undefined ? { zoneId: v.zoneId } : {}),
        ...(made?.cidr !== undefined ? { cidr: made.cidr } : {}),
      };
    }),
    securityGroupIds: p.securityGroupIds.map((s) => known(s) ?? '(created by this plan)'),
    namespaces: [...p.namespaces],
    workloads: p.workloads.map((w) => `${w.kind} ${w.namespace}/${w.name}`),
  };
  placer.add(p.path, plane);
  return plane;
}

function buildFixedConfig(f: FixedConfigFact, id: string, placer: Placer): PlanFixedConfig {
  const config: PlanFixedConfig = {
    ...obj(id),
    name: f.name,
    path: f.path,
    vSwitchIds: Object.fromEntries(Object.keys(f.vSwitchIds).sort().map((z) => [z, f.vSwitchIds[z].map((v) => known(v) ?? '(created by this plan)')])),
    securityGroupIds: f.securityGroupIds.map((s) => known(s) ?? '(created by this plan)'),
    taints: f.taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect })),
  };
  placer.add(f.path, config);
  return config;
}

function buildEipWorkloads(group: EipWorkloadsFact, placer: Placer): PlanEipWorkload[] {
  const items = group.workloads.map((w): PlanEipWorkload => ({
    ...obj(''),
    path: w.path,
    workload: `${w.kind} ${w.namespace}/${w.name}`,
    implementation: group.implementation,
    mode: w.mode,
    ...(w.bandwidth !== undefined ? { bandwidth: w.bandwidth } : {}),
    ...(w.existingEipId !== undefined ? { existingEipId: w.existingEipId } : {}),
  }));
  if (items.length > 0) {
    placer.add(group.path, items[0]);
    // Findings on the group name the workload's construct path; the first workload takes the rest.
    for (const item of items) {
      placer.refineByLabel(group.path, item.path, item);
      placer.add(item.path, item);
    }
  }
  return items;
}
