import { DECIDED_AT_APPLY, PlanCheck } from './check';
import { destroyText, policyDocumentOf } from './context';
import { destroys, replaces, ResourceChangeView } from './plan-json';
import { unknownAt, valueAt } from './values';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { Finding } from '../domain/rules';
import { NETWORK_COMPONENT_RAM, policyAllows, policyStatements } from '../domain/terway-ram';

/** Components whose every documented action the document allows (the policy is "theirs"). */
function servedComponents(document: unknown) {
  const statements = policyStatements(document);
  if (!statements) return [];
  return NETWORK_COMPONENT_RAM.filter((c) => c.actions.every((a) => policyAllows(statements, a)));
}

const FIX = 'Keep every documented action of the component in the policy (Resource "*"); if the component is gone from the cluster, waive TW-PLAN-012 for this address with a reason.';

function checkPolicy(c: ResourceChangeView): Finding[] {
  const served = servedComponents(policyDocumentOf(c.before));
  if (served.length === 0) return [];
  const names = served.map((s) => s.component).join(' and ');
  if (destroys(c.actions) && !replaces(c.actions)) {
    return [violation(RULES.PLAN_RAM_ACTIONS_REMOVED, `RAM policy ${c.address} ${destroyText(c)}; it grants every action ${names} needs.`, FIX)];
  }
  if (!c.actions.includes('update') && !replaces(c.actions)) return [];
  if (['policy_document', 'document', 'statement'].some((p) => unknownAt(c.afterUnknown, [p]))) {
    return [violation(RULES.PLAN_RAM_ACTIONS_REMOVED, `The document of RAM policy ${c.address} ${DECIDED_AT_APPLY}; today it grants every action ${names} needs.`, FIX)];
  }
  const after = policyStatements(policyDocumentOf(c.after)) ?? [];
  const hit = served.map((s) => ({ s, removed: s.actions.filter((a) => !policyAllows(after, a)) })).filter((x) => x.removed.length > 0);
  if (hit.length === 0) return [];
  const removed = [...new Set(hit.flatMap((x) => x.removed))];
  return [violation(RULES.PLAN_RAM_ACTIONS_REMOVED,
    `RAM policy ${c.address} ${replaces(c.actions) ? destroyText(c) : 'is updated'} and no longer allows ${removed.join(', ')}, which ${hit.map((x) => x.s.component).join(' and ')} need${hit.length === 1 ? 's' : ''} (documented at ${[...new Set(hit.map((x) => x.s.source))].join(', ')}).`, FIX)];
}

function checkAttachment(c: ResourceChangeView, policies: ReadonlyMap<string, unknown>): Finding[] {
  if (!destroys(c.actions) || replaces(c.actions)) return [];
  const name = valueAt(c.before, ['policy_name']);
  const role = valueAt(c.before, ['role_name']);
  if (typeof name !== 'string' || !policies.has(name)) return [];
  const served = servedComponents(policies.get(name));
  if (served.length === 0) return [];
  return [violation(RULES.PLAN_RAM_ACTIONS_REMOVED,
    `${c.address} detaches RAM policy ${name} from role ${String(role)}; the policy grants every action ${served.map((s) => s.component).join(' and ')} needs.`, FIX)];
}

/** Checks of RAM policies and their role attachments. */
export const RAM_CHECKS: ReadonlyArray<PlanCheck> = [
  {
    name: 'ram-policy',
    types: ['alicloud_ram_policy'],
    rules: [RULES.PLAN_RAM_ACTIONS_REMOVED],
    reads: ['change.actions', 'before/after.policy_document (or document, or statement[].action/effect)', 'after_unknown.policy_document'],
    check: (c) => checkPolicy(c),
  },
  {
    name: 'ram-policy-attachment',
    types: ['alicloud_ram_role_policy_attachment'],
    rules: [RULES.PLAN_RAM_ACTIONS_REMOVED],
    reads: ['change.actions', 'before.policy_name, before.role_name; policy_document of the alicloud_ram_policy of that name (prior_state, before)'],
    check: (c, ctx) => checkAttachment(c, ctx.policyDocuments),
  },
];
