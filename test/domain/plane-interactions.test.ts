import * as fc from 'fast-check';
import { RULES } from '../../src/domain/catalog';
import { violation } from '../../src/domain/finding';
import { LabelSelectorModel, selectorImplies, selectorsJointlySatisfiable } from '../../src/domain/label-selector';
import { compareCodePoints } from '../../src/domain/order';
import { planeInteractions } from '../../src/domain/plane-interactions';
import { hasFixedPodNames, isFixed, namespaceLabels, PlaneModel, planeSelects, WorkloadModel } from '../../src/domain/pod-networking';
import { Finding } from '../../src/domain/rules';

/**
 * The straightforward per-plane algorithm (every plane against every workload and every
 * other plane), kept here as the oracle for the indexed one.
 */
function naive(own: PlaneModel, planes: PlaneModel[], workloads: WorkloadModel[], namespaces: Map<string, Record<string, string>>): Finding[] {
  const out: Finding[] = [];
  const sorted = [...planes].sort((a, b) => compareCodePoints(a.name, b.name));
  const position = sorted.indexOf(own);
  if (position > 0 && sorted[position - 1].name === own.name) {
    out.push(violation(RULES.PLANE_INVALID, `Two planes are named ${own.name}; PodNetworking is cluster-scoped, so the second replaces the first.`, 'Give every plane a unique name.'));
  }
  for (const w of workloads) {
    const ns = namespaceLabels(w.namespace, namespaces);
    if (!planeSelects(own, w, ns)) continue;
    if (isFixed(own) && !hasFixedPodNames(w, own.customStatefulWorkloadKinds)) {
      out.push({ rule: RULES.FIXED_NEEDS_FIXED_NAMES, message: `Fixed plane ${own.name} selects ${w.kind} ${w.namespace}/${w.name}, whose pods have generated names; Terway never applies a Fixed plane to them, so they silently get shared-ENI addresses.`, fix: '' });
    }
    const matching = sorted.filter((p) => p === own || planeSelects(p, w, ns));
    if (matching.length > 1 && matching[0] === own) out.push({ rule: RULES.POD_MATCHES_SEVERAL_PLANES, message: `Pods of ${w.kind} ${w.namespace}/${w.name} match planes ${matching.map((p) => p.name).join(', ')}.`, fix: '' });
  }
  if (!own.podSelector && !own.namespaceSelector) return out;
  const implies = (a: PlaneModel, b: PlaneModel) => selectorsJointlySatisfiable([a.podSelector ?? {}])
    && selectorsJointlySatisfiable([a.namespaceSelector ?? {}])
    && selectorImplies(a.podSelector ?? {}, b.podSelector ?? {}) && selectorImplies(a.namespaceSelector ?? {}, b.namespaceSelector ?? {});
  for (const other of sorted.slice(position + 1).filter((p) => p.podSelector || p.namespaceSelector)) {
    const implied = (inner: PlaneModel, outer: PlaneModel) => `Every pod that plane ${inner.name} selects is also selected by plane ${outer.name}, so no pod can use ${inner.name} unambiguously.`;
    if (implies(own, other)) {out.push({ rule: RULES.PLANE_SELECTOR_IMPLIED, message: implied(own, other), fix: '' });} else if (implies(other, own)) {out.push({ rule: RULES.PLANE_SELECTOR_IMPLIED, message: implied(other, own), fix: '' });} else if (selectorsJointlySatisfiable([own.podSelector ?? {}, other.podSelector ?? {}]) && selectorsJointlySatisfiable([own.namespaceSelector ?? {}, other.namespaceSelector ?? {}])) {
      out.push({ rule: RULES.PLANE_SELECTORS_OVERLAP, message: `Planes ${own.name} and ${other.name} can both select a pod: some set of pod and namespace labels satisfies both planes' selectors.`, fix: '' });
    }
  }
  return out;
}

/** Rule ID and message of each finding, in order. */
function signature(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule.id} ${f.message}`);
}

const key = fc.constantFrom('app', 'tier', 'team');
const value = fc.constantFrom('a', 'b', 'c');
const labels = fc.dictionary(key, value, { maxKeys: 3 });
const selector: fc.Arbitrary<LabelSelectorModel> = fc.record({
  matchLabels: fc.option(labels, { nil: undefined }),
  matchExpressions: fc.option(fc.array(fc.oneof(
    fc.record({ key, operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(value, { minLength: 1, maxLength: 2 }) }),
    fc.record({ key, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  ), { maxLength: 2 }), { nil: undefined }),
});

const planes = fc.array(fc.record({
  name: fc.constantFrom('p1', 'p2', 'p3', 'P4', 'p-5', 'p.5', 'p10'),
  allocationType: fc.constantFrom('Elastic', 'Fixed'),
  podSelector: fc.option(selector, { nil: undefined }),
  namespaceSelector: fc.option(selector, { nil: undefined }),
}), { maxLength: 7 }).map((ps) => ps.map((p): PlaneModel => ({ ...p, securityGroupIds: [], vSwitches: [], customStatefulWorkloadKinds: [] })));

const workloads = fc.array(fc.record({
  kind: fc.constantFrom('Deployment', 'StatefulSet', 'Pod'),
  namespace: fc.constantFrom('default', 'n1', 'n2'),
  podLabels: labels,
}), { maxLength: 8 }).map((ws) => ws.map((w, i): WorkloadModel => ({ ...w, name: `w${i}`, ownerKinds: [] })));

const namespaces = fc.dictionary(fc.constantFrom('n1', 'n2'), labels).map((d) => new Map(Object.entries(d)));

describe('indexed plane interactions', () => {
  test('give the same findings, attributed to the same planes in the same order, as the per-plane algorithm', () => {
    fc.assert(fc.property(planes, workloads, namespaces, (ps, ws, ns) => {
      const indexed = planeInteractions(ps, ws, ns);
      ps.forEach((p, i) => expect(signature(indexed[i])).toEqual(signature(naive(p, ps, ws, ns))));
    }), { numRuns: 1500 });
  });

  test('order planes by code point, not by locale', () => {
    const plane = (name: string): PlaneModel => ({ name, podSelector: { matchLabels: { app: 'a' } }, securityGroupIds: [], vSwitches: [], customStatefulWorkloadKinds: [] });
    // Under most locales "b" sorts before "Z"; by code point "Z" (0x5A) comes first.
    const [lower, upper] = planeInteractions([plane('b'), plane('Z')], [], new Map());
    expect(lower).toEqual([]);
    expect(upper.map((f) => f.rule.id)).toEqual([RULES.PLANE_SELECTOR_IMPLIED.id]);
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBe(1);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    expect(compareCodePoints('ab', 'ab')).toBe(0);
  });
});
