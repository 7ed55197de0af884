import { Construct } from 'constructs';
import { formatFinding } from '../domain/finding';
import { EXCLUSIVE_ENI_MIN_ENIS, SHARED_ENI_JOIN_THRESHOLD } from '../domain/instance-types';
import { dualStackParityFinding, exclusiveEniCountFinding, sharedJoinFinding, unknownInstanceTypeFinding } from '../domain/node-pool';
import { known } from '../domain/tokens';
import { DataAlicloudInstanceTypes } from '../generated/alicloud/data-alicloud-instance-types';

/** What the plan-time checks of one node pool need. */
export interface InstanceTypeCheckPlan {
  /** Node pool name, for the messages. */
  readonly poolName: string;
  /** The pool's instance types (unresolved tokens are skipped). */
  readonly instanceTypes: ReadonlyArray<string>;
  /** Exclusive ENI pool (EniQuantity ≥ 7) or shared ENI pool (join threshold). */
  readonly exclusive: boolean;
  /** Dual-stack cluster: exclusive pools also need IPv6/IPv4 parity. */
  readonly dualStack: boolean;
}

/** A `lifecycle.precondition` block. */
export interface Precondition {
  readonly condition: string;
  readonly errorMessage: string;
}

/**
 * The documented DescribeInstanceTypes filter for a type: `InstanceTypeFamily`, the type's
 * `ecs.<family>` prefix (ecs.g7.xlarge → ecs.g7, ecs.u1-c1m4.xlarge → ecs.u1), or undefined
 * when the name does not have that shape.
 * @see https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describeinstancetypes
 */
export function instanceTypeFamily(type: string): string | undefined {
  return /^(ecs\.[a-z0-9]+)(?:-[a-z0-9]+)?\.[a-z0-9]+$/.exec(type)?.[1];
}

/**
 * One `alicloud_instance_types` data source per literal instance type and preconditions that
 * read like the synth-time rules.
 *
 * Provider 1.289.0 sends `instance_type` as the request parameter `InstanceType`, which
 * DescribeInstanceTypes does not document (it documents `InstanceTypes.N` and
 * `InstanceTypeFamily`); `instance_type_family` is sent as `InstanceTypeFamily`
 * (alicloud/data_source_alicloud_instance_types.go). Whatever the API returns, each
 * expression therefore selects the element whose `id` is the type, and the messages read it
 * through `try()` (Terraform may evaluate a message whose condition holds).
 * @see https://github.com/aliyun/terraform-provider-alicloud/blob/master/alicloud/data_source_alicloud_instance_types.go
 */
export function instanceTypePreconditions(scope: Construct, plan: InstanceTypeCheckPlan): Precondition[] {
  const literals = [...new Set(plan.instanceTypes.map((t) => known(t)).filter((t): t is string => t !== undefined))];
  return literals.flatMap((type, i) => {
    const ds = new DataAlicloudInstanceTypes(scope, `InstanceType${i + 1}`, { instanceType: type, instanceTypeFamily: instanceTypeFamily(type) });
    const list = `data.${DataAlicloudInstanceTypes.tfResourceType}.${ds.friendlyUniqueId}.instance_types`;
    // Instance types are [A-Za-z0-9._-] (checked on input): a safe HCL string literal.
    const matching = (value: string) => `[for t in ${list} : ${value} if t.id == ${JSON.stringify(type)}]`;
    const all = (predicate: string) => `\${alltrue(${matching(predicate)})}`;
    const shown = (expression: string) => `\${try(${matching(expression)}[0], "?")}`;
    const checks: Precondition[] = [{
      condition: `\${length(${matching('t')}) > 0}`,
      errorMessage: formatFinding(unknownInstanceTypeFinding(plan.poolName, [type], true)),
    }];
    if (plan.exclusive) {
      checks.push({
        condition: all(`t.eni_quantity >= ${EXCLUSIVE_ENI_MIN_ENIS}`),
        errorMessage: formatFinding(exclusiveEniCountFinding(plan.poolName, type, shown('t.eni_quantity'))),
      });
    } else {
      checks.push({
        condition: all(`(t.eni_quantity - 1) * t.eni_private_ip_address_quantity > ${SHARED_ENI_JOIN_THRESHOLD}`),
        errorMessage: formatFinding(sharedJoinFinding(plan.poolName, type, shown('t.eni_quantity'), shown('t.eni_private_ip_address_quantity'),
          shown('(t.eni_quantity - 1) * t.eni_private_ip_address_quantity'))),
      });
    }
    // Shared pools only warn on parity (acknowledgeable, TW-DUAL-003); exclusive pools cannot take such nodes.
    if (plan.exclusive && plan.dualStack) {
      checks.push({
        condition: all('t.eni_ipv6_address_quantity == t.eni_private_ip_address_quantity'),
        errorMessage: formatFinding(dualStackParityFinding(plan.poolName, true, type, shown('t.eni_private_ip_address_quantity'), shown('t.eni_ipv6_address_quantity'))),
      });
    }
    return checks;
  });
}
