import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Names, Yaml, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { GITOPS_RECORD_FILE, gitOpsRecordsIn, LEGACY_GITOPS_RECORD_FILE } from '../core/gitops-record';
import { inValidationPass } from '../core/validation-pass';
import { checkInputs } from '../domain/input';

/** Options of {@link GitOpsOutput.synth}. */
export interface GitOpsOutputOptions {
  /**
   * Folder the manifests go to (your GitOps repository folder). Other files in it are
   * never touched.
   * @default - the app's `outdir`
   */
  readonly outdir?: string;
  /**
   * Files (paths relative to `outdir`, `/`-separated) that exist already, were not
   * written by this library, and may now be overwritten and owned by it. Without this, a
   * manifest whose file name is taken by a file the library does not own is an error.
   * @default []
   */
  readonly adoptFiles?: string[];
}

/** What {@link GitOpsOutput.synth} changed. */
export interface GitOpsOutputResult {
  /** Files written (relative to `outdir`, sorted), the ownership file excluded. */
  readonly written: string[];
  /** Files the library owned before and no longer produces, now removed (sorted). */
  readonly removed: string[];
  /** Absolute path of the ownership file. */
  readonly ownershipFile: string;
}

/** One manifest file rendered in memory. */
export interface RenderedManifestFile {
  /** Path relative to the output folder, `/`-separated. */
  readonly path: string;
  /** The YAML text, exactly as `cdk8s synth` writes it. */
  readonly content: string;
}

const OWNERSHIP_FILE = GITOPS_RECORD_FILE;
const OWNERSHIP_KIND = 'ack-terway-network/owned-files';

/**
 * Writes a cdk8s app's manifests into a GitOps folder without losing anything that is
 * not the library's: unlike `cdk8s synth`, which deletes the whole output folder first,
 * it replaces only the files it owns (listed in `.ack-terway-network.owned` in the folder),
 * leaves every other file (a `kustomization.yaml`, a README, other folders) alone, and
 * removes owned files the app no longer produces. The record's extension is not `.json`,
 * `.yaml` or `.yml`, so `kubectl apply -f`, Argo CD and Flux never read it as a manifest; a
 * record of an earlier version (`.ack-terway-network.json`) is read and replaced by it.
 *
 * All or nothing: cdk8s validations (the library's rules among them) run and every file
 * is rendered in memory first; files are written to a temporary folder next to the target
 * and then moved in, and a failure while moving restores the previous files. When anything
 * fails, the folder keeps its previous content byte for byte.
 *
 * The YAML is what `App.synth()` writes for the app's `yamlOutputType` and
 * `outputFileExtension`.
 *
 * @example GitOpsOutput.synth(app, { outdir: 'clusters/prod/network' });
 */
export class GitOpsOutput {
  /** Name of the ownership file kept in the output folder. */
  public static readonly OWNERSHIP_FILE = OWNERSHIP_FILE;
  /** Name of the ownership file of earlier versions, read once and replaced by {@link OWNERSHIP_FILE}. */
  public static readonly LEGACY_OWNERSHIP_FILE = LEGACY_GITOPS_RECORD_FILE;

  /**
   * Validates and renders `app`, then replaces the library's files in the output folder.
   * @returns what was written and removed
   */
  public static synth(app: App, options: GitOpsOutputOptions = {}): GitOpsOutputResult {
    const where = 'GitOpsOutput.synth';
    const check = checkInputs(where);
    if (!(app instanceof App)) check.fail('app', 'must be a cdk8s App.');
    const opts = check.object('options', options, { struct: 'GitOpsOutputOptions' });
    const outdir = checkOutdir(where, path.resolve(check.string('options.outdir', opts.outdir, { optional: true, minLength: 1 }) ?? app.outdir));
    const adopt = new Set(check.stringArray('options.adoptFiles', opts.adoptFiles, { optional: true }) ?? []);
    for (const file of adopt) checkRelative(where, 'options.adoptFiles', file);

    const files = GitOpsOutput.render(app);
    const clash = files.find((f) => f.path === OWNERSHIP_FILE || f.path === LEGACY_GITOPS_RECORD_FILE);
    if (clash) {
      throw new Error(`${where}: a manifest renders to ${clash.path}, the name of the ownership file; use another outputFileExtension or object name. Nothing was written.`);
    }
    const records = fs.existsSync(outdir) ? gitOpsRecordsIn(outdir) : [];
    const owned = new Set(records.flatMap((name) => [...readOwnership(path.join(outdir, name))]));
    for (const file of files) {
      const target = path.join(outdir, file.path);
      if (!fs.existsSync(target)) continue;
      if (!fs.statSync(target).isFile()) {
        throw new Error(`${where}: ${target} is in the way of manifest file ${file.path}; it is not a file. Nothing was written.`);
      }
      if (!owned.has(file.path) && !adopt.has(file.path)) {
        throw new Error(`${where}: ${target} exists and was not written by ack-terway-network; refusing to overwrite it. `
          + `Move it away, or pass adoptFiles: ['${file.path}'] to let the library own it. Nothing was written.`);
      }
    }
    const next = new Set(files.map((f) => f.path));
    const stale = [...owned].filter((f) => !next.has(f) && fs.existsSync(path.join(outdir, f))).sort(codePointOrder);
    // The earlier record is the library's own file: it goes with the same all-or-nothing move.
    const legacy = records.includes(LEGACY_GITOPS_RECORD_FILE) ? [LEGACY_GITOPS_RECORD_FILE] : [];
    swapIn(outdir, [...files, { path: OWNERSHIP_FILE, content: ownershipText([...next]) }], [...stale, ...legacy]);
    return { written: [...next].sort(codePointOrder), removed: stale, ownershipFile: path.join(outdir, OWNERSHIP_FILE) };
  }

