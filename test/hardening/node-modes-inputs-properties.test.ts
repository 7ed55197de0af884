/**
 * Issues 17 and 18 (node modes): every input of ExclusiveEniScheduling/ExclusiveEniPlane,
 * FixedVSwitchNodePool/FixedVSwitchConfig, EniConfig and GitOpsOutput gets a clear error or
 * output the real systems accept. Hand-picked cases first (one per issue item), then generated
 * inputs (fast-check; rerun one with FC_SEED=<seed>).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App as Cdk8sApp, Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformOutput, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  Acknowledgements, EniConfig, ExclusiveEniPlane, ExclusiveEniScheduling, FixedVSwitchConfig, FixedVSwitchConfigProps, FixedVSwitchNodePool,
  GitOpsOutput, TerwayClusterInfo, TerwayClusterOutputs, TerwayNodePool, ValidationReport,
} from '../../src';
import { mergeEniConf, securityGroupUnion } from '../../src/domain/eni-config';
import { InputError } from '../../src/domain/input';
import { clusterStack, validProps } from '../support/cluster-fixtures';
import { FIXED, FIXED_POOL, FixedOptions } from '../support/node-mode-fixtures';
import { CLUSTER, planeProps } from '../support/plane-fixtures';
import { captureWarningOutput } from '../support/stderr-capture';
import { conformanceErrors, loadPinnedSchema } from '../support/terraform-schema';

const SCHEMA = loadPinnedSchema();

const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const runs = (n: number) => ({ numRuns: Math.ceil(n * Number(process.env.FC_RUNS_FACTOR ?? 1)), ...(SEED === undefined ? {} : { seed: SEED }) });

const EXCL_POOL = { nodePoolName: 'excl', nodeLabels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' }, taints: [] };

function errorIds(scope: Parameters<typeof ValidationReport.of>[0]): string[] {
  return ValidationReport.of(scope).errors.map((f) => f.ruleId);
}

/** Runs `fn`; returns the thrown error (failing the test when it is a raw JavaScript error). */
function thrown(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (e) {
    expect([TypeError, RangeError, SyntaxError, ReferenceError].some((k) => e instanceof k)).toBe(false);
    return e as Error;
  }
  return undefined;
}

function fixedConfig(props: unknown): { chart: Chart; error?: Error } {
  const chart = Cdk8sTesting.chart();
  const error = thrown(() => new FixedVSwitchConfig(chart, 'Fixed', props as FixedVSwitchConfigProps));
  return { chart, error };
}

function fixedPools(...pools: Array<Partial<FixedOptions>>) {
  const s = clusterStack(validProps());
  pools.forEach((p, i) => {
    const pool = new FixedVSwitchNodePool(s.stack, `Fixed${i}`, { cluster: s.cluster, ...FIXED, nodePoolName: `fixed${i}`, ...p });
    Acknowledgements.of(pool).add('TW-FIXED-009', 'GitOps: the ConfigMap is applied first');
  });
  return s;
}

