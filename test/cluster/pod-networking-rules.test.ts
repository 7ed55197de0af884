import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  Acknowledgements, AllocationType, EniType, PodNetworkingPlaneProps, ReleaseStrategy, RuleCatalog, SelectorOperator, VSwitchSelectionPolicy,
} from '../../src';
import { chart, CLUSTER, deployment, findings, planeIn, planeProps, rawPod, statefulSet, synthErrors } from '../support/plane-fixtures';

/** One failing input per single-plane rule: [rule ID, overrides, message pattern]. */
const CASES: Array<[string, Partial<PodNetworkingPlaneProps>, RegExp]> = [
  ['TW-PN-002', { releaseStrategy: ReleaseStrategy.TTL, releaseAfter: '1h' }, /Plane web is Elastic but sets releaseStrategy TTL/],
  ['TW-PN-002', { releaseAfter: '1h' }, /Plane web is Elastic but sets releaseAfter 1h/],
  ['TW-PN-003', { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.NEVER, releaseAfter: '1h' }, /sets releaseAfter "1h" with releaseStrategy Never/],
  ['TW-PN-003', { allocationType: AllocationType.FIXED, releaseAfter: '1h' }, /sets releaseAfter "1h" with releaseStrategy \(none\)/],
  ['TW-PN-004', { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.TTL }, /releaseStrategy TTL with releaseAfter missing/],
  ['TW-PN-004', { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.TTL, releaseAfter: '1d' }, /releaseStrategy TTL with releaseAfter "1d"/],
  ['TW-PN-005', { allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.TTL, releaseAfter: '4m59s' }, /releases fixed IPs after 4m59s/],
  ['TW-PN-006', { securityGroupIds: [] }, /Plane web has no security group/],
  ['TW-PN-006', { cluster: { ...CLUSTER, terwayVersion: undefined }, securityGroupIds: ['sg-a1', 'sg-a2', 'sg-a3', 'sg-a4', 'sg-a5', 'sg-a6'].map((s) => `${s}bcdef`) }, /has 6 security groups; ACK documents 1 to 5 and Terway's admission accepts at most 10/],
  ['TW-PN-006', { cluster: { ...CLUSTER, terwayVersion: 'v1.17.0' }, securityGroupIds: Array.from({ length: 11 }, (_, i) => `sg-bp1abc${i}0000`) }, /has 11 security groups/],
  ['TW-PN-007', { vSwitches: [] }, /Plane web has no vSwitch/],
  ['TW-PN-008', { vSwitches: [{ vswitchId: 'vsw-bp1abc00000001', zoneId: 'cn-beijing-a' }] }, /uses vSwitches in cn-beijing-a, where the cluster has no nodes/],
  ['TW-PN-009', { vSwitches: [{ vswitchId: 'vsw-bp1abc00000001', zoneId: 'cn-hangzhou-h' }] }, /can run only in cn-hangzhou-h, not in cn-hangzhou-i, cn-hangzhou-j/],
  ['TW-PN-012', { podSelector: undefined }, /Plane web has neither podSelector nor namespaceSelector/],
  ['TW-PN-013', { cluster: { ...CLUSTER, trunkEniEnabled: false } }, /Plane web \(eniType Default\) needs Trunk ENI/],
  ['TW-PN-013', { eniType: EniType.TRUNK, cluster: { ...CLUSTER, trunkEniEnabled: false } }, /\(eniType Trunk\) needs Trunk ENI/],
  ['TW-PN-014', { eniType: EniType.ENI, cluster: { ...CLUSTER, terwayVersion: 'v1.10.0' } }, /sets eniOptions.eniType ENI, but the cluster runs Terway v1.10.0/],
  ['TW-PN-014', { vSwitchSelectionPolicy: VSwitchSelectionPolicy.MOST, cluster: { ...CLUSTER, terwayVersion: '1.9.3' } }, /vSwitchSelectOptions.vSwitchSelectionPolicy most/],
  ['TW-PN-015', {}, /do not filter traffic between pods on the same node/],
  ['TW-PN-015', { cluster: { ...CLUSTER, networkPolicyEnabled: false } }, /and the cluster has NetworkPolicy support disabled/],
  ['TW-PN-016', { cluster: { ...CLUSTER, createdBeforeJune2020: true } }, /ACK managed cluster created before June 2020.*addon.network.token/],
  ['TW-PN-016', { cluster: { ...CLUSTER, dedicatedCluster: true } }, /ACK dedicated cluster.*Quota Center/],
  ['TW-PN-017', { name: 'Web_Plane' }, /PodNetworking name "Web_Plane" is not a DNS-1123 subdomain/],
  ['TW-PN-017', { podSelector: { matchExpressions: [{ key: 'tier', operator: SelectorOperator.IN }] } }, /podSelector.matchExpressions\[0\]: operator In needs at least one value/],
  ['TW-PN-017', { podSelector: { matchLabels: { 'bad key!': 'x' } } }, /podSelector.matchLabels: label key "bad key!" is not a qualified name/],
  ['TW-PN-017', { namespaceSelector: { matchExpressions: [{ key: 'team', operator: SelectorOperator.EXISTS, values: ['a'] }] } }, /namespaceSelector.matchExpressions\[0\]: operator Exists takes no values/],
  ['TW-PN-018', { allocationType: AllocationType.FIXED }, /Fixed plane web has no releaseStrategy/],
  ['TW-PN-019', { podSelector: undefined, cluster: { ...CLUSTER, terwayVersion: 'v1.12.0' } }, /Plane web has no selector; Terway v1.12.0 denies it/],
  ['TW-PN-019', { podSelector: undefined, eniType: EniType.ENI, cluster: { ...CLUSTER, terwayVersion: 'v1.15.0' } }, /no selector and eniType ENI; Terway v1.15.0 denies it/],
  ['TW-ID-001', { securityGroupIds: ['vsw-bp1abc00000001'] }, /Plane web security group: "vsw-bp1abc00000001" is a vSwitch ID/],
  ['TW-ID-001', { vSwitches: [{ vswitchId: 'vsw-', zoneId: 'cn-hangzhou-h' }] }, /Plane web vSwitch: "vsw-" is not a vSwitch ID/],
];

describe('every single-plane rule has a failing input', () => {
  test.each(CASES)('%s', (ruleId, overrides, message) => {
    const c = chart();
    planeIn(c, planeProps(overrides));
    const hit = findings(c).find((f) => f.ruleId === ruleId && message.test(f.text));
    expect(hit).toBeDefined();
    expect(hit!.path).toBe(`${c.node.path}/Plane`);
    expect(hit!.severity).toBe(RuleCatalog.get(ruleId).severity);
    expect(hit!.text).toMatch(/Rule: .+ \(source: .+\)\. Fix: .+/);
  });

  test('the valid plane has only the advisory same-node warning', () => {
    const c = chart();
    planeIn(c, planeProps());
    expect(findings(c).map((f) => f.ruleId)).toEqual(['TW-PN-015']);
  });

  test('6 to 10 security groups are accepted from Terway v1.13.7 (admission limit 10)', () => {
    const c = chart();
    planeIn(c, planeProps({ cluster: { ...CLUSTER, terwayVersion: 'v1.13.7' }, securityGroupIds: Array.from({ length: 7 }, (_, i) => `sg-bp1abc${i}0000`) }));
    expect(findings(c).map((f) => f.ruleId)).not.toContain('TW-PN-006');
  });

  test('errors stop cdk8s synthesis and name the plane', () => {
    const c = chart();
    planeIn(c, planeProps({ vSwitches: [] }));
    expect(synthErrors(c)).toMatch(/Plane\] \[TW-PN-007\] Plane web has no vSwitch/);
  });
});

