#!/usr/bin/env node
/**
 * terway-audit: the library's rules over saved `aliyun` and `kubectl` output of clusters that
 * already run. Loads the domain rules only (no cdktf, cdk8s or constructs). See docs/audit.md.
 *
 *   terway-audit [--format table|json|sarif|html|plan-json] [--fail-on error|warning|never] [--waivers FILE]
 *                [--cluster ID] [--verbose] [--allow-not-evaluated] PATH... (files, folders, or - for standard input)
 *   terway-audit plan [--format …] [--fail-on …] [--waivers FILE] PLAN.json... (the plan guard, src/plan)
 *
 * Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 an input (or an
 * option) cannot be used; 3 ACK-009 could not be evaluated for a cluster, or the inputs hold no
 * cluster (unless --allow-not-evaluated).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatJson, formatSarif, formatTable, OutputFormat } from './format';
import { emptyInventory } from './inventory';
import { formatPlan } from './plan';
import { AuditInputError, readPaths } from './read';
import { AuditReport, exitCodeOf, runAudit } from './run';
import { parseWaivers, Waiver } from './waivers';
import { ALL_RULES } from '../domain/catalog';
import { Severity } from '../domain/rules';
import { guardPlanPaths, PLAN_USAGE } from '../plan/read-plans';

/** Where the command reads and writes (the real process, or a test double). */
export interface AuditIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  readonly readStdin: () => string;
}

/** Inputs at least this large get a progress line on a terminal. */
export const PROGRESS_BYTES = 5 * 1024 * 1024;
/** Inputs with at least this many objects get a progress line on a terminal. */
export const PROGRESS_OBJECTS = 5000;

const USAGE = 'usage: terway-audit [--format table|json|sarif|html|plan-json] [--fail-on error|warning|never] [--waivers FILE] [--cluster ID] [--verbose] [--allow-not-evaluated] PATH... (files, folders, - for stdin)';

interface Options {
  readonly paths: string[];
  readonly format: OutputFormat;
  readonly failOn: Severity | 'never';
  readonly waivers?: string;
  readonly cluster?: string;
  readonly verbose: boolean;
  readonly allowNotEvaluated: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

function parseArgs(argv: ReadonlyArray<string>): Options {
  const paths: string[] = [];
  let format: OutputFormat = 'table';
  let failOn: Severity | 'never' = Severity.ERROR;
  let waivers: string | undefined;
  let cluster: string | undefined;
  let help = false;
  let version = false;
  let verbose = false;
  let allowNotEvaluated = false;
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new AuditInputError(a, `needs a value. ${USAGE}`);
      return v;
    };
    if (a === '--format' || a === '-f') {
      const v = value();
      if (v !== 'table' && v !== 'json' && v !== 'sarif' && v !== 'html' && v !== 'plan-json') {
        throw new AuditInputError('--format', `is "${v}"; expected table, json, sarif, html or plan-json.`);
      }
      format = v;
    } else if (a === '--fail-on') {
      const v = value();
      if (v !== 'error' && v !== 'warning' && v !== 'never') throw new AuditInputError('--fail-on', `is "${v}"; expected error, warning or never.`);
      failOn = v === 'never' ? 'never' : (v as Severity);
    } else if (a === '--waivers') {
      waivers = value();
    } else if (a === '--cluster') {
      cluster = value();
    } else if (a === '--verbose' || a === '-v') {
      verbose = true;
    } else if (a === '--allow-not-evaluated') {
      allowNotEvaluated = true;
    } else if (a === '--help' || a === '-h') {
      help = true;
    } else if (a === '--version') {
      version = true;
    } else if (a.startsWith('-') && a !== '-') {
      throw new AuditInputError(a, `is not an option. ${USAGE}`);
    } else {
      paths.push(a);
    }
  }
  return { paths, format, failOn, waivers, cluster, verbose, allowNotEvaluated, help, version };
}

/** The package version (read at run time, so the bin and the tests agree). */
export function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Writes the report in the chosen format; returns the exit code. */
function report(result: AuditReport, opts: Options, io: AuditIo): number {
  const version = packageVersion();
  io.stdout(opts.format === 'json' ? formatJson(result, opts.failOn, version)
    : opts.format === 'sarif' ? formatSarif(result, version)
      : formatTable(result, opts.failOn, { verbose: opts.verbose }));
  return exitCodeOf(result, opts.failOn);
}

/** Runs the command; returns the exit code. Never throws. */
export function main(argv: ReadonlyArray<string>, io: AuditIo): number {
  try {
    const plan = argv[0] === 'plan';
    const opts = parseArgs(plan ? argv.slice(1) : argv);
    if (plan && opts.cluster !== undefined) throw new AuditInputError('--cluster', `is not an option of terway-audit plan. ${PLAN_USAGE}`);
    if (plan && (opts.format === 'html' || opts.format === 'plan-json')) {
      throw new AuditInputError('--format', `${opts.format} is the network plan report of a cluster, not an option of terway-audit plan. ${PLAN_USAGE}`);
    }
    if (opts.help) {
      io.stdout(plan ? `${PLAN_USAGE}\n` : `${USAGE}\n       ${PLAN_USAGE.replace(/^usage: /, '')}\nReads saved aliyun/kubectl JSON output and reports the ack-terway-network rules; see docs/audit.md.\n`);
      return 0;
    }
    if (opts.version) {
      io.stdout(`${packageVersion()}\n`);
      return 0;
    }
    const paths = opts.paths.length > 0 ? opts.paths : io.stdinIsTTY ? [] : ['-'];
    if (paths.length === 0) {
      io.stderr(`terway-audit: no input. ${USAGE}\n`);
      return 2;
    }
    let waivers: Waiver[] = [];
    if (opts.waivers !== undefined) {
      const file = opts.waivers;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf-8');
      } catch {
        throw new AuditInputError(file, 'no such waiver file; expected {"waivers": [{"ruleId", "object", "reason"}]}.');
      }
      waivers = parseWaivers(file, text, new Set(ALL_RULES.map((r) => r.id)));
    }
    if (plan) return report(guardPlanPaths(paths, io.readStdin, waivers), opts, io);
    const inventory = emptyInventory();
    readPaths(paths, inventory, io.readStdin);
    const bytes = inventory.files.reduce((s, f) => s + f.bytes, 0);
    const objects = [...inventory.kube.values()].reduce((s, l) => s + l.length, 0) + inventory.clusters.length;
    if (io.stderrIsTTY && (bytes >= PROGRESS_BYTES || objects >= PROGRESS_OBJECTS)) {
      io.stderr(`terway-audit: read ${inventory.files.length} input(s), ${(bytes / 1048576).toFixed(1)} MB: ${inventory.clusters.length} clusters, ${objects - inventory.clusters.length} Kubernetes objects; evaluating…\n`);
    }
    const result = runAudit(inventory, { clusterId: opts.cluster, waivers, allowNotEvaluated: opts.allowNotEvaluated });
    if (opts.format === 'html' || opts.format === 'plan-json') {
      io.stdout(formatPlan(opts.format, inventory, result, opts.cluster));
      return exitCodeOf(result, opts.failOn);
    }
    return report(result, opts, io);
  } catch (e) {
    if (e instanceof AuditInputError) {
      io.stderr(`terway-audit: ${e.message}\n`);
    } else {
      io.stderr(`terway-audit: could not complete: ${(e as Error)?.message ?? String(e)}\n`);
    }
    return 2;
  }
}

/** The real process's streams. */
export function processIo(): AuditIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    readStdin: () => fs.readFileSync(0, 'utf-8'),
  };
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), processIo());
}
