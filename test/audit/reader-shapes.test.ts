/**
 * Issue 18, the audit command: folders with symbolic links, and Kubernetes objects in shapes
 * `kubectl get -o json` never writes (the API server's types: ConfigMap `data` is map[string]string,
 * `metadata.labels`/`annotations` are map[string]string, `spec` is an object;
 * https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/config-map-v1/,
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/).
 */
import * as fs from 'fs';
import * as path from 'path';
import { audit, COMPLIANT, compliantCluster, folderWith } from './audit-support';
import { tmpdir } from '../support/files';

const expectExit2Naming = (r: { code: number; stdout: string; stderr: string }, file: string, detail: RegExp) => {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith(`terway-audit: ${file}: `)).toBe(true);
  expect(r.stderr).toMatch(detail);
};

describe('symbolic links in folders', () => {
  test('a folder holding only a symlink to a cluster file reads that file', () => {
    const target = path.join(folderWith({ 'cluster.json': JSON.stringify(compliantCluster()) }), 'cluster.json');
    const dir = tmpdir('terway-audit-links-');
    fs.symlinkSync(target, path.join(dir, 'cluster.json'));
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    expect(out.evaluated).toContainEqual({ evaluator: 'ack-009', object: `cluster/${compliantCluster().cluster_id}` });
  });

  test('symlinked folders are followed; a link loop ends (each folder read once)', () => {
    const dir = tmpdir('terway-audit-loop-');
    fs.symlinkSync(COMPLIANT, path.join(dir, 'dumps'));
    fs.symlinkSync(dir, path.join(dir, 'self'));
    const r = audit([dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.notEvaluated).toEqual([]);
    expect(out.notes.filter((n: string) => /is in .* and /.test(n))).toEqual([]);
  });

  test('a broken link is skipped with a note', () => {
    const dir = folderWith({ 'cluster.json': JSON.stringify(compliantCluster()) });
    fs.symlinkSync(path.join(dir, 'gone.json'), path.join(dir, 'dangling.json'));
    const out = JSON.parse(audit([dir, '--format', 'json']).stdout);
    expect(out.notes.join('\n')).toMatch(/skipped 1 broken symbolic link .*dangling.json/);
  });
});

describe('shapes kubectl never writes: exit 2 naming the file', () => {
  const eniConfig = () => JSON.parse(fs.readFileSync(path.join(COMPLIANT, 'eni-config.json'), 'utf-8'));
  const one = (obj: unknown) => {
    const dir = folderWith({ 'obj.json': JSON.stringify(obj) });
    return path.join(dir, 'obj.json');
  };

  test('a number as data.eni_conf', () => {
    const f = one({ ...eniConfig(), data: { ...eniConfig().data, eni_conf: 5 } });
    expectExit2Naming(audit([f]), f, /ConfigMap kube-system\/eni-config: data\["eni_conf"\] is number 5; kubectl writes a string there/);
  });

  test('a string as a PodNetworking spec', () => {
    const f = one({ apiVersion: 'network.alibabacloud.com/v1beta1', kind: 'PodNetworking', metadata: { name: 'db' }, spec: 'vsw-a' });
    expectExit2Naming(audit([f]), f, /PodNetworking db: spec is string "vsw-a"; kubectl writes an object there/);
  });

  test('a boolean annotation', () => {
    const f = one({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', annotations: { 'k8s.aliyun.com/pod-with-eip': true } }, spec: {} });
    expectExit2Naming(audit([f]), f, /Deployment shop\/web: metadata.annotations\["k8s.aliyun.com\/pod-with-eip"\] is boolean true; kubectl writes a string there/);
  });

  test('inside a List, the file is named too', () => {
    const f = one({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', labels: { team: 7 } } }] });
    expectExit2Naming(audit([f]), f, /Namespace a: metadata.labels\["team"\] is number 7/);
  });
});
