/**
 * Consumer test: a newcomer's first hour, as the README tells it. The library is built by its
 * own `prepack` script and packed with `npm pack` once per run; for each delivery path a fresh
 * project runs the README's install block for that path (the tarball and the path's peers,
 * TypeScript 5 and ts-node, from the local npm cache where possible), the README's
 * tsconfig.json, `npx tsc --noEmit` (`module: nodenext`, `skipLibCheck: false`) and
 * `npx ts-node main.ts` on the README's example of the path. CommonJS and ES module imports,
 * the misspelled-property error and the generated Python package are checked on the same build.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { README_SIZE_TOLERANCE, readmeSizes } from '../../bench/import-size';
import { createConsumer, markdownBlocks, npmInstallLine, packLibrary, PackedLibrary, shell, treeSize } from '../../scripts/consumer';
import { renderStructFields, STRUCT_FIELDS_FILE } from '../../scripts/struct-fields';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const INSTALL = markdownBlocks(README, 'Install');

/** The README's install block whose first line is `# <title>…`. */
function installBlock(title: string): string[] {
  const block = INSTALL.find((b) => b.lang === 'sh' && b.text.startsWith(`# ${title}`));
  if (!block) throw new Error(`README Install has no block starting "# ${title}"`);
  return block.text.split('\n').filter((l) => l.startsWith('npm '));
}

/** The first ```ts block of a README section. */
function example(heading: string): string {
  const block = markdownBlocks(README, heading).find((b) => b.lang === 'ts');
  if (!block) throw new Error(`README section "${heading}" has no ts block`);
  return block.text;
}

const TSCONFIG = INSTALL.find((b) => b.lang === 'json')!.text;
const RUN = INSTALL.find((b) => b.lang === 'sh' && b.text.includes('ts-node main.ts'))!.text
  .split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);

let work: string;
let lib: PackedLibrary;

/** A fresh project for one path: the README's install block, tsconfig.json and `main.ts`. */
function consumer(name: string, installTitle: string, main: string, tsconfig: string = TSCONFIG): string {
  const dir = path.join(work, name);
  createConsumer(dir);
  fs.copyFileSync(lib.tarball, path.join(dir, path.basename(lib.tarball)));
  for (const line of installBlock(installTitle)) npmInstallLine(dir, line);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig);
  fs.writeFileSync(path.join(dir, 'main.ts'), main);
  return dir;
}

const installed = (dir: string, name: string) => fs.existsSync(path.join(dir, 'node_modules', name));

