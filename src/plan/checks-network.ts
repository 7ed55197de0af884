import { PlanCheck } from './check';
import { destroyText, snatSourceVSwitch, usesText } from './context';
import { destroys, ResourceChangeView } from './plan-json';
import { valueAt } from './values';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { Finding } from '../domain/rules';

const DESTROY_READS = ['change.actions', 'action_reason', 'change.replace_paths'];

function idOf(c: ResourceChangeView): string | undefined {
  const id = valueAt(c.before, ['id']);
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Checks of vSwitches, security groups, SNAT entries and NAT gateways that pods use. */
export const NETWORK_CHECKS: ReadonlyArray<PlanCheck> = [
  {
    name: 'pod-vswitch',
    types: ['alicloud_vswitch'],
    rules: [RULES.PLAN_POD_VSWITCH_REMOVED],
    reads: [...DESTROY_READS, 'before.id; pod_vswitch_ids of clusters, vSwitchOptions of PodNetworking manifests and vswitches of eni_conf ConfigMaps (prior_state, before, after)'],
    check: (c, ctx): Finding[] => {
      const id = idOf(c);
      if (!destroys(c.actions) || !id || !ctx.vswitchUses.has(id)) return [];
      return [violation(RULES.PLAN_POD_VSWITCH_REMOVED,
        `vSwitch ${id} (${c.address}) ${destroyText(c)}, but pods use it: ${usesText(ctx.vswitchUses.get(id))}. Pods on its ENIs lose their network, and Terway keeps trying to allocate from an ID that no longer exists.`,
        'Keep the vSwitch. To retire it, first remove it from every pod_vswitch_ids, vSwitchOptions and eni_conf vswitches list, rotate the nodes and recreate the pods that use it, then delete it in a later apply.')];
    },
  },
  {
    name: 'pod-security-group',
    types: ['alicloud_security_group'],
    rules: [RULES.PLAN_SECURITY_GROUP_REMOVED],
    reads: [...DESTROY_READS, 'before.id; securityGroupIDs of PodNetworking manifests, security_group and security_groups of eni_conf ConfigMaps (prior_state, before, after)'],
    check: (c, ctx): Finding[] => {
      const id = idOf(c);
      if (!destroys(c.actions) || !id || !ctx.securityGroupUses.has(id)) return [];
      return [violation(RULES.PLAN_SECURITY_GROUP_REMOVED,
        `Security group ${id} (${c.address}) ${destroyText(c)}, but it is in use: ${usesText(ctx.securityGroupUses.get(id))}. ENIs of running pods carry it, so the deletion fails or leaves pods without their rules.`,
        'Keep the security group. To retire it, first remove it from the planes and eni_conf, recreate the pods that use it, then delete it in a later apply.')];
    },
  },
  {
    name: 'pod-snat',
    types: ['alicloud_snat_entry'],
    rules: [RULES.PLAN_SNAT_REMOVED],
    reads: [...DESTROY_READS, 'before.source_vswitch_id, before.source_cidr (matched to alicloud_vswitch cidr_block); the pod vSwitches above'],
    check: (c, ctx): Finding[] => {
      if (!destroys(c.actions)) return [];
      const vsw = snatSourceVSwitch(c.before, ctx.vswitchCidrs);
      const cidr = valueAt(c.before, ['source_cidr']);
      if (!vsw || !ctx.vswitchUses.has(vsw)) return [];
      return [violation(RULES.PLAN_SNAT_REMOVED,
        `SNAT entry ${c.address} for ${vsw}${typeof cidr === 'string' && cidr !== '' ? ` (${cidr})` : ''} ${destroyText(c)}; the vSwitch is a ${usesText(ctx.vswitchUses.get(vsw))}. Its pods lose Internet egress${c.actions[0] === 'delete' ? '' : ' until the new entry exists'}.`,
        'Keep the SNAT entry while pods use the vSwitch (or give the vSwitch another egress path first); waive TW-PLAN-010 for this address if egress goes elsewhere.')];
    },
  },
  {
    name: 'pod-nat-gateway',
    types: ['alicloud_nat_gateway'],
    rules: [RULES.PLAN_NAT_GATEWAY_REMOVED],
    reads: [...DESTROY_READS, 'before.snat_table_ids; snat_table_id of the SNAT entries of pod vSwitches (prior_state, before, after)'],
    check: (c, ctx): Finding[] => {
      if (!destroys(c.actions)) return [];
      const tables = String(valueAt(c.before, ['snat_table_ids']) ?? '').split(',').map((t) => t.trim()).filter((t) => ctx.podSnatTables.has(t));
      if (tables.length === 0) return [];
      const entries = new Set(tables.flatMap((t) => [...ctx.podSnatTables.get(t)!]));
      return [violation(RULES.PLAN_NAT_GATEWAY_REMOVED,
        `NAT gateway ${c.address} ${destroyText(c)}; its SNAT table ${tables.join(', ')} serves pod vSwitches through ${usesText(entries)}. Pods lose Internet egress.`,
        'Keep the NAT gateway while pod vSwitches egress through it, or move their SNAT entries to another gateway in an earlier apply.')];
    },
  },
];
