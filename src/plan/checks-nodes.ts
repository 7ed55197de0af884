import { DECIDED_AT_APPLY, PlanCheck } from './check';
import { destroyText } from './context';
import { replaces, ResourceChangeView } from './plan-json';
import { nodePoolLabels, nodePoolTaints, stableText, unknownAt } from './values';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { EXCLUSIVE_ENI_LABEL, TERWAY_CONFIG_LABEL } from '../domain/node-pool';
import { Finding } from '../domain/rules';

const EXISTING_NODES = 'existing nodes keep their old mode; only nodes created afterwards get the new one, so the pool ends up mixed';

function labelText(value: string | undefined): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

function checkNodePool(c: ResourceChangeView): Finding[] {
  const before = nodePoolLabels(c.before);
  const after = nodePoolLabels(c.after);
  if (replaces(c.actions)) {
    const mode = before[EXCLUSIVE_ENI_LABEL] !== after[EXCLUSIVE_ENI_LABEL] ? `; ${EXCLUSIVE_ENI_LABEL} ${labelText(before[EXCLUSIVE_ENI_LABEL])} → ${labelText(after[EXCLUSIVE_ENI_LABEL])}` : '';
    const trigger = c.actionReason === 'replace_by_triggers' ? ' (replace_triggered_by: with ack-terway-network, a change of the pool\'s network mode)' : '';
    return [violation(RULES.PLAN_NODE_POOL_REPLACED,
      `Node pool ${c.address} ${destroyText(c)}${trigger}${mode}. All its nodes are drained and deleted; their pods are rescheduled and pods with fixed IPs or exclusive ENIs get new ones.`,
      'If the replacement is not intended, restore the attributes that force it. If it is (a new network mode needs new nodes), create the new pool first, move the workloads, then delete the old one; waive TW-PLAN-005 for this address with a reason.')];
  }
  if (!c.actions.includes('update')) return [];
  const out: Finding[] = [];
  const labelsUnknown = unknownAt(c.afterUnknown, ['labels']);
  if (labelsUnknown || before[EXCLUSIVE_ENI_LABEL] !== after[EXCLUSIVE_ENI_LABEL]) {
    const what = labelsUnknown ? `the labels block ${DECIDED_AT_APPLY}` : `${EXCLUSIVE_ENI_LABEL} changes ${labelText(before[EXCLUSIVE_ENI_LABEL])} → ${labelText(after[EXCLUSIVE_ENI_LABEL])}`;
    if (labelsUnknown || before[EXCLUSIVE_ENI_LABEL] !== undefined || after[EXCLUSIVE_ENI_LABEL] !== undefined) {
      out.push(violation(RULES.PLAN_EXCLUSIVE_LABEL_CHANGED,
        `Node pool ${c.address} is updated in place and ${what}: the label is read when a node is created, so ${EXISTING_NODES}.`,
        `Keep the label as the pool was created; for the other ENI mode create a new node pool with ${EXCLUSIVE_ENI_LABEL} set at creation, move the workloads, then delete this one.`));
    }
  }
  const taintsUnknown = unknownAt(c.afterUnknown, ['taints']);
  const configChanged = before[TERWAY_CONFIG_LABEL] !== after[TERWAY_CONFIG_LABEL];
  const taintChanged = stableText(nodePoolTaints(c.before, TERWAY_CONFIG_LABEL)) !== stableText(nodePoolTaints(c.after, TERWAY_CONFIG_LABEL));
  if (labelsUnknown || taintsUnknown || configChanged || taintChanged) {
    const parts = [
      ...(labelsUnknown ? [`the labels block ${DECIDED_AT_APPLY}`] : configChanged ? [`label ${TERWAY_CONFIG_LABEL} ${labelText(before[TERWAY_CONFIG_LABEL])} → ${labelText(after[TERWAY_CONFIG_LABEL])}`] : []),
      ...(taintsUnknown ? [`the taints block ${DECIDED_AT_APPLY}`] : taintChanged ? [`taint ${TERWAY_CONFIG_LABEL} [${nodePoolTaints(c.before, TERWAY_CONFIG_LABEL).join(', ')}] → [${nodePoolTaints(c.after, TERWAY_CONFIG_LABEL).join(', ')}]`] : []),
    ];
    if (labelsUnknown || taintsUnknown || before[TERWAY_CONFIG_LABEL] !== undefined || after[TERWAY_CONFIG_LABEL] !== undefined || taintChanged) {
      out.push(violation(RULES.PLAN_FIXED_CONFIG_CHANGED,
        `Node pool ${c.address} is updated in place: ${parts.join('; ')}. Terway reads the per-node-pool ConfigMap when its daemon starts: existing nodes keep their old configuration and their ENIs on the old vSwitch until they are rotated; only nodes that join afterwards get the new one.`,
        'Rotate the pool\'s nodes after the apply (or create a new pool with the new configuration and move the workloads); acknowledge with a waiver once planned.'));
    }
  }
  return out;
}

/** Checks of node pools. */
export const NODE_POOL_CHECKS: ReadonlyArray<PlanCheck> = [{
  name: 'node-pool',
  types: ['alicloud_cs_kubernetes_node_pool'],
  rules: [RULES.PLAN_NODE_POOL_REPLACED, RULES.PLAN_EXCLUSIVE_LABEL_CHANGED, RULES.PLAN_FIXED_CONFIG_CHANGED],
  reads: ['change.actions', 'action_reason', 'change.replace_paths', `before/after.labels[] (${EXCLUSIVE_ENI_LABEL}, ${TERWAY_CONFIG_LABEL})`, `before/after.taints[] (key ${TERWAY_CONFIG_LABEL})`, 'after_unknown.labels, after_unknown.taints'],
  check: (c) => checkNodePool(c),
}];
