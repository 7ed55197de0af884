import { DECIDED_AT_APPLY, PlanCheck, planesText } from './check';
import { CLUSTER_TYPES, destroyText } from './context';
import { destroys, ResourceChangeView } from './plan-json';
import { addonsOf, AttrPath, jsonObject, NETWORK_ADDONS, networkAddonOf, stableText, stringList, unknownAt, valueAt } from './values';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { compareCodePoints } from '../domain/order';
import { Finding } from '../domain/rules';

/** The network attributes of a cluster that ACK sets only at creation. */
const NETWORK_ATTRS: ReadonlyArray<{ label: string; path: AttrPath; read: (v: unknown) => string }> = [
  { label: 'network add-on (addons)', path: ['addons'], read: (v) => networkAddonOf(v) ?? '(none)' },
  { label: 'pod vSwitch list (pod_vswitch_ids)', path: ['pod_vswitch_ids'], read: (v) => stableText(stringList(valueAt(v, ['pod_vswitch_ids'])).sort(compareCodePoints)) },
  { label: 'Service CIDR (service_cidr)', path: ['service_cidr'], read: (v) => stableText(valueAt(v, ['service_cidr'])) },
];

const CONTROLPLANE = 'terway-controlplane';

function trunkOn(config: Record<string, unknown> | undefined): boolean {
  return config?.ENITrunking === 'true' || config?.ENITrunking === true;
}

type Config = Record<string, unknown> | undefined;

function trunkFindings(c: ResourceChangeView, where: string, before: Config, after: Config, unknown: boolean, ctx: Parameters<PlanCheck['check']>[1]): Finding[] {
  if (!trunkOn(before)) return [];
  const fix = 'Keep ENITrunking "true": Trunk ENI cannot be turned off once it is on. To run without it, create a new cluster and move the workloads.';
  if (unknown) return [violation(RULES.PLAN_TRUNK_DISABLED, `${where} of ${c.address} has ENITrunking "true" and its new config ${DECIDED_AT_APPLY}.`, fix)];
  // The add-on config is merged into the server-side config: a removed key leaves Trunk ENI on.
  if (after?.ENITrunking === 'false' || after?.ENITrunking === false) {
    return [violation(RULES.PLAN_TRUNK_DISABLED, `${where} of ${c.address} turns Trunk ENI off (ENITrunking "true" → "false"); ${planesText(ctx)}. Trunk pods lose their member ENIs and the change cannot be undone.`, fix)];
  }
  return [];
}

function controlplaneRemoved(what: string, ctx: Parameters<PlanCheck['check']>[1]): Finding {
  return violation(RULES.PLAN_CONTROLPLANE_REMOVED,
    `${what}; ${planesText(ctx)}. Without it, Trunk ENI pods get no member ENIs and PodNetworking changes are not reconciled.`,
    `Keep ${CONTROLPLANE} installed while Trunk ENI or PodNetworking planes are in use; delete the planes (and their pods) first if the cluster really stops using them.`);
}

