import { RULES } from './catalog';
import { violation } from './finding';
import { InputChecker } from './input';
import { LabelSelectorModel, selectorMatches } from './label-selector';
import { EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE, TERWAY_CONFIG_LABEL } from './node-pool';
import { planeSelections } from './plane-interactions';
import { namespaceLabels, PlaneModel, planeSelects, WorkloadModel } from './pod-networking';
import { Finding } from './rules';

/**
 * Rules across workloads, planes and NetworkPolicies for the two node-pool network modes.
 * Pure functions over collections, so they can run on a cached index of the app's objects.
 */

/** A Kubernetes NetworkPolicy declared in the app. */
export interface NetworkPolicyModel {
  readonly name: string;
  readonly namespace: string;
  /** `spec.podSelector` (empty selects every pod of the namespace). */
  readonly podSelector: LabelSelectorModel;
}

/** A toleration of a pod spec. */
export interface TolerationModel {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
}

/** A taint of a node pool. */
export interface TaintModel {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

/** Kubernetes taint effects. */
export const TAINT_EFFECT_VALUES: ReadonlyArray<string> = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/**
 * Checks a list of taints given by a user or read from Terraform outputs (where an unset
 * value is rendered as JSON null, which `nullValueIsUnset` accepts).
 */
export function checkTaints(check: InputChecker, property: string, value: unknown, nullValueIsUnset = false): TaintModel[] {
  return check.array(property, value).map((t, i) => {
    const taint = check.object(`${property}[${i}]`, t);
    const at = check.at(`${property}[${i}]`);
    return {
      key: at.string('key', taint.key, { minLength: 1 }),
      value: nullValueIsUnset && taint.value === null ? undefined : at.string('value', taint.value, { optional: true }),
      effect: at.enumValue('effect', taint.effect, TAINT_EFFECT_VALUES),
    };
  });
}

/** Whether `toleration` tolerates `taint` (Kubernetes semantics). */
export function tolerates(toleration: TolerationModel, taint: TaintModel): boolean {
  if (toleration.effect !== undefined && toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  const operator = toleration.operator ?? 'Equal';
  if (toleration.key === undefined || toleration.key === '') return operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

/** Taints (NoSchedule/NoExecute) of a pool that a workload does not tolerate. */
export function untoleratedTaints(workload: WorkloadModel, taints: ReadonlyArray<TaintModel>): TaintModel[] {
  return taints.filter((t) => t.effect !== 'PreferNoSchedule' && !(workload.tolerations ?? []).some((tol) => tolerates(tol, t)));
}

/** Whether the workload's pods are required onto nodes carrying `key: value`. */
export function requiresNodeLabel(workload: WorkloadModel, key: string, value: string): boolean {
  return (workload.requiredNodeLabels ?? {})[key] === value;
}

/** A workload whose pods get exclusive ENIs, and why. */
export interface ExclusiveEniWorkload {
  readonly workload: WorkloadModel;
  /** The eniType ENI plane that selects it (first in declaration order), if any. */
  readonly plane?: PlaneModel;
  readonly why: string;
}

/**
 * Workloads whose pods get exclusive ENIs: required onto exclusive ENI nodes, or selected by a
 * plane with eniType ENI.
 */
export function exclusiveEniWorkloads(
  planes: ReadonlyArray<PlaneModel>,
  workloads: ReadonlyArray<WorkloadModel>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>,
  selections: ReadonlyArray<ReadonlyArray<number>> = planeSelections(planes, workloads, namespaces),
): ExclusiveEniWorkload[] {
  const out: ExclusiveEniWorkload[] = [];
  workloads.forEach((w, i) => {
    const first = selections[i].find((j) => planes[j].eniType === 'ENI');
    const plane = first === undefined ? undefined : planes[first];
    if (plane) out.push({ workload: w, plane, why: `plane ${plane.name} (eniType ENI) selects them` });
    else if (requiresNodeLabel(w, EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE)) out.push({ workload: w, why: `they require nodes labelled ${EXCLUSIVE_ENI_LABEL}: ${EXCLUSIVE_ENI_VALUE}` });
  });
  return out;
}

/** TW-EXCL-005: NetworkPolicies that select pods on exclusive ENIs. */
export function checkExclusiveEniNetworkPolicies(
  exclusive: ReadonlyArray<ExclusiveEniWorkload>,
  policies: ReadonlyArray<NetworkPolicyModel>,
): Finding[] {
  return exclusiveEniPolicyFindings(exclusive, policies).flat();
}

/**
 * TW-EXCL-005 per exclusive-ENI workload (aligned with `exclusive`). Linear in workloads plus
 * policies: a workload is tested only against the policies of its namespace that select every
 * pod or are indexed under one of its pod labels (a policy's first matchLabels entry).
 */
export function exclusiveEniPolicyFindings(
  exclusive: ReadonlyArray<ExclusiveEniWorkload>,
  policies: ReadonlyArray<NetworkPolicyModel>,
): Finding[][] {
  const index = new Map<string, number[]>();
  policies.forEach((p, i) => {
    const first = Object.entries(p.podSelector.matchLabels ?? {})[0];
    pushTo(index, first === undefined ? p.namespace : `${p.namespace}\u0000${first[0]}\u0000${first[1]}`, i);
  });
  return exclusive.map(({ workload: w, why }) => {
    const candidates = [...index.get(w.namespace) ?? []];
    for (const [k, v] of Object.entries(w.podLabels)) candidates.push(...index.get(`${w.namespace}\u0000${k}\u0000${v}`) ?? []);
    return candidates.sort((a, b) => a - b).map((i) => policies[i]).filter((np) => selectorMatches(np.podSelector, w.podLabels))
      .map((np) => violation(RULES.EXCL_NETWORK_POLICY,
        `NetworkPolicy ${np.namespace}/${np.name} selects the pods of ${w.kind} ${w.namespace}/${w.name}, which get exclusive ENIs (${why}); Terway does not enforce NetworkPolicy there.`,
        'Isolate these pods with security groups instead (a PodNetworking plane\'s securityGroupIDs), narrow the NetworkPolicy\'s podSelector, or run the workload in shared ENI mode.'));
  });
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A fixed-vSwitch configuration as the workload rules see it. */
export interface FixedConfigModel {
  readonly name: string;
  readonly taints: ReadonlyArray<TaintModel>;
}

/**
 * TW-FIXED-005 and TW-FIXED-006 for one fixed-vSwitch configuration: workloads required onto
 * its nodes must tolerate its taints, and must not match a PodNetworking plane. Only workloads
 * that tolerate one of its taints or require its nodes can have findings, so a caller with an
 * index may pass just those (in declaration order); `planeOf` gives the first plane (in
 * declaration order) that selects a workload.
 */
export function checkFixedConfigWorkloads(
  config: FixedConfigModel,
  planes: ReadonlyArray<PlaneModel>,
  workloads: ReadonlyArray<WorkloadModel>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>,
  planeOf: (w: WorkloadModel) => PlaneModel | undefined = (w) => planes.find((p) => planeSelects(p, w, namespaceLabels(w.namespace, namespaces))),
): Finding[] {
  const out: Finding[] = [];
  // A workload that tolerates exactly this pool's taint but does not select its nodes can land
  // anywhere, so some of its pods get IPs outside the allowlisted block.
  const specific = config.taints.filter((t) => t.value !== undefined);
  for (const w of workloads.filter((x) => !requiresNodeLabel(x, TERWAY_CONFIG_LABEL, config.name))) {
    const meant = (w.tolerations ?? []).some((tol) => (tol.operator ?? 'Equal') === 'Equal' && specific.some((t) => tol.key === t.key && tol.value === t.value));
    if (meant) {
      out.push(violation(RULES.FIXED_WORKLOAD_SCHEDULING,
        `${w.kind} ${w.namespace}/${w.name} tolerates the taint of fixed-vSwitch configuration ${config.name} but does not select its nodes (${TERWAY_CONFIG_LABEL}: ${config.name}), so its pods may run elsewhere and get IPs outside the allowlisted block.`,
        'Add the workload with FixedVSwitchConfig.addWorkload (node selector and toleration together).'));
    }
  }
  for (const w of workloads.filter((x) => requiresNodeLabel(x, TERWAY_CONFIG_LABEL, config.name))) {
    const missing = untoleratedTaints(w, config.taints);
    if (missing.length > 0) {
      out.push(violation(RULES.FIXED_WORKLOAD_SCHEDULING,
        `${w.kind} ${w.namespace}/${w.name} selects nodes with ${TERWAY_CONFIG_LABEL}: ${config.name} but does not tolerate ${missing.map((t) => `${t.key}${t.value !== undefined ? `=${t.value}` : ''}:${t.effect}`).join(', ')}, so its pods stay Pending.`,
        'Add the workload with FixedVSwitchConfig.addWorkload (node selector and toleration together).'));
    }
    const plane = planeOf(w);
    if (plane) {
      out.push(violation(RULES.FIXED_PLANE_PRECEDENCE,
        `${w.kind} ${w.namespace}/${w.name} runs on the nodes of fixed-vSwitch configuration ${config.name} but plane ${plane.name} selects its pods; the plane wins, so the pods get IPs from the plane's vSwitches, outside the allowlisted block.`,
        `Change the pod labels or the plane's selectors so that no plane selects this workload, or give the plane the dedicated vSwitches instead of using ${config.name}.`));
    }
  }
  return out;
}

/** An exclusive ENI node pool as the toleration rule sees it. */
export interface ExclusivePoolModel {
  readonly name: string;
  readonly taints: ReadonlyArray<TaintModel>;
}

/**
 * TW-EXCL-009 for one eniType ENI plane: every workload it selects must tolerate the taints of
 * at least one exclusive ENI node pool (Terway places the pods on exclusive ENI nodes only).
 * A caller with an index may pass just the workloads the plane selects.
 */
export function checkExclusivePlaneTolerations(
  plane: PlaneModel,
  pools: ReadonlyArray<ExclusivePoolModel>,
  workloads: ReadonlyArray<WorkloadModel>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>,
): Finding[] {
  if (plane.eniType !== 'ENI' || pools.length === 0) return [];
  const out: Finding[] = [];
  for (const w of workloads.filter((x) => planeSelects(plane, x, namespaceLabels(x.namespace, namespaces)))) {
    if (pools.some((p) => untoleratedTaints(w, p.taints).length === 0)) continue;
    const first = pools[0];
    out.push(violation(RULES.EXCL_PLANE_UNTOLERATED,
      `Plane ${plane.name} (eniType ENI) selects ${w.kind} ${w.namespace}/${w.name}, which tolerates the taints of no exclusive ENI node pool (${pools.map((p) => p.name).join(', ')}); its pods stay Pending.`,
      `Add the workload with ExclusiveEniPlane.addWorkload (it adds the toleration), or tolerate ${untoleratedTaints(w, first.taints).map((t) => `${t.key}${t.value !== undefined ? `=${t.value}` : ''}:${t.effect}`).join(', ')}.`));
  }
  return out;
}
