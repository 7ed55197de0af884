/**
 * The library function PlanGuard.check / checkFiles, the subcommand's options shared with the
 * audit (formats, --fail-on, waivers), and the cost of a check (counted, never timed).
 * Plan inputs are the fixtures (see fixtures/README.md: hand-written against the Go types of
 * hashicorp/terraform-json v0.28.0, or real output from its testdata).
 */
import * as fs from 'fs';
import * as path from 'path';
import { PlanGuard } from '../../src';
import { policyAllows, policyStatements, ramActionMatches } from '../../src/domain/terway-ram';
import * as values from '../../src/plan/values';
import { audit, folderWith } from '../audit/audit-support';

const FIXTURES = path.join(__dirname, 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf-8');

describe('PlanGuard.check', () => {
  test('takes the JSON text or the parsed object, with the same result', () => {
    const text = read('node-pools.json');
    const a = PlanGuard.check(text);
    expect(PlanGuard.check(JSON.parse(text))).toEqual(a);
    expect(a.passed).toBe(false);
    expect(a.findings.map((f) => `${f.ruleId} ${f.severity} ${f.address}`)).toEqual([
      'TW-PLAN-005 error alicloud_cs_kubernetes_node_pool.exclusive',
      'TW-PLAN-007 warning alicloud_cs_kubernetes_node_pool.fixed',
      'TW-PLAN-006 error alicloud_cs_kubernetes_node_pool.general',
    ]);
    expect(a.findings[0].file).toBe('PlanGuard.check');
  });

  test('waivers mark findings waived (still listed); failOn decides passed', () => {
    const r = PlanGuard.check(read('node-pools.json'), {
      waivers: [
        { ruleId: 'TW-PLAN-005', address: 'alicloud_cs_kubernetes_node_pool.exclusive', reason: 'moving back to shared ENI; workloads moved' },
        { ruleId: 'TW-PLAN-006', address: '*', reason: 'pool is empty' },
      ],
    });
    expect(r.findings.map((f) => f.waivedReason)).toEqual(['moving back to shared ENI; workloads moved', undefined, 'pool is empty']);
    expect(r.passed).toBe(true);
    expect(PlanGuard.check(read('node-pools.json'), { failOn: 'warning', waivers: [{ ruleId: 'TW-PLAN-005', address: '*', reason: 'r' }, { ruleId: 'TW-PLAN-006', address: '*', reason: 'r' }] }).passed).toBe(false);
    expect(PlanGuard.check(read('cluster-replaced.json'), { failOn: 'never' }).passed).toBe(true);
    expect(PlanGuard.check(read('noop.json')).findings).toEqual([]);
  });

  test('bad inputs get one clear error, never a TypeError', () => {
    expect(() => PlanGuard.check('{"format_version": "1.2", "resource_changes": {}}')).toThrow(/^PlanGuard\.check: resource_changes is \{\}, not an array; expected the output of `terraform show -json <planfile>`/);
    expect(() => PlanGuard.check(null)).toThrow(/the document is null, not an object/);
    expect(() => PlanGuard.check(read('noop.json'), { failOn: 'fatal' })).toThrow(/options\.failOn/);
    expect(() => PlanGuard.check(read('noop.json'), { waivers: [{ ruleId: 'TW-PLAN-999', address: '*', reason: 'x' }] })).toThrow(/no rule of this library/);
    expect(() => PlanGuard.check(read('noop.json'), { waivers: [{ ruleId: 'TW-PLAN-001', address: '*' } as any] })).toThrow(/options\.waivers\[0\]\.reason is required/);
    expect(() => PlanGuard.check(read('malformed-state.json'), { source: 'state.json' })).toThrow(/^state\.json: the document is Terraform state/);
    expect(() => PlanGuard.check(read('noop.json'), null as any)).toThrow(/^PlanGuard\.check: options is required, got null/);
    expect(() => PlanGuard.check(read('noop.json'), { source: 5 } as any)).toThrow(/options\.source must be a string/);
    expect(() => PlanGuard.checkFiles('plan.json' as any)).toThrow(/^PlanGuard\.checkFiles: files must be an array/);
  });

  test('values the plan marks sensitive never appear in messages', () => {
    const p = JSON.parse(read('cluster-replaced.json'));
    const change = p.resource_changes[0].change;
    change.before_sensitive = { ...change.before_sensitive, service_cidr: true };
    change.after_sensitive = { ...change.after_sensitive, service_cidr: true };
    const [f] = PlanGuard.check(p).findings;
    expect(f.message).toContain('Service CIDR (service_cidr) "(sensitive)" → "(sensitive)"');
    expect(f.message).not.toContain('172.2');
  });

  test('checkFiles reads several stacks together', () => {
    const r = PlanGuard.checkFiles([path.join(FIXTURES, 'stack-cloud.json'), path.join(FIXTURES, 'stack-cluster-objects.json')]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['TW-PLAN-008']);
    expect(r.findings[0].message).toMatch(/vSwitch of PodNetworking db/);
    expect(() => PlanGuard.checkFiles([])).toThrow(/files/);
  });
});

describe('terway-audit plan: the audit\'s options', () => {
  test('--waivers and --fail-on work as in the audit; unused waivers are notes', () => {
    const dir = folderWith({
      'w.json': JSON.stringify({
        waivers: [
          { ruleId: 'TW-PLAN-014', object: 'kubernetes_manifest.plane_web', reason: 'web pods restart tonight' },
          { ruleId: 'TW-PLAN-001', object: 'alicloud_cs_managed_kubernetes.other', reason: 'unused' },
        ],
      }),
    });
    const r = audit(['plan', path.join(FIXTURES, 'manifests.json'), '--waivers', path.join(dir, 'w.json'), '--fail-on', 'error']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/TW-PLAN-014 +warning \(waived\) +kubernetes_manifest\.plane_web[\s\S]*WAIVED: web pods restart tonight/);
    expect(r.stdout).toMatch(/waiver TW-PLAN-001 alicloud_cs_managed_kubernetes\.other matched no finding\./);
    expect(r.stdout).toMatch(/3 errors, 0 warnings, 1 waived/);
  });

  test('a warning-only plan fails only with --fail-on warning', () => {
    const text = read('node-pools.json');
    const p = JSON.parse(text);
    p.resource_changes = p.resource_changes.filter((c: any) => c.address === 'alicloud_cs_kubernetes_node_pool.fixed');
    const dir = folderWith({ 'plan.json': JSON.stringify(p) });
    expect(audit(['plan', path.join(dir, 'plan.json')]).code).toBe(0);
    expect(audit(['plan', path.join(dir, 'plan.json'), '--fail-on', 'warning']).code).toBe(1);
  });

  test('--format sarif lists the plan rules and one result per finding', () => {
    const log = JSON.parse(audit(['plan', path.join(FIXTURES, 'nat.json'), '--format', 'sarif']).stdout);
    const run = log.runs[0];
    expect(run.results.map((r: any) => r.ruleId)).toEqual(['TW-PLAN-011', 'TW-PLAN-010']);
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.locations[0].logicalLocations[0].name).toMatch(/^alicloud_/);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/nat\.json$/);
    }
  });

  test('standard input, byte-identical output, --cluster refused, --help', () => {
    const text = read('vswitch-sg.json');
    const a = audit(['plan', '-', '--format', 'json'], { stdin: text });
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(audit(['plan', '-', '--format', 'json'], { stdin: text }).stdout);
    expect(JSON.parse(a.stdout).findings[0].file).toBe('<stdin>');
    const c = audit(['plan', '--cluster', 'c1', path.join(FIXTURES, 'noop.json')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^terway-audit: --cluster: is not an option of terway-audit plan/);
    expect(audit(['plan', '--help']).stdout).toMatch(/^usage: terway-audit plan /);
    expect(audit(['--help']).stdout).toMatch(/terway-audit plan \[--format/);
  });

  test('a binary plan file gets the command that converts it', () => {
    const dir = folderWith({ 'plan.tfplan': 'PK\u0003\u0004binary' });
    const r = audit(['plan', path.join(dir, 'plan.tfplan')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a binary plan file .*terraform show -json <planfile> > plan\.json/);
  });
});

describe('cost: linear in the number of resource changes (operations counted, not timed)', () => {
  function bigPlan(n: number): any {
    const base = JSON.parse(read('safe-only.json'));
    const templates = [...base.resource_changes, ...JSON.parse(read('vswitch-sg.json')).resource_changes];
    const changes = Array.from({ length: n }, (_, i) => ({ ...templates[i % templates.length], address: `${templates[i % templates.length].address}_${i}` }));
    return { ...base, resource_changes: changes };
  }

  test('twice the changes, about twice the attribute reads', () => {
    const spy = jest.spyOn(values, 'valueAt');
    const count = (n: number) => {
      spy.mockClear();
      PlanGuard.check(bigPlan(n));
      return spy.mock.calls.length;
    };
    const small = count(500);
    const large = count(1000);
    spy.mockRestore();
    expect(small).toBeGreaterThan(500);
    expect(large / small).toBeGreaterThan(1.8);
    expect(large / small).toBeLessThan(2.2);
  });
});

describe('RAM policy documents (policy language version 1)', () => {
  test('wildcards match case-insensitively; Deny wins', () => {
    expect(ramActionMatches('vpc:*', 'vpc:AssociateEipAddress')).toBe(true);
    expect(ramActionMatches('VPC:describe*', 'vpc:DescribeVSwitches')).toBe(true);
    expect(ramActionMatches('ecs:*NetworkInterface', 'ecs:AttachNetworkInterface')).toBe(true);
    expect(ramActionMatches('ecs:*NetworkInterface', 'ecs:DescribeNetworkInterfaces')).toBe(false);
    expect(ramActionMatches('*', 'ecs:DeleteNetworkInterface')).toBe(true);
    expect(ramActionMatches('ecs:Attach*Interface', 'ecs:AttachInterface')).toBe(true);
    expect(ramActionMatches('ecs:Attach*Interface*x', 'ecs:AttachInterface')).toBe(false);
    const st = policyStatements('{"Version":"1","Statement":[{"Effect":"Allow","Action":"vpc:*","Resource":"*"},{"Effect":"Deny","Action":["vpc:ReleaseEipAddress"],"Resource":"*"}]}')!;
    expect(policyAllows(st, 'vpc:AllocateEipAddress')).toBe(true);
    expect(policyAllows(st, 'vpc:ReleaseEipAddress')).toBe(false);
    expect(policyStatements('not json')).toBeUndefined();
    expect(policyStatements({ Statement: 'x' })).toBeUndefined();
  });
});
