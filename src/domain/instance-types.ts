import { InstanceEniCapacity, NodeNetworkMode } from './capacity-model';
import { terwaySource } from './sources';

/** ECS "Instance families" documentation, 2021 edition (public mirror of the ECS docs, commit 322eaab). */
const ECS_FAMILIES_2021 = 'ECS instance families documentation, 2021 edition (https://github.com/AlibabaCloudDocs/ecs)';
/** Current ECS "Overview of instance families". */
const ECS_FAMILIES_CURRENT = 'ECS "Overview of instance families" (https://www.alibabacloud.com/help/en/ecs/user-guide/overview-of-instance-families)';
/** DescribeInstanceTypes responses recorded in public test fixtures. */
const DESCRIBE_INSTANCE_TYPES = 'DescribeInstanceTypes responses recorded in kubernetes-sigs/alibaba-cloud-csi-driver test fixtures';
const ECS_FAMILIES_2021_AND_API = `${ECS_FAMILIES_2021}; IPv6 and trunk columns: ${DESCRIBE_INSTANCE_TYPES}`;
/** The instance-type fixture in Terway's ENI limit tests. */
const TERWAY_FIXTURE = `Terway ${terwaySource('pkg/aliyun/client/limit_test.go')}`;

const T = (source: string, enis: number, ipv4PerEni: number, ipv6PerEni?: number, eniTotal?: number): InstanceEniCapacity =>
  ({ enis, ipv4PerEni, ipv6PerEni, eniTotal, source });

const CAPACITY: Record<string, InstanceEniCapacity> = {
  'ecs.g6.large': T(ECS_FAMILIES_2021, 2, 6),
  'ecs.g6.xlarge': T(ECS_FAMILIES_2021, 3, 10),
  'ecs.g6.2xlarge': T(ECS_FAMILIES_2021, 4, 10),
  'ecs.g6.4xlarge': T(ECS_FAMILIES_2021, 8, 20),
  'ecs.g6.8xlarge': T(ECS_FAMILIES_2021, 8, 20),
  'ecs.g6e.xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.g6e.4xlarge': T(ECS_FAMILIES_2021, 8, 30),
  'ecs.g7.large': T(ECS_FAMILIES_2021, 3, 6),
  'ecs.g7.xlarge': T(ECS_FAMILIES_2021_AND_API, 4, 15, 15, 20),
  'ecs.g7.2xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.g7.3xlarge': T(ECS_FAMILIES_2021, 8, 15),
  'ecs.g7.4xlarge': T(ECS_FAMILIES_2021, 8, 30),
  'ecs.g7.8xlarge': T(ECS_FAMILIES_2021, 8, 30),
  'ecs.g7.16xlarge': T(ECS_FAMILIES_2021, 8, 30),
  'ecs.g7.32xlarge': T(ECS_FAMILIES_2021, 15, 30),
  'ecs.g7ne.large': T(ECS_FAMILIES_2021, 3, 10),
  'ecs.g7ne.xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.g7ne.2xlarge': T(ECS_FAMILIES_2021, 6, 15),
  'ecs.g7a.large': T(ECS_FAMILIES_CURRENT, 3, 6, 6),
  'ecs.g7a.xlarge': T(ECS_FAMILIES_CURRENT, 4, 15, 15),
  'ecs.g8i.large': T(ECS_FAMILIES_CURRENT, 3, 6, 6),
  'ecs.g8i.xlarge': T(ECS_FAMILIES_CURRENT, 4, 15, 15),
  'ecs.g8i.2xlarge': T(ECS_FAMILIES_CURRENT, 4, 15, 15),
  'ecs.g8i.3xlarge': T(ECS_FAMILIES_CURRENT, 8, 15, 15),
  'ecs.g8i.4xlarge': T(ECS_FAMILIES_CURRENT, 8, 30, 30),
  'ecs.g8i.8xlarge': T(ECS_FAMILIES_CURRENT, 8, 30, 30),
  'ecs.g8i.16xlarge': T(ECS_FAMILIES_CURRENT, 8, 30, 30),
  'ecs.g8i.24xlarge': T(ECS_FAMILIES_CURRENT, 15, 30, 30),
  'ecs.g8i.48xlarge': T(ECS_FAMILIES_CURRENT, 15, 50, 50),
  'ecs.g8ae.large': T(ECS_FAMILIES_CURRENT, 3, 6, 6),
  'ecs.g8ine.large': T(ECS_FAMILIES_CURRENT, 3, 10, 10),
  'ecs.c6.large': T(ECS_FAMILIES_2021, 2, 6),
  'ecs.c6.xlarge': T(ECS_FAMILIES_2021, 3, 10),
  'ecs.c7.large': T(ECS_FAMILIES_2021, 3, 6),
  'ecs.c7.xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.c7.2xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.c7.4xlarge': T(ECS_FAMILIES_2021, 8, 30),
  'ecs.r6.large': T(ECS_FAMILIES_2021, 2, 6),
  'ecs.r6.xlarge': T(ECS_FAMILIES_2021, 3, 10),
  'ecs.r7.large': T(ECS_FAMILIES_2021, 3, 6),
  'ecs.r7.xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.r7.2xlarge': T(ECS_FAMILIES_2021, 4, 15),
  'ecs.r7.4xlarge': T(ECS_FAMILIES_2021, 8, 30),
  'ecs.u1-c1m4.xlarge': T(DESCRIBE_INSTANCE_TYPES, 3, 10, 1, 6),
  'ecs.ebmre7p.32xlarge': T(TERWAY_FIXTURE, 32, 15, 1, 110),
};

