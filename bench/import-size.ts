/**
 * Import time and installed size of the cdk8s-only GitOps path, as a user gets it: the packed
 * library installed into a fresh project with cdk8s and constructs only. Prints a Markdown
 * table and rewrites the README's block between `<!-- bench:import -->` and
 * `<!-- /bench:import -->` with it. A measurement script, never a test (the consumer test
 * checks only that the README's sizes match the package it builds: README_SIZE_TOLERANCE).
 *
 *   npx projen bench:import [rounds]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanEnv, installConsumer, packLibrary, treeSize } from '../scripts/consumer';

interface Sample { readonly ms: number; readonly rssMb: number }

const README = path.join(__dirname, '..', 'README.md');
const BEGIN = '<!-- bench:import -->';
const END = '<!-- /bench:import -->';

/** Relative difference the consumer test accepts between the README's sizes and the package's. */
export const README_SIZE_TOLERANCE = 0.1;

/** The README's figures (MB) for the tarball and the unpacked package, from the bench:import block. */
export function readmeSizes(readme: string): { tarballMb: number; unpackedMb: number } {
  const block = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));
  const figure = (label: RegExp) => {
    const m = block.match(new RegExp(`^\\| ${label.source}[^|]*\\| ([0-9.]+) \\|$`, 'm'));
    if (!m) throw new Error(`README bench:import block has no row ${label}`);
    return Number(m[1]);
  };
  return { tarballMb: figure(/`ack-terway-network` tarball/), unpackedMb: figure(/`node_modules\/ack-terway-network`/) };
}

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
      ['`require(\'ack-terway-network/cdk8s\')`', "require('ack-terway-network/cdk8s')"],
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
    const readme = fs.readFileSync(README, 'utf-8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
    fs.writeFileSync(README, `${readme.slice(0, start + BEGIN.length)}\n${lines.join('\n')}\n${readme.slice(end)}`);
    console.log('README.md: bench:import block rewritten');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) main();
