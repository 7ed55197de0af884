import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import * as fc from 'fast-check';
import {
  AllocationType, EniType, LabelSelector, PodNetworkingPlane, PodNetworkingPlaneProps, ReleaseStrategy, RuleCatalog,
  SelectorOperator, TerwayClusterInfo, ValidationReport, VSwitchSelectionPolicy,
} from '../../src';
import { validateManifests } from '../support/k8s-schemas';
import { admitPodNetworking, isFixedNamePod, namespaceLabelsIn, podNetworkingMatchesPod, podsCreatedBy } from '../support/terway-admission';

/**
 * Properties over generated planes, workloads and clusters: every input is either rejected
 * with rule errors (and then cdk8s refuses to synthesize) or produces output that passes the
 * Kubernetes and CRD schemas, Terway's admission, and Terway's pod matching (no pod in two
 * planes; Fixed planes only for fixed-name pods). Nothing crashes.
 */

const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];
const KEYS = ['app', 'tier', 'plane'];
const VALUES = ['a', 'b', 'c'];

const arbSelector: fc.Arbitrary<LabelSelector> = fc.record({
  matchLabels: fc.option(fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }), { nil: undefined }),
  matchExpressions: fc.option(fc.array(fc.oneof(
    fc.record({
      key: fc.constantFrom(...KEYS),
      operator: fc.constantFrom(SelectorOperator.IN, SelectorOperator.NOT_IN),
      values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 0, maxLength: 2 }),
    }),
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom(SelectorOperator.EXISTS, SelectorOperator.DOES_NOT_EXIST) }),
  ), { maxLength: 2 }), { nil: undefined }),
}, { requiredKeys: [] });

const arbCluster: fc.Arbitrary<TerwayClusterInfo> = fc.record({
  zones: fc.constant(ZONES.map((zoneId) => ({ zoneId, nodeVSwitchIds: [], podVSwitchIds: [] }))),
  trunkEniEnabled: fc.option(fc.boolean(), { nil: undefined }),
  networkPolicyEnabled: fc.option(fc.boolean(), { nil: undefined }),
  terwayVersion: fc.option(fc.constantFrom('v1.9.3', 'v1.11.1', 'v1.13.4', 'v1.13.7', 'v1.15.0', 'v1.16.1', 'v1.17.5'), { nil: undefined }),
  createdBeforeJune2020: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: ['zones'] });

/** Mostly valid values with invalid ones mixed in, so both outcomes are explored. */
function mostly<T>(valid: fc.Arbitrary<T>, anything: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anything, weight: 1 });
}

const VALID_SGS = ['sg-bp1aaaa000001', 'sg-bp1bbbb000002', 'sg-bp1cccc000003'];
const VALID_VSWITCHES = ['vsw-bp1aaaa000001', 'vsw-bp1bbbb000002', 'vsw-bp1cccc000003'];

const arbAllocation = mostly(
  fc.constantFrom<Partial<PodNetworkingPlaneProps>>(
    {}, { allocationType: AllocationType.ELASTIC },
    { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.TTL, releaseAfter: '1h' },
    { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.TTL, releaseAfter: '5m0s' },
    { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.NEVER },
  ),
  fc.record({
    allocationType: fc.option(fc.constantFrom(AllocationType.ELASTIC, AllocationType.FIXED), { nil: undefined }),
    releaseStrategy: fc.option(fc.constantFrom(ReleaseStrategy.TTL, ReleaseStrategy.NEVER), { nil: undefined }),
    releaseAfter: fc.option(fc.constantFrom('1h', '5m', '2h45m', '4m', '30s', '1d', 'soon', '90m'), { nil: undefined }),
  }, { requiredKeys: [] }),
);

const arbPlane = (index: number): fc.Arbitrary<PodNetworkingPlaneProps> => fc.record({
  base: fc.record({
    name: mostly(fc.constant(`plane-${index}`), fc.constantFrom('Bad_Name', 'plane-0')),
    podSelector: fc.option(arbSelector, { nil: undefined, freq: 4 }),
    namespaceSelector: fc.option(arbSelector, { nil: undefined, freq: 2 }),
    securityGroupIds: mostly(
      fc.uniqueArray(fc.constantFrom(...VALID_SGS), { minLength: 1, maxLength: 3 }),
      fc.oneof(
        fc.array(fc.constantFrom(...VALID_SGS, 'sg-bp1dddd000004', 'sg-bp1eeee000005', 'sg-bp1ffff000006', 'sg-', 'vsw-bp1dddd00004'), { maxLength: 6 }),
        // 6 to 12 distinct, well-formed groups: around the documented 5 and the admission limit 10.
        fc.integer({ min: 6, max: 12 }).map((n) => Array.from({ length: n }, (_, i) => `sg-bp1group${String(i).padStart(4, '0')}`)),
      ),
    ),
    vSwitches: mostly(
      fc.constant(ZONES.map((zoneId, i) => ({ vswitchId: VALID_VSWITCHES[i], zoneId }))),
      fc.array(fc.record({
        vswitchId: fc.constantFrom(...VALID_VSWITCHES, 'vsw-x'),
        zoneId: fc.option(fc.constantFrom(...ZONES, 'cn-beijing-a'), { nil: undefined }),
      }, { requiredKeys: ['vswitchId'] }), { maxLength: 4 }),
    ),
    vSwitchSelectionPolicy: fc.option(fc.constantFrom(...Object.values(VSwitchSelectionPolicy)), { nil: undefined }),
    eniType: fc.option(fc.constantFrom(EniType.DEFAULT, EniType.ENI, EniType.TRUNK), { nil: undefined }),
  }, { requiredKeys: ['name', 'securityGroupIds', 'vSwitches'] }),
  allocation: arbAllocation,
}).map(({ base, allocation }) => ({ ...base, ...allocation }));