describe('per-node ConfigMap names and fixed pools against each other (issue 18, worst first)', () => {
  test('a ConfigMap named eni-config is refused on both sides (TW-FIXED-003)', () => {
    expect(errorIds(fixedPools({ configName: 'eni-config' }).stack)).toContain('TW-FIXED-003');
    const { chart } = fixedConfig({ name: 'eni-config', vSwitchIds: { 'cn-hangzhou-h': ['vsw-bp1fixed0000001'] } });
    expect(ValidationReport.of(chart).errors.map((f) => f.text)).toEqual([expect.stringMatching(/\[TW-FIXED-003\] Per-node ConfigMap name "eni-config" is the name of Terway's cluster-wide default/)]);
  });

  test('two FixedVSwitchConfigs writing one ConfigMap are refused (TW-FIXED-003)', () => {
    const chart = Cdk8sTesting.chart();
    new FixedVSwitchConfig(chart, 'A', { name: 'eni-config-fixed', pool: FIXED_POOL });
    new FixedVSwitchConfig(chart, 'B', { name: 'eni-config-fixed', pool: FIXED_POOL });
    expect(ValidationReport.of(chart).errors.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['test/B TW-FIXED-003']);
  });

  test('two fixed pools with the same dedicated CIDR overlap (TW-FIXED-002)', () => {
    const s = fixedPools({ configName: 'a' }, { configName: 'b' });
    const errors = ValidationReport.of(s.stack).errors;
    expect(errors.map((f) => f.ruleId)).toEqual(['TW-FIXED-002']);
    expect(errors[0].text).toMatch(/192.168.200.0\/24\) overlaps dedicated vSwitch #1 in cn-hangzhou-h of a \(test\/Fixed0\)/);
  });

  test('the same configName with different vSwitches is refused (TW-FIXED-010); with the same existing vSwitches it is fine', () => {
    const s = fixedPools({}, { vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.201.0/24' }] });
    expect(errorIds(s.stack)).toEqual(['TW-FIXED-010']);
    const existing = [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.200.0/24', vswitchId: 'vsw-bp1fixed0000001' }];
    const ok = fixedPools({ vSwitches: existing }, { vSwitches: existing });
    expect(errorIds(ok.stack)).toEqual([]);
    // One output and one SNAT entry for the shared vSwitch (two would fail at apply).
    const tf = JSON.parse(Testing.synth(ok.stack));
    expect(Object.keys(tf.output).filter((k) => k.endsWith('_allowlist_cidrs'))).toEqual(['eni_config_fixed_allowlist_cidrs']);
    expect(Object.values(tf.resource.alicloud_snat_entry).filter((e: any) => e.source_vswitch_id === 'vsw-bp1fixed0000001')).toHaveLength(1);
  });

  test('a /31 dedicated vSwitch breaks the vSwitch size rule (TW-NET-013)', () => {
    expect(errorIds(fixedPools({ vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.200.0/31' }] }).stack)).toEqual(['TW-NET-013']);
  });

  test('eni-config-fixed and eni-config.fixed make the same output name (TW-OUT-001)', () => {
    const s = fixedPools({ configName: 'eni-config-fixed' }, { configName: 'eni-config.fixed', vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.201.0/24' }] });
    const errors = ValidationReport.of(s.stack).errors;
    expect(errors.map((f) => f.ruleId)).toEqual(['TW-OUT-001']);
    expect(errors[0].text).toMatch(/eni_config_fixed_allowlist_cidrs/);
    // A user's output of that name collides too.
    const own = fixedPools({});
    new TerraformOutput(own.stack, 'Mine', { value: 1 }).overrideLogicalId('eni_config_fixed_allowlist_cidrs');
    expect(errorIds(own.stack)).toEqual(['TW-OUT-001']);
  });

  test('FixedVSwitchNodePool zoneIds null is refused like TerwayNodePool', () => {
    expect(() => fixedPools({ zoneIds: null as unknown as string[] })).toThrow(/Fixed0: zoneIds is null; leave it out/);
  });
});

describe('IDs and values passed through unchecked', () => {
  test.each([
    ['sg-bp1fixed0000001', /vSwitchIds\["cn-hangzhou-h"\]\[0\] is wrong: "sg-bp1fixed0000001" is a security group ID, but a vSwitch ID/],
    [' vsw-bp1fixed0000001', /is not a vSwitch ID/],
    ['vsw-x;rm -rf /', /is not a vSwitch ID/],
  ])('FixedVSwitchConfig vSwitch %p is refused', (id, message) => {
    expect(fixedConfig({ name: 'eni-config-fixed', vSwitchIds: { 'cn-hangzhou-h': [id] } }).error?.message).toMatch(message);
    expect(fixedConfig({ name: 'eni-config-fixed', pool: { ...FIXED_POOL, vSwitchIds: { 'cn-hangzhou-h': [id] } } }).error).toBeInstanceOf(InputError);
  });

  test('security group IDs and eni_conf IDs set through eniConfOverrides are checked', () => {
    expect(fixedConfig({ ...{ name: 'eni-config-fixed', pool: FIXED_POOL }, securityGroupIds: ['vsw-bp1fixed0000001'] }).error?.message)
      .toMatch(/securityGroupIds\[0\] is wrong: "vsw-bp1fixed0000001" is a vSwitch ID/);
    const { chart } = fixedConfig({ name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { vswitches: { 'cn-hangzhou-h': ['sg-bp1fixed0000001'] } } });
    expect(errorIds(chart)).toEqual(['TW-ID-001']);
  });

  test('the outputs reader checks the IDs of fixed_vswitch_node_pools', () => {
    const outputs = (pool: unknown) => ({
      cluster_id: { value: 'c0123456789abcdef0123456789abcdef' },
      zone_ids: { value: ['cn-hangzhou-h'] },
      node_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1node0000001'] } },
      pod_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1pod00000001'] } },
      fixed_vswitch_node_pools: { value: [pool] },
    });
    expect(TerwayClusterOutputs.fromJson(JSON.stringify(outputs(FIXED_POOL))).clusterInfo.fixedVSwitchNodePools).toHaveLength(1);
    const bad = thrown(() => TerwayClusterOutputs.fromJson(JSON.stringify(outputs({ ...FIXED_POOL, vSwitchIds: { 'cn-hangzhou-h': ['vsw-x;rm -rf /'] } }))).clusterInfo);
    expect(bad?.message).toMatch(/fixed_vswitch_node_pools: \[0\]\.vSwitchIds\.cn-hangzhou-h\[0\] is wrong/);
  });

  test('add-on config values ACK reads as strings: a JSON boolean is refused', () => {
    const err = thrown(() => clusterStack(validProps({ additionalAddons: [{ name: 'logtail-ds', config: '{"IngressDashboardEnabled": true}' }] })));
    expect(err?.message).toMatch(/additionalAddons\[0\]\.config sets "IngressDashboardEnabled" to the JSON boolean true; ACK add-on switches are strings \(write "true"\)/);
    expect(thrown(() => clusterStack(validProps({ additionalAddons: [{ name: 'logtail-ds', config: '{"IngressDashboardEnabled": "true"}' }] })))).toBeUndefined();
  });

  test('eni_conf keys that belong elsewhere, a non-JSON 10-terway.conf and __proto__ keys', () => {
    const chart = Cdk8sTesting.chart();
    expect(thrown(() => new EniConfig(chart, 'A', { eniConfOverrides: { disable_network_policy: 'true' } }))?.message).toMatch(/is not an eni_conf key/);
    new EniConfig(chart, 'B', { existingData: { 'eni_conf': '{"vswitches":{"cn-hangzhou-h":["vsw-bp1pod00000001"]}}', '10-terway.conf': '{cniVersion: 0.4.0' } });
    expect(errorIds(chart)).toEqual(['TW-ENICONF-010']);
    const proto = JSON.parse('{"__proto__": {"max_pool_size": 5}}');
    expect(thrown(() => new EniConfig(Cdk8sTesting.chart(), 'C', { eniConfOverrides: proto }))?.message).toMatch(/eniConfOverrides has the key "__proto__"/);
    expect(fixedConfig({ name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: proto }).error?.message).toMatch(/"__proto__"/);
    expect(thrown(() => fixedPools({ labels: JSON.parse('{"__proto__": "x"}') }))?.message).toMatch(/labels has the key "__proto__"/);
  });

  test.each([['ENIONLY', /Terway compares it case-insensitively/], ['true', /only eniOnly selects exclusive ENI mode/]])(
    'a plain pool labelled exclusive-mode-eni-type: %s is refused (TW-EXCL-010)', (value, message) => {
      const s = clusterStack(validProps());
      new TerwayNodePool(s.stack, 'Pool', { cluster: s.cluster, nodePoolName: 'p', instanceTypes: ['ecs.g7.xlarge'], labels: { 'k8s.aliyun.com/exclusive-mode-eni-type': value } });
      const errors = ValidationReport.of(s.stack).errors;
      expect(errors.map((f) => f.ruleId)).toEqual(['TW-EXCL-010']);
      expect(errors[0].text).toMatch(message);
    });
});

describe('fixed vSwitch eni_conf and Terway\'s merge (issue 17)', () => {
  // The base configuration of Terway docs/dynamic-config.md (v1.17.5): a single security_group.
  const BASE = { version: '1', security_group: 'sg-xxx', service_cidr: '10.96.0.0/12', vswitches: { 'cn-hangzhou-g': ['vsw-xxx'] }, max_pool_size: 5, min_pool_size: 0 };

  test('merged as Terway merges it (RFC 7396, then the union of security_group and security_groups), the pool gets exactly its groups', () => {
    const { chart } = fixedConfig({ name: 'eni-config-fixed', pool: FIXED_POOL });
    const eniConf = JSON.parse(Cdk8sTesting.synth(chart)[0].data.eni_conf);
    expect(securityGroupUnion(mergeEniConf(BASE, eniConf))).toEqual(['sg-bp1fixed0000001']);
    // Without security_groups the cluster's group stays (nothing is nulled).
    const plain = fixedConfig({ name: 'eni-config-fixed', pool: { ...FIXED_POOL, securityGroupIds: undefined } });
    expect(securityGroupUnion(mergeEniConf(BASE, JSON.parse(Cdk8sTesting.synth(plain.chart)[0].data.eni_conf)))).toEqual(['sg-xxx']);
  });

  test('the union is checked against Terway\'s limit of 10 (TW-ENICONF-003)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `sg-bp1limit00000${String(i).padStart(2, '0')}`);
    expect(errorIds(fixedConfig({ name: 'eni-config-fixed', pool: FIXED_POOL, securityGroupIds: ten }).chart)).toEqual([]);
    const over = fixedConfig({ name: 'eni-config-fixed', pool: FIXED_POOL, securityGroupIds: ten, eniConfOverrides: { security_group: 'sg-bp1limit0000099' } });
    expect(errorIds(over.chart)).toEqual(['TW-ENICONF-003']);
  });
});

describe('raw exceptions become clear errors', () => {
  test.each<[string, unknown]>([
    ['pool.zoneIds a string', { name: 'eni-config-fixed', pool: { ...FIXED_POOL, zoneIds: 'cn-hangzhou-h' } }],
    ['eniConfOverrides with a BigInt', { name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { max_pool_size: BigInt(5) } }],
    ['cluster.fixedVSwitchNodePools a string', { name: 'eni-config-fixed', pool: FIXED_POOL, cluster: { ...CLUSTER, fixedVSwitchNodePools: 'x' } }],
    ['cluster.fixedVSwitchNodePools [null]', { name: 'eni-config-fixed', pool: FIXED_POOL, cluster: { ...CLUSTER, fixedVSwitchNodePools: [null] } }],
  ])('FixedVSwitchConfig: %s', (_, props) => {
    expect(fixedConfig(props).error).toBeInstanceOf(InputError);
  });

  test('FixedVSwitchConfig: eniConfOverrides with a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(fixedConfig({ name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { eni_tags: cycle } }).error?.message).toMatch(/a cycle/);
  });

  test.each<[string, unknown]>([['"x"', 'x'], ['{}', {}], ['[null]', [null]]])('poolOf and ExclusiveEniPlane with exclusiveEniNodePools %s', (_, pools) => {
    const cluster = { ...CLUSTER, exclusiveEniNodePools: pools } as unknown as TerwayClusterInfo;
    expect(thrown(() => ExclusiveEniScheduling.poolOf(cluster))).toBeInstanceOf(InputError);
    expect(thrown(() => new ExclusiveEniPlane(Cdk8sTesting.chart(), 'Plane', planeProps({ cluster })))).toBeInstanceOf(InputError);
  });

  test('poolOf with two pools of the same name says so', () => {
    const cluster = { ...CLUSTER, exclusiveEniNodePools: [EXCL_POOL, EXCL_POOL] };
    expect(thrown(() => ExclusiveEniScheduling.poolOf(cluster, 'excl'))?.message).toMatch(/names node pool excl more than once/);
    expect(ExclusiveEniScheduling.poolOf({ ...CLUSTER, exclusiveEniNodePools: [EXCL_POOL] }, 'excl').nodePoolName).toBe('excl');
  });
});

describe('GitOpsOutput', () => {
  const written = captureWarningOutput();
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-nm-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function appWithWarning(charts: number): Cdk8sApp {
    const app = new Cdk8sApp({ outdir: dir });
    for (let i = 0; i < charts; i++) new Chart(app, `chart${i}`);
    // TW-PN-015 (a warning): a plane without NetworkPolicies in the app.
    new ExclusiveEniPlane(app.charts[0], 'Plane', planeProps({ cluster: CLUSTER }));
    return app;
  }

  test('each cluster-side warning is printed once per synthesis, however many charts', () => {
    GitOpsOutput.synth(appWithWarning(3), { outdir: path.join(dir, 'out') });
    const lines = written.join('').split('\n').filter((l) => l.includes('WARNING'));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
  });

  test('a Terraform reference in a manifest is refused and nothing is written', () => {
    const app = new Cdk8sApp({ outdir: dir });
    const chart = new Chart(app, 'c');
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { id: '${TfToken[TOKEN.12]}', sh: 'echo ${HOME}' } });
    const out = path.join(dir, 'out');
    expect(thrown(() => GitOpsOutput.synth(app, { outdir: out }))?.message).toMatch(/contains the Terraform reference "\$\{TfToken\[TOKEN.12\]\}"/);
    expect(fs.existsSync(out)).toBe(false);
    const other = new Cdk8sApp({ outdir: dir });
    new ApiObject(new Chart(other, 'd'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' }, data: { id: '${alicloud_vswitch.pod.id}' } });
    expect(thrown(() => GitOpsOutput.render(other))?.message).toMatch(/Terraform reference "\$\{alicloud_vswitch.pod.id\}"/);
    const plain = new Cdk8sApp({ outdir: dir });
    new ApiObject(new Chart(plain, 'e'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'z' }, data: { sh: 'echo ${HOME}', spring: 'url=${spring.datasource.url}' } });
    expect(GitOpsOutput.render(plain)).toHaveLength(1);
  });

  test('an outdir that is a file, a symlink loop or contains NUL is a clear error', () => {
    const app = () => new Cdk8sApp({ outdir: dir });
    const file = path.join(dir, 'file');
    fs.writeFileSync(file, 'x');
    const loop = path.join(dir, 'loop');
    fs.symlinkSync(loop, loop);
    expect(thrown(() => GitOpsOutput.synth(app(), { outdir: file }))?.message).toMatch(/options.outdir .*file is a file, not a folder/);
    expect(thrown(() => GitOpsOutput.synth(app(), { outdir: loop }))?.message).toMatch(/symbolic link loop/);
    expect(thrown(() => GitOpsOutput.synth(app(), { outdir: path.join(dir, 'a\0b') }))?.message).toMatch(/without NUL characters/);
    expect(fs.readdirSync(dir).sort()).toEqual(['file', 'loop']);
  });
});

describe('generated inputs', () => {
  const WEIRD: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom<unknown>(undefined, null, NaN, -1, 0, 1e21, '', ' ', 'x', 'false', 'eni-config', 'vsw-bp1fixed0000001', 'sg-bp1fixed0000001',
      '${TfToken[TOKEN.1]}', [], {}, [null], ['x'], [{}], { a: undefined }, true, BigInt(1), () => 1),
    fc.string({ maxLength: 8 }),
    fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null), fc.integer()), { maxKeys: 2 }),
  );
  const FIXED_PATHS = ['name', 'pool', 'vSwitchIds', 'securityGroupIds', 'taints', 'eniConfOverrides', 'cluster',
    'pool.zoneIds', 'pool.vSwitchIds', 'pool.securityGroupIds', 'pool.taints', 'pool.configName', 'cluster.fixedVSwitchNodePools', 'cluster.exclusiveEniNodePools'];

  function set(base: Record<string, unknown>, changes: Array<[string, unknown]>): Record<string, unknown> {
    const copy: Record<string, any> = { ...base, pool: { ...FIXED_POOL }, cluster: { ...CLUSTER } };
    for (const [p, v] of changes) {
      const [head, tail] = p.split('.');
      if (tail === undefined) copy[head] = v;
      else if (typeof copy[head] === 'object' && copy[head] !== null) copy[head] = { ...copy[head], [tail]: v };
    }
    return copy;
  }

  test('FixedVSwitchConfig: an InputError, a rule error, or a ConfigMap with a JSON eni_conf', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...FIXED_PATHS), WEIRD), { maxLength: 3 }), (changes) => {
      const { chart, error } = fixedConfig(set({ name: 'eni-config-fixed' }, changes));
      if (error) {
        expect(error.message).toMatch(/^test\/Fixed: /);
        return;
      }
      if (ValidationReport.of(chart).errors.length > 0) return;
      const objs = Cdk8sTesting.synth(chart);
      const eniConf = JSON.parse(objs[0].data.eni_conf);
      expect(objs[0].metadata.name).not.toBe('eni-config');
      expect(securityGroupUnion(mergeEniConf({ security_group: 'sg-bp1base00000001' }, eniConf)).length).toBeLessThanOrEqual(10);
      expect(objs[0].data.eni_conf).not.toMatch(/\$\{/);
    }), runs(150));
  });

  test('FixedVSwitchNodePool: an InputError naming the pool, a rule error, or Terraform the pinned provider schema accepts', () => {
    const paths = ['configName', 'vSwitches', 'securityGroupIds', 'zoneIds', 'fixedTaint', 'internetEgress', 'labels', 'vSwitches.0'];
    const valid = fc.constantFrom<unknown>('eni-config-b', [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.201.0/24', vswitchId: 'vsw-bp1fixed0000002' }],
      ['sg-bp1fixed0000001'], ['cn-hangzhou-h'], { key: 'fixed', value: 'true', effect: 'NoSchedule' }, false, { team: 'a' });
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), fc.oneof(WEIRD, valid)), { maxLength: 2 }), (changes) => {
      const options: Record<string, any> = { ...FIXED, vSwitches: [...FIXED.vSwitches] };
      for (const [p, v] of changes) {
        if (p === 'vSwitches.0') options.vSwitches = [v];
        else options[p] = v;
      }
      let stack: ReturnType<typeof fixedPools>['stack'] | undefined;
      const error = thrown(() => { stack = fixedPools(options as Partial<FixedOptions>).stack; });
      if (error) {
        expect(error.message).toMatch(/^test\/Fixed0: /);
        return;
      }
      if (ValidationReport.of(stack!).errors.length > 0) return;
      expect(conformanceErrors(Testing.synth(stack!), SCHEMA)).toEqual([]);
    }), runs(20));
  });

  test('ExclusiveEniScheduling.poolOf: an InputError or a pool of the cluster', () => {
    const pools = fc.array(fc.oneof(WEIRD, fc.constant(EXCL_POOL), fc.constant({ ...EXCL_POOL, nodePoolName: 'b' })), { maxLength: 3 });
    fc.assert(fc.property(fc.oneof(WEIRD, pools), fc.oneof(fc.constant(undefined), fc.constantFrom('excl', 'b'), WEIRD), (list, name) => {
      const cluster = { ...CLUSTER, exclusiveEniNodePools: list } as unknown as TerwayClusterInfo;
      let pool: unknown;
      const error = thrown(() => { pool = ExclusiveEniScheduling.poolOf(cluster, name as string | undefined); });
      if (error) expect(error).toBeInstanceOf(InputError);
      else expect((list as unknown[]).includes(pool)).toBe(true);
    }), runs(200));
  });
});
