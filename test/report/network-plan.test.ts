/**
 * The network plan document and page, without a browser: schema, numbers from the capacity
 * function and the address arithmetic, findings placed on their objects, determinism, scale,
 * input errors, and `terway-audit --format html|plan-json` on the audit example.
 * The page in a real browser: network-plan-browser.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { failingApp, FLEET, fleetDocument, nodeModesPlan } from './report-support';
import { buildGitOpsApp } from '../../examples/pod-networking/gitops';
import { EniCapacity, NetworkPlan, NodeNetworkMode } from '../../src';
import { main } from '../../src/audit/cli';
import { RULES } from '../../src/domain/catalog';
import { NetworkPlanDocument, PlanVSwitch } from '../../src/domain/network-plan/model';
import { MAX_BOXES_PER_ZONE, renderNetworkPlanHtml } from '../../src/report/html';

const ROOT = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'network-plan', 'v1.schema.json'), 'utf-8'));
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const vswitches = (doc: NetworkPlanDocument): PlanVSwitch[] => doc.clusters.flatMap((c) => c.zones.flatMap((z) => z.vSwitches));

function auditOut(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, stdinIsTTY: true, readStdin: () => '' });
  return { code, stdout, stderr };
}

describe('NetworkPlan of the node-modes example', () => {
  const plan = nodeModesPlan();
  const doc = plan.document as NetworkPlanDocument;

  test('validates against schemas/network-plan/v1.schema.json; $schema and version name it', () => {
    expectValid(JSON.parse(plan.toJson()));
    expect(doc.$schema).toBe(schema.$id);
    expect(doc.schemaVersion).toBe('1');
  });

  test('vSwitch numbers: size 2^(32-prefix), 4 reserved, headroom = usable - needed', () => {
    const all = vswitches(doc);
    expect(all.map((v) => `${v.role} ${v.cidr}`)).toEqual([
      'node 192.168.0.0/24', 'pod 192.168.32.0/19', 'fixed 192.168.200.0/24',
      'node 192.168.1.0/24', 'pod 192.168.64.0/19', 'node 192.168.2.0/24', 'pod 192.168.96.0/19',
    ]);
    for (const v of all) {
      const prefix = Number(v.cidr!.split('/')[1]);
      expect(v.size).toBe(2 ** (32 - prefix));
      expect(v.usable).toBe(2 ** (32 - prefix) - 4);
      expect(v.headroom).toBe(v.usable! - v.needed!);
    }
    // The fixed pool: 2 nodes in one zone, full nodes of ecs.g7.xlarge in shared mode.
    const fixed = all.find((v) => v.role === 'fixed')!;
    expect(fixed.owner).toBe('allowlisted');
    expect(fixed.needed).toBe(2 * EniCapacity.podsPerNode('ecs.g7.xlarge', NodeNetworkMode.SHARED)!);
  });

  test('node pools: mode and pods per node from EniCapacity.podsPerNode', () => {
    const pools = doc.clusters[0].nodePools;
    expect(pools.map((p) => [p.name, p.mode, p.nodes.planned])).toEqual([['exclusive-eni', 'exclusive', 10], ['allowlisted', 'fixed', 2]]);
    for (const t of pools[0].instanceTypes) expect(t.podsPerNode).toBe(EniCapacity.podsPerNode(t.instanceType, NodeNetworkMode.EXCLUSIVE));
    for (const t of pools[1].instanceTypes) expect(t.podsPerNode).toBe(EniCapacity.podsPerNode(t.instanceType, NodeNetworkMode.SHARED));
    expect(pools[0].taints).toEqual([{ key: 'k8s.aliyun.com/exclusive-mode-eni-type', value: 'eniOnly', effect: 'NoSchedule' }]);
  });

  test('the plane: selector, the cluster pod vSwitches it uses (with CIDRs), the workload it selects; the acknowledged warning on it', () => {
    const [plane] = doc.planes;
    expect(plane.name).toBe('enionly');
    expect(plane.podSelector).toBe('network=enionly');
    expect(plane.vSwitches.map((v) => v.cidr)).toEqual(['192.168.32.0/19', '192.168.64.0/19', '192.168.96.0/19']);
    expect(plane.workloads).toEqual(['Deployment default/feed']);
    expect(plane.findings.map((f) => [f.ruleId, f.acknowledgedReason !== undefined])).toEqual([['TW-PN-015', true]]);
    expect(plane.status).toBe('ok');
  });

  test('deterministic: a second build of the same app gives the same bytes', () => {
    const again = nodeModesPlan();
    expect(again.toJson()).toBe(plan.toJson());
    expect(again.toHtml()).toBe(plan.toHtml());
  });

  test('writeTo writes network-plan.html and network-plan.json and leaves other files alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
    fs.writeFileSync(path.join(dir, 'mine.txt'), 'keep');
    const written = plan.writeTo(dir);
    expect(written.map((f) => path.basename(f))).toEqual(['network-plan.html', 'network-plan.json']);
    expect(fs.readdirSync(dir).sort()).toEqual(['mine.txt', 'network-plan.html', 'network-plan.json']);
    expect(fs.readFileSync(path.join(dir, 'network-plan.json'), 'utf-8')).toBe(plan.toJson());
    expect(fs.readFileSync(path.join(dir, 'mine.txt'), 'utf-8')).toBe('keep');
  });

  test.each(['.ack-terway-network.owned', '.ack-terway-network.json'])('writeTo refuses a GitOpsOutput folder (record %s) and writes nothing', (record) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-gitops-'));
    fs.writeFileSync(path.join(dir, record), '{"kind": "ack-terway-network/owned-files", "files": []}\n');
    expect(() => plan.writeTo(dir)).toThrow(new RegExp(`GitOps manifests folder \\(it holds \\${record}`));
    expect(fs.readdirSync(dir)).toEqual([record]);
  });
});

describe('findings land on the object they concern', () => {
  const { app, k8s } = failingApp();
  const doc = NetworkPlan.of(app, { include: [k8s] }).document as NetworkPlanDocument;

  test('TW-NET-011 on the /26 pod vSwitch, TW-NET-003 on the Service CIDR, TW-PN-007 on the plane', () => {
    expectValid(doc);
    const small = vswitches(doc).find((v) => v.cidr === '10.0.64.0/26')!;
    expect(small.findings.map((f) => f.ruleId)).toEqual([RULES.POD_VSWITCH_TOO_SMALL.id]);
    expect(small.status).toBe('error');
    expect(doc.clusters[0].zones[1].status).toBe('error');
    expect(doc.clusters[0].serviceCidr!.findings.map((f) => f.ruleId)).toEqual([RULES.SERVICE_CIDR_OVERLAP.id]);
    expect(doc.clusters[0].serviceCidr!.overlaps).toEqual(['the VPC CIDR 10.0.0.0/16']);
    const plane = doc.planes.find((p) => p.name === 'empty')!;
    expect(plane.findings.map((f) => f.ruleId)).toContain(RULES.PLANE_NEEDS_VSWITCH.id);
    expect(plane.workloads).toEqual(['Deployment default/web']);
    expect(plane.findings[0].docsUrl).toMatch(/docs\/rules\.md#tw-/);
    // Nothing lands on the wrong vSwitch.
    for (const v of vswitches(doc).filter((x) => x !== small)) expect(v.findings).toEqual([]);
    expect(doc.summary.errors).toBeGreaterThanOrEqual(3);
  });
});

describe('scale: 400 planes, 4,000 workloads', () => {
  const doc = fleetDocument();
  const html = renderNetworkPlanHtml(doc);

  test('the picture draws at most MAX_BOXES_PER_ZONE boxes a zone; the rest are one summary box', () => {
    expect(doc.summary.planes).toBe(FLEET.planes);
    expect(doc.summary.workloads).toBe(FLEET.workloads);
    expect((html.match(/data-vswitch="/g) ?? []).length).toBe(FLEET.zones.length * MAX_BOXES_PER_ZONE);
    expect(html).toContain(`+ ${402 - MAX_BOXES_PER_ZONE} more vSwitches`);
    // The plane vSwitch with an error is not drawn, but its zone and the summary box are red.
    const zone = doc.clusters[0].zones[1];
    expect(zone.vSwitches.filter((v) => v.status === 'error').map((v) => v.label)).toEqual(['plane plane-7 vSwitch #2 in cn-hangzhou-i']);
    expect(zone.status).toBe('error');
    expect(html).toMatch(/stroke="#c62828" stroke-dasharray="4 3"\/><text[^>]*>\+ 394 more vSwitches<\/text><text[^>]*>1 with findings/);
  });

  test('planes are grouped: the one with a finding open, the others in collapsed chunks of 50', () => {
    expect(html).toMatch(/<details class="group" open><summary>1 plane with findings/);
    expect((html.match(/<details class="group"><summary>planes /g) ?? []).length).toBe(Math.ceil((FLEET.planes - 1) / 50));
    expect(html).not.toMatch(/<details class="card [a-z]+" [^>]*data-kind="plane"[^>]* open>/);
  });
});

test('a GitOps cdk8s app alone: the planes with their literal vSwitch IDs and workloads, no cluster drawn', () => {
  const doc = NetworkPlan.of(buildGitOpsApp()).document as NetworkPlanDocument;
  expectValid(doc);
  expect(doc.clusters).toEqual([]);
  expect(doc.planes.map((p) => p.name).sort()).toEqual(['db', 'web']);
  for (const p of doc.planes) {
    expect(p.vSwitches.every((v) => /^vsw-/.test(v.vswitchId ?? ''))).toBe(true);
    expect(p.workloads.length).toBeGreaterThan(0);
  }
});

describe('inputs', () => {
  test('NetworkPlan.of refuses what is not a construct, and a wrong option type', () => {
    expect(() => NetworkPlan.of('app' as any)).toThrow(/NetworkPlan\.of: scope must be a construct, got "app"/);
    expect(() => NetworkPlan.of(failingApp().app, { title: 5 as any })).toThrow(/NetworkPlan\.of: title must be a string/);
    expect(() => NetworkPlan.of(failingApp().app, { include: ['x' as any] })).toThrow(/include\[0\] must be a construct/);
  });

  test('text from the app is escaped in the page', () => {
    const html = NetworkPlan.of(failingApp().app, { title: '<script>alert(1)</script>' }).toHtml();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('terway-audit --format plan-json | html (examples/audit/compliant)', () => {
  const input = path.join(ROOT, 'examples', 'audit', 'compliant');

  test('the document validates; vSwitch headroom is the free IP count of DescribeVSwitches; the html renders that document', () => {
    const json = auditOut(['--format', 'plan-json', input]);
    expect(json.stderr).toBe('');
    const doc = JSON.parse(json.stdout) as NetworkPlanDocument;
    expectValid(doc);
    expect(doc.source).toBe('audit');
    const described = JSON.parse(fs.readFileSync(path.join(input, 'vswitches.json'), 'utf-8')).VSwitches.VSwitch as any[];
    for (const v of vswitches(doc)) {
      const d = described.find((x) => x.VSwitchId === v.vswitchId);
      expect(v.cidr).toBe(d.CidrBlock);
      expect(v.headroom).toBe(d.AvailableIpAddressCount);
    }
    expect(doc.planes.map((p) => p.name)).toEqual(['db']);
    // Node pools from the nodes' labels (alibabacloud.com/nodepool-id, instance type, zone).
    const nodes = JSON.parse(fs.readFileSync(path.join(input, 'nodes.json'), 'utf-8')).items as any[];
    const [pool] = doc.clusters[0].nodePools;
    expect(pool.name).toBe(nodes[0].metadata.labels['alibabacloud.com/nodepool-id']);
    expect(pool.nodes.existing).toBe(nodes.length);
    expect(pool.instanceTypes.map((t) => [t.instanceType, t.podsPerNode])).toEqual([['ecs.g7.xlarge', EniCapacity.podsPerNode('ecs.g7.xlarge', NodeNetworkMode.SHARED)]]);
    const html = auditOut(['--format', 'html', input]);
    expect(html.code).toBe(json.code);
    expect(html.stdout).toBe(renderNetworkPlanHtml(doc));
  });
});
