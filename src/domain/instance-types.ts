/**
 * ENI capacity of ECS instance types (fact sheet §7). The numbers come from the ECS
 * instance-family documentation (2021 tables, plus newer families where found); the
 * authoritative source is DescribeInstanceTypes. Unknown types are never judged.
 */
export interface InstanceEniCapacity {
  /** ENIs the instance can attach, including the primary ENI (EniQuantity). */
  readonly enis: number;
  /** Private IPv4 addresses per ENI (EniPrivateIpAddressQuantity). */
  readonly ipv4PerEni: number;
  /** IPv6 addresses per ENI (EniIpv6AddressQuantity), when known. */
  readonly ipv6PerEni?: number;
}

const T = (enis: number, ipv4PerEni: number, ipv6PerEni?: number): InstanceEniCapacity => ({ enis, ipv4PerEni, ipv6PerEni });

const CAPACITY: Record<string, InstanceEniCapacity> = {
  'ecs.g6.large': T(2, 6),
  'ecs.g6.xlarge': T(3, 10),
  'ecs.g6.2xlarge': T(4, 10),
  'ecs.g6.4xlarge': T(8, 20),
  'ecs.g6.8xlarge': T(8, 20),
  'ecs.g6e.xlarge': T(4, 15),
  'ecs.g6e.4xlarge': T(8, 30),
  'ecs.g7.large': T(3, 6),
  'ecs.g7.xlarge': T(4, 15, 15),
  'ecs.g7.2xlarge': T(4, 15),
  'ecs.g7.3xlarge': T(8, 15),
  'ecs.g7.4xlarge': T(8, 30),
  'ecs.g7.8xlarge': T(8, 30),
  'ecs.g7.16xlarge': T(8, 30),
  'ecs.g7.32xlarge': T(15, 30),
  'ecs.g7ne.large': T(3, 10),
  'ecs.g7ne.xlarge': T(4, 15),
  'ecs.g7ne.2xlarge': T(6, 15),
  'ecs.g7a.large': T(3, 6, 6),
  'ecs.g7a.xlarge': T(4, 15, 15),
  'ecs.g8i.large': T(3, 6, 6),
  'ecs.g8i.xlarge': T(4, 15, 15),
  'ecs.g8i.2xlarge': T(4, 15, 15),
  'ecs.g8i.3xlarge': T(8, 15, 15),
  'ecs.g8i.4xlarge': T(8, 30, 30),
  'ecs.g8i.8xlarge': T(8, 30, 30),
  'ecs.g8i.16xlarge': T(8, 30, 30),
  'ecs.g8i.24xlarge': T(15, 30, 30),
  'ecs.g8i.48xlarge': T(15, 50, 50),
  'ecs.g8ae.large': T(3, 6, 6),
  'ecs.g8ine.large': T(3, 10, 10),
  'ecs.c6.large': T(2, 6),
  'ecs.c6.xlarge': T(3, 10),
  'ecs.c7.large': T(3, 6),
  'ecs.c7.xlarge': T(4, 15),
  'ecs.c7.2xlarge': T(4, 15),
  'ecs.c7.4xlarge': T(8, 30),
  'ecs.r6.large': T(2, 6),
  'ecs.r6.xlarge': T(3, 10),
  'ecs.r7.large': T(3, 6),
  'ecs.r7.xlarge': T(4, 15),
  'ecs.r7.2xlarge': T(4, 15),
  'ecs.r7.4xlarge': T(8, 30),
  'ecs.u1-c1m4.xlarge': T(3, 10, 1),
  'ecs.ebmre7p.32xlarge': T(32, 15, 1),
};

/** Known ENI capacity of an instance type, or undefined. */
export function instanceCapacity(instanceType: string): InstanceEniCapacity | undefined {
  return CAPACITY[instanceType];
}

/** Shared-ENI pods per node: (ENIs − 1) × IPv4 per ENI (ACK "Manage pod capacity on nodes"). */
export function sharedEniPodCapacity(c: InstanceEniCapacity): number {
  return (c.enis - 1) * c.ipv4PerEni;
}

/** A node joins in shared ENI mode only if its pod capacity is above this (fact sheet §1.2 #20). */
export const SHARED_ENI_JOIN_THRESHOLD = 11;
