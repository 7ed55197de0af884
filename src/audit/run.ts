import { AuditContext, clusterObject, EVALUATORS, RuleEvaluator, vswitchFacts } from './evaluators';
import { hasInput, InputKind, Inventory, Sourced } from './inventory';
import { AuditInputError } from './read';
import { Waiver, waiverFor } from './waivers';
import { undescribedVSwitches, AckClusterFacts } from '../domain/ack-cluster';
import { RULES } from '../domain/catalog';
import { Finding, Severity } from '../domain/rules';

/** One finding of the audit. */
export interface AuditFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly title: string;
  /** Where the rule is documented. */
  readonly source: string;
  /** The audited object, e.g. `cluster/c0123…` or `podnetworking/db`. */
  readonly object: string;
  /** The input file the object came from. */
  readonly file: string;
  readonly message: string;
  readonly fix: string;
  /** Set when a waiver acknowledges the finding (it still shows, marked waived). */
  readonly waiver?: { readonly reason: string };
}

/**
 * The report entry of a rule finding on `object` read from `file`, marked waived when a waiver
 * covers it; that waiver is added to `used` (for the "matched no finding" note). Shared by the
 * audit and the plan guard.
 */
export function auditFinding(f: Finding, object: string, file: string, waivers: ReadonlyArray<Waiver>, used: Set<Waiver>): AuditFinding {
  const waiver = waiverFor(waivers, f.rule.id, object);
  if (waiver) used.add(waiver);
  return {
    ruleId: f.rule.id,
    severity: f.rule.severity,
    title: f.rule.title,
    source: f.rule.source,
    object,
    file,
    message: f.message,
    fix: f.fix,
    waiver: waiver ? { reason: waiver.reason } : undefined,
  };
}

/** Rules an evaluator could not decide for an object, because inputs are missing. Not a finding. */
export interface NotEvaluated {
  readonly evaluator: string;
  readonly ruleIds: ReadonlyArray<string>;
  /** `cluster/<id>`, or `kubernetes` for the rules over Kubernetes objects. */
  readonly object: string;
  /** What is missing, in words (input kinds of docs/audit.md). */
  readonly missing: ReadonlyArray<string>;
}

/** The result of an audit. */
export interface AuditReport {
  readonly findings: ReadonlyArray<AuditFinding>;
  readonly notEvaluated: ReadonlyArray<NotEvaluated>;
  /** Evaluator runs, as `evaluator object` pairs. */
  readonly evaluated: ReadonlyArray<{ readonly evaluator: string; readonly object: string }>;
  readonly notes: ReadonlyArray<string>;
  /**
   * Objects for which the core check, AlibabaCloud-ACK-009 (TW-CLUSTER-001), could not be
   * evaluated (`cluster` when the inputs hold no cluster). Unless allowed, the run does not pass.
   */
  readonly coreNotEvaluated?: ReadonlyArray<string>;
  /** Whether `--allow-not-evaluated` accepts {@link coreNotEvaluated}. */
  readonly allowNotEvaluated?: boolean;
}

/** The rule whose evaluation every run needs (the compliance check the audit exists for). */
export const CORE_RULE_ID = RULES.ACK_009.id;

