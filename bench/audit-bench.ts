/**
 * Timing benchmark of the audit command (a script, never a test: timings depend on the machine's
 * load). Reports:
 *  - start-up: the compiled bin (`node lib/audit/cli.js --version`) next to a bare `node -e ""`;
 *    the audit's modules are transpiled into tmp/audit-bench first, so no jsii build is needed;
 *  - 1,000 clusters of `aliyun cs GET /clusters` (with DescribeVSwitches);
 *  - 10,000 Kubernetes objects (nodes, namespaces, PodNetworkings, Deployments, Pods, eni-config).
 *
 *   npx projen bench:audit
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as ts from 'typescript';
import { AuditIo, main } from '../src/audit/cli';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'tmp', 'audit-bench');

/** Transpiles src/audit, src/domain and src/plan (all the bin loads) into OUT/lib. */
function transpile(): string {
  for (const dir of ['audit', 'domain', 'plan']) {
    const from = path.join(ROOT, 'src', dir);
    const to = path.join(OUT, 'lib', dir);
    fs.mkdirSync(to, { recursive: true });
    for (const f of fs.readdirSync(from).filter((n) => n.endsWith('.ts'))) {
      const js = ts.transpileModule(fs.readFileSync(path.join(from, f), 'utf-8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false },
      }).outputText;
      fs.writeFileSync(path.join(to, f.replace(/\.ts$/, '.js')), js);
    }
  }
  return path.join(OUT, 'lib', 'audit', 'cli.js');
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf-8', cwd: ROOT });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

const quiet: AuditIo = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, stdinIsTTY: true, readStdin: () => '' };

function timeAudit(files: Record<string, unknown>): { ms: number; code: number } {
  const dir = path.join(OUT, `in-${Object.keys(files).join('-')}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(files)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(value));
  const start = performance.now();
  const code = main([dir, '--format', 'json'], quiet);
  return { ms: performance.now() - start, code };
}

function clusters(n: number) {
  const list = [];
  const vsw = [];
  for (let i = 0; i < n; i++) {
    const id = `c${i.toString(16).padStart(32, '0')}`;
    const terway = i % 3 !== 0;
    const node = `vsw-node${i.toString(16).padStart(12, '0')}`;
    const pod = `vsw-pod${i.toString(16).padStart(12, '0')}`;
    list.push({
      cluster_id: id,
      name: `bench-${i}`,
      cluster_type: 'ManagedKubernetes',
      created: '2024-02-05T16:40:31+08:00',
      current_version: '1.33.1-aliyun.1',
      vswitch_id: node,
      parameters: { Network: terway ? 'terway-eniip' : 'Flannel', PodVswitchIds: JSON.stringify(terway ? [pod] : []), ServiceCIDR: '172.21.0.0/20', WorkerInstanceTypes: 'ecs.g7.xlarge' },
    });
    const b = i % 250;
    vsw.push({ VSwitchId: node, ZoneId: 'cn-hangzhou-h', CidrBlock: `10.${b}.0.0/24`, AvailableIpAddressCount: 250 });
    vsw.push({ VSwitchId: pod, ZoneId: 'cn-hangzhou-h', CidrBlock: `10.${b}.32.0/19`, AvailableIpAddressCount: 8000 });
  }
  return { clusters: { clusters: list, page_info: { total_count: n } }, vswitches: { VSwitches: { VSwitch: vsw } } };
}

function kubeObjects(total: number) {
  const items: unknown[] = [{
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'eni-config', namespace: 'kube-system' },
    data: { eni_conf: JSON.stringify({ vswitches: { 'cn-hangzhou-h': ['vsw-pod000000000001'] }, security_group: 'sg-bench0000001', enable_eni_trunking: true }) },
  }];
  const zones = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];
  for (let i = 0; i < 20; i++) items.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${i}`, labels: { team: `t${i}` } } });
  for (let i = 0; i < 50; i++) {
    items.push({
      apiVersion: 'network.alibabacloud.com/v1beta1',
      kind: 'PodNetworking',
      metadata: { name: `plane-${i}` },
      spec: {
        allocationType: { type: 'Elastic' },
        selector: { podSelector: { matchLabels: { plane: `p${i}` } } },
        securityGroupIDs: ['sg-bench0000001'],
        vSwitchOptions: ['vsw-pod000000000001'],
      },
    });
  }
  const rest = total - items.length;
  const nodes = Math.floor(rest * 0.2);
  const deployments = Math.floor(rest * 0.2);
  for (let i = 0; i < nodes; i++) {
    items.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i}`, labels: { 'alibabacloud.com/nodepool-id': `np${i % 10}`, 'node.kubernetes.io/instance-type': 'ecs.g7.xlarge', 'topology.kubernetes.io/zone': zones[i % 3] } } });
  }
  for (let i = 0; i < deployments; i++) {
    items.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${i}`, namespace: `team-${i % 20}` }, spec: { template: { metadata: { labels: { app: `app-${i}`, plane: `p${i % 50}` } } } } });
  }
  while (items.length < total) {
    const i = items.length;
    items.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `app-${i}`, namespace: `team-${i % 20}`, labels: { plane: `p${i % 50}` }, ownerReferences: [{ kind: 'ReplicaSet', name: `app-${i % deployments}` }] }, spec: {} });
  }
  return { apiVersion: 'v1', kind: 'List', items };
}

const cli = transpile();
const bare = timeProcess(['-e', '']);
const startup = timeProcess([cli, '--version']);
// What the audit avoids: the libraries the constructs need.
const constructLibs = timeProcess(['-e', "require('cdktf'); require('cdk8s'); require('cdk8s-plus-33')"], 3);
console.log(`start-up: terway-audit --version ${startup.toFixed(0)} ms (bare node ${bare.toFixed(0)} ms; the audit's own share ${(startup - bare).toFixed(0)} ms)`);
console.log(`for comparison, loading cdktf + cdk8s + cdk8s-plus-33 alone: ${constructLibs.toFixed(0)} ms`);

const c = timeAudit(clusters(1000));
console.log(`1,000 clusters + DescribeVSwitches: ${c.ms.toFixed(0)} ms (exit ${c.code})`);

const k = timeAudit({ objects: kubeObjects(10_000) });
console.log(`10,000 Kubernetes objects: ${k.ms.toFixed(0)} ms (exit ${k.code})`);
