import * as fs from 'fs';
import * as path from 'path';
import { AuditIo, main } from '../../src/audit/cli';
import { tmpdir } from '../support/files';

export const EXAMPLES = path.join(__dirname, '..', '..', 'examples', 'audit');
export const ACK_009_SAMPLES = path.join(EXAMPLES, 'ack-009');
export const COMPLIANT = path.join(EXAMPLES, 'compliant');
export const WAIVERS = path.join(EXAMPLES, 'waivers.json');

/** The result of one in-process run of the command. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs terway-audit in process with captured streams. */
export function audit(args: string[], opts: { stdin?: string; stderrIsTTY?: boolean } = {}): RunResult {
  let stdout = '';
  let stderr = '';
  const io: AuditIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stderrIsTTY: opts.stderrIsTTY ?? false,
    stdinIsTTY: opts.stdin === undefined,
    readStdin: () => opts.stdin ?? '',
  };
  const code = main(args, io);
  return { code, stdout, stderr };
}

/** Writes files into a new temporary folder and returns it. */
export function folderWith(files: Record<string, string>): string {
  const dir = tmpdir('terway-audit-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The compliant example's cluster JSON, parsed. */
export function compliantCluster(): any {
  return JSON.parse(fs.readFileSync(path.join(COMPLIANT, 'cluster.json'), 'utf-8'));
}

/** The two ACK-009 sample clusters, parsed. */
export function seedClusters(): any[] {
  return JSON.parse(fs.readFileSync(path.join(ACK_009_SAMPLES, 'clusters.json'), 'utf-8'));
}
