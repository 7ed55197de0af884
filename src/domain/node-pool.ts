import { InstanceEniCapacity, NodeNetworkMode } from './capacity-model';
import { RULES } from './catalog';
import { violation } from './finding';
import { EXCLUSIVE_ENI_MIN_ENIS, instanceCapacity, podCapacity, SHARED_ENI_JOIN_THRESHOLD } from './instance-types';
import { Finding } from './rules';
import { known } from './tokens';
import { atLeast, parseTerwayVersion } from './versions';

/** Node label that puts a node pool into exclusive ENI mode (see DOC_EXCLUSIVE_ENI). */
export const EXCLUSIVE_ENI_LABEL = 'k8s.aliyun.com/exclusive-mode-eni-type';
/** Value of {@link EXCLUSIVE_ENI_LABEL} for exclusive ENI mode. */
export const EXCLUSIVE_ENI_VALUE = 'eniOnly';
/** Node label that selects a per-node Terway ConfigMap in kube-system (Terway dynamic config). */
export const TERWAY_CONFIG_LABEL = 'terway-config';
/** Terway version from which ECS instances can join exclusive ENI node pools. */
export const EXCLUSIVE_ENI_ECS_SINCE = '1.11.0';
/** Terway version from which Lingjun instances can join exclusive ENI node pools. */
export const EXCLUSIVE_ENI_LINGJUN_SINCE = '1.14.3';

/** What the node-pool rules look at. */
export interface NodePoolPlan {
  readonly name: string;
  readonly instanceTypes: ReadonlyArray<string>;
  readonly exclusiveEni: boolean;
  readonly dualStack: boolean;
  /** Lingjun (PAI) node pool: ECS capacity numbers do not apply. */
  readonly lingjun?: boolean;
  /** Terway version of the cluster, when pinned. */
  readonly terwayVersion?: string;
  /** Number of existing ECS instances added to the pool. */
  readonly existingInstances?: number;
  /** Whether the pool has a NoSchedule/NoExecute taint (exclusive pools). */
  readonly tainted?: boolean;
}

/** A number known at synth time or a Terraform expression (plan time): messages read the same. */
type Quantity = number | string;

/** TW-EXCL-001 for one instance type; `enis` is a number or a plan-time expression. */
export function exclusiveEniCountFinding(pool: string, type: string, enis: Quantity): Finding {
  return violation(RULES.EXCL_ENI_COUNT,
    `Instance type ${type} has ${enis} ENIs (EniQuantity); exclusive ENI node pool ${pool} needs ${EXCLUSIVE_ENI_MIN_ENIS} or more, one per pod plus the primary ENI.`,
    'Choose an instance type with more than six ENIs (e.g. ecs.g7.4xlarge or ecs.g8i.4xlarge: 8 ENIs, 7 pods per node).');
}

/** TW-NODEPOOL-001 for one instance type. */
export function sharedJoinFinding(pool: string, type: string, enis: Quantity, ipv4: Quantity, pods: Quantity): Finding {
  return violation(RULES.NODE_IP_CAPACITY,
    `Instance type ${type} offers (${enis} − 1) × ${ipv4} = ${pods} pod IPs in shared ENI mode (${SHARED_ENI_JOIN_THRESHOLD} or fewer), so its nodes cannot join node pool ${pool}.`,
    'Choose an instance type with more ENIs or more IPs per ENI (e.g. ecs.g7.xlarge: 45 pod IPs).');
}

/** TW-EXCL-003 (exclusive) or TW-DUAL-003 (shared) for one instance type. */
export function dualStackParityFinding(pool: string, exclusive: boolean, type: string, ipv4: Quantity, ipv6: Quantity): Finding {
  return exclusive
    ? violation(RULES.EXCL_DUAL_STACK_PARITY,
      `Instance type ${type} has ${ipv4} IPv4 but ${ipv6} IPv6 addresses per ENI; in a dual-stack cluster its nodes cannot be added to exclusive ENI node pool ${pool}.`,
      'Choose an instance type with equal IPv4 and IPv6 counts per ENI (e.g. the g8i family).')
    : violation(RULES.DUAL_STACK_INSTANCE,
      `Instance type ${type} has ${ipv4} IPv4 but ${ipv6} IPv6 addresses per ENI; Terway runs such nodes of pool ${pool} IPv4-only.`,
      'Choose an instance type with equal IPv4 and IPv6 counts per ENI (e.g. the g7/g8i families), or acknowledge IPv4-only pods on this pool.');
}

