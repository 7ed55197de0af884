import * as path from 'path';
import { STDIN } from './read';
import { AuditFinding, AuditReport, blockedByNotEvaluated, CORE_RULE_ID, EXIT_NOT_EVALUATED, failingFindings } from './run';
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

/** One summary line, the same in every format: the counts, then the verdict. */
export function summaryLine(report: AuditReport, failOn: Severity | 'never'): string {
  return summaryParts(report, failOn).join('; ');
}

/** The summary's two parts: counts (findings, not evaluated) and the verdict (passed, FAILED, NOT PASSED). */
export function summaryParts(report: AuditReport, failOn: Severity | 'never'): [string, string] {
  const open = report.findings.filter((f) => !f.waiver);
  const errors = open.filter((f) => f.severity === Severity.ERROR).length;
  const warnings = open.length - errors;
  const waived = report.findings.length - open.length;
  const failing = failingFindings(report, failOn).length;
  const skipped = new Set(report.notEvaluated.flatMap((n) => n.ruleIds.map((id) => `${id} ${n.object}`))).size;
  const core = report.coreNotEvaluated ?? [];
  const coreText = `ACK-009 (${CORE_RULE_ID}) not evaluated for ${core.join(', ')}`;
  const verdict = failing > 0 ? `FAILED (${failing} at or above --fail-on ${failOn})${core.length > 0 ? `; ${coreText}` : ''}`
    : blockedByNotEvaluated(report) ? `NOT PASSED: ${coreText} (exit ${EXIT_NOT_EVALUATED}; --allow-not-evaluated accepts that)`
      : `passed (--fail-on ${failOn}${core.length > 0 ? `; ${coreText}, allowed by --allow-not-evaluated` : ''})`;
  return [`${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${waived} waived; ${skipped} rule checks not evaluated (missing input)`, verdict];
}

/** Width of the table output: readable in a 100-column terminal, the same on every machine. */
export const TABLE_WIDTH = 100;

/** Splits text into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line === '') {line = word;} else if (line.length + 1 + word.length <= width) {line += ` ${word}`;} else {
      lines.push(line);
      line = word;
    }
  }
  return line === '' ? [''] : [...lines, line];
}

/** `text` wrapped to the table width, every line starting with `indent`. */
function block(text: string, indent: string, width = TABLE_WIDTH): string[] {
  return wrap(text, width - indent.length).map((l) => indent + l);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Also print each finding's fix, source and link (`--verbose`); default false. */
  readonly verbose?: boolean;
}

/**
 * The readable table, at most {@link TABLE_WIDTH} columns (a URL longer than that stays whole):
 * one header line per finding (rule, severity, object) with its message wrapped under it; with
 * `verbose`, also the fix and the source. Then what was not evaluated, notes and the summary.
 */
export function formatTable(report: AuditReport, failOn: Severity | 'never', options: TableOptions = {}): string {
  const lines: string[] = [];
  const f = report.findings;
  const w = {
    rule: Math.max(4, ...f.map((x) => x.ruleId.length)),
    sev: Math.max(8, ...f.map((x) => severityCell(x).length)),
  };
  if (f.length > 0) {
    lines.push(`${pad('RULE', w.rule)}  ${pad('SEVERITY', w.sev)}  OBJECT`);
    for (const x of f) {
      lines.push(`${pad(x.ruleId, w.rule)}  ${pad(severityCell(x), w.sev)}  ${x.object}`);
      lines.push(...block(x.message, '    '));
      if (options.verbose) {
        lines.push(...block(`fix: ${x.fix}`, '    '));
        lines.push(...block(`source: ${x.source} <${ruleLink(x.source)}>`, '    '));
      }
      if (x.waiver) lines.push(...block(`WAIVED: ${x.waiver.reason}`, '    '));
    }
    if (!options.verbose) lines.push('', '(--verbose adds each finding\'s fix and source)');
  } else {
    lines.push('No findings.');
  }
  if (report.notEvaluated.length > 0) {
    lines.push('', 'NOT EVALUATED (missing input; never counted as passed):');
    for (const n of report.notEvaluated) {
      const rules = options.verbose || n.ruleIds.length <= 6 ? n.ruleIds.join(', ') : `${n.ruleIds.length} rules (--verbose lists them)`;
      lines.push(...block(`${n.object}: ${rules}; needs ${n.missing.join(' + ')}`, '  '));
    }
  }
  if (report.notes.length > 0) {
    lines.push('', 'NOTES:');
    for (const n of report.notes) lines.push(...block(n, '  '));
  }
  lines.push('', ...summaryParts(report, failOn).flatMap((part) => wrap(part, TABLE_WIDTH)));
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
    passed: failing === 0 && !blockedByNotEvaluated(report),
    summary: summaryLine(report, failOn),
    coreNotEvaluated: report.coreNotEvaluated ?? [],
    findings: report.findings.map((f) => ({ ...f, link: ruleLink(f.source), waived: f.waiver !== undefined })),
    notEvaluated: report.notEvaluated,
    evaluated: report.evaluated,
    notes: report.notes,
  }, null, 2) + '\n';
}

/** The `uriBaseId` of every artifact location: the folder the command ran in. */
export const SARIF_BASE_ID = 'SRCROOT';

/** A URI reference for a file, relative to `baseDir` (forward slashes, percent-encoded). */
function artifactUri(file: string, baseDir: string): string {
  const relative = path.relative(baseDir, path.resolve(baseDir, file)) || '.';
  return relative.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}

/** A `file:` URI for a folder, ending in a slash (SARIF §3.14.14). */
function folderUri(dir: string): string {
  const abs = path.resolve(dir).split(path.sep).join('/');
  const encoded = abs.split('/').map(encodeURIComponent).join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}${encoded.endsWith('/') ? '' : '/'}`;
}

/**
 * SARIF 2.1.0 for code-scanning UIs: rules of the catalogue, results, suppressions for waivers.
 * Artifact locations are relative to `baseDir` (default: the working folder) under
 * `uriBaseId` {@link SARIF_BASE_ID}, which `originalUriBaseIds` maps to that folder.
 */
export function formatSarif(report: AuditReport, version: string, baseDir: string = process.cwd()): string {
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
      originalUriBaseIds: { [SARIF_BASE_ID]: { uri: folderUri(baseDir) } },
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
          ...(f.file === STDIN ? {} : { physicalLocation: { artifactLocation: { uri: artifactUri(f.file, baseDir), uriBaseId: SARIF_BASE_ID } } }),
          logicalLocations: [{ name: f.object, fullyQualifiedName: f.object, kind: 'resource' }],
        }],
        partialFingerprints: { 'terwayAudit/v1': `${f.ruleId}:${f.object}:${f.message}` },
        ...(f.waiver ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waiver.reason }] } : {}),
      })),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
