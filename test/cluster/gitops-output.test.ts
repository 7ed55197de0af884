import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { buildGitOpsApp } from '../../examples/pod-networking/gitops';
import { GitOpsOutput, PodNetworkingPlane } from '../../src';
import { filesUnder, tmpdir } from '../support/files';
import { planeProps } from '../support/plane-fixtures';
import '../support/quiet-warnings';

// renameSync is wrapped so a test can make one move fail.
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return { ...actual, renameSync: jest.fn(actual.renameSync) };
});

const OWNERSHIP = GitOpsOutput.OWNERSHIP_FILE;
const LEGACY = GitOpsOutput.LEGACY_OWNERSHIP_FILE;

/** Every file below `dir` with its bytes, keyed by relative path. */
function snapshotOf(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [path.relative(dir, f).split(path.sep).join('/'), fs.readFileSync(f, 'base64')]));
}

function userFolder(): string {
  const dir = tmpdir('gitops-');
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - network-planes.k8s.yaml\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# prod network\n');
  fs.mkdirSync(path.join(dir, 'overlays', 'prod'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'overlays', 'prod', 'patch.yaml'), 'kind: Patch\n');
  return dir;
}

/** A small app with one chart per name, each holding one ConfigMap. */
function configMapApp(charts: string[], options: { type?: YamlOutputType; broken?: boolean } = {}): App {
  const app = new App({ outdir: 'unused', yamlOutputType: options.type ?? YamlOutputType.FILE_PER_CHART });
  for (const name of charts) {
    const chart = new Chart(app, name);
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: 'kube-system' }, data: { k: name } });
  }
  if (options.broken) new Chart(app, 'broken').node.addValidation({ validate: () => ['[TW-PN-007] A plane needs at least one vSwitch'] });
  return app;
}

