/**
 * Property-based hardening of the pod EIP constructs (issue 18): `EipControllerValues`,
 * `PodEipWorkloads.addWorkload` and `PodEipPolicy` are driven with generated inputs (wrong
 * JavaScript types, null/NaN/undefined, out-of-enum strings, numbers past their bounds, duplicates,
 * Terraform `${…}` tokens, valid alternatives). Every case must end in
 * - an Error whose message names the construct path (InputError: also the property), never a raw
 *   TypeError/RangeError, or
 * - a rule error (a TW-* rule ID), or
 * - output the real systems accept: a values file with only documented chart keys (plus the
 *   caller's additionalValues) and bounded numbers; pod templates that pass the upstream Kubernetes
 *   schemas; Terraform that conforms to the pinned provider schema.
 * Rerun one case with FC_SEED=<seed>; FC_RUNS_FACTOR=<n> multiplies the runs.
 */
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Chart } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import {
  alicloud, BusinessPortProtocol, EipControllerValues, EipControllerValuesProps, EipInternetChargeType, PodEipImplementation, PodEipPolicy,
  PodEipPolicyProps, PodEipWorkloads, ValidationReport,
} from '../../src';
import { InputError } from '../../src/domain/input';
import { params } from '../support/fc-params';
import { validateManifest } from '../support/k8s-schemas';
import { chart, deployment, findings, statefulSet } from '../support/plane-fixtures';
import { conformanceErrors } from '../support/terraform-schema';

const RAW = [TypeError, RangeError, SyntaxError, ReferenceError];
const TOKEN = '${TfToken[TOKEN.42]}';

/** Values of every JavaScript class a caller can pass, and the boundary numbers of these constructs. */
const WEIRD: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -1, 0, 1.5, 1e21, 2 ** 53, 2147483648, 3.5e38, '', ' ', 'false', 'true', '5',
    TOKEN, [], {}, [null], ['Deployment'], ['GameServerSet', 'GameServerSet'], { a: undefined }, true, false, 'a'.repeat(300)),
  fc.string({ maxLength: 10 }).filter((s) => !s.includes('${')),
  fc.integer(),
  fc.double(),
);

type Changes = Array<[string, unknown]>;
/** Up to three (key, value) changes of a flat set of keys. */
const changes = (keys: string[], valid: fc.Arbitrary<unknown>): fc.Arbitrary<Changes> =>
  fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof({ weight: 3, arbitrary: WEIRD }, { weight: 2, arbitrary: valid })), { maxLength: 3 });
const apply = <T extends object>(base: T, list: Changes): T => Object.assign({}, base, Object.fromEntries(list));

/** A thrown error must be clear: not a raw JavaScript error, naming where it happened. */
function expectClearError(e: unknown, where: string): void {
  expect(e).toBeInstanceOf(Error);
  expect(RAW.some((t) => (e as Error).constructor === t)).toBe(false);
  expect((e as Error).message).toContain(where);
  if (e instanceof InputError) expect(e.property.length).toBeGreaterThan(0);
}

// Keys of the documented parameter table and sample of "Associate an exclusive EIP with a pod"
// (https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1).
const DOCUMENTED = new Set([
  'clusterID', 'regionID', 'vpcID', 'enableControllers', 'networkController.vpcid', 'networkController.customStatefulWorkloadKinds',
  'networkController.eipController.maxConcurrentReconciles', 'networkController.eipController.garbageCollectionPeriodInMinutes',
  'enableVirtualNode', 'enableRRSA', 'rrsaRoleName', 'kubeClientQPS', 'kubeClientBurst',
]);
const leaves = (v: unknown, prefix = ''): Array<[string, unknown]> => (typeof v === 'object' && v !== null && !Array.isArray(v)
  ? Object.entries(v).flatMap(([k, x]) => leaves(x, prefix === '' ? k : `${prefix}.${k}`)) : [[prefix, v]]);

