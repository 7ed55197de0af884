import * as fs from 'fs';
import * as path from 'path';
import { renderPlanDocs } from '../../scripts/generate-plan-docs';
import { PLAN_RULES } from '../../src/domain/catalog-plan';
import { PLAN_CHECKS } from '../../src/plan/guard';

test('docs/plan-guard.md matches the check table (run `npx projen docs:plan`)', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'plan-guard.md'), 'utf-8')).toBe(renderPlanDocs());
});

test('every plan rule is run by a check, and every check names the fields it reads', () => {
  const run = new Set(PLAN_CHECKS.flatMap((c) => c.rules.map((r) => r.id)));
  expect(Object.values(PLAN_RULES).map((r) => r.id).filter((id) => !run.has(id))).toEqual([]);
  for (const c of PLAN_CHECKS) expect(c.reads.length).toBeGreaterThan(0);
});