/** `actual` MB is within the tolerance of the README's figure (`npx projen bench:import` rewrites them). */
function expectReadmeSize(what: string, readmeMb: number, actualBytes: number): void {
  const actualMb = actualBytes / 1048576;
  const off = Math.abs(actualMb - readmeMb) / actualMb;
  expect([what, `README ${readmeMb} MB, package ${actualMb.toFixed(1)} MB`, off <= README_SIZE_TOLERANCE ? 'ok' : 'run npx projen bench:import'])
    .toEqual([what, expect.any(String), 'ok']);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'atn-consumer-'));
  lib = packLibrary(work, { python: true });
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the README names the tarball `npm pack` writes and shows how to run it', () => {
  expect(README).toContain(`npm ci && npm pack      # writes ${path.basename(lib.tarball)}`);
  for (const title of ['GitOps', 'Terraform (cdktf)', 'Terraform + manifests in one cdktf deploy']) {
    expect(installBlock(title)[0]).toContain(`./${path.basename(lib.tarball)}`);
  }
  expect(RUN).toEqual(['npx tsc --noEmit', 'npx ts-node main.ts']);
  // The installed command cannot read examples/: the package does not ship it.
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'docs', f));
  const shipped = [path.join(ROOT, 'README.md'), ...docs].flatMap((f) => fs.readFileSync(f, 'utf-8').split('\n')
    .filter((l) => /(^|[\s`])npx terway-audit\b[^`]*examples\//.test(l)).map((l) => `${path.basename(f)}: ${l.trim()}`));
  expect(shipped).toEqual([]);
});

test('the tarball holds the compiled library, its declarations and the assembly, not the sources', () => {
  const files = execFileSync('tar', ['-tzf', lib.tarball], { encoding: 'utf-8' }).split('\n');
  for (const f of ['lib/index.js', 'lib/index.d.ts', 'lib/cdk8s.js', 'lib/cdk8s.d.ts', '.jsii']) expect(files).toContain(`package/${f}`);
  expect(files.some((f) => /^package\/(src|scripts|test|examples)\//.test(f))).toBe(false);
  // Exactly the bundled run-time helpers, nothing from the dev tree.
  const manifest = JSON.parse(fs.readFileSync(path.join(lib.stageDir, 'package.json'), 'utf-8'));
  const bundled = new Set(files.filter((f) => f.startsWith('package/node_modules/'))
    .map((f) => f.split('/').slice(2, f.split('/')[2].startsWith('@') ? 4 : 3).join('/')));
  expect([...bundled].sort()).toEqual([...manifest.bundledDependencies].sort());
  expectReadmeSize('tarball', readmeSizes(README).tarballMb, fs.statSync(lib.tarball).size);
});

test('the input checker knows exactly the struct properties of the assembly (run `npx projen post-compile` after changing props)', () => {
  const assembly = JSON.parse(fs.readFileSync(path.join(lib.stageDir, '.jsii'), 'utf-8'));
  expect(fs.readFileSync(STRUCT_FIELDS_FILE, 'utf-8')).toBe(renderStructFields(assembly));
});

test('the generated Python package and the Python example compile', () => {
  const pkg = path.join(lib.pythonDir!, 'src', 'ack_terway_network');
  expect(fs.existsSync(path.join(pkg, '__init__.py'))).toBe(true);
  expect(fs.existsSync(path.join(pkg, 'alicloud', 'vpc', '__init__.py'))).toBe(true);
  execFileSync('python3', ['-m', 'compileall', '-q', lib.pythonDir!], { stdio: 'pipe' });
  // The Python example against the generated sources: imports, constructor and method keywords, enum members.
  const examples = fs.readdirSync(path.join(ROOT, 'examples', 'python')).filter((f) => f.endsWith('.py')).map((f) => path.join(ROOT, 'examples', 'python', f));
  expect(examples.length).toBeGreaterThan(0);
  const out = execFileSync('python3', [path.join(ROOT, 'scripts', 'check_python_example.py'), path.join(lib.pythonDir!, 'src'), ...examples], { encoding: 'utf-8' });
  expect(out).toContain(`ok: ${examples.length} example(s)`);
});

test('GitOps path: cdk8s only, no cdktf installed; README example type-checks and runs; CommonJS and ES module imports', () => {
  // The README says skipLibCheck may be false on this path: the declarations it reaches never mention cdktf.
  expect(TSCONFIG).toContain('"skipLibCheck": true');
  const dir = consumer('gitops', 'GitOps', example('GitOps: a network plane as Kubernetes YAML'), TSCONFIG.replace('"skipLibCheck": true', '"skipLibCheck": false'));
  expect(example('GitOps: a network plane as Kubernetes YAML')).toContain("from 'ack-terway-network/cdk8s';");
  for (const absent of ['cdktf', '@cdktf/provider-kubernetes', 'cdk8s-plus-33']) expect([absent, installed(dir, absent)]).toEqual([absent, false]);
  for (const command of RUN) shell(dir, command);
  const yaml = fs.readFileSync(path.join(dir, 'dist', 'network.k8s.yaml'), 'utf-8');
  expect(yaml).toContain('kind: PodNetworking');
  expect(yaml).toContain('network.example.com/plane: db');
  expectReadmeSize('unpacked package', readmeSizes(README).unpackedMb, treeSize(path.join(dir, 'node_modules', 'ack-terway-network')));

  // ES modules: named exports from both entry points (Node's CommonJS export detection).
  fs.writeFileSync(path.join(dir, 'esm.mjs'), [
    "import { AllocationType, PodNetworkingPlane } from 'ack-terway-network';",
    "import { EniConfig, terwayCrds } from 'ack-terway-network/cdk8s';",
    'console.log([AllocationType.FIXED, typeof PodNetworkingPlane, typeof EniConfig, typeof terwayCrds.PodNetworking].join(" "));',
  ].join('\n'));
  expect(shell(dir, 'node esm.mjs').trim()).toBe('Fixed function function function');
  // CommonJS: the cdk8s entry point loads no cloud-side module.
  fs.writeFileSync(path.join(dir, 'cjs.cjs'), [
    "const { EniConfig } = require('ack-terway-network/cdk8s');",
    "const loaded = Object.keys(require.cache).filter((f) => f.includes('/ack-terway-network/lib/cloud/'));",
    'console.log(typeof EniConfig, loaded.length);',
  ].join('\n'));
  expect(shell(dir, 'node cjs.cjs').trim()).toBe('function 0');
}, 300_000);

test('Terraform (cdktf) path: no cdk8s installed; README example type-checks and runs; a misspelled property is an error', () => {
  // The README says skipLibCheck may be false on this path too: the declarations it reaches never mention cdk8s.
  const dir = consumer('cdktf', 'Terraform (cdktf)', example('Your first app: a Terway cluster in 30 lines'), TSCONFIG.replace('"skipLibCheck": true', '"skipLibCheck": false'));
  expect(example('Your first app: a Terway cluster in 30 lines')).toContain("from 'ack-terway-network/cdktf';");
  for (const absent of ['cdk8s', '@cdktf/provider-kubernetes']) expect([absent, installed(dir, absent)]).toEqual([absent, false]);
  for (const command of RUN) shell(dir, command);
  const tf = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'network', 'cdk.tf.json'), 'utf-8'));
  expect(Object.keys(tf.resource)).toEqual(expect.arrayContaining(['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes_node_pool', 'alicloud_vswitch']));

  // JavaScript callers get no type check: the unknown name must not be silently ignored.
  const js = example('Your first app: a Terway cluster in 30 lines')
    .replace(/^import \{ (.*) \} from '(.*)';$/gm, "const { $1 } = require('$2');")
    .replace('expectedPodCount: 6000,', 'expectedPodCount: 6000, trunkENI: true,');
  expect(js).toContain('trunkENI');
  fs.writeFileSync(path.join(dir, 'typo.js'), js);
  expect(() => shell(dir, 'node typo.js')).toThrow(/network\/Cluster: trunkENI is not a property of TerwayClusterProps: did you mean trunkEni\?/);
}, 300_000);

