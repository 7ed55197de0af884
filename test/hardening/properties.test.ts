/**
 * Property-based hardening (issue 9, "Done means"): every public construct and reader is driven
 * with generated inputs (wrong JavaScript types, missing fields, null, NaN, strings for booleans,
 * out-of-enum strings, huge and negative numbers, plus valid alternatives). Every case must end in
 * - an InputError (or Error) whose message names the construct path or entry point (and, for
 *   InputError, the property), or
 * - a rule error (a ValidationReport error with a TW-* rule ID), or
 * - output that passes the in-repo checks: the pinned provider schema for Terraform, the upstream
 *   Kubernetes and PodNetworking CRD schemas for manifests.
 * Never a raw TypeError/RangeError. fast-check prints the seed and path of a failing case; rerun
 * one with FC_SEED=<seed>; FC_RUNS_FACTOR=<n> multiplies every property's runs (for a longer hunt).
 */
import * as os from 'os';
import { Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { LocalBackend, TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  Acknowledgements, alicloud, EniConfig, KubernetesManifests, KubernetesManifestsProps, PodNetworkingPlane, PodNetworkingPlaneProps,
  PodNetworkingPlaneResources,
  PodNetworkingPlaneResourcesProps, RuleCatalog, TerwayCluster, TerwayClusterOutputs, TerwayClusterProps, TerwayNodePoolOptions, ValidationReport,
} from '../../src';
import { InputError } from '../../src/domain/input';
import { validProps } from '../support/cluster-fixtures';
import { params } from '../support/fc-params';
import { validateManifest } from '../support/k8s-schemas';
import { planeProps } from '../support/plane-fixtures';
import { conformanceErrors, loadPinnedSchema } from '../support/terraform-schema';

const SCHEMA = loadPinnedSchema();

/** Values of every JavaScript class a caller can pass (never `${`, which marks Terraform expressions). */
const WEIRD: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -Infinity, -1, 0, 1.5, 1e308, -1e9, 2 ** 53, '', ' ', 'false', 'true', 'NONE',
    'null', 'undefined', '[object Object]', 'TCP', '1/65536', '10.0.0.0/33', [], {}, [null], [undefined], { a: undefined }, { a: 1 }, true, false),
  fc.string({ maxLength: 12 }).filter((s) => !s.includes('${')),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }).filter((s) => !s.includes('${')), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }).filter((s) => !s.includes('${')), fc.constant(undefined), fc.integer()), { maxKeys: 3 }),
);

type Path = ReadonlyArray<string | number>;
type Changes = Array<[Path, unknown]>;

/** Mutations: up to three (path, value) pairs, values weird or valid alternatives. */
function mutations(paths: ReadonlyArray<Path>, valid: fc.Arbitrary<unknown>): fc.Arbitrary<Changes> {
  return fc.array(fc.tuple(fc.constantFrom(...paths), fc.oneof({ weight: 3, arbitrary: WEIRD }, { weight: 2, arbitrary: valid })), { maxLength: 3 });
}

/** The three fixed examples of a one-argument property: no change (output), a bad shape (error), a rule break (rule). */
function endings(badShape: [Path, unknown], ruleBreak: [Path, unknown]): Array<[Changes]> {
  return [[[]], [[badShape]], [[ruleBreak]]];
}

function mutate<T>(base: T, changes: Changes): T {
  const copy = JSON.parse(JSON.stringify(base));
  for (const [path, value] of changes) {
    let target: any = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target !== 'object' || target === null) break;
      target = target[key];
    }
    // A copy: a later change must never write into fast-check's generated value (two changes
    // sharing one generated object would otherwise make it cyclic, in this and later runs).
    if (typeof target === 'object' && target !== null) target[path[path.length - 1]] = structuredClone(value);
  }
  return copy;
}

const RAW = [TypeError, RangeError, SyntaxError, ReferenceError];

/** How the cases of one property ended; each property must reach all three endings. */
type Tally = { error: number; rule: number; output: number };
const tally = (): Tally => ({ error: 0, rule: 0, output: 0 });

