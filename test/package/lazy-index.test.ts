import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { LAZY_INDEXES, lazyExports, renderLazyIndex } from '../../scripts/lazy-index';

const SRC = path.join(__dirname, '..', '..', 'src');

test('the lazy entry points export exactly the runtime values of the eager ones', () => {
  const files = LAZY_INDEXES.map((f) => path.join(SRC, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.CommonJS, noEmit: true, skipLibCheck: true, strict: true });
  for (const file of files) {
    const lazy = lazyExports(file, program).map((e) => e.name).sort();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const eager = Object.keys(require(file)).filter((k) => k !== '__esModule').sort();
    expect([file, lazy]).toEqual([file, eager]);
  }
});

test('a lazy index loads a module only when one of its exports is read', () => {
  const text = renderLazyIndex([{ name: 'A', from: './a', key: 'A' }, { name: 'ns', from: './ns' }]);
  const loaded: string[] = [];
  const fakeRequire = (id: string) => {
    loaded.push(id);
    return { A: `A from ${id}` };
  };
  const exports: Record<string, unknown> = {};
  new Function('exports', 'require', text)(exports, fakeRequire);
  expect(loaded).toEqual([]);
  expect(Object.keys(exports).sort()).toEqual(['A', 'ns']);
  expect(exports.A).toBe('A from ./a');
  expect(loaded).toEqual(['./a']);
  expect(exports.ns).toEqual({ A: 'A from ./ns' });
});

test('ES modules get the named exports (Node detects them) and still load each module on first use', () => {
  // Node's own detection (cjs-module-lexer, bundled in node) decides which names an ES module
  // import of a CommonJS file sees: https://nodejs.org/api/esm.html#commonjs-namespaces
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atn-lazy-'));
  try {
    fs.writeFileSync(path.join(dir, 'index.js'), renderLazyIndex([
      { name: 'A', from: './a', key: 'A' }, { name: 'Broken', from: './broken', key: 'Broken' }, { name: 'ns', from: './a' },
    ]));
    fs.writeFileSync(path.join(dir, 'a.js'), 'globalThis.loadedA = (globalThis.loadedA ?? 0) + 1; exports.A = "a";');
    // A side whose peer is not installed: its getter throws, the other names still import.
    fs.writeFileSync(path.join(dir, 'broken.js'), 'require("not-installed-peer");');
    fs.writeFileSync(path.join(dir, 'main.mjs'), [
      'import { A, ns, Broken } from "./index.js";',
      'import * as all from "./index.js";',
      'console.log(JSON.stringify({ A, ns: ns.A, broken: Broken === undefined, names: Object.keys(all).sort(), loads: globalThis.loadedA }));',
    ].join('\n'));
    const out = execFileSync(process.execPath, [path.join(dir, 'main.mjs')], { encoding: 'utf-8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(JSON.parse(out)).toEqual({ A: 'a', ns: 'a', broken: true, names: ['A', 'Broken', '__esModule', 'default', 'ns'], loads: 1 });
    // From CommonJS nothing is loaded until a name is read.
    const cjs = execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(path.join(dir, 'index.js'))}); console.log(globalThis.loadedA ?? 0, Object.keys(m).length); m.A; console.log(globalThis.loadedA)`], { encoding: 'utf-8' });
    expect(cjs.trim().split('\n')).toEqual(['0 3', '1']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the cdktf-only entry point has every export of the main one that is not cluster side', () => {
  const files = ['index.ts', 'cdktf.ts'].map((f) => path.join(SRC, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.CommonJS, noEmit: true, skipLibCheck: true, strict: true });
  const [main, cdktf] = files.map((f) => lazyExports(f, program));
  // KubernetesManifests and ClusterObjectsStack take a cdk8s app: they stay on the main entry
  // point only (their declarations refer to cdk8s). FixedVSwitchNodePoolProps.configMapManifests
  // is an IKubernetesManifests, so the pool is here.
  const withCdk8sTypes = ['./cloud/kubernetes-manifests', './cloud/cluster-objects-stack'];
  const cloudSide = (from: string) => (/^\.\/(domain|core|cloud)\//.test(from) && !withCdk8sTypes.includes(from)) || from === './generated/alicloud';
  expect(cdktf.every((e) => cloudSide(e.from))).toBe(true);
  expect(cdktf.map((e) => e.name).sort()).toEqual(main.filter((e) => cloudSide(e.from)).map((e) => e.name).sort());
});

test('the cdktf-only entry point reaches no cdk8s module, in its declarations or at run time (FixedVSwitchNodePool included)', () => {
  const entry = path.join(SRC, 'cdktf.ts');
  // The declarations a consumer's compiler reads: from cdktf.d.ts, following relative imports
  // (each module's declarations emitted when reached; not into the generated alicloud bindings:
  // large, written by scripts/generate-alicloud.ts, they import neither cdk8s nor the cluster side).
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, declaration: true, emitDeclarationOnly: true, stripInternal: true };
  const program = ts.createProgram([entry], { ...options, skipLibCheck: true, strict: true, rootDir: SRC, outDir: SRC });
  const reached = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    let text = '';
    program.emit(program.getSourceFile(file), (_, t) => (text = t));
    for (const [, spec] of text.matchAll(/(?:from |import\()['"]([^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(file), spec);
      if (!spec.startsWith('.')) external.add(spec);
      else if (!target.startsWith(path.join(SRC, 'generated', 'alicloud'))) visit([`${target}.ts`, path.join(target, 'index.ts')].find((f) => program.getSourceFile(f) !== undefined)!);
    }
  };
  visit(entry);
  expect(reached).toContain(path.join(SRC, 'cloud', 'fixed-vswitch-node-pool.ts'));
  expect([...external].filter((m) => /^(cdk8s|@cdktf\/provider-kubernetes)/.test(m))).toEqual([]);
  expect([...reached].filter((f) => f.startsWith(path.join(SRC, 'cluster')))).toEqual([]);
  jest.isolateModules(() => {
    for (const peer of ['cdk8s', '@cdktf/provider-kubernetes/lib/manifest', '@cdktf/provider-kubernetes/lib/provider']) {
      jest.doMock(peer, () => {
        throw new Error(`${peer} loaded`);
      });
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cdktf = require(entry);
    expect(typeof cdktf.FixedVSwitchNodePool).toBe('function');
  });
});

test('the cdk8s-only entry point has every export of the main one that is not cloud side', () => {
  const files = ['index.ts', 'cdk8s.ts'].map((f) => path.join(SRC, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.CommonJS, noEmit: true, skipLibCheck: true, strict: true });
  const [main, cdk8s] = files.map((f) => lazyExports(f, program));
  const clusterSide = (from: string) => /^\.\/(domain|core|cluster)\//.test(from) || from === './generated/k8s';
  expect(cdk8s.every((e) => clusterSide(e.from))).toBe(true);
  expect(cdk8s.map((e) => e.name).sort()).toEqual(main.filter((e) => clusterSide(e.from)).map((e) => e.name).sort());
});
