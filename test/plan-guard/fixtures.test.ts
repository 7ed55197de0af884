/**
 * `terway-audit plan` over the fixtures (see fixtures/README.md for what produced each): exit
 * codes, the rules each fixture must raise, and the fixtures' field names against the Go types
 * of the plan format.
 */
import * as fs from 'fs';
import * as path from 'path';
import { audit } from '../audit/audit-support';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

function plan(...args: string[]) {
  const r = audit(['plan', ...args.map((a) => (a.endsWith('.json') ? fixture(a) : a)), '--format', 'json']);
  return { ...r, out: r.stdout ? JSON.parse(r.stdout) : undefined };
}

const ruleIds = (out: any) => out.findings.map((f: any) => f.ruleId);

describe('each fixture raises exactly its rules', () => {
  test.each([
    [['noop.json'], 0, []],
    [['safe-only.json'], 0, []],
    [['terraform-json-action-reason.json'], 0, []],
    [['terraform-json-moved-block.json'], 0, []],
    [['cluster-replaced.json'], 1, ['TW-PLAN-001']],
    [['cluster-network-update.json'], 1, ['TW-PLAN-002', 'TW-PLAN-002', 'TW-PLAN-002']],
    [['trunk-off.json'], 1, ['TW-PLAN-003', 'TW-PLAN-003']],
    [['controlplane-removed.json'], 1, ['TW-PLAN-004', 'TW-PLAN-004']],
    [['node-pools.json'], 1, ['TW-PLAN-005', 'TW-PLAN-007', 'TW-PLAN-006']],
    [['vswitch-sg.json'], 1, ['TW-PLAN-009', 'TW-PLAN-008']],
    [['nat.json'], 1, ['TW-PLAN-011', 'TW-PLAN-010']],
    [['ram.json'], 1, ['TW-PLAN-012', 'TW-PLAN-012']],
    [['manifests.json'], 1, ['TW-PLAN-013', 'TW-PLAN-013', 'TW-PLAN-013', 'TW-PLAN-014']],
    [['unknown.json'], 1, ['TW-PLAN-006', 'TW-PLAN-007', 'TW-PLAN-002', 'TW-PLAN-012', 'TW-PLAN-014']],
    [['stack-cloud.json', 'stack-cluster-objects.json'], 1, ['TW-PLAN-008']],
  ])('%j → exit %i, %j', (files, code, rules) => {
    const r = plan(...files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
    expect(ruleIds(r.out)).toEqual(rules);
  });

  test('every TW-PLAN rule is raised by some fixture', () => {
    const raised = new Set<string>();
    for (const f of fs.readdirSync(FIXTURES).filter((x) => x.endsWith('.json') && !x.startsWith('malformed') && !x.startsWith('stack-'))) {
      for (const id of ruleIds(plan(f).out)) raised.add(id);
    }
    expect([...raised].sort()).toEqual(Array.from({ length: 14 }, (_, i) => `TW-PLAN-${String(i + 1).padStart(3, '0')}`));
  });

  test('a vSwitch deleted in one stack is judged by the plane in the other stack only when both are passed', () => {
    expect(plan('stack-cloud.json').code).toBe(0);
  });
});

describe('what the findings say', () => {
  test('replacement names Terraform\'s reason and the path that forces it, and before → after', () => {
    const [f] = plan('cluster-replaced.json').out.findings;
    expect(f.object).toBe('alicloud_cs_managed_kubernetes.cluster');
    expect(f.message).toBe('ACK cluster alicloud_cs_managed_kubernetes.cluster is replaced (destroy, then create; replace_because_cannot_update; forced by service_cidr); '
      + 'network changes: Service CIDR (service_cidr) "172.21.0.0/20" → "172.22.0.0/20". Every node pool, node and pod of the cluster goes with it.');
    expect(f.fix).toMatch(/deletion_protection = true/);
    expect(f.source).toMatch(/AlibabaCloud-ACK-009/);
  });

  test('an exclusive label changed in place says existing nodes keep their old mode', () => {
    const f = plan('node-pools.json').out.findings.find((x: any) => x.ruleId === 'TW-PLAN-006');
    expect(f.message).toMatch(/k8s\.aliyun\.com\/exclusive-mode-eni-type changes \(unset\) → "eniOnly".*existing nodes keep their old mode/);
  });

  test('unknown values are reported as decided at apply, never as safe', () => {
    for (const f of plan('unknown.json').out.findings) expect(f.message).toMatch(/decided at apply/);
  });

  test('trunk off names the planes that exist', () => {
    const f = plan('trunk-off.json').out.findings.find((x: any) => x.object === 'kubernetes_manifest.eni_config');
    expect(f.message).toMatch(/enable_eni_trunking true → \(unset, default false\)\); PodNetworking planes exist: db\./);
  });
});

