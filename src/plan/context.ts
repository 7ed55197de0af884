import { PlanDocument, ResourceChangeView, replaces } from './plan-json';
import {
  eniConfOf, eniConfSecurityGroups, eniConfVSwitches, isPodNetworking, kubeObjectOf, MANIFEST_TYPES, nodePoolLabels, pathText, stringList, valueAt,
} from './values';
import { isPlainObject } from '../domain/input';
import { TERWAY_CONFIG_LABEL } from '../domain/node-pool';
import { compareCodePoints } from '../domain/order';

/** ACK cluster resource types (managed and dedicated clusters share the network attributes). */
export const CLUSTER_TYPES: ReadonlyArray<string> = ['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes'];

/**
 * What the plans passed together say about the Terway network: which vSwitches and security
 * groups pods use, which SNAT tables serve pod vSwitches, which planes and per-node-pool
 * ConfigMaps exist. Built from `prior_state` and from every change's `before` and `after`, so
 * a stack that holds the cluster and one that holds the Kubernetes objects are read together.
 */
export interface PlanContext {
  /** vSwitch ID → what uses it for pods (e.g. `pod vSwitch of alicloud_cs_managed_kubernetes.c`). */
  readonly vswitchUses: ReadonlyMap<string, ReadonlySet<string>>;
  /** Security group ID → the planes and eni_confs that reference it. */
  readonly securityGroupUses: ReadonlyMap<string, ReadonlySet<string>>;
  /** SNAT table ID → the SNAT entries in it that serve pod vSwitches. */
  readonly podSnatTables: ReadonlyMap<string, ReadonlySet<string>>;
  /** Names of the PodNetworking planes in the plans or their prior state. */
  readonly planes: ReadonlySet<string>;
  /** ConfigMap names node pools select with the terway-config label. */
  readonly nodePoolConfigs: ReadonlySet<string>;
  /** RAM policy name → its policy document before the plan (prior state or `before`). */
  readonly policyDocuments: ReadonlyMap<string, unknown>;
  /** vSwitch CIDR block → vSwitch ID, for SNAT entries that name a source CIDR. */
  readonly vswitchCidrs: ReadonlyMap<string, string>;
}

interface Known {
  readonly type: string;
  readonly address: string;
  readonly values: Record<string, unknown>;
}

function add(map: Map<string, Set<string>>, key: string, use: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(use);
  map.set(key, set);
}

/** Every known object value of the plans: prior state, `before` and `after` of each change. */
function knownValues(plans: ReadonlyArray<PlanDocument>): Known[] {
  const out: Known[] = [];
  for (const plan of plans) {
    for (const r of plan.prior) out.push({ type: r.type, address: r.address, values: r.values });
    for (const c of plan.changes) {
      if (c.mode !== 'managed') continue;
      if (isPlainObject(c.before)) out.push({ type: c.type, address: c.address, values: c.before });
      if (isPlainObject(c.after)) out.push({ type: c.type, address: c.address, values: c.after });
    }
  }
  return out;
}

