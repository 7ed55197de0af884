import { IConstruct } from 'constructs';
import { PlanFact } from '../domain/network-plan/facts';

const FACTS = Symbol.for('ack-terway-network.plan-facts');

type WithFacts = IConstruct & { [FACTS]?: Array<() => PlanFact | undefined> };

/**
 * Registers what `construct` contributes to the network plan report. The producer runs when a
 * report is built (after the app is complete), like a rule check; it reads the same values the
 * construct's rules read.
 * @internal
 */
export function registerPlanFacts(construct: IConstruct, produce: () => PlanFact | undefined): void {
  ((construct as WithFacts)[FACTS] ??= []).push(produce);
}

/** The plan facts registered under `scope` (inclusive), in tree order. @internal */
export function planFactsUnder(scope: IConstruct): PlanFact[] {
  return scope.node.findAll().flatMap((c) => ((c as WithFacts)[FACTS] ?? []).map((p) => p()).filter((f): f is PlanFact => f !== undefined));
}