function checkCluster(c: ResourceChangeView, ctx: Parameters<PlanCheck['check']>[1]): Finding[] {
  if (destroys(c.actions)) {
    const diffs = NETWORK_ATTRS.map((a) => (unknownAt(c.afterUnknown, a.path) && c.after !== null ? `${a.label} decided at apply`
      : a.read(c.before) !== a.read(c.after) && c.after !== null ? `${a.label} ${a.read(c.before)} → ${a.read(c.after)}` : undefined)).filter((x) => x !== undefined);
    return [violation(RULES.PLAN_CLUSTER_REPLACED,
      `ACK cluster ${c.address} ${destroyText(c)}${diffs.length > 0 ? `; network changes: ${diffs.join('; ')}` : ''}. Every node pool, node and pod of the cluster goes with it.`,
      'If this is not intended, restore the attributes that force replacement (ACK cannot change the network plug-in, pod vSwitches or Service CIDR in place) and set deletion_protection = true. '
      + 'To change them, create a second cluster and move the workloads. If the deletion is intended, waive TW-PLAN-001 for this address with a reason.')];
  }
  if (!c.actions.includes('update')) return [];
  const out: Finding[] = [];
  for (const a of NETWORK_ATTRS) {
    const fix = a.path[0] === 'pod_vswitch_ids'
      ? 'Keep pod_vswitch_ids as created; to give pods more addresses, add vSwitches to the vswitches of eni-config\'s eni_conf (with SNAT entries) instead.'
      : 'Keep the value the cluster was created with; a different network plug-in or Service CIDR needs a new cluster.';
    if (unknownAt(c.afterUnknown, a.path)) {
      out.push(violation(RULES.PLAN_CLUSTER_NETWORK_CHANGED, `The ${a.label} of ACK cluster ${c.address} ${DECIDED_AT_APPLY}; it was ${a.read(c.before)}.`, fix));
    } else if (a.read(c.before) !== a.read(c.after)) {
      out.push(violation(RULES.PLAN_CLUSTER_NETWORK_CHANGED, `The ${a.label} of ACK cluster ${c.address} changes in place: ${a.read(c.before)} → ${a.read(c.after)}. ACK does not change it on an existing cluster, so the apply fails or the cluster drifts from the code.`, fix));
    }
  }
  const addonsUnknown = unknownAt(c.afterUnknown, ['addons']);
  const before = addonsOf(c.before);
  const after = addonsOf(c.after);
  const eniip = (list: typeof before) => list.find((x) => x.name === 'terway-eniip')?.config;
  out.push(...trunkFindings(c, 'The terway-eniip add-on', eniip(before), eniip(after), addonsUnknown, ctx));
  const hadControlplane = before.some((x) => x.name === CONTROLPLANE && !x.disabled);
  if (hadControlplane && addonsUnknown) {
    out.push(violation(RULES.PLAN_CONTROLPLANE_REMOVED, `The add-ons of ${c.address} ${DECIDED_AT_APPLY}; ${CONTROLPLANE} may be removed; ${planesText(ctx)}.`,
      `Keep ${CONTROLPLANE} in addons with literal values.`));
  } else if (hadControlplane && !after.some((x) => x.name === CONTROLPLANE && !x.disabled)) {
    out.push(controlplaneRemoved(`${c.address} ${after.some((x) => x.name === CONTROLPLANE) ? 'disables' : 'removes'} the ${CONTROLPLANE} add-on`, ctx));
  }
  return out;
}

function checkAddon(c: ResourceChangeView, ctx: Parameters<PlanCheck['check']>[1]): Finding[] {
  const name = valueAt(c.before, ['name']) ?? valueAt(c.after, ['name']);
  if (typeof name !== 'string') return [];
  if (destroys(c.actions)) {
    if (name === CONTROLPLANE) return [controlplaneRemoved(`The ${CONTROLPLANE} add-on (${c.address}) ${destroyText(c)}`, ctx)];
    if (NETWORK_ADDONS.includes(name)) {
      return [violation(RULES.PLAN_CLUSTER_NETWORK_CHANGED, `The network add-on ${name} (${c.address}) ${destroyText(c)}: deleting it uninstalls the cluster's network plug-in.`,
        'Never delete the network add-on of a running cluster; remove the resource from state (terraform state rm) if it only moves to other code.')];
    }
    return [];
  }
  if (name !== 'terway-eniip' || !c.actions.includes('update')) return [];
  return trunkFindings(c, 'The terway-eniip add-on config', jsonObject(valueAt(c.before, ['config'])), jsonObject(valueAt(c.after, ['config'])), unknownAt(c.afterUnknown, ['config']), ctx);
}

/** Checks of ACK clusters and their add-ons. */
export const CLUSTER_CHECKS: ReadonlyArray<PlanCheck> = [
  {
    name: 'cluster',
    types: CLUSTER_TYPES,
    rules: [RULES.PLAN_CLUSTER_REPLACED, RULES.PLAN_CLUSTER_NETWORK_CHANGED, RULES.PLAN_TRUNK_DISABLED, RULES.PLAN_CONTROLPLANE_REMOVED],
    reads: ['change.actions', 'action_reason', 'change.replace_paths', 'before/after.addons[].name, .config (ENITrunking), .disabled', 'before/after.pod_vswitch_ids', 'before/after.service_cidr', 'after_unknown of those'],
    check: checkCluster,
  },
  {
    name: 'cluster-addon',
    types: ['alicloud_cs_kubernetes_addon'],
    rules: [RULES.PLAN_CLUSTER_NETWORK_CHANGED, RULES.PLAN_TRUNK_DISABLED, RULES.PLAN_CONTROLPLANE_REMOVED],
    reads: ['change.actions', 'action_reason', 'change.replace_paths', 'before/after.name', 'before/after.config (ENITrunking of terway-eniip)', 'after_unknown.config'],
    check: checkAddon,
  },
];
