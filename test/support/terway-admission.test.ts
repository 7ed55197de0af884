import * as fc from 'fast-check';
import {
  admitPodNetworking, firstMatchingPodNetworking, isFixedNamePod, LabelSelector, labelSelectorMatches, parseGoDuration,
  podNetworkingMatchesPod,
} from './terway-admission';

function pn(spec: Record<string, unknown> = {}, name = 'pn'): Record<string, any> {
  return {
    apiVersion: 'network.alibabacloud.com/v1beta1',
    kind: 'PodNetworking',
    metadata: { name },
    spec: {
      eniOptions: { eniType: 'Default' },
      selector: { podSelector: { matchLabels: { app: 'db' } } },
      securityGroupIDs: ['sg-1'],
      vSwitchOptions: ['vsw-1'],
      ...spec,
    },
  };
}

const sgs = (n: number) => Array.from({ length: n }, (_, i) => `sg-${i}`);

describe('admitPodNetworking: validating webhook (v1.17.5)', () => {
  test('a complete PodNetworking is allowed with "checked"', () => {
    expect(admitPodNetworking(pn())).toMatchObject({ allowed: true, reason: 'checked', stage: 'webhook' });
    expect(admitPodNetworking(pn({ securityGroupIDs: sgs(10) })).allowed).toBe(true);
    expect(admitPodNetworking(pn({ allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '5m0s' } })).allowed).toBe(true);
    expect(admitPodNetworking(pn({ allocationType: { type: 'Fixed', releaseStrategy: 'Never' } })).allowed).toBe(true);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['no vSwitchOptions', { vSwitchOptions: undefined }, 'vSwitchOptions is not set'],
    ['empty vSwitchOptions', { vSwitchOptions: [] }, 'vSwitchOptions is not set'],
    ['no securityGroupIDs', { securityGroupIDs: undefined }, 'security group is not set'],
    ['empty securityGroupIDs', { securityGroupIDs: [] }, 'security group is not set'],
    ['11 security groups', { securityGroupIDs: sgs(11) }, 'security group can not more than 10'],
    ['TTL with a non-duration', { allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '5 minutes' } }, 'invalid releaseAfter 5 minutes'],
    ['TTL with days', { allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '1d' } }, 'invalid releaseAfter 1d'],
    ['TTL without releaseAfter', { allocationType: { type: 'Fixed', releaseStrategy: 'TTL' } }, 'invalid releaseAfter '],
    ['TTL with empty releaseAfter', { allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '' } }, 'invalid releaseAfter '],
    ['Never with releaseAfter', { allocationType: { type: 'Fixed', releaseStrategy: 'Never', releaseAfter: '10m' } }, 'releaseAfter must be empty when releaseStrategy is never'],
  ])('%s is denied', (_what, spec, reason) => {
    expect(admitPodNetworking(pn(spec))).toMatchObject({ allowed: false, reason, stage: 'webhook' });
  });

  test('denials come in Terway\'s order (first failing check wins)', () => {
    expect(admitPodNetworking(pn({ vSwitchOptions: [], securityGroupIDs: [] })).reason).toBe('vSwitchOptions is not set');
    expect(admitPodNetworking(pn({ securityGroupIDs: sgs(11), allocationType: { releaseStrategy: 'TTL', releaseAfter: 'x' } })).reason).toBe('security group can not more than 10');
  });

  test('releaseAfter: no 5-minute minimum, negative durations pass, releaseAfter without a strategy is ignored', () => {
    expect(admitPodNetworking(pn({ allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '1s' } })).allowed).toBe(true);
    expect(admitPodNetworking(pn({ allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '-1h' } })).allowed).toBe(true);
    expect(admitPodNetworking(pn({ allocationType: { type: 'Elastic', releaseAfter: 'garbage' } })).allowed).toBe(true);
  });

  test('without selector: allowed at v1.17.5 (enableWebhookInjectResource defaults to true), denied for non-Default eniType when it is false', () => {
    for (const eniType of ['Default', 'Trunk', 'ENI']) {
      expect(admitPodNetworking(pn({ selector: undefined, eniOptions: { eniType } })).allowed).toBe(true);
    }
    const off = { enableWebhookInjectResource: false };
    expect(admitPodNetworking(pn({ selector: {}, eniOptions: { eniType: 'Trunk' } }), off)).toMatchObject({
      allowed: false, reason: 'attachType must be default when podSelector and namespaceSelector are not set',
    });
    expect(admitPodNetworking(pn({ selector: undefined, eniOptions: { eniType: 'ENI' } }), off).allowed).toBe(false);
    expect(admitPodNetworking(pn({ selector: undefined, eniOptions: { eniType: 'Default' } }), off).allowed).toBe(true);
    // eniOptions omitted: the schema default makes it Default
    expect(admitPodNetworking(pn({ selector: undefined, eniOptions: undefined }), off).allowed).toBe(true);
    // an empty selector object is "set"
    expect(admitPodNetworking(pn({ selector: { podSelector: {} }, eniOptions: { eniType: 'Trunk' } }), off).allowed).toBe(true);
  });

  test('version behaviour of the selector, security-group and releaseAfter rules', () => {
    const trunkNoSelector = pn({ selector: undefined, eniOptions: { eniType: 'Trunk' } });
    const attach = 'attachType must be default when podSelector and namespaceSelector are not set';
    expect(admitPodNetworking(trunkNoSelector, { terwayVersion: '1.13.4' }).reason).toBe('neither the PodSelector nor the NamespaceSelector is set');
    expect(admitPodNetworking(pn({ selector: undefined }), { terwayVersion: 'v1.13.4' }).reason).toBe('neither the PodSelector nor the NamespaceSelector is set');
    expect(admitPodNetworking(trunkNoSelector, { terwayVersion: '1.13.7' }).reason).toBe(attach);
    expect(admitPodNetworking(trunkNoSelector, { terwayVersion: 'v1.16.0' }).reason).toBe(attach);
    expect(admitPodNetworking(trunkNoSelector, { terwayVersion: '1.16.1' }).allowed).toBe(true);
    expect(admitPodNetworking(trunkNoSelector, { terwayVersion: '1.16.1', enableWebhookInjectResource: false }).reason).toBe(attach);
    expect(admitPodNetworking(pn({ selector: undefined }), { terwayVersion: '1.13.7' }).allowed).toBe(true);

    expect(admitPodNetworking(pn({ securityGroupIDs: sgs(6) }), { terwayVersion: '1.13.4' }).reason).toBe('security group can not more than 5');
    expect(admitPodNetworking(pn({ securityGroupIDs: sgs(6) }), { terwayVersion: '1.13.7' }).allowed).toBe(true);

    const never = pn({ allocationType: { type: 'Fixed', releaseStrategy: 'Never', releaseAfter: '1h' } });
    expect(admitPodNetworking(never, { terwayVersion: '1.13.4' }).allowed).toBe(true);
    expect(admitPodNetworking(never, { terwayVersion: '1.13.7' }).reason).toBe('releaseAfter must be empty when releaseStrategy is never');

    const badTtl = pn({ allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: 'soon' } });
    expect(admitPodNetworking(badTtl, { terwayVersion: '1.9.17' }).allowed).toBe(true);
    expect(admitPodNetworking(badTtl, { terwayVersion: '1.10.0' }).reason).toBe('invalid releaseAfter soon');

    expect(() => admitPodNetworking(pn(), { terwayVersion: '1.1.0' })).toThrow(/not modelled/);
    expect(() => admitPodNetworking(pn(), { terwayVersion: 'latest' })).toThrow(/invalid terwayVersion/);
  });
});

