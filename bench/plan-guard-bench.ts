/**
 * Timing benchmark of the plan guard (a script, never a test: timings depend on the machine's
 * load). Builds a plan of 5,000 resource changes (and as many prior-state resources) from the
 * hand-written fixtures in test/plan-guard/fixtures (clusters, node pools, vSwitches, security
 * groups, SNAT, NAT, RAM, Terway manifests; safe and destructive changes mixed), then times
 *  - `terway-audit plan plan.json --format json` in process (read, parse, check, format);
 *  - `PlanGuard.check(text)`.
 * Prints the median of BENCH_ROUNDS runs (default 7).
 *
 *   npx projen bench:plan            (BENCH_CHANGES=N to change the size)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { AuditIo, main } from '../src/audit/cli';
import { PlanGuard } from '../src/plan/plan-guard';

const FIXTURES = path.join(__dirname, '..', 'test', 'plan-guard', 'fixtures');
const CHANGES = Number(process.env.BENCH_CHANGES ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** A plan of `n` changes: the fixtures' changes repeated with distinct addresses and IDs. */
function buildPlan(n: number): string {
  const sources = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && !f.startsWith('malformed') && !f.startsWith('terraform-json'));
  const plans = sources.map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf-8')));
  const changes = plans.flatMap((p) => p.resource_changes ?? []);
  const prior = plans.flatMap((p) => p.prior_state?.values?.root_module?.resources ?? []);
  const suffix = (text: string, i: number) => text.replace(/"(vsw|sg|stb|ngw)-([a-z0-9]+)"/g, `"$1-$2x${i}"`).replace(/"address":"([^"]+)"/g, `"address":"$1_${i}"`);
  const out: string[] = [];
  const outPrior: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(suffix(JSON.stringify(changes[i % changes.length]), Math.floor(i / changes.length)));
    outPrior.push(suffix(JSON.stringify(prior[i % prior.length]), Math.floor(i / prior.length)));
  }
  return `{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[${out.join(',')}],`
    + `"prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[${outPrior.join(',')}]}}}}`;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(run: () => void): number {
  run(); // warm-up (module loading, JIT)
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const text = buildPlan(CHANGES);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-'));
const file = path.join(dir, 'plan.json');
fs.writeFileSync(file, text);
let findings = 0;
const quiet: AuditIo = { stdout: (t) => { findings = JSON.parse(t).findings.length; }, stderr: (t) => process.stderr.write(t), stderrIsTTY: false, stdinIsTTY: true, readStdin: () => '' };
let code = -1;
const cli = time(() => { code = main(['plan', file, '--format', 'json'], quiet); });
const lib = time(() => PlanGuard.check(text));
console.log(`plan: ${CHANGES} resource changes, ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB; ${findings} findings; exit ${code}`);
console.log(`terway-audit plan (read, parse, check, JSON): median ${cli.toFixed(0)} ms of ${ROUNDS} runs`);
console.log(`PlanGuard.check(text):                     median ${lib.toFixed(0)} ms of ${ROUNDS} runs`);
fs.rmSync(dir, { recursive: true, force: true });
