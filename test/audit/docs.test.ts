import * as fs from 'fs';
import * as path from 'path';
import { audit, ACK_009_SAMPLES } from './audit-support';
import { renderAuditDocs } from '../../scripts/generate-audit-docs';
import { EVALUATORS } from '../../src/audit/evaluators';
import { ALL_RULES } from '../../src/domain/catalog';

test('docs/audit.md matches the evaluator table (run `npx projen docs:audit`)', () => {
  expect(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'audit.md'), 'utf-8')).toBe(renderAuditDocs());
});

test('the README shows the current table output for the ACK-009 sample clusters', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
  const r = audit([ACK_009_SAMPLES]);
  expect(r.code).toBe(1);
  // The package does not ship examples/: the README runs the sample from a clone.
  expect(readme).toContain('npx projen terway-audit examples/audit/ack-009\n```\n\n```\n' + r.stdout + '```');
});

test('docs/audit.md lists as not evaluated exactly the rules no evaluator decides', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'audit.md'), 'utf-8');
  const section = doc.slice(doc.indexOf('## Not evaluated from saved output'), doc.indexOf('## The same facts in code'));
  const listed = [...section.matchAll(/`(TW-[A-Z0-9]+-\d+)`/g)].map((m) => m[1]).sort();
  const wired = new Set(EVALUATORS.flatMap((e) => e.rules.map((r) => r.id)));
  expect(listed).toEqual(ALL_RULES.map((r) => r.id).filter((id) => !wired.has(id)).sort());
  // Wired rules (hostPort, EIP annotations, exclusive ENI NetworkPolicies, eni_conf types) are not called unwired.
  for (const id of ['TW-WL-001', 'TW-EIP-011', 'TW-EXCL-005', 'TW-ENICONF-007']) expect(wired.has(id) && !listed.includes(id)).toBe(true);
  expect(doc).not.toContain('no rule of this version uses it yet');
});

test('docs/audit.md documents exit code 3 and the meta_data fields', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'audit.md'), 'utf-8');
  expect(doc).toMatch(/3: nothing fails, but ACK-009/);
  expect(doc).toContain('--allow-not-evaluated');
  expect(doc).toContain('meta_data.Addons');
  expect(doc).toContain('meta_data.Capabilities.Network');
});
