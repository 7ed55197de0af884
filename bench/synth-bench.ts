/**
 * `npm run bench`: the fleet benchmark (a script, never a test: a clock in a test measures the
 * machine's load). For fleet sizes S0–S2 and both delivery paths it runs the library and the
 * raw baseline (bench/fleet.ts), each in a fresh `node` process, interleaved, for several
 * rounds, and the import of the package entry against `cdktf` + `cdk8s` alone. It reports
 * medians of wall time, CPU time and peak RSS, library/baseline ratios, the S2/S1 growth,
 * and writes bench/results.md and bench/results.json.
 *
 * Options: --rounds=N (default 5; env BENCH_ROUNDS), --sizes=S0,S1,S2 (env BENCH_SIZES); through
 * projen, use the environment variables (`BENCH_ROUNDS=1 npm run bench`).
 * The sources are compiled once to plain JavaScript first (tmp/bench-build), so no run pays
 * for TypeScript compilation.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Size { readonly planes: number; readonly workloads: number; readonly namespaces: number; readonly nodePools: number }
interface Sample { readonly wallMs: number; readonly cpuMs: number; readonly maxRssMb: number }

const SIZES: Record<string, Size> = {
  S0: { planes: 50, workloads: 500, namespaces: 12, nodePools: 5 },
  S1: { planes: 200, workloads: 2000, namespaces: 50, nodePools: 20 },
  S2: { planes: 400, workloads: 4000, namespaces: 100, nodePools: 40 },
};
const PATHS: Record<string, string> = {
  gitops: 'cdktf app + separate cdk8s GitOps app',
  onedeploy: 'one cdktf app, manifests as kubernetes_manifest',
};
const VARIANTS = ['baseline', 'library'] as const;

const root = path.resolve(__dirname, '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const rounds = Number(arg('rounds') ?? process.env.BENCH_ROUNDS ?? 5);
const sizeNames = (arg('sizes') ?? process.env.BENCH_SIZES ?? 'S0,S1,S2').split(',');
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${rounds}`);
for (const s of sizeNames) if (!SIZES[s]) throw new Error(`unknown size ${s}; use ${Object.keys(SIZES).join(', ')}`);

const build = path.join(root, 'tmp', 'bench-build');
const runner = path.join(build, 'bench', 'fleet-run.js');
const entry = path.join(build, 'src', 'index.js');

function compile(): void {
  fs.rmSync(build, { recursive: true, force: true });
  process.stderr.write('compiling the library and the fleet generator to JavaScript...\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--outDir', build, '--rootDir', root,
    '--module', 'node16', '--moduleResolution', 'node16', '--target', 'ES2022', '--esModuleInterop', '--skipLibCheck',
    '--resolveJsonModule', '--experimentalDecorators', '--declaration', 'false', '--sourceMap', 'false', '--types', 'node', '--strict',
    // Every entry point: the post-compile step below rewrites all of them.
    path.join(root, 'bench', 'fleet-run.ts'), ...['index.ts', 'cdktf.ts', 'cdk8s.ts'].map((f) => path.join(root, 'src', f))], { stdio: 'inherit' });
  // The same post-compile step as the package build: lazy entry points, so the import measured
  // here is the import users get. (--strict above: the library's narrowing needs it.)
  execFileSync(process.execPath, ['-r', 'ts-node/register', path.join(root, 'scripts', 'lazy-index.ts'), path.join(build, 'src')],
    { stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json') } });
}

function run(args: string[]): Sample {
  const out = execFileSync(process.execPath, [runner, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = out.trim().split('\n').pop()!;
  return JSON.parse(line) as Sample;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summary(samples: Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((s) => s[key]));
  return { wallMs: of('wallMs'), cpuMs: of('cpuMs'), maxRssMb: of('maxRssMb') };
}

function main(): void {
  compile();
  const samples = new Map<string, Sample[]>();
  const record = (key: string, sample: Sample) => samples.set(key, [...samples.get(key) ?? [], sample]);
  const started = Date.now();
  for (let round = 0; round < rounds; round++) {
    // Interleaved, and the order alternates between rounds so neither variant always runs first.
    const variants = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    for (const what of round % 2 === 0 ? ['frameworks', 'library'] : ['library', 'frameworks']) record(`import:${what}`, run(['import', what, entry]));
    for (const sizeName of sizeNames) {
      const size = SIZES[sizeName];
      for (const p of Object.keys(PATHS)) {
        for (const variant of variants) {
          const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ack-terway-bench-'));
          try {
            const sample = run([variant, p, String(size.planes), String(size.workloads), String(size.namespaces), String(size.nodePools), outdir]);
            record(`${sizeName}:${p}:${variant}`, sample);
            process.stderr.write(`round ${round + 1}/${rounds} ${sizeName} ${p} ${variant}: ${(sample.wallMs / 1000).toFixed(2)} s wall, ${(sample.cpuMs / 1000).toFixed(2)} s CPU, ${sample.maxRssMb.toFixed(0)} MB\n`);
          } finally {
            fs.rmSync(outdir, { recursive: true, force: true });
          }
        }
      }
    }
  }
  const totalSeconds = (Date.now() - started) / 1000;
  write(samples, totalSeconds);
}

function write(samples: Map<string, Sample[]>, totalSeconds: number): void {
  const get = (key: string) => summary(samples.get(key)!);
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, load average at end ${os.loadavg()[0].toFixed(1)}`;
  const rows: Array<Record<string, unknown>> = [];
  const lines = [
    `Machine: ${machine}. ${rounds} round(s), medians; each run is a fresh \`node\` process (import + build + synth), library and baseline interleaved. Total ${totalSeconds.toFixed(0)} s.`,
    '',
    'Ratios are library / baseline of the medians; the paired wall ratio is the median over rounds of library / baseline within the round (the two run back to back).',
    '',
    '| fleet | path | baseline wall / CPU / peak RSS | library wall / CPU / peak RSS | wall ratio | CPU ratio | RSS ratio | paired wall ratio |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const s = (x: Sample) => `${(x.wallMs / 1000).toFixed(2)} s / ${(x.cpuMs / 1000).toFixed(2)} s / ${x.maxRssMb.toFixed(0)} MB`;
  for (const sizeName of sizeNames) {
    const size = SIZES[sizeName];
    for (const [p, label] of Object.entries(PATHS)) {
      const base = get(`${sizeName}:${p}:baseline`);
      const lib = get(`${sizeName}:${p}:library`);
      // Each round runs the two variants back to back, so the ratio within a round is not
      // moved by the machine's load drifting between rounds.
      const pairs = samples.get(`${sizeName}:${p}:library`)!.map((l, i) => l.wallMs / samples.get(`${sizeName}:${p}:baseline`)![i].wallMs);
      const ratio = { wall: lib.wallMs / base.wallMs, cpu: lib.cpuMs / base.cpuMs, rss: lib.maxRssMb / base.maxRssMb, pairedWall: median(pairs) };
      rows.push({ size: sizeName, ...size, path: p, baseline: base, library: lib, ratio });
      lines.push(`| ${sizeName}: P=${size.planes}, W=${size.workloads}, N=${size.namespaces}, K=${size.nodePools} | ${label} | ${s(base)} | ${s(lib)} | ${ratio.wall.toFixed(2)} | ${ratio.cpu.toFixed(2)} | ${ratio.rss.toFixed(2)} | ${ratio.pairedWall.toFixed(2)} |`);
    }
  }
  const growth: Record<string, unknown> = {};
  if (sizeNames.includes('S1') && sizeNames.includes('S2')) {
    lines.push('', '| path | library S2/S1 wall | library S2/S1 CPU | baseline S2/S1 wall | baseline S2/S1 CPU |', '|---|---|---|---|---|');
    for (const [p, label] of Object.entries(PATHS)) {
      const g = (v: string, m: keyof Sample) => get(`S2:${p}:${v}`)[m] / get(`S1:${p}:${v}`)[m];
      growth[p] = { libraryWall: g('library', 'wallMs'), libraryCpu: g('library', 'cpuMs'), baselineWall: g('baseline', 'wallMs'), baselineCpu: g('baseline', 'cpuMs') };
      lines.push(`| ${label} | ${g('library', 'wallMs').toFixed(2)} | ${g('library', 'cpuMs').toFixed(2)} | ${g('baseline', 'wallMs').toFixed(2)} | ${g('baseline', 'cpuMs').toFixed(2)} |`);
    }
  }
  const lib = get('import:library');
  const fw = get('import:frameworks');
  lines.push('', '| import | wall | CPU | peak RSS |', '|---|---|---|---|',
    `| \`cdktf\` + \`cdk8s\` | ${(fw.wallMs / 1000).toFixed(2)} s | ${(fw.cpuMs / 1000).toFixed(2)} s | ${fw.maxRssMb.toFixed(0)} MB |`,
    `| package entry (\`ack-terway-network\`) | ${(lib.wallMs / 1000).toFixed(2)} s | ${(lib.cpuMs / 1000).toFixed(2)} s | ${lib.maxRssMb.toFixed(0)} MB |`,
    `| ratio | ${(lib.wallMs / fw.wallMs).toFixed(2)} | ${(lib.cpuMs / fw.cpuMs).toFixed(2)} | ${(lib.maxRssMb / fw.maxRssMb).toFixed(2)} |`,
    '', 'Reproduce: `npm run bench` (environment: `BENCH_ROUNDS=N`, `BENCH_SIZES=S0,S1,S2`).');
  const markdown = `${lines.join('\n')}\n`;
  fs.writeFileSync(path.join(root, 'bench', 'results.md'), markdown);
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify({
    machine,
    rounds,
    totalSeconds,
    sizes: Object.fromEntries(sizeNames.map((n) => [n, SIZES[n]])),
    runs: rows,
    growth,
    import: { frameworks: fw, library: lib, ratio: { wall: lib.wallMs / fw.wallMs, cpu: lib.cpuMs / fw.cpuMs, rss: lib.maxRssMb / fw.maxRssMb } },
    samples: Object.fromEntries(samples),
  }, undefined, 2)}\n`);
  process.stdout.write(markdown);
}

main();
