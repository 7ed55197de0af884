import { ruleDocUrl } from './docs-links';
import { Finding, RuleDefinition } from './rules';

/** Creates a finding for `rule`. */
export function violation(rule: RuleDefinition, message: string, fix: string): Finding {
  return { rule, message, fix };
}

/** The single text form used in errors, warnings and reports. */
export function formatFinding(finding: Finding): string {
  const r = finding.rule;
  return `[${r.id}] ${finding.message} Rule: ${r.title} (source: ${r.source}). Fix: ${finding.fix}${/[.!?]$/.test(finding.fix) ? '' : '.'} See ${ruleDocUrl(r.id)}`;
}