describe('admitPodNetworking: schema and mutating webhook', () => {
  test('the API server rejects schema violations before the webhook sees them', () => {
    expect(admitPodNetworking(pn({ allocationType: { type: 'Sticky' } }))).toMatchObject({
      allowed: false,
      stage: 'schema',
      reason: 'PodNetworking/pn: spec.allocationType.type: must be equal to one of the allowed values: Elastic, Fixed',
    });
    expect(admitPodNetworking({ ...pn(), metadata: { name: 'pn', namespace: 'default' } })).toMatchObject({ allowed: false, stage: 'schema' });
    expect(admitPodNetworking(pn({ eniOptions: { eniType: 'trunk' }, vSwitchOptions: [] })).stage).toBe('schema');
  });

  test('schema defaults are applied before validation (eniOptions, allocationType.type, vSwitchSelectOptions)', () => {
    const result = admitPodNetworking(pn({ eniOptions: undefined, allocationType: {} }));
    expect(result.allowed).toBe(true);
    expect(result.object.spec).toMatchObject({
      eniOptions: { eniType: 'Default' }, allocationType: { type: 'Elastic' }, vSwitchSelectOptions: { vSwitchSelectionPolicy: 'ordered' },
    });
  });

  test('empty vSwitchOptions/securityGroupIDs are filled from the base eni-config (sorted), set ones are kept', () => {
    const eniConf = { security_group: 'sg-b', security_groups: ['sg-c', 'sg-a', 'sg-b'], vswitches: { 'cn-hangzhou-j': ['vsw-z', 'vsw-b'], 'cn-hangzhou-h': ['vsw-a'] } };
    const filled = admitPodNetworking(pn({ securityGroupIDs: undefined, vSwitchOptions: [] }), { eniConf });
    expect(filled.allowed).toBe(true);
    expect(filled.object.spec.securityGroupIDs).toEqual(['sg-a', 'sg-b', 'sg-c']);
    expect(filled.object.spec.vSwitchOptions).toEqual(['vsw-a', 'vsw-b', 'vsw-z']);
    const kept = admitPodNetworking(pn({ securityGroupIDs: ['sg-own'], vSwitchOptions: undefined }), { eniConf: JSON.stringify(eniConf) });
    expect(kept.object.spec.securityGroupIDs).toEqual(['sg-own']);
    expect(kept.object.spec.vSwitchOptions).toEqual(['vsw-a', 'vsw-b', 'vsw-z']);
    // the input is never modified
    const input = pn({ vSwitchOptions: undefined });
    admitPodNetworking(input, { eniConf });
    expect(input.spec.vSwitchOptions).toBeUndefined();
  });

  test('no eni-config, or one the controlplane cannot load, means no fill-in and a denial', () => {
    expect(admitPodNetworking(pn({ vSwitchOptions: undefined })).reason).toBe('vSwitchOptions is not set');
    expect(admitPodNetworking(pn({ vSwitchOptions: undefined }), { eniConf: '{not json' }).reason).toBe('vSwitchOptions is not set');
    const tooMany = { security_groups: sgs(11), vswitches: { z: ['vsw-1'] } };
    expect(admitPodNetworking(pn({ vSwitchOptions: undefined }), { eniConf: tooMany }).reason).toBe('vSwitchOptions is not set');
    expect(admitPodNetworking(pn({ securityGroupIDs: undefined }), { eniConf: { vswitches: { z: ['vsw-1'] } } }).reason).toBe('security group is not set');
    // 6 SGs were too many for the pre-1.13.7 controlplane
    expect(admitPodNetworking(pn({ securityGroupIDs: undefined }), { eniConf: { security_groups: sgs(6) }, terwayVersion: '1.13.4' }).reason).toBe('security group is not set');
  });
});

