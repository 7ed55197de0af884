import { RuleDefinition, Severity } from './rules';

/** An error rule: violations stop synthesis. */
export function error(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.ERROR, title, source };
}

/** A warning rule: violations are reported and can be acknowledged. */
export function warning(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.WARNING, title, source };
}
