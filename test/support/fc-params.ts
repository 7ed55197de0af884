import * as fc from 'fast-check';

const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const RUNS_FACTOR = Number(process.env.FC_RUNS_FACTOR ?? 1);

/**
 * fast-check run parameters of the property suites. `examples` run before the generated cases on
 * every seed (one per ending: clean error, rule error, valid output), so "all endings reached"
 * never depends on luck. FC_SEED=<seed> reruns one case; FC_RUNS_FACTOR=<n> multiplies the runs.
 */
export function params<T>(numRuns: number, examples: T[] = []): fc.Parameters<T> {
  return {
    numRuns: Math.ceil(numRuns * RUNS_FACTOR),
    examples,
    ...(SEED === undefined ? {} : { seed: SEED }),
  };
}
