/**
 * Consumer smoke test: what a user installs actually works. The library is compiled with jsii
 * (lazy entry points applied), packed with `npm pack`, and installed into fresh projects
 * with only the peers of one delivery path; a small app is type-checked against the shipped
 * declarations and synthesized there. The same build generates the Python package, which
 * must at least compile (the Python packaging toolchain is not on every build machine).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileConsumerApp, installConsumer, packLibrary, PackedLibrary, runConsumerApp } from '../../scripts/consumer';

const APPS = path.join(__dirname, 'apps');
let work: string;
let lib: PackedLibrary;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'atn-consumer-'));
  lib = packLibrary(work, { python: true });
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the compiled library, its declarations and the assembly, not the sources', () => {
  const files = execFileSync('tar', ['-tzf', lib.tarball], { encoding: 'utf-8' }).split('\n');
  expect(files).toContain('package/lib/index.js');
  expect(files).toContain('package/lib/index.d.ts');
  expect(files).toContain('package/.jsii');
  expect(files.some((f) => f.startsWith('package/src/'))).toBe(false);
  // Exactly the bundled run-time helpers, nothing from the dev tree.
  const manifest = JSON.parse(fs.readFileSync(path.join(lib.stageDir, 'package.json'), 'utf-8'));
  const bundled = new Set(files.filter((f) => f.startsWith('package/node_modules/'))
    .map((f) => f.split('/').slice(2, f.split('/')[2].startsWith('@') ? 4 : 3).join('/')));
  expect([...bundled].sort()).toEqual([...manifest.bundledDependencies].sort());
});

test('the generated Python package compiles', () => {
  const pkg = path.join(lib.pythonDir!, 'src', 'ack_terway_network');
  expect(fs.existsSync(path.join(pkg, '__init__.py'))).toBe(true);
  expect(fs.existsSync(path.join(pkg, 'alicloud', 'vpc', '__init__.py'))).toBe(true);
  execFileSync('python3', ['-m', 'compileall', '-q', lib.pythonDir!], { stdio: 'pipe' });
});

test('a cdk8s-only GitOps app installs and synthesizes with no cdktf present', () => {
  const dir = path.join(work, 'gitops');
  installConsumer(dir, lib.tarball, ['cdk8s', 'constructs']);
  for (const absent of ['cdktf', '@cdktf/provider-kubernetes', 'cdk8s-plus-33', 'cdktf-cdk8s']) {
    expect([absent, fs.existsSync(path.join(dir, 'node_modules', absent))]).toEqual([absent, false]);
  }
  const out = runConsumerApp(dir, compileConsumerApp(dir, path.join(APPS, 'gitops-app.ts')));
  expect(out).toContain('synthesized 1 chart(s)');
  const yaml = fs.readFileSync(path.join(dir, 'dist', 'network.k8s.yaml'), 'utf-8');
  expect(yaml).toContain('kind: PodNetworking');
  expect(yaml).toContain('name: eni-config');
  expect(yaml).toContain('network.example.com/plane: db');
}, 240_000);

test('a cdktf app installs and synthesizes with neither cdk8s nor the Kubernetes provider present', () => {
  const dir = path.join(work, 'cdktf');
  installConsumer(dir, lib.tarball, ['cdktf', 'constructs']);
  for (const absent of ['cdk8s', '@cdktf/provider-kubernetes']) {
    expect([absent, fs.existsSync(path.join(dir, 'node_modules', absent))]).toEqual([absent, false]);
  }
  const out = runConsumerApp(dir, compileConsumerApp(dir, path.join(APPS, 'cdktf-app.ts')));
  expect(out).toContain('synthesized stack network');
  const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'network', 'cdk.tf.json'), 'utf-8'));
  expect(Object.keys(tf.resource)).toEqual(expect.arrayContaining(['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes_node_pool', 'alicloud_vswitch']));
  const addons = Object.values(tf.resource.alicloud_cs_managed_kubernetes as Record<string, any>)[0].addons;
  expect(addons.map((a: any) => a.name)).toContain('terway-eniip');
}, 240_000);