test('one-deploy path: the repository examples copied out run with their cdktf.json; README Pod EIP example type-checks and runs', () => {
  const dir = consumer('one-deploy', 'Terraform + manifests in one cdktf deploy', example('Pod EIPs'));
  for (const command of RUN) shell(dir, command);
  expect(fs.readdirSync(path.join(dir, 'dist'))).toContain('games.k8s.yaml');
  expect(fs.existsSync(path.join(dir, 'cdktf.out', 'stacks', 'pod-eip', 'cdk.tf.json'))).toBe(true);

  // The examples folder, copied whole (its folders import each other), with its own tsconfig.json.
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), {
    recursive: true, filter: (src) => !/(cdktf\.out|[/\\]dist|[/\\]audit)$/.test(src),
  });
  expect(fs.readFileSync(path.join(dir, 'examples', 'tsconfig.json'), 'utf-8')).not.toContain('..');
  const exampleDir = path.join(dir, 'examples', 'pod-networking');
  const cdktfJson = JSON.parse(fs.readFileSync(path.join(exampleDir, 'cdktf.json'), 'utf-8'));
  shell(exampleDir, cdktfJson.app);
  // The cluster's stack holds no manifest; the ClusterObjectsStack planned after it does (docs/one-deploy.md).
  const stackJson = (name: string) => fs.readFileSync(path.join(exampleDir, 'cdktf.out', 'stacks', name, 'cdk.tf.json'), 'utf-8');
  expect(stackJson('pod-networking')).toContain('"alicloud_cs_managed_kubernetes"');
  expect(stackJson('pod-networking')).not.toContain('"kubernetes_manifest"');
  expect(stackJson('pod-networking-objects')).toContain('"kubernetes_manifest"');
}, 300_000);
