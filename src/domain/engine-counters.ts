/**
 * Internal work counters of the validation engine, for the test that keeps validation
 * linear without a clock: how often each declared object is serialized and how much
 * rule work each plane causes during one synthesis. Counting is off unless a test turns
 * it on, so production runs pay one branch per counted event.
 * @internal
 */
export interface EngineCounts {
  /** Serializations (`toJson`) per declared object, keyed by the object. */
  readonly serializations: Map<object, number>;
  /** Evaluations of each construct's rule checks. */
  readonly checkEvaluations: Map<object, number>;
  /** Plane-level predicate evaluations (every plane-selects-workload test, pair comparisons) per plane name. */
  readonly planeWork: Map<string, number>;
}

let counts: EngineCounts | undefined;

/** Starts counting (resetting any previous counts) and returns the live counts. @internal */
export function startEngineCounting(): EngineCounts {
  counts = { serializations: new Map(), checkEvaluations: new Map(), planeWork: new Map() };
  return counts;
}

/** Stops counting. @internal */
export function stopEngineCounting(): void {
  counts = undefined;
}

/** Records one event in `which` for `key`. @internal */
export function countEngineWork<K extends keyof EngineCounts>(which: K, key: EngineCounts[K] extends Map<infer T, number> ? T : never): void {
  if (!counts) return;
  const map = counts[which] as Map<unknown, number>;
  map.set(key, (map.get(key) ?? 0) + 1);
}