describe('GitOpsOutput', () => {
  test('writes the same YAML as App.synth, plus the ownership file', () => {
    const viaCdk8s = tmpdir('gitops-cdk8s-');
    buildGitOpsApp(viaCdk8s).synth();
    const viaWriter = tmpdir('gitops-writer-');
    const result = GitOpsOutput.synth(buildGitOpsApp(), { outdir: viaWriter });
    const written = snapshotOf(viaWriter);
    expect(JSON.parse(Buffer.from(written[OWNERSHIP], 'base64').toString())).toEqual({ kind: 'ack-terway-network/owned-files', files: result.written });
    delete written[OWNERSHIP];
    expect(written).toEqual(snapshotOf(viaCdk8s));
    expect(result.written).toEqual(['network-planes.k8s.yaml']);
  });

  // `kubectl apply -f <dir> [-R]` reads every file whose extension is .json, .yaml or .yml, hidden
  // files included, and each document must be an object with apiVersion and kind:
  // https://github.com/kubernetes/cli-runtime/blob/v0.33.0/pkg/resource/visitor.go (ExpandPathsToFileVisitors, ignoreFile),
  // https://github.com/kubernetes/cli-runtime/blob/v0.33.0/pkg/resource/builder.go (FileExtensions).
  test.each([YamlOutputType.FILE_PER_CHART, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE])(
    'output type %s: every file kubectl would read is a Kubernetes object', (type) => {
      const dir = tmpdir('gitops-kubectl-');
      GitOpsOutput.synth(configMapApp(['a', 'b'], { type }), { outdir: dir });
      const read = filesUnder(dir).filter((f) => ['.json', '.yaml', '.yml'].includes(path.extname(f)));
      expect(read.length).toBeGreaterThan(0);
      for (const file of read) {
        const docs = parseAllDocuments(fs.readFileSync(file, 'utf-8')).map((d) => d.toJS()).filter((d) => d !== null);
        expect(docs.length).toBeGreaterThan(0);
        for (const doc of docs) expect({ file: path.basename(file), apiVersion: typeof doc.apiVersion, kind: typeof doc.kind }).toEqual({ file: path.basename(file), apiVersion: 'string', kind: 'string' });
      }
      expect(fs.existsSync(path.join(dir, OWNERSHIP))).toBe(true);
    });

  test('a folder with the earlier .ack-terway-network.json record migrates: the record is replaced, other files stay', () => {
    const dir = userFolder();
    fs.writeFileSync(path.join(dir, 'old.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    fs.writeFileSync(path.join(dir, 'a.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\n');
    fs.writeFileSync(path.join(dir, LEGACY), JSON.stringify({ kind: 'ack-terway-network/owned-files', files: ['a.k8s.yaml', 'old.k8s.yaml'] }));
    const result = GitOpsOutput.synth(configMapApp(['a']), { outdir: dir });
    expect(result.removed).toEqual(['old.k8s.yaml']);
    expect(Object.keys(snapshotOf(dir)).sort()).toEqual([OWNERSHIP, 'README.md', 'a.k8s.yaml', 'kustomization.yaml', 'overlays/prod/patch.yaml']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, OWNERSHIP), 'utf-8'))).toEqual({ kind: 'ack-terway-network/owned-files', files: ['a.k8s.yaml'] });
  });

  test('a failed synth keeps the earlier record; a foreign file with its name is refused, not deleted', () => {
    const dir = tmpdir('gitops-legacy-');
    const record = JSON.stringify({ kind: 'ack-terway-network/owned-files', files: [] });
    fs.writeFileSync(path.join(dir, LEGACY), record);
    expect(() => GitOpsOutput.synth(configMapApp(['a'], { broken: true }), { outdir: dir })).toThrow(/TW-PN-007/);
    expect(fs.readdirSync(dir)).toEqual([LEGACY]);
    fs.writeFileSync(path.join(dir, LEGACY), '{"apiVersion": "v1", "kind": "ConfigMap"}');
    expect(() => GitOpsOutput.synth(configMapApp(['a']), { outdir: dir })).toThrow(/not an ack-terway-network ownership file/);
    expect(fs.readdirSync(dir)).toEqual([LEGACY]);
  });

  const types = [YamlOutputType.FILE_PER_APP, YamlOutputType.FILE_PER_CHART,
    YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE];
  test.each(types)(
    'output type %s: the same files and bytes as App.synth', (type) => {
      const viaCdk8s = tmpdir('gitops-cdk8s-');
      const app = configMapApp(['a', 'b'], { type });
      Object.defineProperty(app, 'outdir', { value: viaCdk8s });
      app.synth();
      const viaWriter = tmpdir('gitops-writer-');
      GitOpsOutput.synth(configMapApp(['a', 'b'], { type }), { outdir: viaWriter });
      const written = snapshotOf(viaWriter);
      delete written[OWNERSHIP];
      expect(written).toEqual(snapshotOf(viaCdk8s));
    });

  test('the user\'s files (kustomization.yaml, README.md, a nested folder) survive every run', () => {
    const dir = userFolder();
    const before = snapshotOf(dir);
    GitOpsOutput.synth(buildGitOpsApp(), { outdir: dir });
    GitOpsOutput.synth(buildGitOpsApp(), { outdir: dir });
    const after = snapshotOf(dir);
    for (const [file, bytes] of Object.entries(before)) expect(after[file]).toBe(bytes);
    expect(Object.keys(after).sort()).toEqual([OWNERSHIP, 'README.md', 'kustomization.yaml', 'network-planes.k8s.yaml', 'overlays/prod/patch.yaml']);
  });

  test('owned files the app no longer produces are removed; nothing else is', () => {
    const dir = userFolder();
    GitOpsOutput.synth(configMapApp(['a', 'b'], { type: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE }), { outdir: dir });
    expect(fs.existsSync(path.join(dir, 'b', 'ConfigMap.b-config.k8s.yaml'))).toBe(true);
    const result = GitOpsOutput.synth(configMapApp(['a']), { outdir: dir });
    expect(result.removed).toEqual(['a/ConfigMap.a-config.k8s.yaml', 'b/ConfigMap.b-config.k8s.yaml']);
    expect(fs.existsSync(path.join(dir, 'b'))).toBe(false);
    expect(Object.keys(snapshotOf(dir)).sort()).toEqual([OWNERSHIP, 'README.md', 'a.k8s.yaml', 'kustomization.yaml', 'overlays/prod/patch.yaml']);
  });

  test('a failed regeneration (rule error) leaves the folder byte-identical', () => {
    const dir = userFolder();
    GitOpsOutput.synth(configMapApp(['a', 'b']), { outdir: dir });
    const before = snapshotOf(dir);
    expect(() => GitOpsOutput.synth(configMapApp(['c'], { broken: true }), { outdir: dir })).toThrow(/Validation failed[\s\S]*TW-PN-007/);
    expect(snapshotOf(dir)).toEqual(before);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.startsWith(`.${path.basename(dir)}.`))).toEqual([]);
  });

  test('a plane rule error in the example app leaves the previous manifests in place', () => {
    const dir = userFolder();
    GitOpsOutput.synth(buildGitOpsApp(), { outdir: dir });
    const before = snapshotOf(dir);
    const app = buildGitOpsApp();
    new PodNetworkingPlane(app.charts[0], 'Broken', planeProps({ name: 'broken', vSwitches: [] }));
    expect(() => GitOpsOutput.synth(app, { outdir: dir })).toThrow(/TW-PN-007/);
    expect(snapshotOf(dir)).toEqual(before);
  });

  test('a failure while moving files in restores the previous output', () => {
    const dir = userFolder();
    GitOpsOutput.synth(configMapApp(['a', 'b']), { outdir: dir });
    const before = snapshotOf(dir);
    const rename = jest.requireActual('fs').renameSync;
    let calls = 0;
    const mocked = fs.renameSync as jest.Mock;
    mocked.mockImplementation((from: string, to: string) => {
      // Fail on the second new file moved in, after the old files went to the backup.
      if (String(from).includes(`${path.sep}new${path.sep}`) && ++calls === 2) throw new Error('disk full');
      rename(from, to);
    });
    try {
      expect(() => GitOpsOutput.synth(configMapApp(['a', 'c']), { outdir: dir })).toThrow('disk full');
    } finally {
      mocked.mockImplementation(rename);
    }
    expect(calls).toBe(2);
    expect(snapshotOf(dir)).toEqual(before);
  });

  test('a file with a manifest\'s name that the library does not own is refused, unless adopted', () => {
    const dir = userFolder();
    fs.writeFileSync(path.join(dir, 'a.k8s.yaml'), 'mine\n');
    const before = snapshotOf(dir);
    expect(() => GitOpsOutput.synth(configMapApp(['a']), { outdir: dir }))
      .toThrow(/a\.k8s\.yaml exists and was not written by ack-terway-network; refusing to overwrite it[\s\S]*adoptFiles: \['a\.k8s\.yaml'\]/);
    expect(snapshotOf(dir)).toEqual(before);
    const result = GitOpsOutput.synth(configMapApp(['a']), { outdir: dir, adoptFiles: ['a.k8s.yaml'] });
    expect(result.written).toEqual(['a.k8s.yaml']);
    expect(fs.readFileSync(path.join(dir, 'a.k8s.yaml'), 'utf-8')).toContain('name: a-config');
    // Owned from now on: the next run needs no adoption.
    expect(() => GitOpsOutput.synth(configMapApp(['a']), { outdir: dir })).not.toThrow();
  });

  test('a missing folder is created; a broken ownership file or a bad adoptFiles entry is refused', () => {
    const dir = path.join(tmpdir('gitops-'), 'new', 'folder');
    GitOpsOutput.synth(configMapApp(['a']), { outdir: dir });
    expect(fs.readdirSync(dir).sort()).toEqual([OWNERSHIP, 'a.k8s.yaml']);
    fs.writeFileSync(path.join(dir, OWNERSHIP), '{"files": 5}');
    expect(() => GitOpsOutput.synth(configMapApp(['a']), { outdir: dir })).toThrow(/not an ack-terway-network ownership file/);
    fs.writeFileSync(path.join(dir, OWNERSHIP), JSON.stringify({ kind: 'ack-terway-network/owned-files', files: ['../../etc/passwd'] }));
    expect(() => GitOpsOutput.synth(configMapApp(['a']), { outdir: dir })).toThrow(/must be a normalized relative path/);
    expect(() => GitOpsOutput.synth(configMapApp(['a']), { outdir: dir, adoptFiles: [5 as any] })).toThrow(/options\.adoptFiles\[0\] must be a string/);
    expect(() => GitOpsOutput.synth({} as any)).toThrow(/GitOpsOutput.synth: app must be a cdk8s App/);
    const clash = new App({ outputFileExtension: '.json', yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    new ApiObject(new Chart(clash, 'c'), 'x', { apiVersion: 'v1', kind: '', metadata: { name: 'ack-terway-network' } });
    expect(() => GitOpsOutput.synth(clash, { outdir: dir })).toThrow(/renders to \.ack-terway-network\.json, the name of the ownership file/);
    const clashNew = new App({ outputFileExtension: '.owned', yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    new ApiObject(new Chart(clashNew, 'c'), 'x', { apiVersion: 'v1', kind: '', metadata: { name: 'ack-terway-network' } });
    expect(() => GitOpsOutput.synth(clashNew, { outdir: dir })).toThrow(/renders to \.ack-terway-network\.owned, the name of the ownership file/);
  });

  test('output is deterministic', () => {
    expect(GitOpsOutput.render(buildGitOpsApp())).toEqual(GitOpsOutput.render(buildGitOpsApp()));
  });

  test('property: over any sequence of regenerations, user files stay byte-identical and only owned files change', () => {
    const chartNames = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 });
    const userFiles = fc.uniqueArray(fc.constantFrom('kustomization.yaml', 'README.md', 'x.k8s.yml', 'nested/a.k8s.yaml', 'e.k8s.yaml'), { maxLength: 5 });
    const type = fc.constantFrom(YamlOutputType.FILE_PER_CHART, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, YamlOutputType.FILE_PER_APP);
    const arbRuns = fc.array(fc.record({ charts: chartNames, type, broken: fc.boolean() }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(userFiles, arbRuns, (mine, runs) => {
      const dir = tmpdir('gitops-prop-');
      for (const f of mine) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), `user ${f}\n`);
      }
      const userBytes = snapshotOf(dir);
      for (const run of runs) {
        const before = snapshotOf(dir);
        let result;
        try {
          result = GitOpsOutput.synth(configMapApp(run.charts, { type: run.type, broken: run.broken }), { outdir: dir });
        } catch {
          expect(run.broken).toBe(true);
          expect(snapshotOf(dir)).toEqual(before);
          continue;
        }
        expect(run.broken).toBe(false);
        const now = snapshotOf(dir);
        for (const [file, bytes] of Object.entries(userBytes)) expect(now[file]).toBe(bytes);
        expect(Object.keys(now).sort()).toEqual([...new Set([...Object.keys(userBytes), ...result.written, OWNERSHIP])].sort());
      }
    }), { numRuns: 40 });
  });
});
