import { IConstruct } from 'constructs';
import { ReportedFinding } from './reported-finding';
import { beginImplicitPass, finishValidation, inValidationPass, passMemo } from './validation-pass';
import { ALL_RULES, ruleById } from '../domain/catalog';
import { countEngineWork } from '../domain/engine-counters';
import { formatFinding } from '../domain/finding';
import { checkInputs, describeValue } from '../domain/input';
import { Finding, RuleDefinition, Severity } from '../domain/rules';

interface RuleCheck {
  readonly rules: ReadonlyArray<RuleDefinition>;
  readonly evaluate: () => Finding[];
}

const CHECKS = Symbol.for('ack-terway-network.rule-checks');
const FINDINGS = Symbol('findings');
const ACKS = Symbol.for('ack-terway-network.acknowledgements');

type WithChecks = IConstruct & { [CHECKS]?: RuleCheck[] };
type WithAcks = IConstruct & { [ACKS]?: Map<string, string> };

/**
 * Acknowledges advisory findings (warnings) on a construct and everything below it.
 *
 * Errors cannot be acknowledged: they describe configurations that Alibaba Cloud or
 * Terway reject or that break the cluster.
 *
 * @example Acknowledgements.of(cluster).add('TW-NAT-001', 'egress goes through our transit VPC');
 */
