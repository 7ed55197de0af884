import { ReportedFinding } from './reported-finding';
import { Severity } from '../domain/rules';

/** Environment variable that silences the library's stderr output of findings (both sides). */
export const QUIET_ENV = 'ACK_TERWAY_NETWORK_QUIET';

/**
 * Prints findings on stderr, one line each with rule ID, message, source and fix, unless
 * ACK_TERWAY_NETWORK_QUIET is set. Callers print once per synthesis: a plain `node`/`ts-node`
 * run has no other channel (cdktf's warnings only reach cdktf.out/manifest.json, and cdk8s
 * has none).
 * @internal
 */
export function printFindings(findings: ReadonlyArray<ReportedFinding>): void {
  if (process.env[QUIET_ENV]) return;
  for (const f of findings) process.stderr.write(`[ack-terway-network] ${f.severity === Severity.ERROR ? 'ERROR' : 'WARNING'} ${f.path}: ${f.text}\n`);
}
