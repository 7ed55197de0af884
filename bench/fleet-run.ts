/**
 * One benchmark run in a fresh process: `node fleet-run.js <variant> <path> <P> <W> <N> <K> <outdir>`
 * or `node fleet-run.js import <library|frameworks> <entry>`. Prints one JSON line with
 * wall time since process start, CPU time and peak RSS of this process.
 */
import { performance } from 'perf_hooks';

function report(extra: Record<string, unknown>): void {
  const usage = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({
    ...extra,
    wallMs: performance.now(),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
  })}\n`);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'import') {
  const [what, entry] = args;
  // Dynamic requires on purpose: what is loaded is what this run measures.
  const load = (id: string): unknown => require(id); // eslint-disable-line @typescript-eslint/no-require-imports
  if (what === 'library') {load(entry);} else { load('cdktf'); load('cdk8s'); }
  report({ mode, what });
} else {
  process.env.ACK_TERWAY_NETWORK_QUIET = '1';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fleet = require('./fleet') as typeof import('./fleet');
  const [path, p, w, n, k, outdir] = args;
  const size = { planes: Number(p), workloads: Number(w), namespaces: Number(n), nodePools: Number(k) };
  const runs: Record<string, (fleetSize: typeof size, dir: string) => void> = {
    'library:gitops': fleet.libraryGitOps,
    'library:onedeploy': fleet.libraryOneDeploy,
    'baseline:gitops': fleet.baselineGitOps,
    'baseline:onedeploy': fleet.baselineOneDeploy,
  };
  const run = runs[`${mode}:${path}`];
  if (!run) throw new Error(`unknown run ${mode}:${path}`);
  run(size, outdir);
  report({ mode, path, size });
}
