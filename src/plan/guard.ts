import { PlanCheck } from './check';
import { CLUSTER_CHECKS } from './checks-cluster';
import { MANIFEST_CHECKS } from './checks-manifests';
import { NETWORK_CHECKS } from './checks-network';
import { NODE_POOL_CHECKS } from './checks-nodes';
import { RAM_CHECKS } from './checks-ram';
import { buildContext } from './context';
import { PlanDocument, ResourceChangeView } from './plan-json';
import { sensitiveTexts } from './values';
import { auditFinding, AuditFinding, AuditReport } from '../audit/run';
import { Waiver } from '../audit/waivers';
import { compareCodePoints } from '../domain/order';

/** Every check of the plan guard, in documentation order. */
export const PLAN_CHECKS: ReadonlyArray<PlanCheck> = [...CLUSTER_CHECKS, ...NODE_POOL_CHECKS, ...NETWORK_CHECKS, ...RAM_CHECKS, ...MANIFEST_CHECKS];

const BY_TYPE = new Map<string, PlanCheck[]>();
for (const check of PLAN_CHECKS) for (const t of check.types) BY_TYPE.set(t, [...(BY_TYPE.get(t) ?? []), check]);

/** A message with every value the plan marks sensitive (before_sensitive, after_sensitive) replaced. */
function redact(text: string, change: ResourceChangeView): string {
  const secrets = sensitiveTexts(change.after, change.afterSensitive, sensitiveTexts(change.before, change.beforeSensitive));
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('(sensitive)');
  return out;
}

/** Options of {@link guardPlans}. */
export interface GuardOptions {
  readonly waivers?: ReadonlyArray<Waiver>;
}

/**
 * Checks the resource changes of the plans passed together (for example one per cdktf stack)
 * and returns a report in the audit's shape, so the audit's formats, `--fail-on` and waivers
 * apply unchanged. Cost: one pass to build the context, one over the changes.
 */
export function guardPlans(plans: ReadonlyArray<PlanDocument>, options: GuardOptions = {}): AuditReport {
  const waivers = options.waivers ?? [];
  const ctx = buildContext(plans);
  const findings: AuditFinding[] = [];
  const used = new Set<Waiver>();
  let checked = 0;
  for (const plan of plans) {
    for (const change of plan.changes) {
      if (change.mode !== 'managed') continue;
      const checks = BY_TYPE.get(change.type);
      if (!checks) continue;
      checked++;
      for (const check of checks) {
        for (const f of check.check(change, ctx)) {
          const shown = { ...f, message: redact(f.message, change), fix: redact(f.fix, change) };
          findings.push(auditFinding(shown, change.address, plan.file, waivers, used));
        }
      }
    }
  }
  findings.sort((a, b) => compareCodePoints(a.file, b.file) || compareCodePoints(a.object, b.object)
    || compareCodePoints(a.ruleId, b.ruleId) || compareCodePoints(a.message, b.message));
  const total = plans.reduce((n, p) => n + p.changes.length, 0);
  const notes = [
    ...plans.flatMap((p) => p.notes),
    `${total} resource change(s) read in ${plans.length} plan(s); ${checked} of a type the guard checks.`,
    ...waivers.filter((w) => !used.has(w)).map((w) => `waiver ${w.ruleId} ${w.object} matched no finding.`),
  ];
  return { findings, notEvaluated: [], evaluated: plans.map((p) => ({ evaluator: 'plan-guard', object: p.file })), notes };
}