describe('rules across planes and workloads', () => {
  test('TW-PN-001: a Fixed plane selecting a Deployment', () => {
    const c = chart();
    planeIn(c, planeProps({ allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.NEVER }));
    deployment(c, 'Frontend', { plane: 'web' });
    expect(findings(c).find((f) => f.ruleId === 'TW-PN-001')?.text).toMatch(/Fixed plane web selects Deployment default\/frontend, whose pods have generated names/);
  });

  test('TW-PN-001 is not raised for StatefulSets, owner-less pods, StatefulSet-owned pods or custom kinds', () => {
    const c = chart();
    planeIn(c, planeProps({ allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.NEVER, customStatefulWorkloadKinds: ['GameServerSet'] }));
    statefulSet(c, 'Db', { plane: 'web' });
    rawPod(c, 'Bare', { plane: 'web' });
    rawPod(c, 'Owned', { plane: 'web' }, ['StatefulSet']);
    rawPod(c, 'Game', { plane: 'web' }, ['GameServerSet']);
    expect(findings(c).map((f) => f.ruleId)).not.toContain('TW-PN-001');
  });

  test('TW-PN-001: a pod owned by a ReplicaSet', () => {
    const c = chart();
    planeIn(c, planeProps({ allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.NEVER }));
    rawPod(c, 'Owned', { plane: 'web' }, ['ReplicaSet']);
    expect(findings(c).map((f) => f.ruleId)).toContain('TW-PN-001');
  });

  test('TW-PN-010: a workload matched by two planes, reported once', () => {
    const c = chart();
    planeIn(c, planeProps({ name: 'a', podSelector: { matchLabels: { app: 'shop' } } }), 'A');
    planeIn(c, planeProps({ name: 'b', podSelector: { matchLabels: { tier: 'front' } } }), 'B');
    deployment(c, 'Shop', { app: 'shop', tier: 'front' });
    expect(findings(c).map((f) => f.ruleId)).not.toContain('TW-PN-020');
    const hits = findings(c).filter((f) => f.ruleId === 'TW-PN-010');
    expect(hits.map((h) => [h.path, h.text.slice(0, 70)])).toEqual([[`${c.node.path}/A`, expect.stringContaining('Pods of Deployment default/shop match planes a, b')]]);
  });

  test('TW-PN-010 respects namespace selectors: same pod labels in a non-matching namespace', () => {
    const c = chart();
    planeIn(c, planeProps({ name: 'a', podSelector: { matchLabels: { app: 'shop' } }, namespaceSelector: { matchLabels: { env: 'prod' } } }), 'A');
    planeIn(c, planeProps({ name: 'b', podSelector: { matchLabels: { app: 'shop' } }, namespaceSelector: { matchLabels: { env: 'dev' } } }), 'B');
    new kplus.Namespace(c, 'Prod', { metadata: { name: 'prod', labels: { env: 'prod' } } });
    deployment(c, 'Shop', { app: 'shop' }, 'prod');
    const ids = findings(c).map((f) => f.ruleId);
    expect(ids).not.toContain('TW-PN-010');
    expect(ids).not.toContain('TW-PN-011');
  });

  test('TW-PN-011: selectors that can overlap in general, reported on the first plane only', () => {
    const c = chart();
    planeIn(c, planeProps({ name: 'a', podSelector: { matchLabels: { app: 'shop' } } }), 'A');
    planeIn(c, planeProps({ name: 'b', podSelector: { matchExpressions: [{ key: 'tier', operator: SelectorOperator.EXISTS }] } }), 'B');
    const hits = findings(c).filter((f) => f.ruleId === 'TW-PN-011');
    expect(hits).toHaveLength(1);
    expect(hits[0].text).toMatch(/Planes a and b can both select a pod/);
  });

  test('TW-PN-020: one plane\'s selectors imply the other\'s (a certain overlap is an error, not a warning)', () => {
    const c = chart();
    planeIn(c, planeProps({ name: 'shop', podSelector: { matchLabels: { app: 'shop' } } }), 'A');
    planeIn(c, planeProps({ name: 'shop-db', podSelector: { matchLabels: { app: 'shop', tier: 'db' } } }), 'B');
    const hits = findings(c).filter((f) => f.ruleId === 'TW-PN-020' || f.ruleId === 'TW-PN-011');
    expect(hits.map((h) => h.ruleId)).toEqual(['TW-PN-020']);
    expect(hits[0].text).toMatch(/Every pod that plane shop-db selects is also selected by plane shop/);
    expect(synthErrors(c)).toMatch(/\[TW-PN-020\]/);
  });

  test('TW-PN-020: a namespace-only plane covers a pod-selector plane in every namespace', () => {
    const c = chart();
    planeIn(c, planeProps({ name: 'all-prod', podSelector: undefined, namespaceSelector: { matchLabels: { env: 'prod' } } }), 'A');
    planeIn(c, planeProps({ name: 'prod-web', podSelector: { matchLabels: { app: 'web' } }, namespaceSelector: { matchLabels: { env: 'prod' } } }), 'B');
    expect(findings(c).map((f) => f.ruleId)).toContain('TW-PN-020');
  });

  test('TW-PN-011 is silent for provably disjoint selectors', () => {
    const c = chart();
    planeIn(c, planeProps({ name: 'a', podSelector: { matchLabels: { plane: 'a' } } }), 'A');
    planeIn(c, planeProps({ name: 'b', podSelector: { matchLabels: { plane: 'b' } } }), 'B');
    planeIn(c, planeProps({ name: 'c', podSelector: { matchExpressions: [{ key: 'plane', operator: SelectorOperator.DOES_NOT_EXIST }] } }), 'C');
    expect(findings(c).map((f) => f.ruleId)).not.toContain('TW-PN-011');
  });

  test('TW-PN-017: two planes with the same name', () => {
    const c = chart();
    planeIn(c, planeProps({ podSelector: { matchLabels: { plane: 'one' } } }), 'A');
    planeIn(c, planeProps({ podSelector: { matchLabels: { plane: 'two' } } }), 'B');
    expect(findings(c).find((f) => f.ruleId === 'TW-PN-017')?.text).toMatch(/Two planes are named web/);
  });

  test('planes in different charts of one app see each other', () => {
    const app = Testing.app();
    const one = new Chart(app, 'one');
    const two = new Chart(app, 'two');
    planeIn(one, planeProps({ name: 'a', podSelector: { matchLabels: { app: 'shop' } } }));
    deployment(two, 'Shop', { app: 'shop' });
    planeIn(two, planeProps({ name: 'b', podSelector: { matchLabels: { app: 'shop' } } }));
    expect(findings(one).map((f) => f.ruleId)).toContain('TW-PN-010');
  });
});