describe('parseGoDuration (Go time.ParseDuration)', () => {
  test.each<[string, bigint | undefined]>([
    ['0', 0n], ['+0', 0n], ['-0', 0n], ['5m', 300_000_000_000n], ['5m0s', 300_000_000_000n], ['2h45m', 9_900_000_000_000n],
    ['1.5h', 5_400_000_000_000n], ['.5s', 500_000_000n], ['1.s', 1_000_000_000n], ['-1s', -1_000_000_000n], ['+1s', 1_000_000_000n],
    ['1h1m1s1ms1us1ns', 3_661_001_001_001n], ['3\u00b5s', 3000n], ['3\u03bcs', 3000n], ['1.0000000001s', 1_000_000_000n],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n], ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
    ['', undefined], ['5', undefined], ['1d', undefined], ['1 h', undefined], ['.s', undefined], ['-', undefined],
    ['s', undefined], ['1h-1m', undefined], ['9223372036854775808ns', undefined], ['2562048h', undefined], ['1e3s', undefined],
    ['5M', undefined], ['1.5.5s', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseGoDuration(input)).toBe(expected);
  });
});

describe('labelSelectorMatches (Kubernetes LabelSelector semantics)', () => {
  const labels = { app: 'db', tier: 'backend', empty: '' };
  test.each<[string, LabelSelector, boolean]>([
    ['empty selector', {}, true],
    ['empty matchLabels', { matchLabels: {} }, true],
    ['matchLabels hit', { matchLabels: { app: 'db' } }, true],
    ['matchLabels all must hold', { matchLabels: { app: 'db', tier: 'frontend' } }, false],
    ['matchLabels missing key', { matchLabels: { zone: 'a' } }, false],
    ['matchLabels empty value', { matchLabels: { empty: '' } }, true],
    ['In hit', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'backend'] }] }, true],
    ['In wrong value', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] }, false],
    ['In missing key', { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, false],
    ['NotIn listed value', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] }, false],
    ['NotIn other value', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['frontend'] }] }, true],
    ['NotIn missing key', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    ['Exists present', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    ['Exists present with empty value', { matchExpressions: [{ key: 'empty', operator: 'Exists', values: [] }] }, true],
    ['Exists missing', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
    ['DoesNotExist missing', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, true],
    ['DoesNotExist present', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    ['labels and expressions ANDed', { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] }, false],
  ])('%s', (_what, selector, expected) => {
    expect(labelSelectorMatches(selector, labels)).toBe(expected);
  });

  test('invalid selectors throw, as LabelSelectorAsSelector errors', () => {
    expect(() => labelSelectorMatches({ matchExpressions: [{ key: 'a', operator: 'In' }] }, {})).toThrow("for 'in', 'notin' operators, values set can't be empty");
    expect(() => labelSelectorMatches({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] }, {})).toThrow(/can't be empty/);
    expect(() => labelSelectorMatches({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, {})).toThrow('values set must be empty for exists and does not exist');
    expect(() => labelSelectorMatches({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, {})).toThrow('"in" is not a valid label selector operator');
    expect(() => labelSelectorMatches({ matchLabels: { 'bad key': 'x' } }, {})).toThrow(/invalid label key/);
    expect(() => labelSelectorMatches({ matchLabels: { ok: 'bad value' } }, {})).toThrow(/invalid label value/);
  });

  test('properties: NotIn is the negation of In, DoesNotExist of Exists, matchLabels equals In with one value', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const value = fc.constantFrom('x', 'y', 'z');
    const labelSet = fc.dictionary(key, value);
    fc.assert(fc.property(labelSet, key, fc.uniqueArray(value, { minLength: 1 }), (l, k, vs) => {
      const inSel = labelSelectorMatches({ matchExpressions: [{ key: k, operator: 'In', values: vs }] }, l);
      const notIn = labelSelectorMatches({ matchExpressions: [{ key: k, operator: 'NotIn', values: vs }] }, l);
      const exists = labelSelectorMatches({ matchExpressions: [{ key: k, operator: 'Exists' }] }, l);
      const notExists = labelSelectorMatches({ matchExpressions: [{ key: k, operator: 'DoesNotExist' }] }, l);
      const eq = labelSelectorMatches({ matchLabels: { [k]: vs[0] } }, l);
      const in1 = labelSelectorMatches({ matchExpressions: [{ key: k, operator: 'In', values: [vs[0]] }] }, l);
      return notIn === !inSel && notExists === !exists && eq === in1 && (!inSel || exists);
    }));
  });
});

