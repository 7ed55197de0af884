import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PlaneIndex } from './plane-index';
import { declaredObjects } from './workloads';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { exclusiveEniPolicyFindings, exclusiveEniWorkloads } from '../domain/node-modes';
import { WorkloadModel } from '../domain/pod-networking';
import { Finding } from '../domain/rules';

/**
 * Who reports a TW-EXCL-005 finding: the eniType ENI plane of that name (for the workloads it
 * is the first ENI plane to select), or the workload scheduled with the exclusive ENI helper
 * (for its declared workloads that no ENI plane selects).
 */
export type ExclusivePolicyOwner = { readonly planeName: string } | { readonly workload: IConstruct };

/** The app's TW-EXCL-005 findings, grouped by owner, computed once per validation pass. */
interface PolicyFindings {
  readonly byPlane: Map<string, Finding[]>;
  /** Findings of workloads no ENI plane selects, by {@link workloadKey}; in declaration order. */
  readonly byWorkload: Map<string, Array<{ order: number; findings: Finding[] }>>;
  /** Declared workloads by the path of their ApiObject. */
  readonly byPath: Map<string, WorkloadModel>;
}

const POLICY_FINDINGS = Symbol('exclusive-eni-policy-findings');

/**
 * Registers TW-EXCL-005 on `construct` for the exclusive-ENI workloads `owner` reports, so each
 * finding is reported once: by the first eniType ENI plane that selects the workload, or by
 * the workload scheduled with the exclusive ENI helper. The rule is evaluated once per pass for
 * the whole app (linear in workloads plus NetworkPolicies); each registrant takes its share.
 * @param indexOf the app's plane index (the plane module passes its own, avoiding an import cycle)
 */
export function registerExclusiveEniPolicyCheck(
  construct: IConstruct,
  indexOf: (root: IConstruct) => PlaneIndex,
  owner: ExclusivePolicyOwner,
): void {
  registerRuleCheck(construct, [RULES.EXCL_NETWORK_POLICY], () => {
    const all = policyFindings(construct.node.root, indexOf);
    if ('planeName' in owner) return all.byPlane.get(owner.planeName) ?? [];
    const keys = new Set(owner.workload.node.findAll().filter((c) => c instanceof ApiObject)
      .map((c) => all.byPath.get(c.node.path)).filter((w): w is WorkloadModel => w !== undefined).map(workloadKey));
    return [...keys].flatMap((k) => all.byWorkload.get(k) ?? []).sort((a, b) => a.order - b.order).flatMap((e) => e.findings);
  });
}

function policyFindings(root: IConstruct, indexOf: (root: IConstruct) => PlaneIndex): PolicyFindings {
  return passMemo(POLICY_FINDINGS, root, () => {
    const index = indexOf(root);
    const { namespaces, networkPolicies } = declaredObjects(root);
    const exclusive = exclusiveEniWorkloads(index.planes.map((p) => p.model), index.workloads, namespaces, index.selections);
    const findings = exclusiveEniPolicyFindings(exclusive, networkPolicies);
    const result: PolicyFindings = { byPlane: new Map(), byWorkload: new Map(), byPath: new Map(index.workloads.map((w) => [w.path, w])) };
    exclusive.forEach((e, order) => {
      if (e.plane) push(result.byPlane, e.plane.name, ...findings[order]);
      else push(result.byWorkload, workloadKey(e.workload), { order, findings: findings[order] });
    });
    return result;
  });
}

function workloadKey(w: WorkloadModel): string {
  return `${w.kind}\u0000${w.namespace}\u0000${w.name}`;
}

function push<V>(map: Map<string, V[]>, key: string, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}
