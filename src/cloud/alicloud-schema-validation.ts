import { TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { registerRuleCheck } from '../core/validation';
import { FILES_RULES } from '../domain/catalog-files';
import { violation } from '../domain/finding';
import { checkInputs } from '../domain/input';
import { Finding, RuleDefinition } from '../domain/rules';
import { SchemaProblem, SchemaProblemKind, schemaProblems } from '../domain/terraform-schema-check';
import { ALICLOUD_PINNED_SCHEMA } from '../generated/alicloud/schema';

const CHECKED = Symbol.for('ack-terway-network.alicloud-schema-validation');
const SWEEP = Symbol.for('ack-terway-network.alicloud-schema-sweep');

type Marked = IConstruct & { [CHECKED]?: boolean; [SWEEP]?: boolean };

const RULE_OF: Record<SchemaProblemKind, RuleDefinition> = {
  [SchemaProblemKind.UNKNOWN]: FILES_RULES.SCHEMA_UNKNOWN_ARGUMENT,
  [SchemaProblemKind.REMOVED]: FILES_RULES.SCHEMA_REMOVED_ARGUMENT,
  [SchemaProblemKind.REQUIRED]: FILES_RULES.SCHEMA_REQUIRED_ARGUMENT,
  [SchemaProblemKind.VALUE]: FILES_RULES.SCHEMA_VALUE,
  [SchemaProblemKind.SHAPE]: FILES_RULES.SCHEMA_SHAPE,
  [SchemaProblemKind.DEPRECATED]: FILES_RULES.SCHEMA_DEPRECATED_ARGUMENT,
};

const FIX_OF: Record<SchemaProblemKind, string> = {
  [SchemaProblemKind.UNKNOWN]: 'Check the spelling against the provider documentation of the resource; remove arguments it does not have (escape-hatch overrides included).',
  [SchemaProblemKind.REMOVED]: 'Remove the argument and use its replacement named in the message.',
  [SchemaProblemKind.REQUIRED]: 'Set the argument or block; the provider documentation of the resource lists what it takes.',
  [SchemaProblemKind.VALUE]: 'Use one of the values the message lists (case-sensitive).',
  [SchemaProblemKind.SHAPE]: 'Pass a value of the type the provider documentation gives, leave computed-only attributes unset, and keep the pinned provider version.',
  [SchemaProblemKind.DEPRECATED]: 'Move to the replacement the provider documentation names, or acknowledge with a reason.',
};

/**
 * Checks every alicloud resource, data source and provider block of a cdktf app against
 * the pinned aliyun/alicloud provider schema at synth time, the library's own and your
 * own `alicloud.*` resources alike, so that what `terraform validate` or the provider's
 * plan-time validation would reject fails `cdktf synth` instead:
 * unknown arguments (TW-SCHEMA-001), arguments the provider removed such as `worker_number`,
 * `rollout_policy` or `spec` (TW-SCHEMA-002), missing required arguments or blocks
 * (TW-SCHEMA-003), values outside the provider's allowed values or ranges (TW-SCHEMA-004),
 * wrong types, block shapes, computed-only attributes that are set and another provider
 * version (TW-SCHEMA-005), and deprecated arguments (warning TW-SCHEMA-006).
 *
 * The pinned schema holds the resource types the library uses (VPC, vSwitch, security
 * group and rule, NAT gateway, SNAT entry, EIP and association, managed cluster, node pool,
 * add-on, RAM policy and attachment, zones and instance-type data sources); other alicloud
 * types are not checked.
 *
 * @example AlicloudSchemaValidation.enable(app);
 * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs
 */
export class AlicloudSchemaValidation {
  /**
   * Turns the check on for every stack of `scope`'s app: each stack that exists now is
   * checked (findings on the stack), and stacks added later are checked with the first one.
   * Calling it again is harmless.
   * @param scope the cdktf App, or any construct in it
   */
  public static enable(scope: IConstruct): void {
    const check = checkInputs('AlicloudSchemaValidation.enable');
    if (typeof scope !== 'object' || scope === null || !(scope as IConstruct).node) check.fail('scope', 'must be a construct (the cdktf App or a construct in it).');
    const stacks = scope.node.root.node.findAll().filter(TerraformStack.isStack);
    if (stacks.length === 0) check.fail('scope', `has no TerraformStack in its app (${scope.node.path || 'the app'}); create a stack first.`);
    for (const stack of stacks) {
      const marked = stack as Marked;
      if (marked[CHECKED]) continue;
      marked[CHECKED] = true;
      registerRuleCheck(stack, Object.values(RULE_OF), () => stackFindings(stack));
    }
    const first = stacks[0] as Marked;
    if (!first[SWEEP]) {
      first[SWEEP] = true;
      registerRuleCheck(first, Object.values(RULE_OF), () => first.node.root.node.findAll()
        .filter((c): c is TerraformStack => TerraformStack.isStack(c) && !(c as Marked)[CHECKED])
        .flatMap(stackFindings));
    }
  }
}

/** The schema findings of one stack, each naming the construct path and Terraform address. */
function stackFindings(stack: TerraformStack): Finding[] {
  let json: unknown;
  try {
    json = stack.toTerraform();
  } catch {
    return []; // a stack that cannot render fails synthesis on its own
  }
  const paths = new Map<string, string>();
  for (const c of stack.node.findAll()) {
    if (c instanceof TerraformElement) paths.set(c.friendlyUniqueId, c.node.path);
  }
  return schemaProblems(json as object, ALICLOUD_PINNED_SCHEMA, { skipUnknownTypes: true }).map((p) => toFinding(p, paths));
}

function toFinding(problem: SchemaProblem, paths: Map<string, string>): Finding {
  const name = problem.address.split('.').pop()!;
  const path = paths.get(name.replace(/\[\d+\]$/, ''));
  return violation(RULE_OF[problem.kind], `${path !== undefined ? `${path} (${problem.address})` : problem.address}: ${problem.message}.`, FIX_OF[problem.kind]);
}
