import { guardPlans } from './guard';
import { parsePlanText, readPlan } from './plan-json';
import { readPlanPaths } from './read-plans';
import { AuditReport, failingFindings } from '../audit/run';
import { Waiver } from '../audit/waivers';
import { ALL_RULES } from '../domain/catalog';
import { checkInputs } from '../domain/input';
import { Severity } from '../domain/rules';

/** An acknowledged plan finding: still reported, marked waived. */
export interface PlanGuardWaiver {
  /** Rule ID, e.g. `TW-PLAN-005`. */
  readonly ruleId: string;
  /** Resource address as the plan names it (e.g. `alicloud_cs_kubernetes_node_pool.pool`), or `*`. */
  readonly address: string;
  /** Why the change is accepted (required). */
  readonly reason: string;
}

/** Options of {@link PlanGuard.check}. */
export interface PlanGuardOptions {
  /**
   * Acknowledged findings.
   * @default - none
   */
  readonly waivers?: PlanGuardWaiver[];
  /**
   * The lowest severity that makes `passed` false: `error`, `warning` or `never`.
   * @default "error"
   */
  readonly failOn?: string;
  /**
   * Where the plan came from, for messages (a file name).
   * @default "PlanGuard.check"
   */
  readonly source?: string;
}

/** One destructive or risky change the guard found. */
export interface PlanGuardFinding {
  /** Stable rule ID, e.g. `TW-PLAN-001`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** The resource address in the plan. */
  readonly address: string;
  /** What changes (before → after) and why it hurts. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** Where the rule is documented. */
  readonly source: string;
  /** The plan file (or the `source` option). */
  readonly file: string;
  /** The reason of the waiver that acknowledges it; absent when not waived. */
  readonly waivedReason?: string;
}

/** The result of {@link PlanGuard.check}. */
export interface PlanGuardResult {
  /** Every finding, waived ones included, sorted by file, address and rule. */
  readonly findings: PlanGuardFinding[];
  /** False when an unwaived finding is at or above `failOn`. */
  readonly passed: boolean;
  /** Remarks: deferred changes, incomplete plans, unused waivers, what was read. */
  readonly notes: string[];
}

/**
 * The plan guard: explains destructive Terway network changes in a Terraform plan before
 * `apply` (rules TW-PLAN-*, docs/plan-guard.md). Reads the documented JSON plan format
 * (`terraform show -json <planfile>`), whoever wrote the resources. The same checks run as
 * `terway-audit plan plan.json`.
 *
 *   terraform show -json plan.tfplan > plan.json
 *
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 */
export class PlanGuard {
  /**
   * Checks one plan.
   * @param plan the plan: its JSON text, or the parsed object
   */
  public static check(plan: any, options: PlanGuardOptions = {}): PlanGuardResult {
    const opts = PlanGuard.options('PlanGuard.check', options);
    const where = opts.source ?? 'PlanGuard.check';
    const doc = typeof plan === 'string' ? parsePlanText(where, plan) : readPlan(where, plan);
    return PlanGuard.result(guardPlans([doc], { waivers: opts.waivers }), opts.failOn);
  }

  /**
   * Checks plan files together (e.g. one per cdktf stack): a vSwitch in one stack and the
   * PodNetworking that uses it in another are related.
   * @param files paths of `terraform show -json` output
   */
  public static checkFiles(files: string[], options: PlanGuardOptions = {}): PlanGuardResult {
    const opts = PlanGuard.options('PlanGuard.checkFiles', options);
    checkInputs('PlanGuard.checkFiles').stringArray('files', files, { minLength: 1 });
    const docs = readPlanPaths(files, () => {
      throw new Error('standard input is not read by PlanGuard.checkFiles; pass file names');
    });
    return PlanGuard.result(guardPlans(docs, { waivers: opts.waivers }), opts.failOn);
  }

  private static options(where: string, options: PlanGuardOptions): { source?: string; failOn: Severity | 'never'; waivers: Waiver[] } {
    const check = checkInputs(where);
    const o = check.object('options', options, { struct: 'PlanGuardOptions' });
    const source = check.string('options.source', o.source, { optional: true, minLength: 1 });
    const failOn = check.enumValue('options.failOn', o.failOn, ['error', 'warning', 'never'], { optional: true }) ?? 'error';
    const known = new Set(ALL_RULES.map((r) => r.id));
    const waivers = (check.array('options.waivers', o.waivers, { optional: true }) ?? []).map((w, i) => {
      const at = check.at(`options.waivers[${i}]`);
      const wo = check.object(`options.waivers[${i}]`, w);
      const ruleId = at.string('ruleId', wo.ruleId, { minLength: 1 });
      if (!known.has(ruleId)) at.fail('ruleId', `is "${ruleId}", which is no rule of this library (see docs/rules.md)`);
      return { ruleId, object: at.string('address', wo.address, { minLength: 1 }), reason: at.string('reason', wo.reason, { minLength: 1 }) };
    });
    return { source, failOn: failOn as Severity | 'never', waivers };
  }

  private static result(report: AuditReport, threshold: Severity | 'never'): PlanGuardResult {
    return {
      findings: report.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        address: f.object,
        message: f.message,
        fix: f.fix,
        source: f.source,
        file: f.file,
        waivedReason: f.waiver?.reason,
      })),
      passed: failingFindings(report, threshold).length === 0,
      notes: [...report.notes],
    };
  }

  private constructor() {}
}
