import { RULES } from './catalog';
import { countEngineWork } from './engine-counters';
import { violation } from './finding';
import { selectorImplies, selectorsJointlySatisfiable } from './label-selector';
import { compareCodePoints } from './order';
import { hasFixedPodNames, isFixed, namespaceLabels, PlaneModel, planeSelects, WorkloadModel } from './pod-networking';
import { Finding } from './rules';

type Side = 'podSelector' | 'namespaceSelector';
const SIDES: ReadonlyArray<Side> = ['podSelector', 'namespaceSelector'];

/**
 * The findings of the rules across planes and workloads, for every plane at once: Fixed
 * planes selecting pods with generated names, pods matched by several planes, duplicate
 * plane names, and plane pairs whose selectors overlap or imply each other.
 *
 * Each finding belongs to exactly one plane: a duplicate name to the later plane, a
 * multi-plane match to the first-named plane, a pair to the first of the two by name
 * (names in code-point order; equal names keep declaration order). The result is aligned
 * with `planes`.
 *
 * The work is linear in planes plus workloads for selectors that use matchLabels: a
 * workload is tested only against planes indexed under one of its (namespace) labels, and
 * a plane is compared only with planes that do not contradict its matchLabels (two planes
 * whose matchLabels give one key different values can neither overlap nor imply each other).
 */
export function planeInteractions(
  planes: ReadonlyArray<PlaneModel>,
  workloads: ReadonlyArray<WorkloadModel>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>,
): Finding[][] {
  const out: Finding[][] = planes.map(() => []);
  const order = planes.map((_, i) => i).sort((a, b) => compareCodePoints(planes[a].name, planes[b].name) || a - b);
  const rank: number[] = [];
  order.forEach((index, r) => { rank[index] = r; });
  const byRank = (a: number, b: number) => rank[a] - rank[b];

  for (let r = 1; r < order.length; r++) {
    const own = planes[order[r]];
    if (planes[order[r - 1]].name === own.name) {
      out[order[r]].push(violation(RULES.PLANE_INVALID, `Two planes are named ${own.name}; PodNetworking is cluster-scoped, so the second replaces the first.`,
        'Give every plane a unique name.'));
    }
  }

  const index = new PlaneLabelIndex(planes, order);
  for (const w of workloads) {
    const nsLabels = namespaceLabels(w.namespace, namespaces);
    const matching = index.candidates(w.podLabels, nsLabels).filter((i) => planeSelects(planes[i], w, nsLabels)).sort(byRank);
    for (const i of matching) {
      const plane = planes[i];
      if (isFixed(plane) && !hasFixedPodNames(w, plane.customStatefulWorkloadKinds)) {
        out[i].push(violation(RULES.FIXED_NEEDS_FIXED_NAMES,
          `Fixed plane ${plane.name} selects ${w.kind} ${w.namespace}/${w.name}, whose pods have generated names; Terway never applies a Fixed plane to them, so they silently get shared-ENI addresses.`,
          'Run the workload as a StatefulSet, select it with an Elastic plane, or register its kind in terway-controlplane\'s customStatefulWorkloadKinds (customStatefulWorkloadKinds on the plane).'));
      }
      if (i === matching[0] && matching.length > 1) {
        out[i].push(violation(RULES.POD_MATCHES_SEVERAL_PLANES,
          `Pods of ${w.kind} ${w.namespace}/${w.name} match planes ${matching.map((m) => planes[m].name).join(', ')}.`,
          'Make the selectors disjoint (e.g. a distinct label per plane) so every pod matches at most one plane.'));
      }
    }
  }

  for (const i of order) {
    const own = planes[i];
    if (!hasSelector(own)) continue;
    for (const j of index.compatible(i).filter((c) => rank[c] > rank[i]).sort(byRank)) {
      const other = planes[j];
      countEngineWork('planeWork', own.name);
      const [inner, outer] = planeImplies(own, other) ? [own, other] : planeImplies(other, own) ? [other, own] : [];
      if (inner && outer) {
        out[i].push(violation(RULES.PLANE_SELECTOR_IMPLIED,
          `Every pod that plane ${inner.name} selects is also selected by plane ${outer.name}, so no pod can use ${inner.name} unambiguously.`,
          `Add a requirement to ${outer.name} that excludes ${inner.name}'s pods (e.g. a NotIn or a distinct value of a shared label key).`));
      } else if (selectorsJointlySatisfiable([own.podSelector ?? {}, other.podSelector ?? {}])
        && selectorsJointlySatisfiable([own.namespaceSelector ?? {}, other.namespaceSelector ?? {}])) {
        out[i].push(violation(RULES.PLANE_SELECTORS_OVERLAP,
          `Planes ${own.name} and ${other.name} can both select a pod: some set of pod and namespace labels satisfies both planes' selectors.`,
          'Make the selectors exclusive, e.g. give each plane a different value of the same label key, or acknowledge if no pod will ever carry both label sets.'));
      }
    }
  }
  return out;
}

