import { ALL_RULES, ruleById } from '../domain/catalog';
import { checkInputs } from '../domain/input';
import { RuleDefinition } from '../domain/rules';

/** The catalogue of rules the library enforces, for documentation and tooling. */
export class RuleCatalog {
  /** Every rule, in catalogue order. */
  public static all(): RuleDefinition[] {
    return [...ALL_RULES];
  }

  /** The rule with this ID; throws for an unknown ID. */
  public static get(ruleId: string): RuleDefinition {
    checkInputs('RuleCatalog.get').string('ruleId', ruleId);
    const rule = ruleById(ruleId);
    if (!rule) throw new Error(`Unknown rule ID "${ruleId}".`);
    return rule;
  }

  private constructor() {}
}