describe('podNetworkingMatchesPod (pod webhook selector matching)', () => {
  const pod = (labels: Record<string, string>, ownerKinds?: string[]) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels, ...(ownerKinds ? { ownerReferences: ownerKinds.map((kind) => ({ apiVersion: 'apps/v1', kind, name: 'o', uid: 'u' })) } : {}) },
  });
  const nsLabels = { env: 'prod' };
  const sel = (podSelector?: LabelSelector, namespaceSelector?: LabelSelector) => pn({ selector: { podSelector, namespaceSelector } });

  // [podSelector, namespaceSelector] × pod matches × namespace matches
  const podYes = { matchLabels: { app: 'db' } };
  const podNo = { matchLabels: { app: 'web' } };
  const nsYes = { matchLabels: { env: 'prod' } };
  const nsNo = { matchLabels: { env: 'dev' } };
  test.each<[string, LabelSelector | undefined, LabelSelector | undefined, boolean]>([
    ['neither selector', undefined, undefined, false],
    ['pod selector only, matching', podYes, undefined, true],
    ['pod selector only, not matching', podNo, undefined, false],
    ['namespace selector only, matching', undefined, nsYes, true],
    ['namespace selector only, not matching', undefined, nsNo, false],
    ['both, both matching', podYes, nsYes, true],
    ['both, pod not matching', podNo, nsYes, false],
    ['both, namespace not matching', podYes, nsNo, false],
    ['both, neither matching', podNo, nsNo, false],
    ['empty pod selector matches every pod', {}, undefined, true],
    ['empty namespace selector matches every namespace', undefined, {}, true],
  ])('%s', (_what, podSelector, namespaceSelector, expected) => {
    expect(podNetworkingMatchesPod(sel(podSelector, namespaceSelector), pod({ app: 'db' }), nsLabels)).toBe(expected);
  });

  test('no spec.selector at all never matches', () => {
    expect(podNetworkingMatchesPod(pn({ selector: undefined }), pod({ app: 'db' }), nsLabels)).toBe(false);
    expect(podNetworkingMatchesPod(pn({ selector: { podSelector: null, namespaceSelector: null } }), pod({ app: 'db' }), nsLabels)).toBe(false);
  });

  test('Fixed PodNetworkings only match fixed-name pods', () => {
    const fixed = pn({ allocationType: { type: 'Fixed' } });
    const elastic = pn({ allocationType: { type: 'Elastic' } });
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }), nsLabels)).toBe(true); // no owners
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['StatefulSet']), nsLabels)).toBe(true);
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['ReplicaSet']), nsLabels)).toBe(false);
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['Job']), nsLabels)).toBe(false);
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['DaemonSet']), nsLabels)).toBe(false);
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['ReplicaSet', 'StatefulSet']), nsLabels)).toBe(true);
    expect(podNetworkingMatchesPod(elastic, pod({ app: 'db' }, ['ReplicaSet']), nsLabels)).toBe(true);
    // custom stateful kinds, compared case-sensitively
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['CloneSet']), nsLabels, { customStatefulWorkloadKinds: ['CloneSet'] })).toBe(true);
    expect(podNetworkingMatchesPod(fixed, pod({ app: 'db' }, ['CloneSet']), nsLabels, { customStatefulWorkloadKinds: ['cloneset'] })).toBe(false);
    expect(isFixedNamePod(pod({}, []))).toBe(true);
    expect(isFixedNamePod(pod({}, ['statefulset']))).toBe(false);
  });

  test('the first matching PodNetworking in list order wins', () => {
    const a = pn({ selector: { podSelector: podNo } }, 'a');
    const b = pn({ selector: { namespaceSelector: nsYes } }, 'b');
    const c = pn({ selector: { podSelector: podYes } }, 'c');
    expect(firstMatchingPodNetworking([a, b, c], pod({ app: 'db' }), nsLabels)?.metadata.name).toBe('b');
    expect(firstMatchingPodNetworking([a], pod({ app: 'db' }), nsLabels)).toBeUndefined();
  });

  test('an invalid selector throws (the webhook errors)', () => {
    expect(() => podNetworkingMatchesPod(sel({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }), pod({}), nsLabels)).toThrow(/not a valid label selector operator/);
  });
});
