import { ACK_EXTEND_EIP_ACTIONS, LEGACY_TERWAY_EIP_ACTIONS } from './pod-eip';
import { DOC_POD_EIP, terwaySource } from './sources';

/** A component and the RAM actions it needs (Resource `*`), as its documentation lists them. */
export interface ComponentRamActions {
  readonly component: string;
  readonly actions: ReadonlyArray<string>;
  /** Where the list is documented. */
  readonly source: string;
}

/**
 * RAM actions terway-controlplane needs for Trunk ENI, exactly as documented.
 * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/docs/terway-trunk.md
 */
export const TERWAY_CONTROLPLANE_ACTIONS: ReadonlyArray<string> = [
  'ecs:CreateNetworkInterface', 'ecs:DescribeNetworkInterfaces', 'ecs:AttachNetworkInterface', 'ecs:DetachNetworkInterface',
  'ecs:DeleteNetworkInterface', 'vpc:DescribeVSwitches',
];

/**
 * RAM actions the Terway daemon needs on ECS nodes (IPv4), exactly as documented; dual stack adds
 * ecs:AssignIpv6Addresses and ecs:UnassignIpv6Addresses.
 * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/docs/ecs.md
 */
export const TERWAY_DAEMON_ACTIONS: ReadonlyArray<string> = [
  'ecs:CreateNetworkInterface', 'ecs:DescribeNetworkInterfaces', 'ecs:AttachNetworkInterface', 'ecs:DetachNetworkInterface',
  'ecs:DeleteNetworkInterface', 'ecs:DescribeInstanceTypes', 'ecs:AssignPrivateIpAddresses', 'ecs:UnassignPrivateIpAddresses',
  'vpc:DescribeVSwitches',
];

/** Every component whose documented RAM actions a policy change must not take away. */
export const NETWORK_COMPONENT_RAM: ReadonlyArray<ComponentRamActions> = [
  { component: 'ack-extend-network-controller (pod EIPs)', actions: ACK_EXTEND_EIP_ACTIONS, source: DOC_POD_EIP },
  { component: 'legacy Terway EIP', actions: LEGACY_TERWAY_EIP_ACTIONS, source: DOC_POD_EIP },
  { component: 'terwayd', actions: TERWAY_DAEMON_ACTIONS, source: terwaySource('docs/ecs.md') },
  { component: 'terway-controlplane', actions: TERWAY_CONTROLPLANE_ACTIONS, source: terwaySource('docs/terway-trunk.md') },
];

/** One statement of a RAM policy document (policy language version 1). */
interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ReadonlyArray<string>;
}

/** Whether a RAM action pattern (`*` wildcards, case-insensitive) covers an action. */
export function ramActionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (!p.includes('*')) return p === a;
  const parts = p.split('*');
  if (!a.startsWith(parts[0]) || !a.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  for (const part of parts.slice(1, -1)) {
    const i = a.indexOf(part, at);
    if (i < 0) return false;
    at = i + part.length;
  }
  return at <= a.length - parts[parts.length - 1].length;
}

/**
 * The statements of a RAM policy document, or undefined when it is not one (not JSON, no
 * Statement list). `Action` may be a string or a list; conditions and resources are not read.
 */
export function policyStatements(document: unknown): PolicyStatement[] | undefined {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as any).Statement)) return undefined;
  const out: PolicyStatement[] = [];
  for (const s of (doc as any).Statement as unknown[]) {
    if (typeof s !== 'object' || s === null) continue;
    const st = s as Record<string, unknown>;
    const action = st.Action;
    const actions = typeof action === 'string' ? [action] : Array.isArray(action) ? action.filter((x): x is string => typeof x === 'string') : [];
    out.push({ effect: st.Effect === 'Deny' ? 'Deny' : 'Allow', actions });
  }
  return out;
}

/** Whether the statements allow an action: an Allow covers it and no Deny does. */
export function policyAllows(statements: ReadonlyArray<PolicyStatement>, action: string): boolean {
  const covered = (effect: string) => statements.some((s) => s.effect === effect && s.actions.some((p) => ramActionMatches(p, action)));
  return covered('Allow') && !covered('Deny');
}
