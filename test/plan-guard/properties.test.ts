/**
 * Any attribute values in a well-formed plan give a result, never a TypeError: the guard reads
 * plans of any provider version and hand-written resources, whose attributes may hold anything.
 * Ill-formed plans give one error naming the field.
 */
import fc from 'fast-check';
import { PlanGuard } from '../../src';
import { PLAN_CHECKS } from '../../src/plan/guard';

const TYPES = [...new Set(PLAN_CHECKS.flatMap((c) => c.types))];
const ACTIONS = [['no-op'], ['create'], ['read'], ['update'], ['delete'], ['delete', 'create'], ['create', 'delete'], ['forget']];

const change = fc.record({
  type: fc.constantFrom(...TYPES),
  actions: fc.constantFrom(...ACTIONS),
  before: fc.oneof(fc.constant(null), fc.jsonValue(), fc.dictionary(fc.constantFrom('id', 'name', 'addons', 'labels', 'taints', 'manifest', 'data', 'metadata',
    'policy_document', 'statement', 'pod_vswitch_ids', 'service_cidr', 'config', 'snat_table_ids', 'source_vswitch_id', 'policy_name'), fc.jsonValue())),
  after: fc.oneof(fc.constant(null), fc.jsonValue()),
  afterUnknown: fc.oneof(fc.constant(undefined), fc.jsonValue()),
  sensitive: fc.oneof(fc.constant(undefined), fc.jsonValue()),
});

test('well-formed plans with arbitrary attribute values never throw', () => {
  fc.assert(fc.property(fc.array(change, { maxLength: 8 }), fc.jsonValue(), (changes, prior) => {
    const plan = {
      format_version: '1.2',
      resource_changes: changes.map((c, i) => ({
        address: `${c.type}.r${i}`,
        mode: 'managed',
        type: c.type,
        name: `r${i}`,
        change: {
          actions: c.actions,
          before: c.before,
          after: c.after,
          after_unknown: c.afterUnknown,
          before_sensitive: c.sensitive,
          after_sensitive: c.sensitive,
        },
      })),
      prior_state: { values: { root_module: { resources: prior } } },
    };
    const result = PlanGuard.check(plan);
    for (const f of result.findings) expect(f.ruleId).toMatch(/^TW-PLAN-\d{3}$/);
  }), { numRuns: 300 });
});

test('ill-formed plans give one error that names the field, never a TypeError', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    try {
      PlanGuard.check({ format_version: '1.0', resource_changes: [value] });
    } catch (e) {
      expect(e).not.toBeInstanceOf(TypeError);
      expect((e as Error).message).toMatch(/^PlanGuard\.check: resource_changes\[0\]/);
    }
  }), { numRuns: 300 });
});