/** TW-NODEPOOL-002: types the bundled table does not know (synth time) or the region does not offer (plan time). */
export function unknownInstanceTypeFinding(pool: string, types: ReadonlyArray<string>, planTime: boolean): Finding {
  return violation(RULES.UNKNOWN_INSTANCE_TYPE,
    planTime
      ? `DescribeInstanceTypes returns no instance type ${types.join(', ')} for node pool ${pool} in this region (a typo, or not offered here).`
      : `Node pool ${pool} uses instance types the bundled ENI capacity table does not know: ${types.join(', ')}; they are checked at plan time only.`,
    planTime
      ? 'Fix the instance type name (e.g. ecs.g7.xlarge) or choose one the region offers.'
      : 'Check the spelling (e.g. ecs.g7.xlarge); if the name is right, acknowledge: terraform plan checks the real ENI numbers.');
}

/**
 * Findings for one node pool.
 * @param capacityOf ENI capacity of an instance type: the built-in table, or (in the audit)
 *   DescribeInstanceTypes output.
 */
export function checkNodePool(plan: NodePoolPlan, capacityOf: (type: string) => InstanceEniCapacity | undefined = instanceCapacity): Finding[] {
  const out: Finding[] = [];
  const literals = plan.instanceTypes.map((t) => known(t)).filter((t): t is string => t !== undefined);
  const mode = plan.exclusiveEni ? NodeNetworkMode.EXCLUSIVE : NodeNetworkMode.SHARED;
  const unknown: string[] = [];
  for (const type of plan.lingjun ? [] : literals) {
    const capacity = capacityOf(type);
    if (!capacity) {
      unknown.push(type);
      continue;
    }
    const pods = podCapacity(capacity, mode)!;
    if (plan.exclusiveEni && capacity.enis < EXCLUSIVE_ENI_MIN_ENIS) {
      out.push(exclusiveEniCountFinding(plan.name, type, capacity.enis));
    }
    if (!plan.exclusiveEni && pods <= SHARED_ENI_JOIN_THRESHOLD) {
      out.push(sharedJoinFinding(plan.name, type, capacity.enis, capacity.ipv4PerEni, pods));
    }
    if (plan.dualStack && capacity.ipv6PerEni !== undefined && capacity.ipv6PerEni !== capacity.ipv4PerEni) {
      out.push(dualStackParityFinding(plan.name, plan.exclusiveEni, type, capacity.ipv4PerEni, capacity.ipv6PerEni));
    }
  }
  if (unknown.length > 0) out.push(unknownInstanceTypeFinding(plan.name, unknown, false));
  if (plan.lingjun && plan.dualStack) {
    out.push(violation(RULES.LINGJUN_DUAL_STACK, `Node pool ${plan.name} is a Lingjun node pool in a dual-stack cluster.`,
      'Run Lingjun node pools in an IPv4 cluster, or use ECS instance types.'));
  }
  if (plan.exclusiveEni) out.push(...checkExclusiveOnly(plan));
  return out;
}

function checkExclusiveOnly(plan: NodePoolPlan): Finding[] {
  const out: Finding[] = [];
  const version = plan.terwayVersion === undefined ? undefined : parseTerwayVersion(plan.terwayVersion);
  const minimum = plan.lingjun ? EXCLUSIVE_ENI_LINGJUN_SINCE : EXCLUSIVE_ENI_ECS_SINCE;
  if (version !== undefined && !atLeast(version, minimum)) {
    out.push(violation(RULES.EXCL_TERWAY_VERSION,
      `Exclusive ENI node pool ${plan.name} needs Terway v${minimum} or later for ${plan.lingjun ? 'Lingjun' : 'ECS'} instances; the cluster pins ${plan.terwayVersion}.`,
      `Upgrade the terway-eniip add-on to v${minimum} or later (TerwayCluster terwayVersion), or leave the version to ACK's default.`));
  }
  if ((plan.existingInstances ?? 0) > 0) {
    out.push(violation(RULES.EXCL_EXISTING_NODES,
      `Exclusive ENI node pool ${plan.name} adds ${plan.existingInstances} existing ECS instance(s); they cannot be switched from shared ENI mode and their attached ENIs are not used.`,
      'Let the pool create new nodes (desiredSize or autoScaling) instead; acknowledge only if the instances are fresh and have no secondary ENIs.'));
  }
  if (plan.tainted === false) {
    out.push(violation(RULES.EXCL_UNTAINTED,
      `Exclusive ENI node pool ${plan.name} has no NoSchedule or NoExecute taint, so any pod may land there and take a whole ENI.`,
      'Keep the default taint (or set your own), and schedule exclusive-ENI workloads with the scheduling helpers; acknowledge if the pool is meant for every pod.'));
  }
  return out;
}