  /**
   * Runs the app's validations and renders every manifest file in memory, without
   * writing anything. Throws cdk8s's validation error when a rule fails.
   */
  public static render(app: App): RenderedManifestFile[] {
    if (!(app instanceof App)) checkInputs('GitOpsOutput.render').fail('app', 'must be a cdk8s App.');
    // One validation pass for synthYaml and every chart's toJson: each warning is printed once.
    return inValidationPass(() => renderFiles(app));
  }
}

/** Validates and renders the app's files (see GitOpsOutput.render). */
function renderFiles(app: App): RenderedManifestFile[] {
  // synthYaml runs what App.synth runs before writing: dependency resolution, then every validation.
  app.synthYaml();
  const ext = app.outputFileExtension;
  const charts = app.charts;
  const indexed = hasDependentCharts(app);
  const chartName = (chart: Chart, i: number) => `${indexed ? `${String(i).padStart(4, '0')}-` : ''}${Names.toDnsLabel(chart)}`;
  const files: RenderedManifestFile[] = [];
  switch (app.yamlOutputType) {
    case YamlOutputType.FILE_PER_APP:
      if (charts.length > 0) files.push({ path: `app${ext}`, content: Yaml.stringify(...charts.flatMap((c) => c.toJson())) });
      break;
    case YamlOutputType.FILE_PER_CHART:
      charts.forEach((chart, i) => files.push({ path: `${chartName(chart, i)}${ext}`, content: Yaml.stringify(...chart.toJson()) }));
      break;
    case YamlOutputType.FILE_PER_RESOURCE:
      for (const obj of charts.flatMap((c) => c.toJson())) files.push({ path: `${resourceFileName(obj)}${ext}`, content: Yaml.stringify(obj) });
      break;
    case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE:
      charts.forEach((chart, i) => {
        for (const obj of chart.toJson()) files.push({ path: `${chartName(chart, i)}/${resourceFileName(obj)}${ext}`, content: Yaml.stringify(obj) });
      });
      break;
    default:
      throw new Error(`GitOpsOutput.render: unsupported yamlOutputType ${String(app.yamlOutputType)}.`);
  }
  const seen = new Set<string>();
  for (const f of files) {
    // cdk8s would silently let the later object overwrite the earlier one.
    if (seen.has(f.path)) throw new Error(`GitOpsOutput.render: two manifests render to the file ${f.path}; give the objects distinct kinds or names, or use YamlOutputType.FILE_PER_CHART.`);
    seen.add(f.path);
    const reference = TERRAFORM_REFERENCE.exec(f.content);
    if (reference) {
      throw new Error(`GitOpsOutput.render: ${f.path} contains the Terraform reference ${JSON.stringify(reference[0].slice(0, 60))}, which nothing resolves in a GitOps folder. `
        + 'Pass literal values (e.g. read them with TerwayClusterOutputs.fromFile from `terraform output -json`), or deliver these objects with KubernetesManifests in the Terraform stack.');
    }
  }
  return files;
}

/**
 * A cdktf token (`${TfToken[TOKEN.1]}`) or a Terraform reference (`${data.…}`, `${var.…}`,
 * `${local.…}`, `${module.…}`, `${<provider>_<type>.<name>.<attribute>}`). A shell `${HOME}` or a
 * Spring placeholder `${spring.datasource.url}` does not match.
 * @see https://developer.hashicorp.com/terraform/language/expressions/references
 */
const TERRAFORM_REFERENCE = /\$\{(?:TfToken\[[^\]]*\]|(?:data|var|local|module)\.[A-Za-z_][^}]*|[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][^}]*)\}/;

/** The output folder, checked before anything is rendered: a path the file system can hold, not a file. */
function checkOutdir(where: string, outdir: string): string {
  const check = checkInputs(where);
  if (outdir.includes('\0')) check.fail('options.outdir', `must be a path without NUL characters, got ${JSON.stringify(outdir)}.`);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(outdir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') check.fail('options.outdir', `${outdir} is a symbolic link loop; point outdir at a folder. Nothing was written.`);
    if (code === 'ENOTDIR') check.fail('options.outdir', `${outdir} lies under a file, not a folder. Nothing was written.`);
    if (code !== 'ENOENT') check.fail('options.outdir', `${outdir} cannot be used (${code ?? (e as Error).message}). Nothing was written.`);
  }
  if (stat !== undefined && !stat.isDirectory()) check.fail('options.outdir', `${outdir} is a file, not a folder. Nothing was written.`);
  return outdir;
}