export class Acknowledgements {
  /** The acknowledgements of `scope`. */
  public static of(scope: IConstruct): Acknowledgements {
    checkConstruct('Acknowledgements.of', scope);
    return new Acknowledgements(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Acknowledges warning `ruleId` for this construct and its children.
   * @param ruleId a warning rule ID from the catalogue, e.g. `TW-NET-012`
   * @param reason why the warning does not apply; recorded in reports
   */
  public add(ruleId: string, reason: string): void {
    const check = checkInputs(`${this.scope.node.path} Acknowledgements.add`);
    check.string('ruleId', ruleId);
    check.string('reason', reason);
    const rule = ruleById(ruleId);
    if (!rule) {
      throw new Error(`${this.scope.node.path}: cannot acknowledge unknown rule "${ruleId}". Known warnings: ${ALL_RULES.filter((r) => r.severity === Severity.WARNING).map((r) => r.id).join(', ')}.`);
    }
    if (rule.severity === Severity.ERROR) {
      throw new Error(`${this.scope.node.path}: rule ${ruleId} is an error and cannot be acknowledged (${rule.title}). Fix the configuration instead.`);
    }
    if (!reason || reason.trim().length === 0) {
      throw new Error(`${this.scope.node.path}: acknowledging ${ruleId} needs a reason.`);
    }
    const holder = this.scope as WithAcks;
    (holder[ACKS] ??= new Map()).set(ruleId, reason.trim());
  }

  /** The reason `ruleId` is acknowledged at this construct or an ancestor, if it is. */
  public reasonFor(ruleId: string): string | undefined {
    checkInputs(`${this.scope.node.path} Acknowledgements.reasonFor`).string('ruleId', ruleId);
    for (const c of this.scope.node.scopes.slice().reverse()) {
      const reason = (c as WithAcks)[ACKS]?.get(ruleId);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }
}

/**
 * Registers a rule check on `construct`. The check runs lazily at validation time, so
 * it sees changes made after construction. Unacknowledged errors are returned from the
 * construct's `node.addValidation`, which makes cdktf and cdk8s refuse to synthesize.
 *
 * @param rules the rules this check evaluates (counted in reports)
 * @internal
 */
export function registerRuleCheck(construct: IConstruct, rules: ReadonlyArray<RuleDefinition>, evaluate: () => Finding[]): void {
  const holder = construct as WithChecks;
  if (!holder[CHECKS]) {
    holder[CHECKS] = [];
    construct.node.addValidation({
      validate: () => {
        try {
          return findingsOf(construct).filter((f) => f.severity === Severity.ERROR).map((f) => f.text);
        } finally {
          finishValidation(construct);
        }
      },
    });
  }
  holder[CHECKS]!.push({ rules, evaluate });
}

/**
 * Opens an implicit validation pass for the constructs with rule checks under `scope`, so
 * the validation loop that starts at `scope` (cdk8s's over an app, cdktf's over a stack)
 * evaluates each check once and builds app-wide collections once. Call it from a validation
 * registered on `scope` itself, which the loop visits first.
 * @internal
 */
export function beginScopePass(scope: IConstruct): void {
  beginImplicitPass(checkedConstructs(scope));
}

/** `scope` and the constructs below it that have rule checks. @internal */
export function checkedConstructs(scope: IConstruct): IConstruct[] {
  return scope.node.findAll().filter((c) => (c as WithChecks)[CHECKS] !== undefined);
}

/** The findings of `construct`'s checks, evaluated once per validation pass. */
function findingsOf(construct: IConstruct): ReportedFinding[] {
  return inValidationPass(() => passMemo(FINDINGS, construct, () => evaluateChecks(construct)));
}

function evaluateChecks(construct: IConstruct): ReportedFinding[] {
  countEngineWork('checkEvaluations', construct);
  const checks = (construct as WithChecks)[CHECKS] ?? [];
  const acks = Acknowledgements.of(construct);
  return checks.flatMap((c) => c.evaluate()).map((f) => {
    const reason = f.rule.severity === Severity.WARNING ? acks.reasonFor(f.rule.id) : undefined;
    return {
      ruleId: f.rule.id,
      severity: f.rule.severity,
      path: construct.node.path,
      message: f.message,
      fix: f.fix,
      source: f.rule.source,
      text: formatFinding(f),
      ...(reason !== undefined ? { acknowledgedReason: reason } : {}),
    };
  });
}

/**
 * Runs every rule check registered on `scope` and below it, without synthesizing.
 * Use it to print a summary, to fail a pipeline on warnings, or in tests.
 */
export class ValidationReport {
  /** Evaluates all rule checks under `scope` (inclusive). */
  public static of(scope: IConstruct): ValidationReport {
    checkConstruct('ValidationReport.of', scope);
    return inValidationPass(() => ValidationReport.evaluate(scope));
  }

  private static evaluate(scope: IConstruct): ValidationReport {
    const constructs = scope.node.findAll().filter((c) => (c as WithChecks)[CHECKS] !== undefined);
    const findings = constructs.flatMap(findingsOf);
    const rulesChecked = constructs.reduce((n, c) => n + (c as WithChecks)[CHECKS]!.reduce((m, check) => m + check.rules.length, 0), 0);
    return new ValidationReport(findings, rulesChecked, constructs.length);
  }

  /** Unacknowledged errors; synthesis fails while there are any. */
  public readonly errors: ReportedFinding[];
  /** Unacknowledged warnings. */
  public readonly warnings: ReportedFinding[];
  /** Warnings that were acknowledged, with their reasons. */
  public readonly acknowledged: ReportedFinding[];

  private constructor(
    findings: ReportedFinding[],
    /** Number of (construct, rule) checks that ran. */
    public readonly rulesChecked: number,
    /** Number of constructs that carry rule checks. */
    public readonly constructsChecked: number,
  ) {
    this.errors = findings.filter((f) => f.severity === Severity.ERROR);
    this.warnings = findings.filter((f) => f.severity === Severity.WARNING && f.acknowledgedReason === undefined);
    this.acknowledged = findings.filter((f) => f.acknowledgedReason !== undefined);
  }

  /** Human-readable multi-line report. */
  public toString(): string {
    const lines = [`${this.rulesChecked} rule checks on ${this.constructsChecked} constructs: ${this.errors.length} errors, ${this.warnings.length} warnings, ${this.acknowledged.length} acknowledged`];
    for (const f of this.errors) lines.push(`  ERROR   ${f.path}: ${f.text}`);
    for (const f of this.warnings) lines.push(`  WARNING ${f.path}: ${f.text}`);
    for (const f of this.acknowledged) lines.push(`  ACK     ${f.path}: [${f.ruleId}] acknowledged: ${f.acknowledgedReason}`);
    return lines.join('\n');
  }
}

/** Entry points that take a construct refuse anything else with a clear message. */
function checkConstruct(where: string, scope: unknown): void {
  const node = typeof scope === 'object' && scope !== null ? (scope as { node?: { path?: unknown; scopes?: unknown } }).node : undefined;
  if (typeof node?.path !== 'string' || !Array.isArray(node.scopes)) {
    checkInputs(where).fail('scope', `must be a construct, got ${describeValue(scope)}.`);
  }
}