/**
 * For each workload (aligned with `workloads`), the indices of the planes that select it, in
 * ascending order. Linear in planes plus workloads for selectors that use matchLabels: a
 * workload is tested only against the planes indexed under one of its (namespace) labels.
 */
export function planeSelections(
  planes: ReadonlyArray<PlaneModel>,
  workloads: ReadonlyArray<WorkloadModel>,
  namespaces: ReadonlyMap<string, Readonly<Record<string, string>>>,
): number[][] {
  const index = new PlaneLabelIndex(planes, planes.map((_, i) => i));
  return workloads.map((w) => {
    const nsLabels = namespaceLabels(w.namespace, namespaces);
    return index.candidates(w.podLabels, nsLabels).filter((i) => planeSelects(planes[i], w, nsLabels)).sort((a, b) => a - b);
  });
}

function hasSelector(p: PlaneModel): boolean {
  return p.podSelector !== undefined || p.namespaceSelector !== undefined;
}

/** Whether every pod `a` can select is selected by `b` (and `a` can select some pod). */
function planeImplies(a: PlaneModel, b: PlaneModel): boolean {
  const podA = a.podSelector ?? {};
  const nsA = a.namespaceSelector ?? {};
  if (!selectorsJointlySatisfiable([podA]) || !selectorsJointlySatisfiable([nsA])) return false;
  return selectorImplies(podA, b.podSelector ?? {}) && selectorImplies(nsA, b.namespaceSelector ?? {});
}

function labelKey(side: Side, key: string, value: string): string {
  return `${side}\u0000${key}\u0000${value}`;
}

function matchLabelsOf(plane: PlaneModel, side: Side): Array<[string, string]> {
  return Object.entries(plane[side]?.matchLabels ?? {});
}

/** Planes (with a selector) indexed by their matchLabels, in code-point name order. */
class PlaneLabelIndex {
  /** Planes by their first matchLabels entry (pod side first); a selecting plane is listed once. */
  private readonly byFirstLabel = new Map<string, number[]>();
  /** Planes with a selector but no matchLabels: candidates for every workload. */
  private readonly unindexed: number[] = [];
  /** Planes by every matchLabels entry, for pair pruning. */
  private readonly byLabel = new Map<string, number[]>();
  /** Planes whose matchLabels on a side lack a key (computed per key on demand). */
  private readonly lackingKey = new Map<string, number[]>();
  /** Number of planes whose matchLabels on a side have a key. */
  private readonly withKey = new Map<string, number>();
  private readonly selecting: number[];

  constructor(private readonly planes: ReadonlyArray<PlaneModel>, order: ReadonlyArray<number>) {
    this.selecting = order.filter((i) => hasSelector(planes[i]));
    for (const i of this.selecting) {
      let first: string | undefined;
      for (const side of SIDES) {
        for (const [k, v] of matchLabelsOf(planes[i], side)) {
          const key = labelKey(side, k, v);
          first ??= key;
          push(this.byLabel, key, i);
          this.withKey.set(`${side}\u0000${k}`, (this.withKey.get(`${side}\u0000${k}`) ?? 0) + 1);
        }
      }
      if (first === undefined) this.unindexed.push(i);
      else push(this.byFirstLabel, first, i);
    }
  }

  /** Planes that may select a pod with these labels in a namespace with these labels. */
  public candidates(podLabels: Readonly<Record<string, string>>, nsLabels: Readonly<Record<string, string>>): number[] {
    const out = [...this.unindexed];
    for (const [side, labels] of [['podSelector', podLabels], ['namespaceSelector', nsLabels]] as const) {
      for (const [k, v] of Object.entries(labels)) out.push(...this.byFirstLabel.get(labelKey(side, k, v)) ?? []);
    }
    return out;
  }

  /** Selecting planes other than `i` whose matchLabels do not contradict plane i's. */
  public compatible(i: number): number[] {
    let best: number[] | undefined;
    for (const side of SIDES) {
      for (const [k, v] of matchLabelsOf(this.planes[i], side)) {
        const same = this.byLabel.get(labelKey(side, k, v)) ?? [];
        const size = same.length + this.selecting.length - (this.withKey.get(`${side}\u0000${k}`) ?? 0);
        if (best === undefined || size < best.length) best = [...same, ...this.lacking(side, k)];
      }
    }
    return (best ?? this.selecting).filter((c) => c !== i);
  }

  private lacking(side: Side, key: string): number[] {
    const id = `${side}\u0000${key}`;
    let list = this.lackingKey.get(id);
    if (!list) {
      list = this.selecting.filter((i) => !Object.prototype.hasOwnProperty.call(this.planes[i][side]?.matchLabels ?? {}, key));
      this.lackingKey.set(id, list);
    }
    return list;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