describe('malformed input: exit 2 and one line naming the file and the problem', () => {
  test.each([
    ['malformed-action.json', /resource_changes\[0\]\.change\.actions\[0\] is "destroy", not one of no-op, create, read, update, delete, forget/],
    ['malformed-not-json.json', /the file is not JSON/],
    ['malformed-state.json', /is Terraform state/],
    ['malformed-version.json', /format_version is "2\.0", a format this guard does not read/],
  ])('%s', (file, message) => {
    const r = audit(['plan', fixture(file)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(message), '']);
    expect(r.stderr).toContain(file);
  });
});

/**
 * The JSON tags of the plan format's Go types in hashicorp/terraform-json v0.28.0
 * (https://github.com/hashicorp/terraform-json/blob/v0.28.0/plan.go and state.go).
 */
const GO_TAGS = {
  Plan: ['format_version', 'terraform_version', 'variables', 'planned_values', 'resource_drift', 'resource_changes', 'deferred_changes', 'complete',
    'output_changes', 'prior_state', 'configuration', 'relevant_attributes', 'checks', 'timestamp', 'action_invocations'],
  ResourceChange: ['address', 'previous_address', 'module_address', 'mode', 'type', 'name', 'index', 'provider_name', 'deposed', 'change', 'action_reason'],
  Change: ['actions', 'before', 'after', 'after_unknown', 'before_sensitive', 'after_sensitive', 'importing', 'generated_config', 'replace_paths', 'before_identity', 'after_identity'],
  State: ['format_version', 'terraform_version', 'values', 'checks'],
  StateResource: ['address', 'mode', 'type', 'name', 'index', 'provider_name', 'schema_version', 'values', 'sensitive_values', 'depends_on', 'tainted', 'deposed_key',
    'identity_schema_version', 'identity'],
};

test('the hand-written fixtures use only field names of the terraform-json v0.28.0 types', () => {
  const extra = (obj: any, allowed: string[]) => Object.keys(obj).filter((k) => !allowed.includes(k));
  const hand = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.startsWith('terraform-json-') && f !== 'malformed-not-json.json');
  expect(hand.length).toBeGreaterThan(10);
  for (const f of hand) {
    const p = JSON.parse(fs.readFileSync(fixture(f), 'utf-8'));
    const problems: string[] = [];
    const isState = p.values !== undefined;
    problems.push(...extra(p, isState ? GO_TAGS.State : GO_TAGS.Plan));
    for (const rc of p.resource_changes ?? []) {
      problems.push(...extra(rc, GO_TAGS.ResourceChange), ...extra(rc.change, GO_TAGS.Change));
      // Every action string is one of action.go's constants.
      for (const a of rc.change.actions) if (!['no-op', 'create', 'read', 'update', 'delete', 'forget'].includes(a)) problems.push(`action ${a}`);
    }
    const state = isState ? p : p.prior_state;
    for (const r of state?.values?.root_module?.resources ?? []) problems.push(...extra(r, GO_TAGS.StateResource));
    // malformed-action.json is wrong on purpose in its action only.
    expect({ f, problems: problems.filter((x) => !(f === 'malformed-action.json' && x === 'action destroy')) }).toEqual({ f, problems: [] });
  }
});
