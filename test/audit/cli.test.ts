import * as fs from 'fs';
import * as path from 'path';
import { audit, COMPLIANT, compliantCluster, folderWith, ACK_009_SAMPLES, seedClusters, WAIVERS } from './audit-support';

const SEED_IDS = ['abcd1234abcd1234abcd1234abcd1234a', '1234abcd1234abcd1234abcd1234abcd1'];

describe('ACK-009 on the two clusters of the compliance rule', () => {
  test('both fail TW-CLUSTER-001 with the re-create remediation; exit 1', () => {
    const r = audit([ACK_009_SAMPLES]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(audit([ACK_009_SAMPLES, '--format', 'json']).stdout);
    for (const id of SEED_IDS) {
      const f = json.findings.find((x: any) => x.object === `cluster/${id}` && x.message.includes('[Flannel]'));
      expect(f.message).toBe('The cluster\'s network add-ons are [Flannel]; ACK-009 requires terway-eniip. Network plug-in flannel, decided by parameters.Network ("Flannel").');
      expect(f.fix).toMatch(/^Re-create the cluster with Terway: the network plug-in cannot be changed in place\./);
      expect(r.stdout).toMatch(new RegExp(`^TW-CLUSTER-001 +error +cluster/${id}\n {4}The cluster's network add-ons are \\[Flannel\\]`, 'm'));
    }
    // The second cluster also shows PodVswitchIds "[]" (Terway without pod vSwitches would fail the same way).
    expect(r.stdout).toMatch(/TW-CLUSTER-001 +error +cluster\/1234abcd1234abcd1234abcd1234abcd1\n {4}No pod vSwitches \(pod_vswitch_ids\) are set\./);
    expect(r.stdout).toMatch(/FAILED \(3 at or above --fail-on error\)/);
  });

  test('the paged response of the newer API, read from standard input', () => {
    const paged = JSON.stringify({ clusters: seedClusters(), page_info: { page_number: 1, page_size: 10, total_count: 2 } });
    const r = audit(['--format', 'json'], { stdin: paged });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect([...new Set(out.findings.filter((f: any) => f.ruleId === 'TW-CLUSTER-001').map((f: any) => f.object))].sort()).toEqual(SEED_IDS.map((id) => `cluster/${id}`).sort());
    expect(out.findings[0].file).toBe('<stdin>');
  });

  test('a Terway cluster without pod vSwitches fails; PodVswitchIds is a JSON array inside a string', () => {
    const c = compliantCluster();
    const dir = folderWith({ 'c.json': JSON.stringify({ ...c, parameters: { ...c.parameters, PodVswitchIds: '[]' } }) });
    const r = audit([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: any) => [f.ruleId, f.message])).toContainEqual(['TW-CLUSTER-001', 'No pod vSwitches (pod_vswitch_ids) are set.']);
  });

  test('a list response without parameters: ACK-009 is not evaluated for that cluster, never passed', () => {
    const short = { cluster_id: 'c0000000000000000000000000000000f', name: 'legacy', network_mode: 'vpc', vpc_id: 'vpc-abcd1234', state: 'running' };
    const out = JSON.parse(audit(['-', '--format', 'json'], { stdin: JSON.stringify([short]) }).stdout);
    expect(out.findings.filter((f: any) => f.ruleId === 'TW-CLUSTER-001')).toEqual([]);
    expect(out.notEvaluated).toContainEqual({
      evaluator: 'ack-009',
      ruleIds: ['TW-CLUSTER-001', 'TW-CLUSTER-002'],
      object: 'cluster/c0000000000000000000000000000000f',
      missing: ['the network plug-in (the output holds none of parameters.Network, meta_data.Addons, meta_data.Capabilities.Network; save aliyun cs GET /clusters/<id> for this cluster)'],
    });
  });

  test('terway-eni (exclusive ENI cluster mode) is not terway-eniip', () => {
    const c = compliantCluster();
    const dir = folderWith({ 'c.json': JSON.stringify({ ...c, parameters: { ...c.parameters, Network: 'terway-eni' } }) });
    expect(audit([dir]).stdout).toMatch(/TW-CLUSTER-001 .*\n {4}The cluster's network add-ons are \[terway-eni\]; ACK-009 requires terway-eniip and no terway-eni\.\n {4}Network plug-in terway-eni, decided by parameters.Network/);
  });
});

describe('a compliant Terway cluster with its kubectl dumps', () => {
  test('exit 0; every rule evaluated; one advisory warning', () => {
    const r = audit([COMPLIANT]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('NOT EVALUATED');
    expect(r.stdout).toMatch(/^TW-PN-015 +warning +podnetworking\/db\n/m);
    expect(r.stdout).toMatch(/\n0 errors, 1 warning, 0 waived; 0 rule checks not evaluated \(missing input\)\npassed \(--fail-on error\)\n$/);
  });

  test('--fail-on warning fails on the warning; a waiver shows it as waived and passes', () => {
    expect(audit([COMPLIANT, '--fail-on', 'warning']).code).toBe(1);
    const waived = audit([COMPLIANT, '--fail-on', 'warning', '--waivers', WAIVERS]);
    expect(waived.code).toBe(0);
    expect(waived.stdout).toMatch(/^TW-PN-015 +warning \(waived\) +podnetworking\/db\n(?: {4}.*\n)* {4}WAIVED: same-node isolation for the db namespace/m);
    expect(waived.stdout).toContain('0 errors, 0 warnings, 1 waived');
  });

  test('--fail-on never always exits 0; waivers can acknowledge errors, which stay visible', () => {
    expect(audit([ACK_009_SAMPLES, '--fail-on', 'never']).code).toBe(0);
    const w = folderWith({ 'w.json': JSON.stringify({ waivers: [{ ruleId: 'TW-CLUSTER-001', object: '*', reason: 'legacy Flannel clusters, retired in Q1' }] }) });
    const r = audit([ACK_009_SAMPLES, '--waivers', path.join(w, 'w.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^TW-CLUSTER-001 +error \(waived\)/.test(l))).toHaveLength(3);
  });

  test('an unused waiver is reported as a note', () => {
    const w = folderWith({ 'w.json': JSON.stringify([{ ruleId: 'TW-NET-003', object: 'cluster/nope', reason: 'r' }]) });
    expect(audit([COMPLIANT, '--waivers', path.join(w, 'w.json')]).stdout).toContain('waiver TW-NET-003 cluster/nope matched no finding.');
  });
});

describe('missing inputs are reported as not evaluated, never as passed', () => {
  test('a cluster alone: vSwitch and Kubernetes rules are listed as not evaluated', () => {
    const dir = folderWith({ 'cluster.json': JSON.stringify(compliantCluster()) });
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    const cluster = out.notEvaluated.find((n: any) => n.evaluator === 'cluster-vswitches');
    expect(cluster.ruleIds).toEqual(expect.arrayContaining(['TW-NET-003', 'TW-NET-006']));
    expect(cluster.missing[0]).toMatch(/^vswitches \(DescribeVSwitches output for vsw-/);
    expect(out.notEvaluated.find((n: any) => n.object === 'kubernetes').ruleIds).toEqual(expect.arrayContaining(['TW-PN-001', 'TW-PN-016', 'TW-ENICONF-006']));
    expect(out.evaluated.map((e: any) => e.evaluator)).not.toContain('cluster-vswitches');
  });

  test('an instance type of unknown ENI capacity: TW-NODEPOOL-001 not evaluated for that object', () => {
    const c = compliantCluster();
    const dir = folderWith({ 'c.json': JSON.stringify({ ...c, parameters: { ...c.parameters, WorkerInstanceTypes: 'ecs.ic5.xlarge,ecs.g7.xlarge' } }) });
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    expect(out.notEvaluated).toContainEqual({
      evaluator: 'worker-instance-types',
      ruleIds: ['TW-NODEPOOL-001'],
      object: `cluster/${c.cluster_id}`,
      missing: ['ENI capacity of ecs.ic5.xlarge (aliyun ecs DescribeInstanceTypes output)'],
    });
    const types = { InstanceTypes: { InstanceType: [{ InstanceTypeId: 'ecs.ic5.xlarge', EniQuantity: 2, EniPrivateIpAddressQuantity: 10 }] } };
    const withTypes = JSON.parse(audit([dir, folderWith({ 't.json': JSON.stringify(types) }), '--format', 'json']).stdout);
    expect(withTypes.notEvaluated.filter((n: any) => n.evaluator === 'worker-instance-types')).toEqual([]);
    expect(withTypes.findings.map((f: any) => f.message)).toContain(
      'Instance type ecs.ic5.xlarge offers (2 − 1) × 10 = 10 pod IPs in shared ENI mode (11 or fewer), so its nodes cannot join node pool of the cluster\'s default workers (WorkerInstanceTypes).');
  });

  test('several clusters and kubectl dumps: cluster-dependent Kubernetes rules need --cluster', () => {
    const dir = folderWith({
      'clusters.json': JSON.stringify([...seedClusters(), compliantCluster()]),
      'k/pn.json': fs.readFileSync(path.join(COMPLIANT, 'podnetworkings.json'), 'utf-8'),
    });
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    expect(out.notEvaluated.find((n: any) => n.evaluator === 'podnetworkings-cluster-age').missing[0]).toMatch(/pass --cluster <id>/);
    const picked = JSON.parse(audit([dir, '--format', 'json', '--cluster', compliantCluster().cluster_id]).stdout);
    expect(picked.evaluated.map((e: any) => e.evaluator)).toContain('podnetworkings-cluster-age');
  });
});

describe('rules over the inputs', () => {
  const cluster = compliantCluster();
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(COMPLIANT, f), 'utf-8'));

  test('pod vSwitch in a zone without node vSwitch, Service CIDR overlap (DescribeVSwitches)', () => {
    const vsw = read('vswitches.json');
    vsw.VSwitches.VSwitch[3].ZoneId = 'eu-west-1c';
    const c = { ...cluster, parameters: { ...cluster.parameters, ServiceCIDR: '10.0.64.0/20' } };
    const r = audit([folderWith({ 'c.json': JSON.stringify(c), 'v.json': JSON.stringify(vsw) }), '--format', 'json']);
    const ids = JSON.parse(r.stdout).findings.map((f: any) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['TW-NET-006', 'TW-NET-003', 'TW-NET-007']));
    expect(r.code).toBe(1);
  });

  test('Trunk ENI planes on a managed cluster created before June 2020', () => {
    const c = { ...cluster, created: '2019-11-25T15:50:20+08:00' };
    const dir = folderWith({ 'c.json': JSON.stringify(c), 'pn.json': JSON.stringify(read('podnetworkings.json')) });
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    expect(out.findings.find((f: any) => f.ruleId === 'TW-PN-016').message).toBe('The cluster is an ACK managed cluster created before June 2020.');
  });

  test('overlapping and select-all planes; Fixed plane over a Deployment', () => {
    const pn = read('podnetworkings.json');
    const all = JSON.parse(JSON.stringify(pn.items[0]));
    all.metadata.name = 'everything';
    all.spec.allocationType = { type: 'Elastic' };
    all.spec.selector = { namespaceSelector: {} };
    const fixedWeb = JSON.parse(JSON.stringify(pn.items[0]));
    fixedWeb.metadata.name = 'web-fixed';
    fixedWeb.spec.selector = { podSelector: { matchLabels: { app: 'shop' } } };
    const dir = folderWith({
      'pn.json': JSON.stringify({ ...pn, items: [...pn.items, all, fixedWeb] }),
      'ns.json': JSON.stringify(read('namespaces.json')),
      'w.json': JSON.stringify(read('workloads.json')),
    });
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    const by = (id: string) => out.findings.filter((f: any) => f.ruleId === id).map((f: any) => `${f.object}: ${f.message}`);
    expect(by('TW-PN-020').join('\n')).toMatch(/Every pod that plane db selects is also selected by plane everything/);
    expect(by('TW-PN-001').join('\n')).toMatch(/Fixed plane web-fixed selects Deployment web\/shop/);
    expect(by('TW-PN-010').length).toBeGreaterThan(0);
  });

  test('eni_conf values: not JSON, misplaced keys, per-node-pool ConfigMap merged over the base', () => {
    const base = read('eni-config.json');
    const pool = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'eni-config-fixed', namespace: 'kube-system' }, data: { eni_conf: '{"eniip_virtual_type":"IPVlan","vswitches":{"eu-west-1a":["vsw-fixed1234"]}}' } };
    const broken = { ...base, data: { ...base.data, eni_conf: '{"vswitches":' } };
    const r1 = JSON.parse(audit([folderWith({ 'a.json': JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [base, pool] }) }), '--format', 'json']).stdout);
    expect(r1.findings.map((f: any) => `${f.ruleId} ${f.object}`)).toEqual(['TW-ENICONF-004 configmap/kube-system/eni-config-fixed']);
    const r2 = JSON.parse(audit([folderWith({ 'a.json': JSON.stringify(broken) }), '--format', 'json']).stdout);
    expect(r2.findings.map((f: any) => f.ruleId)).toContain('TW-ENICONF-005');
  });

  test('node pools from node labels, with DescribeInstanceTypes capacity', () => {
    const nodes = read('nodes.json');
    const types = { InstanceTypes: { InstanceType: [{ InstanceTypeId: 'ecs.g7.xlarge', EniQuantity: 2, EniPrivateIpAddressQuantity: 6 }] } };
    const out = JSON.parse(audit([folderWith({ 'n.json': JSON.stringify(nodes), 't.json': JSON.stringify(types) }), '--format', 'json']).stdout);
    expect(out.findings.map((f: any) => `${f.ruleId} ${f.object}`)).toEqual(['TW-NODEPOOL-001 nodepool/np9f8e7d6c5b4a39281706f5e4d3c2b1a0']);
  });

  test('pod vSwitch capacity for the pods scheduled (pods + DescribeVSwitches)', () => {
    const vsw = read('vswitches.json');
    vsw.VSwitches.VSwitch[2].CidrBlock = '10.0.32.0/29';
    vsw.VSwitches.VSwitch[3].CidrBlock = '10.0.64.0/29';
    const pods = read('pods.json');
    const bare = (i: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `job-${i}`, namespace: 'web' }, spec: { containers: [] } });
    const hostNetwork = { ...bare(99), spec: { hostNetwork: true, containers: [] } };
    pods.items.push(...[1, 2, 3, 4].map(bare), hostNetwork);
    const out = JSON.parse(audit([folderWith({ 'c.json': JSON.stringify(cluster), 'v.json': JSON.stringify(vsw), 'p.json': JSON.stringify(pods) }), '--format', 'json']).stdout);
    expect(out.findings.find((f: any) => f.ruleId === 'TW-NET-010').message).toBe('Pod vSwitches offer 8 usable IPs but 9 pods are expected.');
  });
});

