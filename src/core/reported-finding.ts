import { Severity } from '../domain/rules';

/** A finding attached to the construct that produced it. */
export interface ReportedFinding {
  /** Stable rule ID, e.g. `TW-NET-003`. */
  readonly ruleId: string;
  /** Error or warning. */
  readonly severity: Severity;
  /** Construct path of the offending construct. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** Where the constraint is documented. */
  readonly source: string;
  /** The full one-line text: rule ID, message, rule, source and fix. */
  readonly text: string;
  /** Reason given when the warning was acknowledged; absent otherwise. */
  readonly acknowledgedReason?: string;
}
