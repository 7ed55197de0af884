/** How a finding affects synthesis. */
export enum Severity {
  /** Stops synthesis; nothing is written. Cannot be acknowledged. */
  ERROR = 'error',
  /** Advisory; reported, and can be acknowledged with a reason. */
  WARNING = 'warning',
}

/** A documented constraint that the library enforces at synth time. */
export interface RuleDefinition {
  /** Stable identifier, e.g. `TW-NET-003`. Never reused or renumbered. */
  readonly id: string;
  /** Whether a violation stops synthesis or only warns. */
  readonly severity: Severity;
  /** The constraint in one line. */
  readonly title: string;
  /** Where the constraint is documented: a public documentation page, the provider's documentation, or Terway's source at a tag. */
  readonly source: string;
}

/** One violation of a rule, before it is attached to a construct path. */
export interface Finding {
  /** The rule that was violated. */
  readonly rule: RuleDefinition;
  /** What is wrong, naming the offending value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}