/** Builds the context of a set of plans (one pass over their values, then one over SNAT entries). */
export function buildContext(plans: ReadonlyArray<PlanDocument>): PlanContext {
  const vswitchUses = new Map<string, Set<string>>();
  const securityGroupUses = new Map<string, Set<string>>();
  const podSnatTables = new Map<string, Set<string>>();
  const planes = new Set<string>();
  const nodePoolConfigs = new Set<string>();
  const policyDocuments = new Map<string, unknown>();
  const vswitchCidrs = new Map<string, string>();
  const known = knownValues(plans);
  for (const k of known) {
    const v = k.values;
    if (CLUSTER_TYPES.includes(k.type)) {
      for (const id of stringList(v.pod_vswitch_ids)) add(vswitchUses, id, `pod vSwitch of ${k.address}`);
    } else if (k.type === 'alicloud_vswitch' && typeof v.id === 'string' && typeof v.cidr_block === 'string') {
      vswitchCidrs.set(v.cidr_block, v.id);
    } else if (k.type === 'alicloud_cs_kubernetes_node_pool') {
      const config = nodePoolLabels(v)[TERWAY_CONFIG_LABEL];
      if (config) nodePoolConfigs.add(config);
    } else if (k.type === 'alicloud_ram_policy') {
      const name = typeof v.policy_name === 'string' && v.policy_name !== '' ? v.policy_name : v.name;
      if (typeof name === 'string' && !policyDocuments.has(name)) policyDocuments.set(name, policyDocumentOf(v));
    } else if (MANIFEST_TYPES.includes(k.type)) {
      const obj = kubeObjectOf(k.type, v);
      if (obj && isPodNetworking(obj)) {
        planes.add(obj.name);
        for (const id of stringList(valueAt(obj.object, ['spec', 'vSwitchOptions']))) add(vswitchUses, id, `vSwitch of PodNetworking ${obj.name}`);
        for (const id of stringList(valueAt(obj.object, ['spec', 'securityGroupIDs']))) add(securityGroupUses, id, `security group of PodNetworking ${obj.name}`);
      }
      const conf = eniConfOf(obj);
      if (conf && obj) {
        for (const id of eniConfVSwitches(conf)) add(vswitchUses, id, `vSwitch of eni_conf in ConfigMap kube-system/${obj.name}`);
        for (const id of eniConfSecurityGroups(conf)) add(securityGroupUses, id, `security group of eni_conf in ConfigMap kube-system/${obj.name}`);
      }
    }
  }
  for (const k of known) {
    if (k.type !== 'alicloud_snat_entry') continue;
    const table = k.values.snat_table_id;
    const source = snatSourceVSwitch(k.values, vswitchCidrs);
    if (typeof table === 'string' && source && vswitchUses.has(source)) add(podSnatTables, table, `${k.address} (${source})`);
  }
  return { vswitchUses, securityGroupUses, podSnatTables, planes, nodePoolConfigs, policyDocuments, vswitchCidrs };
}

/** The vSwitch an SNAT entry serves: `source_vswitch_id`, or the vSwitch whose CIDR is its `source_cidr`. */
export function snatSourceVSwitch(values: unknown, vswitchCidrs?: ReadonlyMap<string, string>): string | undefined {
  const id = valueAt(values, ['source_vswitch_id']);
  if (typeof id === 'string' && id !== '') return id;
  const cidr = valueAt(values, ['source_cidr']);
  return typeof cidr === 'string' ? vswitchCidrs?.get(cidr) : undefined;
}

/** A RAM policy's document: `policy_document`, the deprecated `document`, or the deprecated `statement` blocks. */
export function policyDocumentOf(values: unknown): unknown {
  const doc = valueAt(values, ['policy_document']) ?? valueAt(values, ['document']);
  if (typeof doc === 'string' && doc !== '') return doc;
  const statements = valueAt(values, ['statement']);
  if (!Array.isArray(statements)) return undefined;
  return {
    Statement: statements.filter(isPlainObject).map((s) => ({ Effect: s.effect, Action: s.action })),
  };
}

/** The sorted uses of an ID, joined for a message. */
export function usesText(uses: ReadonlySet<string> | undefined): string {
  return [...(uses ?? [])].sort(compareCodePoints).join('; ');
}

/** How a destroying change reads in a message: deleted, or replaced with Terraform's reason and paths. */
export function destroyText(c: ResourceChangeView): string {
  if (!replaces(c.actions)) return `is deleted${c.actionReason ? ` (${c.actionReason})` : ''}`;
  const order = c.actions[0] === 'create' ? 'create before destroy' : 'destroy, then create';
  const forced = c.replacePaths.length > 0 ? `; forced by ${c.replacePaths.map(pathText).join(', ')}` : '';
  return `is replaced (${order}${c.actionReason ? `; ${c.actionReason}` : ''}${forced})`;
}
