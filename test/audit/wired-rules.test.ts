/**
 * Rules wired into the audit from existing domain functions: each fails on a small change to the
 * compliant example, and is reported "not evaluated" (never passed) when its inputs are missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { audit, COMPLIANT, folderWith } from './audit-support';

function compliantFiles(): Record<string, any> {
  return Object.fromEntries(fs.readdirSync(COMPLIANT).map((f) => [f, JSON.parse(fs.readFileSync(path.join(COMPLIANT, f), 'utf-8'))]));
}

function run(files: Record<string, any>): any {
  const dir = folderWith(Object.fromEntries(Object.entries(files).map(([f, v]) => [f, JSON.stringify(v)])));
  return JSON.parse(audit([dir, '--format', 'json']).stdout);
}

const ids = (out: any, ruleId: string) => out.findings.filter((f: any) => f.ruleId === ruleId).map((f: any) => `${f.object} ${f.message}`);
const skipped = (out: any, ruleId: string) => out.notEvaluated.filter((n: any) => n.ruleIds.includes(ruleId));

test('the compliant example decides every wired rule and passes them', () => {
  const out = run(compliantFiles());
  for (const id of ['TW-WL-001', 'TW-EXCL-005', 'TW-ENICONF-007', 'TW-ENICONF-008', 'TW-ENICONF-009']) {
    expect(ids(out, id)).toEqual([]);
    expect(skipped(out, id)).toEqual([]);
  }
});

test('TW-WL-001: a container hostPort on a Terway cluster', () => {
  const files = compliantFiles();
  const shop = files['workloads.json'].items.find((w: any) => w.metadata.name === 'shop');
  shop.spec.template.spec.containers[0].ports = [{ containerPort: 8080, hostPort: 80 }];
  const out = run(files);
  expect(ids(out, 'TW-WL-001')).toEqual([expect.stringMatching(/^deployment\/web\/shop Deployment web\/shop .* sets hostPort 80 on container app; Terway does not support hostPort\.$/)]);
});

test('TW-WL-001 without a cluster description: decided when eni-config shows Terway, not evaluated otherwise', () => {
  const files = compliantFiles();
  delete files['cluster.json'];
  files['workloads.json'].items[0].spec.template.spec.containers[0].ports = [{ containerPort: 5432, hostPort: 5432 }];
  expect(ids(run(files), 'TW-WL-001')).toHaveLength(1);
  delete files['eni-config.json'];
  files['workloads.json'].items = files['workloads.json'].items.filter((w: any) => w.metadata.name !== 'terway-eniip');
  const out = run(files);
  expect(ids(out, 'TW-WL-001')).toEqual([]);
  expect(skipped(out, 'TW-WL-001')).toEqual([expect.objectContaining({ evaluator: 'workload-host-ports', missing: [expect.stringContaining('whether the cluster runs Terway')] })]);
});

test('TW-EXCL-005: a NetworkPolicy selecting pods of an eniType ENI plane', () => {
  const files = compliantFiles();
  files['podnetworkings.json'].items.find((p: any) => p.metadata.name === 'db').spec.eniOptions.eniType = 'ENI';
  const out = run(files);
  expect(ids(out, 'TW-EXCL-005')).toEqual([expect.stringMatching(/^networkpolicy\/db\/postgres-clients NetworkPolicy db\/postgres-clients selects the pods of StatefulSet db\/postgres, which get exclusive ENIs \(plane db \(eniType ENI\) selects them\)/)]);
});

test('TW-EXCL-005: workloads required onto exclusive ENI nodes; not evaluated without NetworkPolicies', () => {
  const files = compliantFiles();
  const pg = files['workloads.json'].items.find((w: any) => w.metadata.name === 'postgres');
  pg.spec.template.spec.nodeSelector = { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' };
  expect(ids(run(files), 'TW-EXCL-005')).toEqual([expect.stringContaining('they require nodes labelled k8s.aliyun.com/exclusive-mode-eni-type: eniOnly')]);
  delete files['networkpolicies.json'];
  const out = run(files);
  expect(ids(out, 'TW-EXCL-005')).toEqual([]);
  expect(skipped(out, 'TW-EXCL-005')).toEqual([expect.objectContaining({ evaluator: 'exclusive-eni-network-policies', missing: ['networkpolicies'] })]);
});

test('TW-ENICONF-007/008/009: key types and values of the base eni_conf and removed keys in a node-pool patch', () => {
  const files = compliantFiles();
  const cm = files['eni-config.json'];
  const conf = JSON.parse(cm.data.eni_conf);
  cm.data.eni_conf = JSON.stringify({ ...conf, max_pool_size: '5', ipam_type: 'ipam' });
  files['eni-config-pool.json'] = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'eni-config-fixed', namespace: 'kube-system' },
    data: { eni_conf: JSON.stringify({ enable_eip_migrate: true, max_pool_size: null }) },
  };
  const out = run(files);
  expect(ids(out, 'TW-ENICONF-007')).toEqual([expect.stringMatching(/^configmap\/kube-system\/eni-config eni_conf of kube-system\/eni-config: max_pool_size is the string "5"/)]);
  expect(ids(out, 'TW-ENICONF-008')).toEqual([expect.stringMatching(/^configmap\/kube-system\/eni-config eni_conf of kube-system\/eni-config: ipam_type/)]);
  // The patch's null deletes the key (merge patch): not a type error.
  expect(ids(out, 'TW-ENICONF-009')).toEqual(['configmap/kube-system/eni-config-fixed eni_conf of ConfigMap kube-system/eni-config-fixed sets "enable_eip_migrate", which Terway no longer reads.']);
});

describe('TW-EIP-*: pod EIP annotation values', () => {
  function withEip(annotations: Record<string, string>, name = 'shop'): Record<string, any> {
    const files = compliantFiles();
    const w = files['workloads.json'].items.find((x: any) => x.metadata.name === name);
    w.spec.template.metadata = { ...w.spec.template.metadata, annotations };
    return files;
  }

  test('bandwidth, charge types, ISP, tags, release strategy and a fixed EIP on a Deployment', () => {
    const out = run(withEip({
      'network.alibabacloud.com/pod-with-eip': 'true',
      'network.alibabacloud.com/eip-bandwidth': '0',
      'network.alibabacloud.com/eip-internet-charge-type': 'PayByDay',
      'k8s.aliyun.com/eip-instance-charge-type': 'PrePaid',
      'network.alibabacloud.com/eip-isp': 'Galaxy',
      'network.alibabacloud.com/eip-tags': '{"team":1}',
      'network.alibabacloud.com/pod-eip-release-strategy': '1d',
    }));
    const mine = out.findings.filter((f: any) => f.object === 'deployment/web/shop').map((f: any) => f.ruleId).sort();
    expect(mine).toEqual(['TW-EIP-007', 'TW-EIP-011', 'TW-EIP-012', 'TW-EIP-013', 'TW-EIP-014', 'TW-EIP-015', 'TW-EIP-016']);
    expect(skipped(out, 'TW-EIP-011')).toEqual([]);
  });

  test('tags that are not JSON, and an existing EIP ID of the wrong form', () => {
    const out = run(withEip({ 'k8s.aliyun.com/pod-eip-instanceid': 'EIP-1', 'k8s.aliyun.com/eip-tags': 'team=shop' }, 'postgres'));
    expect(ids(out, 'TW-EIP-015')).toEqual(['statefulset/db/postgres StatefulSet db/postgres: annotation eip-tags "team=shop" is not a JSON object.']);
    expect(ids(out, 'TW-EIP-022')).toEqual([expect.stringContaining('existingEipId "EIP-1" is not an ID of the form eip-…')]);
  });

  test('the same existing EIP on two workloads', () => {
    const files = withEip({ 'k8s.aliyun.com/pod-eip-instanceid': 'eip-abc' }, 'postgres');
    const shop = files['workloads.json'].items.find((x: any) => x.metadata.name === 'shop');
    shop.spec.template.metadata.annotations = { 'network.alibabacloud.com/pod-eip-instanceid': 'eip-abc' };
    const out = run(files);
    expect(ids(out, 'TW-EIP-010').sort()).toEqual([
      'deployment/web/shop EIP eip-abc is given to 2 workloads: deployment/web/shop, statefulset/db/postgres.',
      'statefulset/db/postgres EIP eip-abc is given to 2 workloads: deployment/web/shop, statefulset/db/postgres.',
    ]);
  });

  test('no EIP annotations: nothing to report', () => {
    const out = run(compliantFiles());
    expect(out.findings.filter((f: any) => f.ruleId.startsWith('TW-EIP'))).toEqual([]);
  });
});