/** Options of {@link runAudit}. */
export interface AuditOptions {
  /** The cluster the Kubernetes objects belong to; default: the only cluster in the inputs. */
  readonly clusterId?: string;
  readonly waivers?: ReadonlyArray<Waiver>;
  /** The evaluator table (tests swap it); default: {@link EVALUATORS}. */
  readonly evaluators?: ReadonlyArray<RuleEvaluator>;
  /** Let a run pass although ACK-009 could not be evaluated (`--allow-not-evaluated`); default false. */
  readonly allowNotEvaluated?: boolean;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs every evaluator whose inputs are present; reports the others as not evaluated. */
export function runAudit(inv: Inventory, options: AuditOptions = {}): AuditReport {
  const waivers = options.waivers ?? [];
  const evaluators = options.evaluators ?? EVALUATORS;
  let selected: Sourced<AckClusterFacts> | undefined;
  let clusterMissing = 'clusters (aliyun cs GET /clusters)';
  if (options.clusterId !== undefined) {
    selected = inv.clusters.find((c) => c.value.clusterId === options.clusterId);
    if (!selected) throw new AuditInputError('--cluster', `${options.clusterId} is not among the clusters in the inputs (${inv.clusters.map((c) => c.value.clusterId).join(', ') || 'none'}).`);
  } else if (inv.clusters.length === 1) {
    selected = inv.clusters[0];
  } else if (inv.clusters.length > 1) {
    clusterMissing = 'the cluster the Kubernetes objects belong to (several clusters in the inputs: pass --cluster <id>)';
  }

  const findings: AuditFinding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  const evaluated: Array<{ evaluator: string; object: string }> = [];
  const seen = new Set<string>();
  const usedWaivers = new Set<Waiver>();

  const missingFor = (ev: RuleEvaluator, cluster: Sourced<AckClusterFacts> | undefined): string[] => ev.needs.flatMap((kind) => {
    if (kind === InputKind.CLUSTERS) return cluster ? [] : [clusterMissing];
    if (kind === InputKind.VSWITCHES && cluster) {
      const missing = undescribedVSwitches(cluster.value, vswitchFacts(inv));
      if (missing.length > 0) return [`vswitches (DescribeVSwitches output for ${missing.join(', ')})`];
      if (cluster.value.nodeVswitchIds.length === 0 && (cluster.value.podVswitchIds ?? []).length === 0) return ['vswitches (the cluster description names no vSwitch)'];
      return [];
    }
    return hasInput(inv, kind) ? [] : [kind];
  });

  const run = (ev: RuleEvaluator, object: string, cluster: Sourced<AckClusterFacts> | undefined) => {
    if (cluster && ev.appliesTo && !ev.appliesTo(cluster.value)) return;
    const missing = missingFor(ev, cluster);
    if (missing.length > 0) {
      notEvaluated.push({ evaluator: ev.name, ruleIds: ev.rules.map((r) => r.id), object, missing });
      return;
    }
    evaluated.push({ evaluator: ev.name, object });
    const decided = new Set(ev.rules.map((r) => r.id));
    const ctx: AuditContext = { inventory: inv, cluster };
    for (const subject of ev.evaluate(ctx)) {
      const undecided = subject.undecided?.rules.filter((r) => decided.has(r.id));
      if (subject.undecided && undecided && undecided.length > 0) {
        notEvaluated.push({ evaluator: ev.name, ruleIds: undecided.map((r) => r.id), object: subject.object, missing: [subject.undecided.missing] });
      }
      for (const f of subject.findings) {
        if (!decided.has(f.rule.id)) continue;
        const key = `${f.rule.id}\u0000${subject.object}\u0000${f.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(auditFinding(f, subject.object, subject.file, waivers, usedWaivers));
      }
    }
  };

  for (const cluster of inv.clusters) {
    for (const ev of evaluators.filter((e) => e.per === 'cluster')) run(ev, clusterObject(cluster.value), cluster);
  }
  if (inv.clusters.length === 0) {
    for (const ev of evaluators.filter((e) => e.per === 'cluster')) run(ev, 'cluster', undefined);
  }
  const kubeEvaluators = evaluators.filter((e) => e.per === 'kubernetes');
  if (inv.kube.size === 0) {
    // No kubectl output at all: one entry instead of one per evaluator.
    notEvaluated.push({
      evaluator: 'kubernetes',
      ruleIds: [...new Set(kubeEvaluators.flatMap((e) => e.rules.map((r) => r.id)))],
      object: 'kubernetes',
      missing: ['kubectl get … -o json output (eni-config, podnetworkings, nodes, namespaces, workloads, pods)'],
    });
  } else {
    for (const ev of kubeEvaluators) run(ev, 'kubernetes', selected);
  }

  findings.sort((a, b) => compare(a.object, b.object) || compare(a.ruleId, b.ruleId) || compare(a.message, b.message));
  const notes = [...inv.notes, ...waivers.filter((w) => !usedWaivers.has(w)).map((w) => `waiver ${w.ruleId} ${w.object} matched no finding.`)];
  // The same row twice (e.g. one cluster given by a list and a detail output) is shown once.
  const rows = new Map(notEvaluated.map((n) => [JSON.stringify([n.evaluator, n.object, n.ruleIds, n.missing]), n]));
  const merged = [...rows.values()];
  const coreNotEvaluated = [...new Set(merged.filter((n) => n.ruleIds.includes(CORE_RULE_ID)).map((n) => n.object))];
  return { findings, notEvaluated: merged, evaluated, notes, coreNotEvaluated, allowNotEvaluated: options.allowNotEvaluated === true };
}

/** Exit code of a run whose core check (ACK-009) was not evaluated for some cluster, or for want of any cluster. */
export const EXIT_NOT_EVALUATED = 3;

/** Whether the report blocks a pass because ACK-009 was not evaluated (and that is not allowed). */
export function blockedByNotEvaluated(report: AuditReport): boolean {
  return (report.coreNotEvaluated ?? []).length > 0 && report.allowNotEvaluated !== true;
}

/** The command's exit code for a report: 1 failing findings, 3 ACK-009 not evaluated, else 0. */
export function exitCodeOf(report: AuditReport, failOn: Severity | 'never'): number {
  if (failingFindings(report, failOn).length > 0) return 1;
  return blockedByNotEvaluated(report) ? EXIT_NOT_EVALUATED : 0;
}

/** Severity order for --fail-on. */
const RANK: Record<Severity, number> = { [Severity.WARNING]: 1, [Severity.ERROR]: 2 };

/** Findings that fail the run: not waived and at or above the threshold (`never`: none). */
export function failingFindings(report: AuditReport, failOn: Severity | 'never'): AuditFinding[] {
  if (failOn === 'never') return [];
  return report.findings.filter((f) => f.waiver === undefined && RANK[f.severity] >= RANK[failOn]);
}