/** Known ENI capacity of an instance type, or undefined. */
export function instanceCapacity(instanceType: string): InstanceEniCapacity | undefined {
  return Object.prototype.hasOwnProperty.call(CAPACITY, instanceType) ? CAPACITY[instanceType] : undefined;
}

/** Instance types of the bundled table, sorted by code point. */
export function knownInstanceTypes(): string[] {
  return Object.keys(CAPACITY).sort();
}

/**
 * Pods per node from an instance type's ENI capacity; the one formula every rule uses.
 * - shared: (EniQuantity − 1) × EniPrivateIpAddressQuantity (the primary ENI carries no pods);
 * - exclusive: EniQuantity − 1 (one secondary ENI per pod);
 * - trunk: EniTotalQuantity − EniQuantity member ENIs (undefined when the trunk data are unknown).
 * Sources: ACK "Manage pod capacity on nodes", the container network FAQ, Terway's limit code.
 */
export function podCapacity(c: InstanceEniCapacity, mode: NodeNetworkMode): number | undefined {
  switch (mode) {
    case NodeNetworkMode.SHARED: return (c.enis - 1) * c.ipv4PerEni;
    case NodeNetworkMode.EXCLUSIVE: return c.enis - 1;
    case NodeNetworkMode.TRUNK: return c.eniTotal === undefined ? undefined : Math.max(0, c.eniTotal - c.enis);
  }
}

/** Pods per node of a known instance type in a mode; undefined for unknown types. */
export function podsPerNode(instanceType: string, mode: NodeNetworkMode): number | undefined {
  const c = instanceCapacity(instanceType);
  return c === undefined ? undefined : podCapacity(c, mode);
}

/** Shared-ENI pods per node: (ENIs − 1) × IPv4 per ENI. */
export function sharedEniPodCapacity(c: InstanceEniCapacity): number {
  return podCapacity(c, NodeNetworkMode.SHARED)!;
}

/** A node joins in shared ENI mode only if its pod capacity is above this (ACK "Manage pod capacity on nodes"). */
export const SHARED_ENI_JOIN_THRESHOLD = 11;
/** An exclusive ENI node needs at least this many ENIs ("more than six", exclusive ENI node pool doc). */
export const EXCLUSIVE_ENI_MIN_ENIS = 7;