describe('joining workloads and namespaces', () => {
  test('cdk8s-plus Deployment, StatefulSet and Namespace get the selector labels', () => {
    const c = chart();
    const plane = planeIn(c, planeProps({ namespaceSelector: { matchLabels: { team: 'shop' } } }));
    const d = new kplus.Deployment(c, 'D', { containers: [{ image: 'nginx' }] });
    const s = new kplus.StatefulSet(c, 'S', { containers: [{ image: 'pg', portNumber: 5432 }] });
    const ns = new kplus.Namespace(c, 'Ns');
    plane.addWorkload(d);
    plane.addWorkload(s);
    plane.addNamespace(ns);
    const json = Testing.synth(c);
    const byKind = (k: string) => json.find((o: any) => o.kind === k);
    expect(byKind('Deployment').spec.template.metadata.labels).toMatchObject({ plane: 'web' });
    expect(byKind('StatefulSet').spec.template.metadata.labels).toMatchObject({ plane: 'web' });
    expect(byKind('Namespace').metadata.labels).toEqual({ team: 'shop' });
  });

  test('raw ApiObjects (Deployment with and without template labels, CronJob, Pod) are patched', () => {
    const c = chart();
    const plane = planeIn(c, planeProps({ podSelector: { matchLabels: { 'network.example.com/plane': 'web' } } }));
    const withLabels = new ApiObject(c, 'Dep', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'dep' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'm', image: 'i' }] } } },
    });
    const noLabels = new ApiObject(c, 'Job', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'job' },
      spec: { template: { spec: { containers: [{ name: 'm', image: 'i' }], restartPolicy: 'Never' } } },
    });
    const cron = new ApiObject(c, 'Cron', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cron' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels: {} }, spec: { containers: [{ name: 'm', image: 'i' }], restartPolicy: 'Never' } } } } },
    });
    const pod = rawPod(c, 'Pod', {});
    for (const w of [withLabels, noLabels, cron, pod]) plane.addWorkload(w);
    const json = Testing.synth(c);
    const get = (k: string) => json.find((o: any) => o.kind === k);
    expect(get('Deployment').spec.template.metadata.labels).toEqual({ 'app': 'x', 'network.example.com/plane': 'web' });
    expect(get('Job').spec.template.metadata.labels).toEqual({ 'network.example.com/plane': 'web' });
    expect(get('CronJob').spec.jobTemplate.spec.template.metadata.labels).toEqual({ 'network.example.com/plane': 'web' });
    expect(get('Pod').metadata.labels).toEqual({ 'network.example.com/plane': 'web' });
  });

  test('joining fails clearly when the plane cannot be matched by labels alone', () => {
    const c = chart();
    const exprPlane = planeIn(c, planeProps({ podSelector: { matchExpressions: [{ key: 'a', operator: SelectorOperator.EXISTS }] } }), 'Expr');
    const nsOnly = planeIn(c, planeProps({ name: 'ns-only', podSelector: undefined, namespaceSelector: { matchLabels: { t: 'x' } } }), 'NsOnly');
    const d = new kplus.Deployment(c, 'D', { containers: [{ image: 'nginx' }] });
    expect(() => exprPlane.addWorkload(d)).toThrow(/podSelector uses matchExpressions/);
    expect(() => nsOnly.addWorkload(d)).toThrow(/plane ns-only has no podSelector.matchLabels/);
    expect(() => nsOnly.addNamespace(d)).toThrow(/is not a Namespace/);
  });
});

describe('acknowledging plane warnings', () => {
  test('acknowledged at the chart, the warning is reported with its reason', () => {
    const c = chart();
    planeIn(c, planeProps());
    Acknowledgements.of(c).add('TW-PN-015', 'NetworkPolicies exist');
    expect(findings(c)).toEqual([]);
  });
});
