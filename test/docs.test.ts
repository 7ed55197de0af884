import * as fs from 'fs';
import * as path from 'path';
import { renderRuleDocs } from '../scripts/generate-rule-docs';

test('docs/rules.md matches the rule catalogue (run `npx projen docs:rules`)', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf-8')).toBe(renderRuleDocs());
});

test('the README quickstart is the two documented commands and CI runs the test one', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
  expect(readme).toContain('npm ci && npm run example');
  expect(readme).toMatch(/^npm test$/m);
  const ci = fs.readFileSync(path.join(__dirname, '..', '.ci', 'run'), 'utf-8');
  expect(ci).toMatch(/^npm ci$/m);
  expect(ci).toMatch(/^npm test$/m);
});