/** A thrown value is acceptable when it is an Error that names where it happened. */
function expectCleanError(e: unknown, where: string, count?: Tally): void {
  if (count) count.error++;
  if (!(e instanceof Error) || RAW.some((t) => e instanceof t)) {
    throw new Error(`raw exception instead of a clear error: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
  }
  if (!e.message.includes(where)) throw new Error(`error does not name ${where}: ${e.message}`);
  if (e instanceof InputError && e.property.length === 0) throw new Error(`InputError without a property: ${e.message}`);
}

/** Rule errors are fine; a clean report must come with output that passes the schema checks. */
function expectRuleErrorOr(report: ValidationReport, output: () => string[], count: Tally): void {
  count[report.errors.length > 0 ? 'rule' : 'output']++;
  if (report.errors.length > 0) {
    for (const f of report.errors) expect(f.ruleId).toMatch(/^TW-[A-Z0-9]+-\d{3}$/);
    return;
  }
  const problems = output();
  if (problems.length > 0) throw new Error(`output fails the in-repo checks:\n${problems.join('\n')}`);
}

function stackWithProvider(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'p');
  new LocalBackend(stack, { path: 'terraform.p.tfstate' });
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return stack;
}

function terraformProblems(stack: TerraformStack): string[] {
  let json: string;
  try {
    // The report above already ran the library's rules; synthesize without running them twice.
    json = Testing.synth(stack);
  } catch (e) {
    return [`synth failed after a clean report: ${(e as Error).message}`];
  }
  return conformanceErrors(json, SCHEMA);
}

function manifestProblems(chart: Chart): string[] {
  return chart.toJson().flatMap((obj) => validateManifest(obj));
}

const CLUSTER_PATHS: Path[] = [
  ['clusterName'], ['kubernetesVersion'], ['clusterSpec'], ['vpc'], ['vpc', 'cidrBlock'], ['vpc', 'vpcId'], ['vpc', 'enableIpv6'],
  ['vpc', 'secondaryCidrBlocks'], ['zones'], ['zones', 0], ['zones', 0, 'zoneId'], ['zones', 1, 'zoneId'], ['zones', 0, 'nodeVSwitches'],
  ['zones', 0, 'podVSwitches', 0], ['zones', 0, 'podVSwitches', 0, 'cidrBlock'], ['zones', 1, 'podVSwitches', 0, 'vswitchId'],
  ['serviceCidr'], ['proxyMode'], ['ipStack'], ['networkPolicy'], ['acceleration'], ['trunkEni'], ['clusterDomain'], ['deletionProtection'],
  ['natGateway'], ['natGateway', 'enabled'], ['natGateway', 'eipBandwidth'], ['natGateway', 'natGatewayId'], ['natGateway', 'snatIp'],
  ['natGateway', 'snatTableId'], ['expectedPodCount'], ['securityGroupId'], ['enableRrsa'], ['terwayVersion'], ['additionalAddons'],
  ['additionalAddons', 0], ['additionalAddons', 0, 'name'], ['tags'], ['tags', 'team'], ['outputPrefix'],
];
const CLUSTER_VALID = fc.constantFrom<unknown>('ack.standard', 'ipvs', 'iptables', 'dual', 'datapathv2', 'none', 'ipvlan', true, false,
  '1.30.1-aliyun.1', 'v1.16.7', 'vpc-bp1existing0001', 'vsw-bp1pod0000009', 'ngw-bp1abcd1234', 'stb-bp1abcd1234', '47.96.1.10',
  '192.168.0.0/16', '172.22.0.0/20', 100, 6000, 'corp.example', { name: 'csi-plugin' }, { enabled: true }, 'cn-hangzhou-k', 'cn-shanghai-b');

/** A one-zone cluster keeps the node-pool and plane-resource runs fast. */
const ONE_ZONE: TerwayClusterProps = validProps({ zones: validProps().zones.slice(0, 1) });

const POOL_BASE: TerwayNodePoolOptions = { nodePoolName: 'workers', instanceTypes: ['ecs.g7.xlarge'], desiredSize: 2, labels: { team: 'web' }, taints: [{ key: 'dedicated', effect: 'NoSchedule' }] };
const POOL_PATHS: Path[] = [['nodePoolName'], ['instanceTypes'], ['instanceTypes', 0], ['desiredSize'], ['zoneIds'], ['zoneIds', 0], ['labels'],
  ['labels', 'team'], ['taints'], ['taints', 0, 'key'], ['taints', 0, 'effect'], ['systemDiskCategory'], ['systemDiskSize']];
const POOL_VALID = fc.constantFrom<unknown>('cloud_auto', 'cloud_essd', 'NoExecute', 'PreferNoSchedule', 40, 0, 3, ['cn-hangzhou-h'], ['ecs.g7.large'], 'ecs.t6-c1m1.large');

const RESOURCES_BASE = {
  planeName: 'db',
  vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.128.0/19' }],
  ingressRules: [{ protocol: 'tcp', portRange: '5432/5432', sourceCidr: '192.168.0.0/16' }],
};
const RESOURCES_PATHS: Path[] = [['planeName'], ['vSwitches'], ['vSwitches', 0], ['vSwitches', 0, 'zoneId'], ['vSwitches', 0, 'cidrBlock'],
  ['ingressRules'], ['ingressRules', 0], ['ingressRules', 0, 'protocol'], ['ingressRules', 0, 'portRange'], ['ingressRules', 0, 'sourceCidr'],
  ['ingressRules', 0, 'sourceSecurityGroupId'], ['internetEgress']];
const RESOURCES_VALID = fc.constantFrom<unknown>('udp', 'icmp', 'all', 'gre', '-1/-1', '22/22', '1/65535', '0.0.0.0/0', '10.0.0.0/8',
  'sg-bp1abcd1234', 'cn-hangzhou-i', '192.168.160.0/19', false);

const PLANE_PATHS: Path[] = [['name'], ['allocationType'], ['releaseStrategy'], ['releaseAfter'], ['podSelector'], ['podSelector', 'matchLabels'],
  ['podSelector', 'matchLabels', 'plane'], ['podSelector', 'matchExpressions'], ['namespaceSelector'], ['securityGroupIds'], ['securityGroupIds', 0],
  ['vSwitches'], ['vSwitches', 0], ['vSwitches', 0, 'vswitchId'], ['vSwitches', 0, 'zoneId'], ['vSwitchSelectionPolicy'], ['eniType'],
  ['customStatefulWorkloadKinds'], ['cluster'], ['cluster', 'trunkEniEnabled'], ['cluster', 'terwayVersion'], ['cluster', 'zones']];
const PLANE_VALID = fc.constantFrom<unknown>('Fixed', 'Elastic', 'TTL', 'Never', '1h', '2562048h', '4m', 'most', 'random', 'ordered', 'ENI', 'Trunk',
  'Default', 'db', { matchLabels: { tier: 'db' } }, { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] },
  { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, ['sg-bp1db00000000001'], 'v1.10.0', 'v1.17.0', 'vsw-bp1db0000000001');

const ENI_PATHS: Path[] = [['existingData'], ['existingData', 'eni_conf'], ['existingData', '10-terway.conf'], ['enableTrunking'], ['managedCluster'],
  ['disableNetworkPolicy'], ['inClusterLoadBalance'], ['eniConfOverrides']];
/**
 * Valid alternatives, including documents that end in a rule error (TW-ENICONF-005, -007, -008),
 * and string maps with any keys (a key the API server refuses once reached the output).
 */
const ENI_VALID = fc.oneof(
  fc.constantFrom<unknown>(true, false, '{"version":"1","enable_eni_trunking":true}', '{}', 'not json', '[]',
    '{"version":"1","max_pool_size":"5"}', '{"version":"1","ip_stack":"ipv6"}', '{"version":"1","min_pool_size":-1}',
    { vswitches: { 'cn-hangzhou-h': ['vsw-bp1pod0000001'] } }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('.', '..', '..x', '.x', 'a/b', 'k'.repeat(254))), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

const OUTPUTS_BASE = {
  cluster_id: { value: 'c0123456789abcdef0123456789abcdef' },
  zone_ids: { value: ['cn-hangzhou-h'] },
  node_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1node0000001'] } },
  pod_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1pod00000001'] } },
  trunk_eni_enabled: { value: true },
  terway_version: { value: 'v1.16.7' },
  vpc_id: { value: 'vpc-bp1vpc00000001' },
};
const OUTPUTS_PATHS: Path[] = [['cluster_id'], ['cluster_id', 'value'], ['zone_ids', 'value'], ['zone_ids', 'value', 0], ['zone_ids', 'value', 1],
  ['node_vswitch_ids', 'value'], ['pod_vswitch_ids', 'value', 'cn-hangzhou-h'], ['pod_vswitch_ids', 'value', 'cn-hangzhou-h', 0],
  ['trunk_eni_enabled', 'value'], ['network_policy_enabled'], ['terway_version', 'value'], ['vpc_id', 'value'], ['security_group_id', 'value']];
const OUTPUTS_VALID = fc.constantFrom<unknown>('cn-hangzhou-i', 'vsw-bp1pod00000002', 'sg-bp1sg000000001', false, { value: false }, 'v1.0.10.280-gdc2cb6c-aliyun');

describe('every public entry point: clear error, rule error or valid output', () => {
  test('TerwayCluster (200 runs)', () => {
    const count = tally();
    fc.assert(fc.property(mutations(CLUSTER_PATHS, CLUSTER_VALID), (changes) => {
      const stack = stackWithProvider();
      try {
        new TerwayCluster(stack, 'Cluster', mutate(validProps(), changes) as TerwayClusterProps);
      } catch (e) {
        return expectCleanError(e, 'p/Cluster', count);
      }
      expectRuleErrorOr(ValidationReport.of(stack), () => terraformProblems(stack), count);
    }), params(200, endings([['proxyMode'], 'bogus'], [['zones', 0, 'zoneId'], 'cn-shanghai-b'])));
    expect(Object.values(count).every((n) => n > 0) ? 'all endings reached' : count).toBe('all endings reached');
  });

  test('TerwayCluster.addNodePool (100 runs)', () => {
    const count = tally();
    fc.assert(fc.property(mutations(POOL_PATHS, POOL_VALID), fc.boolean(), (changes, nullOptions) => {
      const stack = stackWithProvider();
      const cluster = new TerwayCluster(stack, 'Cluster', ONE_ZONE);
      try {
        cluster.addNodePool('Pool', (nullOptions && changes.length === 0 ? null : mutate(POOL_BASE, changes)) as TerwayNodePoolOptions);
      } catch (e) {
        return expectCleanError(e, 'p/Cluster/Pool', count);
      }
      expectRuleErrorOr(ValidationReport.of(stack), () => terraformProblems(stack), count);
    }), params<[Changes, boolean]>(100, endings([['desiredSize'], NaN], [['taints', 0, 'key'], 'bad key!']).map(([c]) => [c, false])));
    expect(Object.values(count).every((n) => n > 0) ? 'all endings reached' : count).toBe('all endings reached');
  });

  test('PodNetworkingPlaneResources (100 runs)', () => {
    const count = tally();
    fc.assert(fc.property(mutations(RESOURCES_PATHS, RESOURCES_VALID), (changes) => {
      const stack = stackWithProvider();
      const cluster = new TerwayCluster(stack, 'Cluster', ONE_ZONE);
      try {
        new PodNetworkingPlaneResources(stack, 'Db', { ...mutate(RESOURCES_BASE, changes), cluster } as unknown as PodNetworkingPlaneResourcesProps);
      } catch (e) {
        return expectCleanError(e, 'p/Db', count);
      }
      expectRuleErrorOr(ValidationReport.of(stack), () => terraformProblems(stack), count);
    }), params(100, endings([['internetEgress'], 'false'], [['vSwitches', 0, 'cidrBlock'], '10.0.0.0/8'])));
    expect(Object.values(count).every((n) => n > 0) ? 'all endings reached' : count).toBe('all endings reached');
  });

  test('PodNetworkingPlane (350 runs)', () => {
    const count = tally();
    fc.assert(fc.property(mutations(PLANE_PATHS, PLANE_VALID), (changes) => {
      const chart = Cdk8sTesting.chart();
      try {
        new PodNetworkingPlane(chart, 'Plane', mutate(planeProps(), changes) as PodNetworkingPlaneProps);
      } catch (e) {
        return expectCleanError(e, 'test/Plane', count);
      }
      expectRuleErrorOr(ValidationReport.of(chart), () => manifestProblems(chart), count);
    }), params(350, endings([['allocationType'], 'Sticky'], [['cluster', 'trunkEniEnabled'], false])));
    expect(Object.values(count).every((n) => n > 0) ? 'all endings reached' : count).toBe('all endings reached');
  });

  test('EniConfig (200 runs)', () => {
    const count = tally();
    const base = { existingData: { eni_conf: '{"version":"1","vswitches":{"cn-hangzhou-h":["vsw-bp1pod0000001"]}}' }, enableTrunking: true };
    fc.assert(fc.property(mutations(ENI_PATHS, ENI_VALID), (changes) => {
      const chart = Cdk8sTesting.chart();
      try {
        new EniConfig(chart, 'EniConfig', mutate(base, changes));
      } catch (e) {
        return expectCleanError(e, 'test/EniConfig', count);
      }
      expectRuleErrorOr(ValidationReport.of(chart), () => manifestProblems(chart), count);
    }), params(200, endings([['enableTrunking'], 'true'], [['existingData', 'eni_conf'], 'not json'])));
    expect(Object.values(count).every((n) => n > 0) ? 'all endings reached' : count).toBe('all endings reached');
  });

  test('TerwayClusterOutputs.fromJson + clusterInfo, fed to a plane (300 runs)', () => {
    const count = tally();
    const raw = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: WEIRD });
    fc.assert(fc.property(mutations(OUTPUTS_PATHS, OUTPUTS_VALID), raw, (changes, rawText) => {
      let info;
      try {
        const text = rawText === null ? JSON.stringify(mutate(OUTPUTS_BASE, changes)) : rawText;
        info = TerwayClusterOutputs.fromJson(text as string, undefined, 'gen.json').clusterInfo;
      } catch (e) {
        return expectCleanError(e, rawText === null || typeof rawText === 'string' ? 'gen.json' : 'TerwayClusterOutputs.fromJson', count);
      }
      // What the reader accepts, the cluster-side constructs accept.
      const chart = Cdk8sTesting.chart();
      new PodNetworkingPlane(chart, 'Plane', planeProps({ cluster: info, vSwitches: [{ vswitchId: 'vsw-bp1web000000000', zoneId: 'cn-hangzhou-h' }] }));
      expectRuleErrorOr(ValidationReport.of(chart), () => manifestProblems(chart), count);
    }), params<[Changes, unknown]>(300, [[[], null], [[], 'not json']]));
    // The plane built from a good file may or may not break a plane rule; both other endings must occur.
    expect(count.error > 0 && count.output > 0 ? 'both endings reached' : count).toBe('both endings reached');
  });

  test('Acknowledgements.add and RuleCatalog.get (100 runs)', () => {
    const ids = fc.oneof(WEIRD, fc.constantFrom<unknown>('TW-NAT-001', 'TW-SG-004', 'TW-NET-003', 'TW-XYZ-999'));
    fc.assert(fc.property(ids, WEIRD, (ruleId, reason) => {
      const chart = Cdk8sTesting.chart();
      try {
        Acknowledgements.of(chart).add(ruleId as string, reason as string);
      } catch (e) {
        expectCleanError(e, 'test');
      }
      try {
        RuleCatalog.get(ruleId as string);
      } catch (e) {
        expectCleanError(e, typeof ruleId === 'string' ? ruleId : 'RuleCatalog.get');
      }
    }), params(100));
  });

  test('KubernetesManifests, ValidationReport.of, Acknowledgements.of and TerwayClusterOutputs.fromFile (100 runs)', () => {
    fc.assert(fc.property(WEIRD, WEIRD, (a, b) => {
      const stack = new TerraformStack(Testing.app(), 'k');
      try {
        new KubernetesManifests(stack, 'Manifests', { cdk8sApp: a, provider: b } as unknown as KubernetesManifestsProps);
      } catch (e) {
        expectCleanError(e, 'k/Manifests');
      }
      for (const [where, call] of [['ValidationReport.of', () => ValidationReport.of(a as Chart)], ['Acknowledgements.of', () => Acknowledgements.of(a as Chart)]] as const) {
        try {
          call();
        } catch (e) {
          expectCleanError(e, where);
        }
      }
      try {
        TerwayClusterOutputs.fromFile(`${os.tmpdir()}/terway-outputs-${typeof a === 'string' ? a.replace(/[^a-z0-9]/gi, '') : 'x'}.missing`);
      } catch (e) {
        expectCleanError(e, os.tmpdir());
      }
      try {
        TerwayClusterOutputs.fromFile(a as string);
      } catch (e) {
        expectCleanError(e, typeof a === 'string' && a !== '' ? a : 'TerwayClusterOutputs.fromFile');
      }
    }), params(100));
  });
});
