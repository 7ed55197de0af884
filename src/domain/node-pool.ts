import { RULES } from './catalog';
import { violation } from './finding';
import { instanceCapacity, SHARED_ENI_JOIN_THRESHOLD, sharedEniPodCapacity } from './instance-types';
import { Finding } from './rules';
import { known } from './tokens';

/** Node label that puts a node pool into exclusive ENI mode (see DOC_EXCLUSIVE_ENI). */
export const EXCLUSIVE_ENI_LABEL = 'k8s.aliyun.com/exclusive-mode-eni-type';
/** Value of {@link EXCLUSIVE_ENI_LABEL} for exclusive ENI mode. */
export const EXCLUSIVE_ENI_VALUE = 'eniOnly';

/** What the node-pool rules look at. */
export interface NodePoolPlan {
  readonly name: string;
  readonly instanceTypes: ReadonlyArray<string>;
  readonly exclusiveEni: boolean;
  readonly dualStack: boolean;
}

/** Findings for one node pool; unknown instance types are not judged. */
export function checkNodePool(plan: NodePoolPlan): Finding[] {
  const out: Finding[] = [];
  for (const type of plan.instanceTypes.map((t) => known(t)).filter((t): t is string => t !== undefined)) {
    const capacity = instanceCapacity(type);
    if (!capacity) continue;
    if (!plan.exclusiveEni) {
      const pods = sharedEniPodCapacity(capacity);
      if (pods <= SHARED_ENI_JOIN_THRESHOLD) {
        out.push(violation(RULES.NODE_IP_CAPACITY,
          `Instance type ${type} offers (${capacity.enis} − 1) × ${capacity.ipv4PerEni} = ${pods} pod IPs in shared ENI mode, so its nodes cannot join node pool ${plan.name}.`,
          'Choose an instance type with more ENIs or more IPs per ENI (e.g. ecs.g7.xlarge: 45 pod IPs).'));
      }
      if (plan.dualStack && capacity.ipv6PerEni !== undefined && capacity.ipv6PerEni !== capacity.ipv4PerEni) {
        out.push(violation(RULES.DUAL_STACK_INSTANCE,
          `Instance type ${type} has ${capacity.ipv4PerEni} IPv4 but ${capacity.ipv6PerEni} IPv6 addresses per ENI; Terway runs such nodes IPv4-only.`,
          'Choose an instance type with equal IPv4 and IPv6 counts per ENI (e.g. the g7/g8i families), or acknowledge IPv4-only pods on this pool.'));
      }
    }
  }
  return out;
}
