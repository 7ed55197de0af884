import * as fs from 'fs';
import * as path from 'path';
import { renderRuleDocs } from '../scripts/generate-rule-docs';
import { RULE_EXAMPLES } from '../scripts/rule-examples';
import { RuleCatalog } from '../src';
import { REPOSITORY_URL, ruleDocUrl } from '../src/domain/docs-links';
import { formatFinding, violation } from '../src/domain/finding';

const ROOT = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf-8');

test('docs/rules.md matches the rule catalogue (run `npx projen docs:rules`)', () => {
  expect(read('docs/rules.md')).toBe(renderRuleDocs());
});

test('every rule has an anchored section with a public source, an example violation and a fix', () => {
  const doc = read('docs/rules.md');
  for (const rule of RuleCatalog.all()) {
    expect([rule.id, doc]).toEqual([rule.id, expect.stringContaining(`\n### ${rule.id}\n`)]);
    // A user can open the source: a URL, never an internal file name.
    expect([rule.id, rule.source]).toEqual([rule.id, expect.stringMatching(/https:\/\//)]);
    expect([rule.id, rule.source]).toEqual([rule.id, expect.not.stringMatching(/seed \d|terway-facts|SEED-|§/)]);
    expect(RULE_EXAMPLES[rule.id]?.violation).toBeTruthy();
    expect(RULE_EXAMPLES[rule.id]?.fix).toBeTruthy();
  }
  expect(Object.keys(RULE_EXAMPLES).filter((id) => !RuleCatalog.all().some((r) => r.id === id))).toEqual([]);
});

test('every message links to its rule\'s entry in docs/rules.md', () => {
  const rule = RuleCatalog.all().find((r) => r.id === 'TW-NET-003')!;
  const text = formatFinding(violation(rule, 'Service CIDR overlaps the VPC.', 'Pick another Service CIDR'));
  expect(text).toMatch(/Fix: Pick another Service CIDR\. See https:\/\/github\.com\/.+\/docs\/rules\.md#tw-net-003$/);
  expect(ruleDocUrl('TW-NET-003')).toBe(`${REPOSITORY_URL}/blob/main/docs/rules.md#tw-net-003`);
  // The link goes to the repository package.json names (set in .projenrc.ts).
  const pkg = JSON.parse(read('package.json'));
  expect(pkg.repository.url).toBe(`${REPOSITORY_URL}.git`);
  expect(pkg.bugs.url).toBe(`${REPOSITORY_URL}/issues`);
});

test('the README quickstart is the two documented commands and CI runs the test one', () => {
  const readme = read('README.md');
  expect(readme).toContain('npm ci && npm run example');
  expect(readme).toMatch(/^npm test$/m);
  const ci = read('.ci/run');
  expect(ci).toMatch(/^npm ci$/m);
  expect(ci).toMatch(/^npm test$/m);
});