interface WorkloadSpec { kind: 'Deployment' | 'StatefulSet' | 'Pod'; labels: Record<string, string>; namespace: string; ownerKind?: string }
const arbWorkload: fc.Arbitrary<WorkloadSpec> = fc.record({
  kind: fc.constantFrom('Deployment' as const, 'StatefulSet' as const, 'Pod' as const),
  labels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 }),
  namespace: fc.constantFrom('default', 'shop', 'data'),
  ownerKind: fc.option(fc.constantFrom('ReplicaSet', 'StatefulSet', 'Job'), { nil: undefined }),
});
const arbNamespaceLabels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 });

/** Workloads often carry the labels some plane selects on, so multi-plane matches are common. */
function arbWorkloads(planes: PodNetworkingPlaneProps[]): fc.Arbitrary<WorkloadSpec[]> {
  const planeLabels = planes.map((p) => p.podSelector?.matchLabels ?? {});
  return fc.array(fc.record({
    workload: arbWorkload,
    adopt: fc.subarray(planeLabels.map((_, i) => i)),
  }).map(({ workload, adopt }) => ({
    ...workload,
    labels: Object.assign({}, workload.labels, ...adopt.map((i) => planeLabels[i])),
  })), { maxLength: 3 });
}

const arbScenario = fc.record({
  cluster: arbCluster,
  planes: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPlane(i)))),
  namespaces: fc.record({ shop: arbNamespaceLabels, data: arbNamespaceLabels }),
}).chain((partial) => arbWorkloads(partial.planes).map((workloads) => ({ ...partial, workloads })));

interface Scenario {
  cluster: TerwayClusterInfo;
  planes: PodNetworkingPlaneProps[];
  workloads: WorkloadSpec[];
  namespaces: Record<string, Record<string, string>>;
}

function build(s: Scenario): Chart {
  const chart = Testing.chart();
  s.planes.forEach((p, i) => new PodNetworkingPlane(chart, `Plane${i}`, { ...p, cluster: s.cluster }));
  for (const [name, labels] of Object.entries(s.namespaces)) new kplus.Namespace(chart, `Ns-${name}`, { metadata: { name, labels } });
  s.workloads.forEach((w, i) => {
    const metadata = { name: `w${i}`, namespace: w.namespace };
    if (w.kind === 'Pod') {
      new ApiObject(chart, `W${i}`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { ...metadata, labels: w.labels, ownerReferences: w.ownerKind ? [{ apiVersion: 'apps/v1', kind: w.ownerKind, name: 'owner', uid: 'uid-1' }] : undefined },
        spec: { containers: [{ name: 'main', image: 'busybox' }] },
      });
    } else {
      const Kind = w.kind === 'Deployment' ? kplus.Deployment : kplus.StatefulSet;
      const workload = new Kind(chart, `W${i}`, { metadata, containers: [{ image: 'nginx', portNumber: 80 }] });
      for (const [k, v] of Object.entries(w.labels)) workload.podMetadata.addLabel(k, v);
    }
  });
  return chart;
}

describe('generated planes and workloads', () => {
  test('every input is rejected with rule errors or produces valid, admitted, unambiguous output', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(fc.property(arbScenario, (scenario) => {
      const chart = build(scenario);
      const report = ValidationReport.of(chart.node.root);
      if (report.errors.length > 0) {
        rejected++;
        for (const e of report.errors) expect(RuleCatalog.get(e.ruleId).severity).toBe('error');
        expect(() => Testing.synth(chart)).toThrow(new RegExp(`\\[${report.errors[0].ruleId}\\]`));
        return;
      }
      accepted++;
      const objects = Testing.synth(chart);
      expect(validateManifests(objects)).toEqual([]);
      const planes = objects.filter((o: any) => o.kind === 'PodNetworking');
      const terwayVersion = scenario.cluster.terwayVersion?.replace(/^v/, '');
      for (const pn of planes) {
        const admission = admitPodNetworking(pn, { terwayVersion: terwayVersion ?? '1.17.5' });
        expect({ name: pn.metadata.name, ...admission, object: undefined }).toMatchObject({ allowed: true });
      }
      for (const { pod, namespace } of podsCreatedBy(objects)) {
        const nsLabels = namespaceLabelsIn(objects, namespace);
        const matching = planes.filter((pn: any) => podNetworkingMatchesPod(pn, pod, nsLabels));
        expect(matching.length).toBeLessThanOrEqual(1);
        // A Fixed plane whose selectors select this pod must be usable by it.
        const selecting = planes.filter((pn: any) => podNetworkingMatchesPod({ ...pn, spec: { ...pn.spec, allocationType: { type: 'Elastic' } } }, pod, nsLabels));
        for (const pn of selecting) if (pn.spec.allocationType?.type === 'Fixed') expect(isFixedNamePod(pod)).toBe(true);
      }
    }), { numRuns: 1500 });
    // The generators must exercise both outcomes, or the property says little.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
