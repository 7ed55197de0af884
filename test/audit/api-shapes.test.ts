/**
 * The audit and TerwayClusterDescription on cluster descriptions in the shapes the ACK API
 * returns: facts in `meta_data` (a JSON string with Addons, Capabilities.Network, PodVswitchId),
 * `parameters: null`, plain array, paged list, detail. Inputs: test/audit/fixtures/api-shapes,
 * built from help.aliyun.com document 93083 (https://help.aliyun.com/document_detail/93083.html)
 * and the DescribeClusterDetail / DescribeClustersV1 references; see the README there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { audit, folderWith } from './audit-support';
import { TerwayClusterDescription } from '../../src';

const SHAPES = path.join(__dirname, 'fixtures', 'api-shapes');
const file = (name: string) => path.join(SHAPES, name);
const read = (name: string) => JSON.parse(fs.readFileSync(file(name), 'utf-8'));
const json = (args: string[]) => {
  const r = audit([...args, '--format', 'json']);
  return { code: r.code, out: JSON.parse(r.stdout) };
};
const ack009 = (out: any) => out.findings.filter((f: any) => f.ruleId === 'TW-CLUSTER-001');

describe('ACK-009 on every documented response shape', () => {
  test('the Flannel cluster of document 93083 (parameters null, facts in meta_data) fails, naming meta_data.Addons', () => {
    const { code, out } = json([file('detail-flannel.json')]);
    expect(code).toBe(1);
    expect(out.passed).toBe(false);
    expect(ack009(out).map((f: any) => f.message)).toContain(
      'The cluster\'s network add-ons are [flannel]; ACK-009 requires terway-eniip and no flannel. Network plug-in flannel, decided by meta_data.Addons ("flannel, kube-flannel-ds").');
  });

  test('the same cluster in DescribeClustersV1 (paged) and DescribeClusters (plain array) shapes', () => {
    const paged = json([file('clusters-v1-paged.json')]);
    expect(paged.code).toBe(1);
    expect(ack009(paged.out).map((f: any) => f.object)).toContain('cluster/cdde1f21ae22e483ebcb068a6eb7f****');
    const list = json([file('clusters-array.json')]);
    expect(list.code).toBe(1);
    expect([...new Set(ack009(list.out).map((f: any) => f.object))].sort()).toEqual(['cluster/c2222222222222222222222222222****', 'cluster/cdde1f21ae22e483ebcb068a6eb7f****']);
  });

  test('meta_data.Capabilities.Network decides when Addons are absent ("Flannel" fails)', () => {
    const c = read('detail-flannel.json');
    const meta = JSON.parse(c.meta_data);
    delete meta.Addons;
    const { code, out } = json([folderWith({ 'c.json': JSON.stringify({ ...c, meta_data: JSON.stringify(meta) }) })]);
    expect(code).toBe(1);
    expect(ack009(out).map((f: any) => f.message).join('\n')).toContain('decided by meta_data.Capabilities.Network ("Flannel")');
  });

  test('an exclusive ENI cluster (terway-eni) fails: ACK-009 requires terway-eniip', () => {
    const { code, out } = json([file('detail-terway-eni.json')]);
    expect(code).toBe(1);
    expect(ack009(out).map((f: any) => f.message)).toEqual([
      'The cluster\'s network add-ons are [terway-eni]; ACK-009 requires terway-eniip and no terway-eni. Network plug-in terway-eni, decided by meta_data.Addons ("terway-eni").',
    ]);
  });

  test('terway-eniip, with or without Trunk ENI (terway-controlplane), passes; pod vSwitches from meta_data.PodVswitchId', () => {
    for (const name of ['detail-terway-eniip.json', 'detail-terway-trunk.json']) {
      const { out } = json([file(name)]);
      expect(ack009(out)).toEqual([]);
      expect(out.evaluated).toContainEqual({ evaluator: 'ack-009', object: `cluster/${read(name).cluster_id}` });
      // The pod vSwitch is read, so the vSwitch rules ask for it by ID.
      expect(out.notEvaluated.find((n: any) => n.evaluator === 'cluster-vswitches').missing[0]).toMatch(/vsw-2zepod\daaaaaaaaaaa\*\*\*\*/);
    }
  });

  test('Capabilities.Network "Terway" alone does not tell the mode: not evaluated, exit 3 unless allowed', () => {
    const r = audit([file('detail-terway-capabilities-only.json')]);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toMatch(/\bpassed \(/);
    expect(r.stdout).toMatch(/NOT PASSED: ACK-009 \(TW-CLUSTER-001\) not evaluated for cluster\/c4444444444444444444444444444\*\*\*\*/);
    const { out } = json([file('detail-terway-capabilities-only.json')]);
    expect(out.passed).toBe(false);
    expect(out.notEvaluated.find((n: any) => n.evaluator === 'ack-009').missing[0]).toMatch(/^the Terway mode \(meta_data.Capabilities.Network says "Terway"/);
    expect(audit([file('detail-terway-capabilities-only.json'), '--allow-not-evaluated']).code).toBe(0);
  });

  test('a list entry without network fields is not evaluated: exit 3, never "passed"', () => {
    const r = audit([file('list-short.json')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/NOT PASSED/);
    expect(r.stdout).not.toMatch(/\bpassed \(/);
  });

  test('empty input is not a pass: [], an empty paged list, a folder without clusters', () => {
    for (const stdin of ['[]', '{"clusters": [], "page_info": {"page_number": 1, "page_size": 10, "total_count": 0}}']) {
      const r = audit(['-'], { stdin });
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/NOT PASSED: ACK-009 \(TW-CLUSTER-001\) not evaluated for cluster \(exit 3/);
    }
    const dir = folderWith({ 'ns.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } }] }) });
    expect(audit([dir]).code).toBe(3);
    expect(JSON.parse(audit([dir, '--format', 'json']).stdout).passed).toBe(false);
    expect(audit([dir, '--allow-not-evaluated']).code).toBe(0);
  });

  test('list and detail output of the same cluster: one cluster, no duplicate "not evaluated" rows', () => {
    const both = folderWith({
      'a-list.json': fs.readFileSync(file('list-short.json'), 'utf-8'),
      'b-detail.json': fs.readFileSync(file('detail-flannel.json'), 'utf-8'),
    });
    const { code, out } = json([both]);
    expect(code).toBe(1);
    expect(out.notEvaluated.filter((n: any) => n.evaluator === 'ack-009')).toEqual([]);
    const rows = out.notEvaluated.map((n: any) => JSON.stringify([n.evaluator, n.object]));
    expect(new Set(rows).size).toBe(rows.length);
    expect(out.notes.join('\n')).toMatch(/cluster\/cdde1f21ae22e483ebcb068a6eb7f\*\*\*\* is in .*a-list.json and .*b-detail.json; their facts are read as one cluster\./);
    const table = audit([both]).stdout;
    expect(table.match(/^ {2}cluster\/cdde1f21ae22e483ebcb068a6eb7f\*\*\*\*:/mg) ?? []).toHaveLength(new Set(out.notEvaluated.filter((n: any) => n.object.startsWith('cluster/')).map((n: any) => n.evaluator)).size);
  });
});

describe('TerwayClusterDescription on the meta_data shape', () => {
  test('a terway-eniip cluster gives its facts (no "re-create it")', () => {
    const info = TerwayClusterDescription.fromDescribeCluster(read('detail-terway-eniip.json'));
    expect(info).toEqual({
      clusterId: 'c1111111111111111111111111111****',
      zones: undefined,
      securityGroupId: 'sg-2zeihch86ooz9io4****',
      vpcId: 'vpc-2zecuu62b9zw7a7qn****',
      dedicatedCluster: false,
      createdBeforeJune2020: true,
    });
    const vsw = { VSwitches: { VSwitch: [{ VSwitchId: 'vsw-2zete8s4qocqg0mf6****', ZoneId: 'cn-beijing-a' }, { VSwitchId: 'vsw-2zepod1aaaaaaaaaaa****', ZoneId: 'cn-beijing-a' }] } };
    expect(TerwayClusterDescription.fromDescribeCluster(read('detail-terway-eniip.json'), { describeVSwitches: vsw }).zones).toEqual([
      { zoneId: 'cn-beijing-a', nodeVSwitchIds: ['vsw-2zete8s4qocqg0mf6****'], podVSwitchIds: ['vsw-2zepod1aaaaaaaaaaa****'] },
    ]);
  });

  test('a Flannel cluster is refused naming the field that decided', () => {
    expect(() => TerwayClusterDescription.fromDescribeCluster(read('detail-flannel.json')))
      .toThrow(/cluster.meta_data.Addons is "flannel, kube-flannel-ds": the cluster runs flannel, not Terway/);
  });

  test('a list entry that names no network plug-in asks for the detail output (not "re-create it")', () => {
    const run = () => TerwayClusterDescription.fromDescribeCluster(read('list-short.json')[0]);
    expect(run).toThrow(/cluster names no network plug-in \(none of parameters.Network, meta_data.Addons, meta_data.Capabilities.Network\); pass the output of `aliyun cs GET \/clusters\/<id>`/);
    expect(run).not.toThrow(/re-create/);
  });

  test('null options read as no options; a non-object is a clear error', () => {
    expect(TerwayClusterDescription.fromDescribeCluster(read('detail-terway-eniip.json'), null as any).clusterId).toBe('c1111111111111111111111111111****');
    expect(() => TerwayClusterDescription.fromDescribeCluster(read('detail-terway-eniip.json'), 5 as any))
      .toThrow(/TerwayClusterDescription.fromDescribeCluster: options must be an object, got 5 \(number\)/);
  });

  test('fromFiles takes a path, never a file descriptor (a number would block reading it)', () => {
    expect(() => TerwayClusterDescription.fromFiles(5 as any)).toThrow(/TerwayClusterDescription.fromFiles: describeClusterFile must be a string, got 5 \(number\)/);
    expect(() => TerwayClusterDescription.fromFiles(file('detail-terway-eniip.json'), 0 as any)).toThrow(/describeVSwitchesFile must be a string/);
  });
});
