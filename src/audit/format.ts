import { STDIN } from './read';
import { AuditFinding, AuditReport, failingFindings } from './run';
import { ALL_RULES } from '../domain/catalog';
import { Severity } from '../domain/rules';

/** Output formats of the command. */
export type OutputFormat = 'table' | 'json' | 'sarif' | 'html' | 'plan-json';

/** The rule catalogue as published with the package (every rule's constraint and source). */
export const RULES_DOC_URL = 'https://github.com/ack-terway-network/ack-terway-network/blob/main/docs/rules.md';
/** Where the audit's inputs and rules are documented. */
export const AUDIT_DOC_URL = 'https://github.com/ack-terway-network/ack-terway-network/blob/main/docs/audit.md';

/** A link for a rule: the first URL its source cites, otherwise the rule catalogue. */
export function ruleLink(source: string): string {
  return /https?:\/\/[^\s;,)]+/.exec(source)?.[0] ?? RULES_DOC_URL;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One summary line, the same in every format. */
export function summaryLine(report: AuditReport, failOn: Severity | 'never'): string {
  const open = report.findings.filter((f) => !f.waiver);
  const errors = open.filter((f) => f.severity === Severity.ERROR).length;
  const warnings = open.length - errors;
  const waived = report.findings.length - open.length;
  const failing = failingFindings(report, failOn).length;
  const skipped = new Set(report.notEvaluated.flatMap((n) => n.ruleIds.map((id) => `${id} ${n.object}`))).size;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${waived} waived; ${skipped} rule checks not evaluated (missing input); `
    + (failing > 0 ? `FAILED (${failing} at or above --fail-on ${failOn})` : `passed (--fail-on ${failOn})`);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The readable table: one line per finding, then what was not evaluated, then the summary. */
export function formatTable(report: AuditReport, failOn: Severity | 'never'): string {
  const lines: string[] = [];
  const f = report.findings;
  const w = {
    rule: Math.max(4, ...f.map((x) => x.ruleId.length)),
    sev: Math.max(8, ...f.map((x) => severityCell(x).length)),
    obj: Math.max(6, ...f.map((x) => x.object.length)),
  };
  if (f.length > 0) {
    lines.push(`${pad('RULE', w.rule)}  ${pad('SEVERITY', w.sev)}  ${pad('OBJECT', w.obj)}  MESSAGE | FIX | SOURCE`);
    for (const x of f) {
      const waived = x.waiver ? ` | WAIVED: ${x.waiver.reason}` : '';
      lines.push(`${pad(x.ruleId, w.rule)}  ${pad(severityCell(x), w.sev)}  ${pad(x.object, w.obj)}  ${x.message} | fix: ${x.fix} | source: ${x.source} <${ruleLink(x.source)}>${waived}`);
    }
  } else {
    lines.push('No findings.');
  }
  if (report.notEvaluated.length > 0) {
    lines.push('', 'NOT EVALUATED (missing input; never counted as passed):');
    for (const n of report.notEvaluated) lines.push(`  ${n.object}  ${n.ruleIds.join(', ')}  needs ${n.missing.join(' + ')}`);
  }
  if (report.notes.length > 0) {
    lines.push('', 'NOTES:');
    for (const n of report.notes) lines.push(`  ${n}`);
  }
  lines.push('', summaryLine(report, failOn));
  return lines.join('\n') + '\n';
}

function severityCell(f: AuditFinding): string {
  return f.waiver ? `${f.severity} (waived)` : f.severity;
}

/** Machine-readable JSON. */
export function formatJson(report: AuditReport, failOn: Severity | 'never', version: string): string {
  const failing = failingFindings(report, failOn).length;
  return JSON.stringify({
    tool: 'terway-audit',
    version,
    failOn,
    passed: failing === 0,
    summary: summaryLine(report, failOn),
    findings: report.findings.map((f) => ({ ...f, link: ruleLink(f.source), waived: f.waiver !== undefined })),
    notEvaluated: report.notEvaluated,
    evaluated: report.evaluated,
    notes: report.notes,
  }, null, 2) + '\n';
}

function artifactUri(file: string): string {
  return encodeURI(file.split('\\').join('/'));
}

/** SARIF 2.1.0 for code-scanning UIs: rules of the catalogue, results, suppressions for waivers. */
export function formatSarif(report: AuditReport, version: string): string {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const level = (s: Severity) => (s === Severity.ERROR ? 'error' : 'warning');
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'terway-audit',
          semanticVersion: version,
          informationUri: AUDIT_DOC_URL,
          rules: ALL_RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.title },
            fullDescription: { text: `${r.title} (source: ${r.source})` },
            helpUri: ruleLink(r.source),
            help: { text: `Source: ${r.source}` },
            defaultConfiguration: { level: level(r.severity) },
          })),
        },
      },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: [
          ...report.notEvaluated.map((n) => ({
            level: 'note',
            message: { text: `Not evaluated for ${n.object}: ${n.ruleIds.join(', ')} (needs ${n.missing.join(' + ')}).` },
          })),
          ...report.notes.map((text) => ({ level: 'note', message: { text } })),
        ],
      }],
      results: report.findings.map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: level(f.severity),
        message: { text: `${f.message} Fix: ${f.fix}` },
        locations: [{
          ...(f.file === STDIN ? {} : { physicalLocation: { artifactLocation: { uri: artifactUri(f.file) } } }),
          logicalLocations: [{ name: f.object, fullyQualifiedName: f.object, kind: 'resource' }],
        }],
        partialFingerprints: { 'terwayAudit/v1': `${f.ruleId}:${f.object}:${f.message}` },
        ...(f.waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waiver.reason }] } : {}),
      })),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
