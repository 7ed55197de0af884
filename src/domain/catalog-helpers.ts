import { RuleDefinition, Severity } from './rules';

/** A rule whose violation stops synthesis. */
export function error(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.ERROR, title, source };
}

/** An advisory rule; its findings can be acknowledged with a reason. */
export function warning(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.WARNING, title, source };
}
