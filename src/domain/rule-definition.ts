import { RuleDefinition, Severity } from './rules';

/** An error rule: a violation stops synthesis. */
export function error(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.ERROR, title, source };
}

/** A warning rule: reported, and acknowledgeable with a reason. */
export function warning(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.WARNING, title, source };
}
