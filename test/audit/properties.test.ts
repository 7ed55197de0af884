import * as fc from 'fast-check';
import { audit, compliantCluster } from './audit-support';

/** Every exit is 0, 1, 2 or 3; exit 2 is exactly one line on stderr, never a stack trace. */
function expectCleanOutcome(r: { code: number; stdout: string; stderr: string }): void {
  expect([0, 1, 2, 3]).toContain(r.code);
  if (r.code === 2) {
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^terway-audit: <stdin>: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(/could not complete/);
  } else {
    expect(r.stderr).toBe('');
  }
}

test('any JSON on standard input: a report or one clear line, never a crash', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    expectCleanOutcome(audit(['-', '--format', 'json'], { stdin: JSON.stringify(value) }));
  }), { numRuns: 300 });
});

test('clusters with arbitrary field values: a report or one clear line', () => {
  const base = compliantCluster();
  const field = fc.constantFrom('cluster_id', 'cluster_type', 'created', 'current_version', 'vswitch_id', 'vswitch_ids', 'meta_data', 'parameters');
  const param = fc.constantFrom('Network', 'PodVswitchIds', 'ServiceCIDR', 'ContainerCIDR', 'IPStack', 'WorkerInstanceTypes', 'WorkerVSwitchIds');
  fc.assert(fc.property(field, param, fc.jsonValue(), fc.jsonValue(), (f, p, v, w) => {
    const cluster = { ...base, [f]: v, parameters: { ...base.parameters, [p]: w } };
    expectCleanOutcome(audit(['-'], { stdin: JSON.stringify([cluster]) }));
  }), { numRuns: 300 });
});

test('Kubernetes objects with arbitrary specs: a report, or exit 2 for a shape kubectl never writes; never a crash', () => {
  const kind = fc.constantFrom('PodNetworking', 'ConfigMap', 'Node', 'Namespace', 'Deployment', 'StatefulSet', 'Pod', 'DaemonSet');
  fc.assert(fc.property(kind, fc.jsonValue(), fc.jsonValue(), fc.dictionary(fc.string(), fc.string()), (k, spec, data, labels) => {
    const obj = { apiVersion: 'v1', kind: k, metadata: { name: 'x', namespace: 'kube-system', labels }, spec, data };
    const r = audit(['-', '--format', 'sarif', '--allow-not-evaluated'], { stdin: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [obj, { ...obj, metadata: { ...obj.metadata, name: 'eni-config' } }] }) });
    // kubectl writes spec as an object and ConfigMap data as an object of strings.
    const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    const kubectlShape = (spec === null || isMap(spec)) && (k !== 'ConfigMap' || data === null || (isMap(data) && Object.values(data as object).every((x) => typeof x === 'string')));
    if (kubectlShape) {
      expect([0, 1]).toContain(r.code);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    } else {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^terway-audit: <stdin>: \w+ kube-system\/(x|eni-config): (spec|data|data\[".*"\]) is [^\n]+; kubectl writes [^\n]+\n$/);
    }
  }), { numRuns: 300 });
});
