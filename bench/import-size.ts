/**
 * Import time and installed size of the cdk8s-only GitOps path, as a user gets it: the packed
 * library installed into a fresh project with cdk8s and constructs only. Prints a Markdown
 * table (the README quotes it). A measurement script, never a test.
 *
 *   npx projen bench:import [rounds]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanEnv, installConsumer, packLibrary, treeSize } from '../scripts/consumer';

interface Sample { readonly ms: number; readonly rssMb: number }

/** Loads `code` in a fresh node process in `dir`; returns its wall time and resident memory. */
function measure(dir: string, code: string): Sample {
  const script = `const t0 = process.hrtime.bigint(); ${code};
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(JSON.stringify({ ms, rssMb: process.memoryUsage().rss / 1048576 }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: dir, env: cleanEnv(), encoding: 'utf-8' }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 15);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atn-import-'));
  try {
    const lib = packLibrary(work);
    const dir = path.join(work, 'gitops');
    installConsumer(dir, lib.tarball, ['cdk8s', 'constructs']);
    const cases: Array<[string, string]> = [
      ['`cdk8s` + `constructs` (baseline)', "require('constructs'); require('cdk8s')"],
      ['`require(\'ack-terway-network\')`', "require('ack-terway-network')"],
      ['entry + `PodNetworkingPlane`, `EniConfig` (+ cdk8s)', "const l = require('ack-terway-network'); require('cdk8s'); l.PodNetworkingPlane; l.EniConfig"],
    ];
    const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
    for (let i = 0; i < rounds; i++) {
      for (const [name, code] of cases) samples.get(name)!.push(measure(dir, code)); // interleaved
    }
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
    const tgz = fs.statSync(lib.tarball).size;
    const lines = [
      `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, median of ${rounds} fresh processes`,
      '',
      '| cdk8s-only GitOps path | time | RSS |',
      '| --- | --- | --- |',
      ...cases.map(([name]) => {
        const s = samples.get(name)!;
        return `| ${name} | ${median(s.map((x) => x.ms)).toFixed(0)} ms | ${median(s.map((x) => x.rssMb)).toFixed(0)} MB |`;
      }),
      '',
      '| installed size | MB |',
      '| --- | --- |',
      `| \`ack-terway-network\` tarball (\`npm pack\`) | ${mb(tgz)} |`,
      `| \`node_modules/ack-terway-network\` (unpacked, bundled helpers included) | ${mb(treeSize(path.join(dir, 'node_modules', 'ack-terway-network')))} |`,
      `| whole \`node_modules\` (\`npm install ack-terway-network cdk8s constructs\`) | ${mb(treeSize(path.join(dir, 'node_modules')))} |`,
      `| cdktf installed? | ${fs.existsSync(path.join(dir, 'node_modules', 'cdktf')) ? 'yes' : 'no'} |`,
    ];
    console.log(lines.join('\n'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