/** cdk8s's file name of one object (`Kind.name`, unsafe characters dropped). */
function resourceFileName(obj: any): string {
  return `${obj.kind}.${obj.metadata?.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
}

/** Whether cdk8s names chart files with an index (charts nested or depending on each other). */
function hasDependentCharts(app: App): boolean {
  const chartOf = (c: IConstruct): Chart | undefined => c.node.scopes.slice().reverse().find((s): s is Chart => Chart.isChart(s));
  for (const c of app.node.findAll()) {
    if (Chart.isChart(c) && c.node.children.some((child) => Chart.isChart(child))) return true;
    for (const dep of c.node.dependencies) {
      if (chartOf(c) !== chartOf(dep)) return true;
    }
  }
  return false;
}

function checkRelative(where: string, property: string, file: string): void {
  const normal = path.posix.normalize(file);
  if (file.length === 0 || path.isAbsolute(file) || file.includes('\\') || normal !== file || normal.startsWith('../') || normal === '..' || normal === '.') {
    checkInputs(where).fail(property, `entry ${JSON.stringify(file)} must be a normalized relative path inside the output folder, such as "planes.k8s.yaml".`);
  }
}

/** The files an ownership file lists. */
function readOwnership(file: string): Set<string> {
  const where = `GitOpsOutput.synth (${file})`;
  let parsed: any;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (e) {
    throw new Error(`${where}: the ownership file is not JSON (${(e as Error).message}); restore it from version control or delete it. Nothing was written.`);
  }
  if (parsed === null || typeof parsed !== 'object' || parsed.kind !== OWNERSHIP_KIND || !Array.isArray(parsed.files)
    || parsed.files.some((f: unknown) => typeof f !== 'string')) {
    throw new Error(`${where}: not an ack-terway-network ownership file (expected {"kind": "${OWNERSHIP_KIND}", "files": [...]}). Nothing was written.`);
  }
  for (const f of parsed.files as string[]) checkRelative(where, 'files', f);
  return new Set(parsed.files as string[]);
}

function ownershipText(files: string[]): string {
  return `${JSON.stringify({ kind: OWNERSHIP_KIND, files: files.sort(codePointOrder) }, undefined, 2)}\n`;
}

/**
 * Writes `files` into a staging folder next to `outdir`, then moves them in and moves
 * `stale` owned files out. On any error the previous files are put back.
 */
function swapIn(outdir: string, files: RenderedManifestFile[], stale: string[]): void {
  const parent = path.dirname(outdir);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(outdir)}.ack-terway-network-`));
  const fresh = path.join(staging, 'new');
  const backup = path.join(staging, 'previous');
  const moved: string[] = [];
  const backedUp: string[] = [];
  const createdDirs: string[] = [];
  const mkdirFor = (file: string) => {
    const dir = path.dirname(file);
    const first = fs.mkdirSync(dir, { recursive: true });
    if (first !== undefined && file.startsWith(outdir + path.sep)) createdDirs.push(first);
  };
  try {
    for (const f of files) {
      mkdirFor(path.join(fresh, f.path));
      fs.writeFileSync(path.join(fresh, f.path), f.content);
    }
    if (!fs.existsSync(outdir)) {
      const first = fs.mkdirSync(outdir, { recursive: true });
      if (first !== undefined) createdDirs.push(first);
    }
    for (const rel of [...files.map((f) => f.path), ...stale]) {
      const target = path.join(outdir, rel);
      if (!fs.existsSync(target)) continue;
      mkdirFor(path.join(backup, rel));
      fs.renameSync(target, path.join(backup, rel));
      backedUp.push(rel);
    }
    for (const f of files) {
      const target = path.join(outdir, f.path);
      mkdirFor(target);
      fs.renameSync(path.join(fresh, f.path), target);
      moved.push(f.path);
    }
    removeEmptyParents(outdir, stale);
  } catch (e) {
    for (const rel of moved) fs.rmSync(path.join(outdir, rel), { force: true });
    for (const rel of backedUp) fs.renameSync(path.join(backup, rel), path.join(outdir, rel));
    for (const dir of createdDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes folders that held stale owned files and are now empty (never `outdir` itself). */
function removeEmptyParents(outdir: string, stale: string[]): void {
  for (const rel of stale) {
    let dir = path.dirname(path.join(outdir, rel));
    while (dir.startsWith(outdir + path.sep) && fs.readdirSync(dir).length === 0) {
      fs.rmdirSync(dir);
      dir = path.dirname(dir);
    }
  }
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
