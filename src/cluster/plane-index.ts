import { IConstruct } from 'constructs';
import { DeclaredWorkload, declaredObjects } from './declared-objects';
import { passMemo } from '../core/validation-pass';
import { planeSelections } from '../domain/plane-interactions';
import { PlaneModel, WorkloadModel } from '../domain/pod-networking';

/** A plane of the app: its construct and its model. */
export interface IndexedPlane {
  readonly construct: IConstruct;
  readonly model: PlaneModel;
}

/**
 * The planes of an app and the planes that select each declared workload, built once per
 * validation pass from the declared-object index, so rules that relate workloads to planes
 * (TW-EXCL-005, TW-EXCL-009, TW-FIXED-006) cost linear in planes plus workloads.
 */
export interface PlaneIndex {
  /** The planes in construct-tree order. */
  readonly planes: ReadonlyArray<IndexedPlane>;
  /** The declared workloads of the app, in declaration order. */
  readonly workloads: ReadonlyArray<DeclaredWorkload>;
  /** Per workload (aligned with `workloads`), the indices of the planes that select it, ascending. */
  readonly selections: ReadonlyArray<ReadonlyArray<number>>;
  /** The workloads a plane selects, in declaration order. */
  selectedBy(plane: IConstruct): DeclaredWorkload[];
  /** The first plane (in tree order) that selects a declared workload. */
  firstPlane(workload: WorkloadModel): PlaneModel | undefined;
}

const INDEX = Symbol('plane-index');

/** The plane index of the app of `root`; `findPlanes` lists its planes in tree order. */
export function planeIndex(root: IConstruct, findPlanes: (root: IConstruct) => IndexedPlane[]): PlaneIndex {
  return passMemo(INDEX, root, () => {
    const planes = findPlanes(root);
    const { workloads, namespaces } = declaredObjects(root);
    const selections = planeSelections(planes.map((p) => p.model), workloads, namespaces);
    const selected = new Map<IConstruct, DeclaredWorkload[]>(planes.map((p) => [p.construct, []]));
    const first = new Map<WorkloadModel, PlaneModel>();
    workloads.forEach((w, i) => {
      for (const j of selections[i]) selected.get(planes[j].construct)!.push(w);
      if (selections[i].length > 0) first.set(w, planes[selections[i][0]].model);
    });
    return {
      planes,
      workloads,
      selections,
      selectedBy: (plane) => selected.get(plane) ?? [],
      firstPlane: (w) => first.get(w),
    };
  });
}
