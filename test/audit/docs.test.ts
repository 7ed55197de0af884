import * as fs from 'fs';
import * as path from 'path';
import { audit, ACK_009_SAMPLES } from './audit-support';
import { renderAuditDocs } from '../../scripts/generate-audit-docs';

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