const VALUES_BASE: EipControllerValuesProps = { chartVersion: 'v0.12.2', clusterId: 'c0123', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1abc0000' };
const VALUE_KEYS = ['chartVersion', 'clusterId', 'regionId', 'vpcId', 'maxConcurrentReconciles', 'garbageCollectionPeriodInMinutes', 'customStatefulWorkloadKinds',
  'enableVirtualNode', 'enableRrsa', 'rrsaRoleName', 'kubeClientQps', 'kubeClientBurst', 'additionalValues'];
const VALID_VALUE = fc.oneof(
  fc.constantFrom<unknown>('v0.3.0', 'v0.10.0', 'latest', 5, 2147483647, 20.5, ['CloneSet'], 'eip-role', true, false,
    { image: { tag: 'v1' } }, { enableRRSA: true }, { kubeClientQPS: '5' }, { networkController: { vpcid: 'vpc-other' } }, { credential: { accessKey: 'x' } }),
);

describe('pod EIP hardening properties', () => {
  test('EipControllerValues: clear error, rule error, or a values file of documented keys with bounded numbers', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const seen = { error: 0, rule: 0, valid: 0 };
    fc.assert(fc.property(changes(VALUE_KEYS, VALID_VALUE), (list) => {
      const props = apply(VALUES_BASE, list);
      let values: EipControllerValues;
      try {
        values = new EipControllerValues(props);
      } catch (e) {
        expectClearError(e, 'EipControllerValues');
        seen.error++;
        return;
      }
      if (values.findings().some((f) => f.rule.severity === 'error')) {
        expect(() => values.toYaml()).toThrow(/\[TW-EIP-0\d\d\]/);
        seen.rule++;
        return;
      }
      seen.valid++;
      const text = values.toYaml();
      expect(values.toYaml()).toBe(text);
      const extra = new Set(leaves(props.additionalValues ?? {}).map(([p]) => p));
      for (const [p, v] of leaves(parse(text))) {
        expect({ p, known: DOCUMENTED.has(p) || extra.has(p) }).toEqual({ p, known: true });
        if (typeof v === 'number') expect(Math.abs(v)).toBeLessThanOrEqual(3.4028234663852886e38);
        if (['networkController.eipController.maxConcurrentReconciles', 'networkController.eipController.garbageCollectionPeriodInMinutes', 'kubeClientBurst'].includes(p)) {
          expect(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2147483647).toBe(true);
        }
        if (p === 'networkController.customStatefulWorkloadKinds') expect(v).not.toContain('Deployment');
      }
      expect(text).not.toMatch(/e\+\d/);
    }), params<[Changes]>(150, [[[]], [[['kubeClientBurst', 1e21]]], [[['chartVersion', 'v0.9.0'], ['enableRrsa', true], ['rrsaRoleName', 'r']]],
      [[['additionalValues', { x: cyclic }]]], [[['additionalValues', { f: () => 1 }]]]]));
    expect(Math.min(seen.error, seen.rule, seen.valid)).toBeGreaterThan(0);
  });

  const OPTION_KEYS = ['existingEipId', 'bandwidth', 'internetChargeType', 'instanceChargeType', 'commonBandwidthPackageId', 'isp', 'publicIpAddressPoolId',
    'resourceGroupId', 'name', 'description', 'securityProtectionTypes', 'tags', 'releaseStrategy', 'readinessGate'];
  const VALID_OPTION = fc.constantFrom<unknown>(5, 200, 201, 500, 'PayByBandwidth', EipInternetChargeType.PAY_BY_TRAFFIC, 'PostPaid', 'BGP', 'eip-bp1abc', 'cbwp-bp1abc',
    'rg-abc', 'game', ['AntiDDoS_Enhanced'], { team: 'games' }, 'Never', '10m', 'Follow', TOKEN);
  const WORKLOADS: Array<(c: Chart) => unknown> = [
    (c) => deployment(c, 'Web'), (c) => statefulSet(c, 'Game'), () => undefined, () => null, () => 5, () => ({}), () => [], () => true, () => 'web',
  ];

  test('PodEipWorkloads.addWorkload: clear error, rule error, or pod templates that pass the Kubernetes schemas', () => {
    const seen = { error: 0, rule: 0, valid: 0 };
    fc.assert(fc.property(fc.nat(WORKLOADS.length - 1), fc.constantFrom('v0.3.0', 'v0.12.2'), changes(OPTION_KEYS, VALID_OPTION), (w, chartVersion, list) => {
      const c = chart();
      const eips = new PodEipWorkloads(c, 'Eips', { controllerValues: new EipControllerValues({ ...VALUES_BASE, chartVersion }) });
      try {
        eips.addWorkload(WORKLOADS[w](c) as any, apply({}, list));
      } catch (e) {
        expectClearError(e, 'Eips');
        seen.error++;
        return;
      }
      const errors = findings(c).filter((f) => f.severity === 'error');
      if (errors.length > 0) {
        for (const f of errors) expect(f.ruleId).toMatch(/^TW-/);
        seen.rule++;
        return;
      }
      seen.valid++;
      for (const obj of c.toJson()) expect(validateManifest(obj)).toEqual([]);
    }), params<[number, string, Changes]>(120, [[0, 'v0.12.2', []], [2, 'v0.12.2', []], [0, 'v0.3.0', [['tags', { a: 'b' }]]], [0, 'v0.12.2', [['bandwidth', 2 ** 53]]]]));
    expect(Math.min(seen.error, seen.rule, seen.valid)).toBeGreaterThan(0);
  });

  const EXISTING = { clusterId: 'c0123456789abcdef', vpcId: 'vpc-bp1abc000000', workerRamRoleName: 'Worker', securityGroupId: 'sg-bp1abc000000', terwayVersion: 'v1.6.4' };
  const POLICY_KEYS = ['policyName', 'port.protocol', 'port.portRange', 'port.sourceCidrIp', 'rrsa.serviceAccountNamespace', 'rrsa.serviceAccountName',
    'rrsa.kubeSystemInjectionLabel', 'release.namespace', 'release.releaseName', 'controller.kubeClientQps', 'implementation'];
  const VALID_POLICY = fc.constantFrom<unknown>('pod-eip', 'PodEip', 'tcp', 'udp', '22', '3000/4000', '7777', '0.0.0.0/0', '10.0.0.0/8', 'kube-system',
    'ack-extend-network-controller', true, 'kube-system', 'eip-controller', 5, PodEipImplementation.LEGACY_TERWAY, 'a'.repeat(64));

  test('PodEipPolicy: clear error, rule error, or Terraform that conforms to the pinned provider schema', () => {
    const seen = { error: 0, rule: 0, valid: 0 };
    fc.assert(fc.property(fc.boolean(), fc.boolean(), changes(POLICY_KEYS, VALID_POLICY), (withRrsa, withRelease, list) => {
      const get = (k: string, d: unknown) => (list.filter(([key]) => key === k).pop() ?? [k, d])[1];
      const stack = new TerraformStack(Testing.app(), 'test');
      new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      const legacy = get('implementation', undefined) === PodEipImplementation.LEGACY_TERWAY;
      if (withRelease) new HelmProvider(stack, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
      const props: PodEipPolicyProps = {
        implementation: get('implementation', undefined) as any,
        clusterInfo: EXISTING,
        policyName: get('policyName', undefined) as any,
        controller: legacy ? undefined : { chartVersion: 'v0.12.2', regionId: 'cn-hangzhou', kubeClientQps: get('controller.kubeClientQps', undefined) as any },
        businessPorts: [{
          protocol: get('port.protocol', BusinessPortProtocol.UDP) as any,
          portRange: get('port.portRange', '7000/7100') as any,
          sourceCidrIp: get('port.sourceCidrIp', '0.0.0.0/0') as any,
        }],
        rrsa: withRrsa && !legacy ? {
          roleName: 'eip-controller',
          accountId: '123',
          oidcIssuerUrl: 'https://oidc.example.com/c1',
          serviceAccountNamespace: get('rrsa.serviceAccountNamespace', undefined) as any,
          serviceAccountName: get('rrsa.serviceAccountName', undefined) as any,
          kubeSystemInjectionLabel: get('rrsa.kubeSystemInjectionLabel', true) as any,
        } : undefined,
        helmRelease: withRelease && !legacy ? {
          repository: 'oci://registry.example.com/charts',
          namespace: get('release.namespace', 'kube-system') as any,
          releaseName: get('release.releaseName', undefined) as any,
        } : undefined,
      };
      let policy: PodEipPolicy;
      try {
        policy = new PodEipPolicy(stack, 'PodEip', props);
      } catch (e) {
        expectClearError(e, 'test/PodEip');
        seen.error++;
        return;
      }
      const report = ValidationReport.of(stack);
      if (report.errors.length > 0) {
        expect(() => Testing.synth(stack, true)).toThrow(/\[TW-[A-Z]+-\d{3}\]/);
        seen.rule++;
        return;
      }
      seen.valid++;
      const json = JSON.parse(Testing.synth(stack, true));
      expect(conformanceErrors(json)).toEqual([]);
      expect(policy.attachedRoleNames.length).toBe(1);
      const rule = Object.values(json.resource.alicloud_security_group_rule ?? {})[0] as any;
      const [from, to] = String(rule.port_range).split('/').map(Number);
      const admin = rule.cidr_ip === '0.0.0.0/0' && [22, 3389].some((p) => from <= p && p <= to);
      expect(report.warnings.some((f) => f.ruleId === 'TW-SG-004')).toBe(admin);
    }), params<[boolean, boolean, Changes]>(60, [[false, false, []], [true, true, [['rrsa.serviceAccountNamespace', 'a'.repeat(300)]]], [true, false, [['rrsa.kubeSystemInjectionLabel', undefined]]]]));
    expect(Math.min(seen.error, seen.rule, seen.valid)).toBeGreaterThan(0);
  });
});
