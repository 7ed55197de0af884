import * as fc from 'fast-check';
import { LabelSelectorModel, selectorImplies, selectorMatches, selectorProblems, selectorsJointlySatisfiable } from '../../src/domain/label-selector';

const KEYS = ['a', 'b', 'c'];
const VALUES = ['x', 'y', 'z'];

const arbRequirement = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const arbSelector: fc.Arbitrary<LabelSelectorModel> = fc.record({
  matchLabels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }),
  matchExpressions: fc.array(arbRequirement, { maxLength: 3 }),
});

/** Every label set over KEYS with values from VALUES plus one value no selector names ("w"). */
function allLabelSets(): Array<Record<string, string>> {
  let sets: Array<Record<string, string>> = [{}];
  for (const k of KEYS) {
    sets = sets.flatMap((s) => [s, ...[...VALUES, 'w'].map((v) => ({ ...s, [k]: v }))]);
  }
  return sets;
}
const UNIVERSE = allLabelSets();

describe('label selectors', () => {
  test('matching follows Kubernetes semantics', () => {
    const s: LabelSelectorModel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'canary', operator: 'DoesNotExist' }] };
    expect(selectorMatches(s, { app: 'web' })).toBe(true);
    expect(selectorMatches(s, { app: 'web', tier: 'front' })).toBe(true);
    expect(selectorMatches(s, { app: 'web', tier: 'db' })).toBe(false);
    expect(selectorMatches(s, { app: 'web', canary: '' })).toBe(false);
    expect(selectorMatches({}, {})).toBe(true);
  });

  test('joint satisfiability agrees with an exhaustive search over a small label universe', () => {
    // The universe holds one value per key that no selector names, so NotIn/Exists-only
    // constraints are satisfiable in it exactly when they are satisfiable at all.
    fc.assert(fc.property(fc.array(arbSelector, { minLength: 1, maxLength: 3 }), (selectors) => {
      const exhaustive = UNIVERSE.some((labels) => selectors.every((s) => selectorMatches(s, labels)));
      expect(selectorsJointlySatisfiable(selectors)).toBe(exhaustive);
    }), { numRuns: 500 });
  });

  test('syntax problems are named', () => {
    expect(selectorProblems({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] })).toEqual(['matchExpressions[0]: operator "Equals" is not one of In, NotIn, Exists, DoesNotExist']);
    expect(selectorProblems({ matchLabels: { 'example.com/app': 'web-1' } })).toEqual([]);
    expect(selectorProblems({ matchLabels: { 'Example_.com/app': 'x' } })[0]).toMatch(/invalid DNS prefix/);
    expect(selectorProblems({ matchLabels: { app: '-bad' } })[0]).toMatch(/label value "-bad" is not valid/);
  });
});

describe('selector implication', () => {
  test('agrees with an exhaustive search over a small label universe', () => {
    // One value per key that no selector names stands for all unnamed values, so a
    // counterexample exists in general exactly when one exists in this universe.
    fc.assert(fc.property(arbSelector, arbSelector, (a, b) => {
      const exhaustive = UNIVERSE.every((labels) => !selectorMatches(a, labels) || selectorMatches(b, labels));
      expect(selectorImplies(a, b)).toBe(exhaustive);
    }), { numRuns: 2000 });
  });

  test('examples', () => {
    expect(selectorImplies({ matchLabels: { app: 'x', tier: 'y' } }, { matchLabels: { app: 'x' } })).toBe(true);
    expect(selectorImplies({ matchLabels: { app: 'x' } }, { matchLabels: { app: 'x', tier: 'y' } })).toBe(false);
    expect(selectorImplies({ matchLabels: { app: 'x' } }, {})).toBe(true);
    expect(selectorImplies({ matchLabels: { app: 'x' } }, { matchExpressions: [{ key: 'app', operator: 'In', values: ['x', 'y'] }] })).toBe(true);
    expect(selectorImplies({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['z'] }] })).toBe(false);
  });
});
