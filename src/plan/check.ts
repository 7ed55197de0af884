import { PlanContext } from './context';
import { ResourceChangeView } from './plan-json';
import { compareCodePoints } from '../domain/order';
import { Finding, RuleDefinition } from '../domain/rules';

/** One check of the plan guard: the resource types it reads, its rules and the plan fields it reads. */
export interface PlanCheck {
  readonly name: string;
  /** Resource types whose changes it reads. */
  readonly types: ReadonlyArray<string>;
  readonly rules: ReadonlyArray<RuleDefinition>;
  /** The plan fields it reads, for docs/plan-guard.md. */
  readonly reads: ReadonlyArray<string>;
  readonly check: (change: ResourceChangeView, ctx: PlanContext) => Finding[];
}

/** The message part for a value the plan does not know yet. Unknown is never safe. */
export const DECIDED_AT_APPLY = 'is decided at apply (unknown in the plan, after_unknown), so the guard cannot show it is safe';

/** Where the planes stand, for the messages of rules that matter while planes exist. */
export function planesText(ctx: PlanContext): string {
  return ctx.planes.size > 0
    ? `PodNetworking planes exist: ${[...ctx.planes].sort(compareCodePoints).join(', ')}`
    : 'no PodNetworking is in these plans or their prior state, but planes applied outside Terraform (kubectl, GitOps) are not visible to the guard';
}