describe('bad input: one line naming the file and what was expected, exit 2, no stack trace', () => {
  const expectOneLine = (r: { code: number; stdout: string; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(pattern);
  };
  const one = (name: string, text: string) => path.join(folderWith({ [name]: text }), name);

  test('not JSON', () => {
    const f = one('clusters.json', '| cluster_id | name |');
    expectOneLine(audit([f]), new RegExp(`^terway-audit: ${f}: not JSON \\(.*\\); expected the JSON output of \`aliyun cs GET /clusters\``));
  });
  test('empty file', () => {
    const f = one('clusters.json', '\n');
    expectOneLine(audit([f]), new RegExp(`${f}: empty; expected the JSON output`));
  });
  test('missing file', () => {
    expectOneLine(audit(['/nonexistent/clusters.json']), /^terway-audit: \/nonexistent\/clusters.json: no such file or folder; expected/);
  });
  test('wrong shape', () => {
    const f = one('package.json', JSON.stringify({ name: 'x', version: '1.0.0' }));
    expectOneLine(audit([f]), new RegExp(`${f}: an object with keys name, version is none of the inputs the audit reads`));
  });
  test('a cluster field of the wrong type', () => {
    const c = compliantCluster();
    const f = one('c.json', JSON.stringify({ ...c, parameters: { ...c.parameters, PodVswitchIds: ['vsw-a'] } }));
    expectOneLine(audit([f]), /c.json: cluster.parameters.PodVswitchIds must be a string, got an array of 1 \(array\); expected/);
  });
  test('PodVswitchIds that is not a JSON array inside a string', () => {
    const c = compliantCluster();
    const f = one('c.json', JSON.stringify({ ...c, parameters: { ...c.parameters, PodVswitchIds: 'vsw-a,vsw-b' } }));
    expectOneLine(audit([f]), /parameters.PodVswitchIds is "vsw-a,vsw-b", expected a JSON array of vSwitch IDs inside a string/);
  });
  test('an array that is not clusters', () => {
    const f = one('a.json', JSON.stringify([{ cluster_id: 'c1', parameters: {} }, 3]));
    expectOneLine(audit([f]), /a.json: item \[1\] of the array is not a cluster/);
  });
  test('a List with an item that is not a Kubernetes object', () => {
    const f = one('a.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Pod' }] }));
    expectOneLine(audit([f]), /a.json: items\[0\] is not a Kubernetes object/);
  });
  test('a folder of unrelated files', () => {
    const dir = folderWith({ 'notes.txt': 'hello', 'sub/clusters.yaml': 'a: 1' });
    expectOneLine(audit([dir]), new RegExp(`${dir}: no .json file in the folder \\(2 other files skipped\\)`));
  });
  test('a folder with an unrelated .json file names that file', () => {
    const dir = folderWith({ 'ok.json': JSON.stringify(compliantCluster()), 'tsconfig.json': '{"compilerOptions":{}}' });
    expectOneLine(audit([dir]), new RegExp(`${path.join(dir, 'tsconfig.json')}: an object with keys compilerOptions`));
  });
  test('non-.json files next to inputs are skipped with a note', () => {
    const dir = folderWith({ 'c.json': JSON.stringify(compliantCluster()), 'README.md': '# dumps' });
    const r = audit([dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${dir}: skipped 1 file not ending in .json.`);
  });
  test('empty standard input', () => {
    expectOneLine(audit(['-'], { stdin: '' }), /^terway-audit: <stdin>: empty; expected/);
  });
  test('no input at all on a terminal', () => {
    expectOneLine(audit([]), /^terway-audit: no input\. usage: terway-audit/);
  });
  test('bad options', () => {
    expectOneLine(audit([ACK_009_SAMPLES, '--format', 'xml']), /--format: is "xml"; expected table, json, sarif, html or plan-json\./);
    expectOneLine(audit([ACK_009_SAMPLES, '--fail-on', 'info']), /--fail-on: is "info"; expected error, warning or never\./);
    expectOneLine(audit([ACK_009_SAMPLES, '--frobnicate']), /--frobnicate: is not an option\. usage:/);
    expectOneLine(audit([ACK_009_SAMPLES, '--cluster', 'c-nope']), /--cluster: c-nope is not among the clusters in the inputs/);
  });
  test('bad waiver files', () => {
    const missing = audit([ACK_009_SAMPLES, '--waivers', '/nonexistent/w.json']);
    expectOneLine(missing, /\/nonexistent\/w.json: no such waiver file/);
    const noReason = one('w.json', JSON.stringify({ waivers: [{ ruleId: 'TW-CLUSTER-001', object: '*' }] }));
    expectOneLine(audit([ACK_009_SAMPLES, '--waivers', noReason]), /w.json: waivers\[0\].reason is required; expected \{"waivers"/);
    const unknown = one('w.json', JSON.stringify({ waivers: [{ ruleId: 'CKV_ALI_1', object: '*', reason: 'r' }] }));
    expectOneLine(audit([ACK_009_SAMPLES, '--waivers', unknown]), /waivers\[0\].ruleId is "CKV_ALI_1", which is no rule of this library/);
  });
});

describe('progress line', () => {
  const many = () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } }));
    return folderWith({ 'ns.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
  };
  test('on a terminal for large input; never otherwise', () => {
    const dir = many();
    expect(audit([dir], { stderrIsTTY: true }).stderr).toMatch(/^terway-audit: read 1 input\(s\), [\d.]+ MB: 0 clusters, 5000 Kubernetes objects; evaluating…\n$/);
    expect(audit([dir], { stderrIsTTY: false }).stderr).toBe('');
    expect(audit([COMPLIANT], { stderrIsTTY: true }).stderr).toBe('');
  });
});
