/**
 * ENI capacity of ECS instance types, the synth-time source of every capacity rule. The
 * authoritative numbers come from the ECS API (DescribeInstanceTypes); node pools also read
 * them at plan time through data source `alicloud_instance_types` and fail `terraform plan`
 * with the same rule text. Each row says where its numbers come from ({@link InstanceEniCapacity.source}).
 */
export interface InstanceEniCapacity {
  /** ENIs the instance can attach, including the primary ENI (`EniQuantity`). */
  readonly enis: number;
  /** Private IPv4 addresses per ENI (`EniPrivateIpAddressQuantity`). */
  readonly ipv4PerEni: number;
  /** IPv6 addresses per ENI (`EniIpv6AddressQuantity`). @default - unknown */
  readonly ipv6PerEni?: number;
  /** ENIs including trunk member ENIs (`EniTotalQuantity`). @default - unknown (no trunk data) */
  readonly eniTotal?: number;
  /** Where the numbers come from (a public document or source file). */
  readonly source: string;
}

/** How pods on a node get their addresses, for {@link podsPerNode}. */
export enum NodeNetworkMode {
  /** Shared ENI (multi-IP): pods share secondary ENIs; (ENIs − 1) × IPv4 per ENI. */
  SHARED = 'shared',
  /** Exclusive ENI: one whole secondary ENI per pod; ENIs − 1. */
  EXCLUSIVE = 'exclusive',
  /** Trunk ENI member ENIs (PodNetworking pods on a shared-ENI node); EniTotalQuantity − EniQuantity. */
  TRUNK = 'trunk',
}

