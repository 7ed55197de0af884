import { DECIDED_AT_APPLY, PlanCheck, planesText } from './check';
import { destroyText, PlanContext } from './context';
import { destroys, ResourceChangeView } from './plan-json';
import { eniConfOf, isPodNetworking, KubeObjectValue, kubeObjectOf, MANIFEST_TYPES, stableText, unknownAt, valueAt } from './values';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { TERWAY_CONFIG_LABEL } from '../domain/node-pool';
import { Finding } from '../domain/rules';

/** Plane fields whose change moves pods when they are next created. */
const PLANE_FIELDS: ReadonlyArray<string> = ['allocationType', 'eniOptions', 'selector', 'vSwitchOptions', 'securityGroupIDs'];

/** Where a manifest resource keeps the object in `after_unknown` (kubernetes_manifest: manifest; ConfigMaps: data). */
function contentPath(type: string): string {
  return type === 'kubernetes_manifest' ? 'manifest' : 'data';
}

function deleted(c: ResourceChangeView, obj: KubeObjectValue, ctx: PlanContext): Finding[] {
  const how = destroyText(c);
  if (isPodNetworking(obj)) {
    return [violation(RULES.PLAN_MANIFEST_DELETED,
      `PodNetworking ${obj.name} (${c.address}) ${how}. Running pods keep their ENIs until they are recreated; pods created afterwards (restarts included) no longer match it and get the cluster's default network, so their vSwitch, security groups and fixed IPs change.`,
      'Keep the plane while pods use it; to retire it, move its workloads to another plane (or none) and recreate their pods first, then delete it.')];
  }
  if (obj.kind !== 'ConfigMap' || obj.namespace !== 'kube-system') return [];
  if (obj.name === 'eni-config') {
    return [violation(RULES.PLAN_MANIFEST_DELETED,
      `ConfigMap kube-system/eni-config (${c.address}) ${how}. It is Terway's configuration: terwayd on new or restarted nodes cannot configure pod networking without it, and terway-controlplane fills plane defaults from it.`,
      'Never delete eni-config; if the resource only moves to other code, remove it from state (terraform state rm) instead of destroying it.')];
  }
  if (!eniConfOf(obj)) return [];
  const selected = ctx.nodePoolConfigs.has(obj.name) ? `node pools select it (${TERWAY_CONFIG_LABEL}: ${obj.name})` : `no node pool in these plans selects it (${TERWAY_CONFIG_LABEL}: ${obj.name}), but pools outside them may`;
  return [violation(RULES.PLAN_MANIFEST_DELETED,
    `Per-node-pool Terway ConfigMap kube-system/${obj.name} (${c.address}) ${how}; ${selected}. Terway silently falls back to eni-config on nodes that start without it, so their pods get IPs outside the pool's fixed vSwitches.`,
    `Delete the node pool labelled ${TERWAY_CONFIG_LABEL}: ${obj.name} (or relabel and rotate it) before the ConfigMap.`)];
}

function trunkOff(c: ResourceChangeView, before: KubeObjectValue, after: KubeObjectValue | undefined, ctx: PlanContext): Finding[] {
  if (before.name !== 'eni-config' || eniConfOf(before)?.enable_eni_trunking !== true) return [];
  const fix = 'Keep "enable_eni_trunking": true in eni_conf: Trunk ENI cannot be turned off once it is on.';
  if (unknownAt(c.afterUnknown, [contentPath(c.type)])) {
    return [violation(RULES.PLAN_TRUNK_DISABLED, `eni_conf of ConfigMap kube-system/eni-config (${c.address}) has enable_eni_trunking true and its new content ${DECIDED_AT_APPLY}; ${planesText(ctx)}.`, fix)];
  }
  const now = eniConfOf(after)?.enable_eni_trunking;
  if (now === true) return [];
  return [violation(RULES.PLAN_TRUNK_DISABLED,
    `eni_conf of ConfigMap kube-system/eni-config (${c.address}) turns Trunk ENI off (enable_eni_trunking true → ${now === undefined ? '(unset, default false)' : stableText(now)}); ${planesText(ctx)}. Their pods lose their member ENIs after a Terway restart and the change cannot be undone.`, fix)];
}

function planeChanged(c: ResourceChangeView, before: KubeObjectValue, after: KubeObjectValue | undefined): Finding[] {
  const fix = 'Create a new plane for the new settings and move workloads to it deliberately (restart them when ready); or acknowledge with a waiver once the restart is planned.';
  if (unknownAt(c.afterUnknown, ['manifest'])) {
    return [violation(RULES.PLAN_PLANE_MOVES_PODS, `The spec of PodNetworking ${before.name} (${c.address}) ${DECIDED_AT_APPLY}; pods created afterwards may get another network.`, fix)];
  }
  const changed = PLANE_FIELDS.filter((f) => stableText(valueAt(before.object, ['spec', f])) !== stableText(valueAt(after?.object, ['spec', f])));
  if (changed.length === 0) return [];
  const diffs = changed.map((f) => `spec.${f} ${stableText(valueAt(before.object, ['spec', f]))} → ${stableText(valueAt(after?.object, ['spec', f]))}`);
  return [violation(RULES.PLAN_PLANE_MOVES_PODS,
    `PodNetworking ${before.name} (${c.address}) changes ${diffs.join('; ')}. Terway applies a plane when a pod is created and does not validate updates: running pods keep their network, and each pod that is recreated (rollout, eviction, node rotation) moves to the new vSwitch, security groups or IP allocation, or to another plane.`,
    fix)];
}

function checkManifest(c: ResourceChangeView, ctx: PlanContext): Finding[] {
  const before = kubeObjectOf(c.type, c.before);
  if (!before) return [];
  if (destroys(c.actions)) return deleted(c, before, ctx);
  if (!c.actions.includes('update')) return [];
  const after = kubeObjectOf(c.type, c.after);
  return isPodNetworking(before) ? planeChanged(c, before, after) : trunkOff(c, before, after, ctx);
}

/** Checks of the Kubernetes objects Terraform manages (one-deploy stacks, hand-written kubernetes_manifest). */
export const MANIFEST_CHECKS: ReadonlyArray<PlanCheck> = [{
  name: 'terway-manifests',
  types: MANIFEST_TYPES,
  rules: [RULES.PLAN_MANIFEST_DELETED, RULES.PLAN_PLANE_MOVES_PODS, RULES.PLAN_TRUNK_DISABLED],
  reads: [
    'change.actions', 'action_reason', 'change.replace_paths',
    'before/after.manifest (kubernetes_manifest) or metadata[0] and data (kubernetes_config_map[_v1]): kind, metadata.name/namespace',
    'PodNetworking spec.allocationType, eniOptions, selector, vSwitchOptions, securityGroupIDs',
    'ConfigMap kube-system/* data.eni_conf (enable_eni_trunking; per-node-pool ConfigMaps)',
    'after_unknown.manifest, after_unknown.data',
  ],
  check: checkManifest,
}];
