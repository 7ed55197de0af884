import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  Acknowledgements, EipAnnotationPrefix, EipControllerValues, EipInternetChargeType, EipIsp, EniConfig, EniType, PodEipImplementation,
  PodEipOptions, PodEipWorkloads, PodEipWorkloadsProps, PodNetworkingPlane, RuleCatalog,
} from '../../src';
import { validateManifests } from '../support/k8s-schemas';
import { chart, CLUSTER, deployment, findings, planeProps, rawPod, statefulSet, synthErrors } from '../support/plane-fixtures';

const VALUES = new EipControllerValues({ chartVersion: 'v0.12.2', clusterId: 'c0123', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc0000', customStatefulWorkloadKinds: ['GameServerSet'] });
const LEGACY: PodEipWorkloadsProps = { implementation: PodEipImplementation.LEGACY_TERWAY, cluster: { ...CLUSTER, terwayVersion: 'v1.6.4' } };

function podTemplate(json: any): any {
  return json.kind === 'Pod' ? json : json.spec.template;
}

function rendered(c: Chart, kind: string, name: string): any {
  return c.toJson().find((o: any) => o.kind === kind && o.metadata.name === name);
}

function legacyPool(c: Chart): EniConfig {
  return new EniConfig(c, 'EniConfig', { enableEipPool: true, enableTrunking: false, eniConfOverrides: { vswitches: { 'cn-hangzhou-h': ['vsw-1'] } } });
}

describe('PodEipWorkloads rendering', () => {
  test('automatic EIPs on a Deployment and fixed EIPs on a StatefulSet: annotations and the readiness gate; valid Kubernetes', () => {
    const c = chart();
    const eips = new PodEipWorkloads(c, 'Eips', { controllerValues: VALUES });
    eips.addWorkload(deployment(c, 'Web'), { bandwidth: 5, internetChargeType: EipInternetChargeType.PAY_BY_BANDWIDTH, tags: { team: 'games', env: 'prod' } });
    eips.addWorkload(statefulSet(c, 'Game'), { releaseStrategy: '10m', isp: EipIsp.BGP_PRO });
    expect(synthErrors(c)).toBeUndefined();
    const web = podTemplate(rendered(c, 'Deployment', 'web'));
    expect(web.metadata.annotations).toEqual({
      'network.alibabacloud.com/pod-with-eip': 'true',
      'network.alibabacloud.com/eip-bandwidth': '5',
      'network.alibabacloud.com/eip-internet-charge-type': 'PayByBandwidth',
      'network.alibabacloud.com/eip-tags': '{"env":"prod","team":"games"}',
    });
    expect(web.spec.readinessGates).toEqual([{ conditionType: 'k8s.aliyun.com/eip' }]);
    const game = podTemplate(rendered(c, 'StatefulSet', 'game'));
    expect(game.metadata.annotations).toMatchObject({ 'network.alibabacloud.com/pod-eip-release-strategy': '10m', 'network.alibabacloud.com/eip-isp': 'BGP_PRO' });
    expect(validateManifests(c.toJson())).toEqual([]);
  });

  test('raw ApiObjects (Pod, Deployment, custom stateful kind), the k8s.aliyun.com/ prefix, an existing EIP, no duplicate gate', () => {
    const c = chart();
    const eips = new PodEipWorkloads(c, 'Eips', { controllerValues: VALUES, annotationPrefix: EipAnnotationPrefix.K8S_ALIYUN });
    const pod = rawPod(c, 'Solo', { app: 'solo' });
    eips.addWorkload(pod, { existingEipId: 'eip-bp1abc0001', readinessGate: true });
    expect(() => eips.addWorkload(pod, {})).toThrow(/test\/Solo already has EIP options/);
    const raw = new ApiObject(c, 'RawDeploy', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'raw' },
      spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: { containers: [{ name: 'a', image: 'nginx' }], readinessGates: [{ conditionType: 'other' }, { conditionType: 'k8s.aliyun.com/eip' }] } } },
    });
    eips.addWorkload(raw, { readinessGate: true });
    const custom = new ApiObject(c, 'Servers', {
      apiVersion: 'game.example.com/v1',
      kind: 'GameServerSet',
      metadata: { name: 'servers' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'g', image: 'game' }] } } },
    });
    eips.addWorkload(custom, { releaseStrategy: 'Never' });
    const solo = rendered(c, 'Pod', 'solo');
    expect(solo.metadata.annotations).toEqual({ 'k8s.aliyun.com/pod-eip-instanceid': 'eip-bp1abc0001' });
    expect(solo.spec.readinessGates).toEqual([{ conditionType: 'k8s.aliyun.com/eip' }]);
    const rawTemplate = rendered(c, 'Deployment', 'raw').spec.template;
    expect(rawTemplate.metadata.annotations).toEqual({ 'k8s.aliyun.com/pod-with-eip': 'true' });
    expect(rawTemplate.spec.readinessGates).toEqual([{ conditionType: 'other' }, { conditionType: 'k8s.aliyun.com/eip' }]);
    const gated = rawPod(c, 'Gated', {});
    gated.addJsonPatch(JsonPatch.add('/spec/readinessGates', [{ conditionType: 'before' }]));
    eips.addWorkload(gated, { existingEipId: 'eip-bp1abc0002' });
    expect(rendered(c, 'Pod', 'gated').spec.readinessGates).toEqual([{ conditionType: 'before' }, { conditionType: 'k8s.aliyun.com/eip' }]);
    expect(rendered(c, 'GameServerSet', 'servers').spec.template.metadata.annotations).toEqual({ 'k8s.aliyun.com/pod-with-eip': 'true', 'k8s.aliyun.com/pod-eip-release-strategy': 'Never' });
    expect(findings(c).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a workload gets EIP options once per app, also across PodEipWorkloads', () => {
    const c = chart();
    const pod = rawPod(c, 'Solo', { app: 'solo' });
    new PodEipWorkloads(c, 'Eips', { controllerValues: VALUES }).addWorkload(pod, {});
    expect(() => new PodEipWorkloads(c, 'More', { controllerValues: VALUES }).addWorkload(pod, {})).toThrow(/test\/More: test\/Solo already has EIP options/);
  });

  test('legacy Terway: k8s.aliyun.com/ by default, eip-charge-type, no readiness gate; EniConfig renders string flags', () => {
    const c = chart();
    legacyPool(c);
    new EniConfig(new Chart(c, 'Other'), 'Rob', { enableEipPool: true, allowEipRob: true, enableTrunking: false, eniConfOverrides: { vswitches: { h: ['vsw-1'] } } });
    const eips = new PodEipWorkloads(c, 'Eips', LEGACY);
    eips.addWorkload(deployment(c, 'Web'), { bandwidth: 10, internetChargeType: EipInternetChargeType.PAY_BY_TRAFFIC });
    const web = podTemplate(rendered(c, 'Deployment', 'web'));
    expect(web.metadata.annotations).toEqual({ 'k8s.aliyun.com/pod-with-eip': 'true', 'k8s.aliyun.com/eip-bandwidth': '10', 'k8s.aliyun.com/eip-charge-type': 'PayByTraffic' });
    expect(web.spec.readinessGates).toBeUndefined();
    const conf = JSON.parse(rendered(c, 'ConfigMap', 'eni-config').data.eni_conf);
    expect(conf.enable_eip_pool).toBe('true');
    const off = chart();
    new EniConfig(off, 'EniConfig', { enableEipPool: false, allowEipRob: false, enableTrunking: false });
    expect(JSON.parse(rendered(off, 'ConfigMap', 'eni-config').data.eni_conf)).toMatchObject({ enable_eip_pool: 'false', allow_eip_rob: 'false' });
    expect(findings(c).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

type Setup = (c: Chart) => void;
const add = (props: PodEipWorkloadsProps, make: (c: Chart) => any, options: PodEipOptions): Setup => (c) => new PodEipWorkloads(c, 'Eips', props).addWorkload(make(c), options);
const ack = { controllerValues: VALUES };
const dep = (c: Chart) => deployment(c, 'Web');
const sts = (c: Chart) => statefulSet(c, 'Game');

/** One failing input per workload rule: [rule ID, setup, message]. */
const CASES: Array<[string, Setup, RegExp]> = [
  ['TW-EIP-001', (c) => { legacyPool(c); add(ack, dep, {})(c); }, /uses ack-extend-network-controller while .* set eni_conf enable_eip_pool "true"/],
  ['TW-EIP-001', (c) => { legacyPool(c); add(ack, dep, {})(c); new PodEipWorkloads(c, 'Old', LEGACY); }, /The app uses both ack-extend-network-controller and legacy-terway/],
  ['TW-EIP-002', (c) => { legacyPool(c); add({ ...LEGACY, cluster: { terwayVersion: 'v1.7.0' } }, dep, {})(c); }, /Terway v1.7.0, which no longer has it/],
  ['TW-EIP-003', (c) => { legacyPool(c); add(LEGACY, dep, {})(c); new PodNetworkingPlane(c, 'Plane', planeProps({ eniType: EniType.TRUNK })); }, /set eniOptions or vSwitchSelectOptions, which need Terway v1.11.0/],
  ['TW-EIP-004', (c) => { legacyPool(c); add(LEGACY, dep, { name: 'x', tags: { a: 'b' } })(c); }, /legacy Terway EIP does not support name, tags/],
  ['TW-EIP-004', (c) => { legacyPool(c); add(LEGACY, sts, { releaseStrategy: '10m' })(c); }, /does not support releaseStrategy "10m" \(fixed EIP\)/],
  ['TW-EIP-004', (c) => { legacyPool(c); add(LEGACY, dep, { readinessGate: true })(c); }, /does not support the k8s.aliyun.com\/eip readiness gate/],
  ['TW-EIP-005', (c) => { legacyPool(c); add({ ...LEGACY, annotationPrefix: EipAnnotationPrefix.NETWORK_ALIBABACLOUD }, dep, {})(c); }, /legacy Terway does not read network.alibabacloud.com\/ annotations/],
  ['TW-EIP-006', (c) => { legacyPool(c); add({ ...LEGACY, cluster: { terwayVersion: 'v1.1.0' } }, dep, { isp: EipIsp.BGP })(c); }, /isp need Terway v1.2.3 or later; the cluster runs v1.1.0/],
  ['TW-EIP-007', add(ack, dep, { releaseStrategy: 'Never' }), /releaseStrategy "Never" keeps the EIP for a pod name, but Deployment pods get new names/],
  ['TW-EIP-007', (c) => new PodEipWorkloads(c, 'Eips', ack).addWorkload(rawPod(c, 'Owned', {}, ['ReplicaSet']), { releaseStrategy: '5m' }), /but Pod pods get new names/],
  ['TW-EIP-008', add(ack, dep, { existingEipId: 'eip-bp1abc0001' }), /would be shared by the pods of a Deployment/],
  ['TW-EIP-008', (c) => new PodEipWorkloads(c, 'Eips', ack).addWorkload(new kplus.StatefulSet(c, 'Many', { replicas: 3, containers: [{ image: 'x', portNumber: 7000 }] }), { existingEipId: 'eip-bp1abc0001' }), /would be shared by 3 replicas/],
  ['TW-EIP-009', add(ack, sts, { existingEipId: 'eip-bp1abc0001', bandwidth: 5 }), /existingEipId is set together with bandwidth/],
  ['TW-EIP-010', (c) => { const e = new PodEipWorkloads(c, 'Eips', ack); e.addWorkload(rawPod(c, 'A', {}), { existingEipId: 'eip-bp1same' }); e.addWorkload(rawPod(c, 'B', {}), { existingEipId: 'eip-bp1same' }); }, /EIP eip-bp1same is given to 2 workloads/],
  ['TW-EIP-011', add(ack, dep, { bandwidth: 0 }), /bandwidth is 0/],
  ['TW-EIP-011', add(ack, dep, { bandwidth: 2.5 }), /bandwidth is 2.5/],
  ['TW-EIP-012', add(ack, dep, { internetChargeType: 'PayByHour' as EipInternetChargeType }), /internetChargeType "PayByHour" is not one of PayByTraffic, PayByBandwidth/],
  ['TW-EIP-013', add(ack, dep, { instanceChargeType: 'PrePaid' as any }), /instanceChargeType "PrePaid" is not one of PostPaid/],
  ['TW-EIP-014', add(ack, dep, { isp: 'BGP_Gold' as EipIsp }), /isp "BGP_Gold" is not one of BGP, BGP_PRO/],
  ['TW-EIP-015', add(ack, dep, { tags: { 'team': 5 as any, '': 'x' } }), /tags "team"=number 5, ""="x" are not string pairs/],
  ['TW-EIP-016', add(ack, sts, { releaseStrategy: '1d' }), /releaseStrategy "1d" is neither Follow, Never nor a positive Go duration/],
  ['TW-EIP-016', add(ack, sts, { releaseStrategy: '-5m' }), /releaseStrategy "-5m"/],
  ['TW-EIP-017', (c) => { const d = rawPod(c, 'Burst', {}); d.addJsonPatch(JsonPatch.add('/spec/tolerations', [{ key: 'virtual-kubelet.io/provider', operator: 'Exists' }])); new PodEipWorkloads(c, 'Eips', ack).addWorkload(d); }, /may run on virtual nodes \(a toleration for the virtual-kubelet.io\/provider taint\)/],
  ['TW-EIP-017', add(ack, (c) => deployment(c, 'Eci', { 'alibabacloud.com/eci': 'true' }), {}), /pod label alibabacloud.com\/eci: "true"/],
  ['TW-EIP-020', add(LEGACY, dep, {}), /no eni-config in this app sets enable_eip_pool "true"/],
  ['TW-EIP-022', add(ack, sts, { existingEipId: 'eipbp1' }), /existingEipId "eipbp1" is not an ID of the form eip-…/],
  ['TW-EIP-022', add(ack, dep, { commonBandwidthPackageId: 'bwp-1' }), /commonBandwidthPackageId "bwp-1" is not an ID of the form cbwp-…/],
];

describe('every PodEipWorkloads rule has a failing input', () => {
  test.each(CASES)('%s', (ruleId, setup, message) => {
    const c = chart();
    setup(c);
    const hit = findings(c).find((f) => f.ruleId === ruleId && message.test(f.text));
    expect({ hit: hit !== undefined, all: hit ? [] : findings(c).map((f) => f.text) }).toEqual({ hit: true, all: [] });
    expect(hit!.severity).toBe(RuleCatalog.get(ruleId).severity);
    if (hit!.severity === 'error') expect(synthErrors(c)).toContain(`[${ruleId}]`);
  });

  test('virtual-node warning is silenced by enableVirtualNode, and can be acknowledged', () => {
    const on = chart();
    new PodEipWorkloads(on, 'Eips', { controllerValues: new EipControllerValues({ ...VALUES.props, enableVirtualNode: true }) }).addWorkload(deployment(on, 'Eci', { 'alibabacloud.com/eci': 'true' }));
    expect(findings(on).filter((f) => f.ruleId === 'TW-EIP-017')).toEqual([]);
    const acked = chart();
    const eips = new PodEipWorkloads(acked, 'Eips', ack);
    eips.addWorkload(deployment(acked, 'Eci', { 'alibabacloud.com/eci': 'true' }));
    Acknowledgements.of(eips).add('TW-EIP-017', 'the ECI pods use ECI\'s own EIP annotations');
    expect(findings(acked).filter((f) => f.ruleId === 'TW-EIP-017')).toEqual([]);
  });
});

describe('PodEipWorkloads input shapes', () => {
  const cases: Array<[string, Setup, RegExp]> = [
    ['string bandwidth', add(ack, dep, { bandwidth: '5' as any }), /bandwidth must be a finite number, got the string "5"/],
    ['string boolean gate', add(ack, dep, { readinessGate: 'false' as any }), /readinessGate must be true or false/],
    ['unknown implementation', (c) => new PodEipWorkloads(c, 'Eips', { implementation: 'terway' as any }), /implementation must be one of "ack-extend-network-controller", "legacy-terway"/],
    ['comma in protection type', add(ack, dep, { securityProtectionTypes: ['a,b'] }), /securityProtectionTypes\[0\] must be a protection level without commas/],
    ['controller values with legacy', (c) => new PodEipWorkloads(c, 'Eips', { ...LEGACY, controllerValues: VALUES }), /controllerValues belongs to ack-extend-network-controller/],
    ['not a workload', (c) => new PodEipWorkloads(c, 'Eips', ack).addWorkload(new kplus.ConfigMap(c, 'Cm')), /has no pod template/],
    ['EniConfig string flag', (c) => new EniConfig(c, 'EniConfig', { enableEipPool: 'true' as any }), /enableEipPool must be true or false, got the string "true"/],
  ];
  test.each(cases)('%s', (_name, setup, message) => {
    expect(() => setup(chart())).toThrow(message);
  });
});

describe('PodEipWorkloads: runtime semantics and bounds (issues 17 and 18)', () => {
  const valuesAt = (chartVersion: string) => new EipControllerValues({ ...VALUES.props, chartVersion });

  // "Associate an exclusive EIP with a pod", annotation table: eip-resource-group-id (v0.4.0+), eip-name and
  // eip-description (v0.6.0+), eip-security-protection-types (v0.9.0+), eip-tags (v0.11.0+) of ack-extend-network-controller.
  test.each([
    ['v0.3.0', { resourceGroupId: 'rg-abc123' }, /resourceGroupId \(eip-resource-group-id, v0.4.0\) is read only by newer/],
    ['v0.5.0', { name: 'game', description: 'd' }, /name \(eip-name, v0.6.0\), description \(eip-description, v0.6.0\) are read only/],
    ['v0.8.9', { securityProtectionTypes: ['AntiDDoS_Enhanced'] }, /securityProtectionTypes \(eip-security-protection-types, v0.9.0\)/],
    ['v0.10.0', { tags: { team: 'games' } }, /tags \(eip-tags, v0.11.0\) is read only by newer ack-extend-network-controller; chartVersion is v0.10.0/],
  ] as Array<[string, PodEipOptions, RegExp]>)('TW-EIP-024: chart %s ignores newer annotations', (chartVersion, options, message) => {
    const c = chart();
    new PodEipWorkloads(c, 'Eips', { controllerValues: valuesAt(chartVersion) }).addWorkload(deployment(c, 'Web'), options);
    expect(synthErrors(c)).toMatch(message);
    const ok = chart();
    new PodEipWorkloads(ok, 'Eips', { controllerValues: valuesAt('v0.11.0') }).addWorkload(deployment(ok, 'Web'), options);
    expect(findings(ok).filter((f) => f.ruleId === 'TW-EIP-024')).toEqual([]);
  });

  // AllocateEipAddress, Bandwidth: 1-200 Mbit/s pay-by-data-transfer, 1-500 pay-by-bandwidth (pay-as-you-go);
  // https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-allocateeipaddress
  test('TW-EIP-011: bandwidth within what AllocateEipAddress accepts for the metering method', () => {
    const bad: Array<[PodEipOptions, RegExp]> = [
      [{ bandwidth: 201 }, /bandwidth is 201 \(PayByTraffic allows 1 to 200 Mbit\/s\)/],
      [{ bandwidth: 501, internetChargeType: EipInternetChargeType.PAY_BY_BANDWIDTH }, /bandwidth is 501 \(PayByBandwidth allows 1 to 500/],
      [{ bandwidth: 2 ** 53 }, /bandwidth is 9007199254740992/],
      [{ bandwidth: 1e21 }, /bandwidth is 1e\+21/],
    ];
    for (const [options, message] of bad) {
      const c = chart();
      new PodEipWorkloads(c, 'Eips', ack).addWorkload(deployment(c, 'Web'), options);
      expect(synthErrors(c)).toMatch(message);
    }
    for (const options of [{ bandwidth: 200 }, { bandwidth: 500, internetChargeType: EipInternetChargeType.PAY_BY_BANDWIDTH }]) {
      const c = chart();
      new PodEipWorkloads(c, 'Eips', ack).addWorkload(deployment(c, 'Web'), options);
      expect(findings(c).filter((f) => f.ruleId === 'TW-EIP-011')).toEqual([]);
    }
  });

  test('a built-in kind never switches off the fixed-EIP rule (TW-EIP-007), even when slipped past the values check', () => {
    expect(() => new EipControllerValues({ ...VALUES.props, customStatefulWorkloadKinds: ['Deployment'] })).toThrow(/built-in controller/);
    const sneaky = new EipControllerValues({ ...VALUES.props });
    (sneaky as any).customStatefulWorkloadKinds = ['Deployment'];
    const c = chart();
    new PodEipWorkloads(c, 'Eips', { controllerValues: sneaky }).addWorkload(deployment(c, 'Web'), { releaseStrategy: 'Never' });
    expect(synthErrors(c)).toMatch(/\[TW-EIP-007\]/);
  });

  test.each([undefined, null, 5, {}, [], true, 'web'])('addWorkload(%p) is a clear error', (value) => {
    const c = chart();
    const eips = new PodEipWorkloads(c, 'Eips', ack);
    expect(() => eips.addWorkload(value as any)).toThrow(/addWorkload: workload must be a construct \(a cdk8s or cdk8s-plus object\), got/);
  });

  // Terway source: v1.6.4 daemon/daemon.go starts the EIP manager when enable_eip_pool is "true"; v1.7.0 removed the
  // feature (the config field stays unused up to v1.9.3, gone in v1.9.6, commit 8adcc66 "remove deprecated codes").
  test('the legacy guidance is consistent: enable_eip_pool on Terway v1.6.4 is not "no longer read" (TW-ENICONF-009 gated)', () => {
    const c = chart();
    new EniConfig(c, 'EniConfig', { cluster: { terwayVersion: 'v1.6.4' }, enableEipPool: true, allowEipRob: true, enableTrunking: false, eniConfOverrides: { vswitches: { h: ['vsw-1'] } } });
    new PodEipWorkloads(c, 'Eips', LEGACY).addWorkload(deployment(c, 'Web'), {});
    expect(findings(c).map((f) => f.ruleId).filter((id) => id === 'TW-ENICONF-009' || id === 'TW-EIP-020')).toEqual([]);
    const newer = chart();
    new EniConfig(newer, 'EniConfig', { cluster: { terwayVersion: 'v1.7.0' }, enableEipPool: true, enableTrunking: false, eniConfOverrides: { vswitches: { h: ['vsw-1'] } } });
    expect(findings(newer).filter((f) => f.ruleId === 'TW-ENICONF-009').map((f) => f.text))
      .toEqual([expect.stringMatching(/sets "enable_eip_pool", which Terway v1.7.0 and later no longer act on \(the cluster runs v1.7.0\)/)]);
    const unknown = chart();
    new EniConfig(unknown, 'EniConfig', { enableEipPool: true, enableTrunking: false, eniConfOverrides: { vswitches: { h: ['vsw-1'] } } });
    expect(findings(unknown).filter((f) => f.ruleId === 'TW-ENICONF-009').map((f) => f.text).join('\n')).toMatch(/cluster.terwayVersion/);
  });

  test('TW-EIP-025 on the cluster side: RRSA values with a declared kube-system Namespace lacking the injection label', () => {
    const rrsa = new EipControllerValues({ ...VALUES.props, enableRrsa: true, rrsaRoleName: 'eip-controller' });
    const c = chart();
    new kplus.Namespace(c, 'KubeSystem', { metadata: { name: 'kube-system' } });
    new PodEipWorkloads(c, 'Eips', { controllerValues: rrsa }).addWorkload(deployment(c, 'Web'));
    expect(synthErrors(c)).toMatch(/\[TW-EIP-025\] .*kube-system Namespace does not carry pod-identity.alibabacloud.com\/injection: "on"/);
    const ok = chart();
    new kplus.Namespace(ok, 'KubeSystem', { metadata: { name: 'kube-system', labels: { 'pod-identity.alibabacloud.com/injection': 'on' } } });
    new PodEipWorkloads(ok, 'Eips', { controllerValues: rrsa }).addWorkload(deployment(ok, 'Web'));
    expect(findings(ok).filter((f) => f.ruleId === 'TW-EIP-025')).toEqual([]);
  });
});
