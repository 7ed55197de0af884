/**
 * Alibaba Cloud resource ID formats: a fixed prefix, a dash, lowercase letters and digits
 * (for example `vpc-bp1rkq0zxxxxxx`, `vsw-2zem796p76viir02c`, `sg-bp19k3sj8dk3dcd7`).
 */
export enum ResourceIdKind {
  VPC = 'vpc',
  VSWITCH = 'vsw',
  SECURITY_GROUP = 'sg',
  NAT_GATEWAY = 'ngw',
  EIP = 'eip',
  RESOURCE_GROUP = 'rg',
}

const DESCRIPTIONS: Record<ResourceIdKind, string> = {
  [ResourceIdKind.VPC]: 'VPC',
  [ResourceIdKind.VSWITCH]: 'vSwitch',
  [ResourceIdKind.SECURITY_GROUP]: 'security group',
  [ResourceIdKind.NAT_GATEWAY]: 'NAT gateway',
  [ResourceIdKind.EIP]: 'EIP',
  [ResourceIdKind.RESOURCE_GROUP]: 'resource group',
};

/** Human name of the resource kind, e.g. "vSwitch". */
export function describeIdKind(kind: ResourceIdKind): string {
  return DESCRIPTIONS[kind];
}

/**
 * Problem with a literal resource ID, or undefined when it is well formed.
 * Callers skip unresolved tokens before calling this.
 */
export function resourceIdProblem(kind: ResourceIdKind, id: string): string | undefined {
  const pattern = new RegExp(`^${kind}-[a-z0-9]{4,64}$`);
  if (pattern.test(id)) return undefined;
  const other = Object.values(ResourceIdKind).find((k) => k !== kind && new RegExp(`^${k}-[a-z0-9]{4,64}$`).test(id));
  if (other) {
    return `"${id}" is a ${describeIdKind(other)} ID, but a ${describeIdKind(kind)} ID (${kind}-…) is expected`;
  }
  return `"${id}" is not a ${describeIdKind(kind)} ID: expected "${kind}-" followed by 4 to 64 lowercase letters or digits (e.g. ${kind}-bp1abc2def3ghi4jkl5m)`;
}
