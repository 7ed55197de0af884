/**
 * What a user installs, built the way `npx projen build` builds it, in a temporary directory:
 * the package is compiled with jsii (lazy entry points applied), optionally generated for
 * Python, packed with `npm pack`, and installed into a fresh consumer project next to only
 * the peers one delivery path needs. Used by test/package/consumer.test.ts (the consumer
 * smoke test) and bench/import-size.ts (import time and installed size).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const MODULES = path.join(ROOT, 'node_modules');

/**
 * The files copied into the staging directory: what the package ships is built from them by
 * the package's own `prepack` script (jsii compile and the lazy entry points, through projen's
 * task definitions), exactly as `npm pack` in a clone builds it.
 */
const PACKAGE_FILES = ['package.json', 'tsconfig.json', 'README.md', 'LICENSE', '.npmignore', 'src',
  '.projen', '.projenrc.ts', 'scripts/lazy-index.ts', 'test/tsconfig.json'];

/** A packed build of the library. */
export interface PackedLibrary {
  /** Absolute path of the `.tgz`. */
  readonly tarball: string;
  /** The staging directory (jsii output, `.jsii` assembly). */
  readonly stageDir: string;
  /** The generated Python sources, when requested. */
  readonly pythonDir?: string;
}

/** Environment for child npm processes: none of the outer `npm test` settings leak in. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !/^npm_config_(cache|registry|userconfig)$/i.test(k)) continue;
    env[k] = v;
  }
  env.NODE_OPTIONS = '';
  env.ACK_TERWAY_NETWORK_QUIET = '1';
  return env;
}

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Builds with the package's `prepack` script, optionally generates Python, and packs. */
export function packLibrary(workDir: string, options: { python?: boolean } = {}): PackedLibrary {
  const stageDir = path.join(workDir, 'ack-terway-network');
  fs.mkdirSync(stageDir, { recursive: true });
  for (const f of PACKAGE_FILES) fs.cpSync(path.join(ROOT, f), path.join(stageDir, f), { recursive: true });
  fs.symlinkSync(MODULES, path.join(stageDir, 'node_modules'), 'dir');

  // What `npm pack` runs first in a clone (package.json "prepack", defined in .projenrc.ts).
  run('npm', ['run', 'prepack', '--silent'], stageDir);

  let pythonDir: string | undefined;
  if (options.python) {
    const out = path.join(workDir, 'dist');
    run(process.execPath, [path.join(MODULES, 'jsii-pacmak', 'bin', 'jsii-pacmak'), '--code-only', '--targets', 'python', '--outdir', out], stageDir);
    pythonDir = path.join(out, 'python');
  }

  // npm pack bundles bundledDependencies from the package's own node_modules: give it
  // exactly those (each is dependency-free), not the repository's dev tree.
  fs.rmSync(path.join(stageDir, 'node_modules'));
  const manifest = JSON.parse(fs.readFileSync(path.join(stageDir, 'package.json'), 'utf-8'));
  for (const dep of manifest.bundledDependencies ?? []) {
    const depManifest = JSON.parse(fs.readFileSync(path.join(MODULES, dep, 'package.json'), 'utf-8'));
    if (Object.keys(depManifest.dependencies ?? {}).length > 0) {
      throw new Error(`bundled dependency ${dep} has dependencies of its own: copy them too`);
    }
    fs.cpSync(path.join(MODULES, dep), path.join(stageDir, 'node_modules', dep), { recursive: true });
  }
  // Built above already: --ignore-scripts skips the second prepack.
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], stageDir));
  return { tarball: path.join(workDir, packed[0].filename), stageDir, pythonDir };
}

/** The exact version the repository's lock file installs for a dev dependency (a peer). */
export function lockedVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(MODULES, name, 'package.json'), 'utf-8')).version;
}

/** An empty consumer project (a package.json without dependencies, CommonJS by default). */
export function createConsumer(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }, null, 2));
}

/**
 * Runs an `npm install …` command line (as the README gives it) in a consumer project, from
 * the local npm cache when everything is there (--offline), otherwise allowing the registry.
 */
export function npmInstallLine(dir: string, line: string): void {
  const args = shellWords(line);
  if (args[0] !== 'npm' || !['install', 'i'].includes(args[1])) throw new Error(`not an npm install line: ${line}`);
  const base = [...args.slice(1), '--no-audit', '--no-fund', '--loglevel=error'];
  try {
    run('npm', [...base, '--offline'], dir);
  } catch {
    run('npm', [...base, '--prefer-offline'], dir);
  }
}

/** Runs a command line (a README "run it" command, a cdktf.json or cdk8s.yaml `app`) with sh in `dir`. */
export function shell(dir: string, command: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync('sh', ['-c', command], {
      cwd: dir, env: { ...cleanEnv(), ...env }, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    // tsc reports on stdout: show both, so a failure says why.
    throw new Error(`${command} (in ${dir}) failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

/** Splits a simple command line (no quotes) into words. */
function shellWords(line: string): string[] {
  if (/["'`$\\|;&<>]/.test(line)) throw new Error(`unsupported characters in ${line}`);
  return line.trim().split(/\s+/);
}

/** The fenced code blocks of a Markdown section (from its `## heading` to the next `## `). */
export function markdownBlocks(markdown: string, heading: string): Array<{ lang: string; text: string }> {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "## ${heading}"`);
  const end = markdown.indexOf('\n## ', start + 4);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], text: m[2] }));
}

/** Creates a consumer project that depends on the tarball and `peers` (names), and installs it. */
export function installConsumer(dir: string, tarball: string, peers: string[]): void {
  fs.mkdirSync(dir, { recursive: true });
  const dependencies: Record<string, string> = { 'ack-terway-network': `file:${tarball}` };
  for (const p of peers) dependencies[p] = lockedVersion(p);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0', dependencies }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'], dir);
}

/**
 * Type-checks a consumer's TypeScript app against the installed package's declarations and
 * compiles it to JavaScript next to it (with the repository's TypeScript: users bring their own).
 */
export function compileConsumerApp(dir: string, appFile: string): string {
  const target = path.join(dir, path.basename(appFile));
  fs.copyFileSync(appFile, target);
  run(process.execPath, [
    path.join(MODULES, 'typescript', 'bin', 'tsc'),
    '--strict', '--target', 'ES2022', '--module', 'commonjs', '--moduleResolution', 'node10',
    '--esModuleInterop', '--skipLibCheck', target,
  ], dir);
  return target.replace(/\.ts$/, '.js');
}

/** Runs a compiled consumer app with node in its project directory; returns stdout. */
export function runConsumerApp(dir: string, jsFile: string): string {
  return run(process.execPath, [jsFile], dir);
}

/** Total size in bytes of a directory tree (files only, symlinks not followed). */
export function treeSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += treeSize(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}
