import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { audit, COMPLIANT, ACK_009_SAMPLES, WAIVERS } from './audit-support';
import { ALL_RULES } from '../../src/domain/catalog';

/**
 * The official SARIF 2.1.0 schema (OASIS, rtm.5), as shipped by @microsoft/jest-sarif. It is a
 * JSON Schema draft-04 document, hence ajv-draft-04.
 */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf-8'));
  // The schema's language pattern has a stray ']' that is invalid only in Unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('--format sarif', () => {
  const validate = sarifValidator();

  test('the schema rejects what it must (the validator is live)', () => {
    expect(validate({ version: '2.1.0' })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  test('failing clusters: valid SARIF 2.1.0 with one result per finding', () => {
    const r = audit([ACK_009_SAMPLES, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('terway-audit');
    expect(run.tool.driver.rules.map((x: any) => x.id)).toEqual(ALL_RULES.map((x) => x.id));
    expect(run.results).toHaveLength(3);
    for (const res of run.results) {
      expect(res.ruleId).toBe('TW-CLUSTER-001');
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.level).toBe('error');
      expect(res.message.text).toMatch(/Fix: Re-create the cluster with Terway/);
      // Relative to the working folder, under a uriBaseId that originalUriBaseIds resolves.
      expect(res.locations[0].physicalLocation.artifactLocation).toEqual({
        uri: path.relative(process.cwd(), path.join(ACK_009_SAMPLES, 'clusters.json')).split(path.sep).join('/'),
        uriBaseId: 'SRCROOT',
      });
      expect(res.locations[0].logicalLocations[0].name).toMatch(/^cluster\//);
    }
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(`file://${process.cwd().split(path.sep).join('/')}/`);
    // Rules with missing inputs are tool notifications, not results.
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^Not evaluated for kubernetes: TW-NET-010/);
  });

  test('waived findings are suppressions, still listed', () => {
    const log = JSON.parse(audit([COMPLIANT, '--format', 'sarif', '--waivers', WAIVERS]).stdout);
    expect(validate(log)).toBe(true);
    const res = log.runs[0].results;
    expect(res).toHaveLength(1);
    expect(res[0].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: expect.stringMatching(/NetworkPolicies/) }]);
  });

  test('findings read from standard input have no file location and stay valid', () => {
    const text = fs.readFileSync(path.join(ACK_009_SAMPLES, 'clusters.json'), 'utf-8');
    const log = JSON.parse(audit(['-', '--format', 'sarif'], { stdin: text }).stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toBeUndefined();
  });
});

describe('--format json', () => {
  test('findings with rule, severity, object, file, message, fix, source and link', () => {
    const out = JSON.parse(audit([ACK_009_SAMPLES, '--format', 'json']).stdout);
    expect(out.tool).toBe('terway-audit');
    expect(out.passed).toBe(false);
    expect(out.failOn).toBe('error');
    expect(Object.keys(out.findings[0]).sort()).toEqual(['file', 'fix', 'link', 'message', 'object', 'ruleId', 'severity', 'source', 'title', 'waived']);
    expect(out.summary).toMatch(/^3 errors, 0 warnings, 0 waived;/);
  });

  test('the same input gives byte-identical output', () => {
    expect(audit([COMPLIANT, '--format', 'json']).stdout).toBe(audit([COMPLIANT, '--format', 'json']).stdout);
  });
});

describe('table (default)', () => {
  test('compact by default: a header line per finding, its message wrapped under it; at most 100 columns', () => {
    const lines = audit([ACK_009_SAMPLES]).stdout.split('\n');
    expect(lines[0]).toMatch(/^RULE +SEVERITY +OBJECT$/);
    expect(lines.filter((l) => l.startsWith('TW-'))).toHaveLength(3);
    expect(lines.filter((l) => /fix:|source:/.test(l))).toEqual([]);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  test('--verbose adds fix and source (with the link) under each finding, still within 100 columns', () => {
    const out = audit([ACK_009_SAMPLES, '--verbose']).stdout;
    expect(out.match(/^ {4}fix: Re-create the cluster with Terway/mg)).toHaveLength(3);
    expect(out.match(/^ {4}source: /mg)).toHaveLength(3);
    expect(out).toMatch(/<https:\/\/[^>]+>/);
    // Only a URL longer than the width (one word) stays whole on its own line.
    for (const line of out.split('\n').filter((l) => l.length > 100)) expect(line).toMatch(/^ +https:\/\/\S+$/);
  });

  test('no findings prints "No findings."', () => {
    const dir = path.join(COMPLIANT, 'cluster.json');
    expect(audit([dir]).stdout.split('\n')[0]).toBe('No findings.');
  });

  test('--help and --version', () => {
    expect(audit(['--help']).stdout).toMatch(/^usage: terway-audit/);
    expect(audit(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
