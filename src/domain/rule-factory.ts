import { RuleDefinition, Severity } from './rules';

/** An error rule (stops synthesis). Shared by every catalogue file. */
export function error(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.ERROR, title, source };
}

/** A warning rule (reported; acknowledgeable with a reason). Shared by every catalogue file. */
export function warning(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.WARNING, title, source };
}
