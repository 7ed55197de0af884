/**
 * Issue 18: the cluster readers. TerwayClusterDescription takes any value from any language:
 * a clear InputError (naming the entry point and the property) or a TerwayClusterInfo, never a
 * raw TypeError and never a hang; `meta_data` in any shape likewise.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { TerwayClusterDescription } from '../../src';
import { InputError } from '../../src/domain/input';

const ENIIP = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'audit', 'fixtures', 'api-shapes', 'detail-terway-eniip.json'), 'utf-8'));

function clearOrInfo(run: () => unknown): void {
  try {
    const info = run() as any;
    expect(typeof info.clusterId).toBe('string');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^\S.*: \S/);
  }
}

test('fromDescribeCluster: any options value is read as options or refused clearly', () => {
  for (const options of [null, undefined, 5, 'x', true, [], {}, { source: 5 }, { source: '' }, { describeVSwitches: null }, { describeVSwitches: 'x' }]) {
    clearOrInfo(() => TerwayClusterDescription.fromDescribeCluster(ENIIP, options as any));
  }
  expect(() => TerwayClusterDescription.fromDescribeCluster(ENIIP, { source: 5 } as any)).toThrow(/options.source must be a string/);
});

test('fromFiles: paths only (numbers, null, objects are refused before any read)', () => {
  for (const bad of [5, 0, null, {}, [], true, '']) {
    expect(() => TerwayClusterDescription.fromFiles(bad as any)).toThrow(/TerwayClusterDescription.fromFiles: describeClusterFile /);
  }
});

test('meta_data of any shape: facts or a clear error', () => {
  const addon = fc.record({ name: fc.oneof(fc.constantFrom('terway-eniip', 'terway-eni', 'flannel', 'kube-flannel-ds', 'terway-controlplane'), fc.jsonValue()), disabled: fc.jsonValue() }, { requiredKeys: [] });
  const doc = fc.record({
    Addons: fc.oneof(fc.array(addon, { maxLength: 4 }), fc.jsonValue()),
    Capabilities: fc.oneof(fc.record({ Network: fc.oneof(fc.constantFrom('Terway', 'Flannel'), fc.jsonValue()) }), fc.jsonValue()),
    PodVswitchId: fc.oneof(fc.constantFrom('', 'vsw-a', 'vsw-a,vsw-b', '["vsw-a"]', '[1]', '['), fc.jsonValue()),
  }, { requiredKeys: [] });
  const metaData = fc.oneof(doc.map((d) => JSON.stringify(d)), fc.jsonValue(), doc);
  fc.assert(fc.property(metaData, (m) => {
    clearOrInfo(() => TerwayClusterDescription.fromDescribeCluster({ ...ENIIP, meta_data: m }));
  }), { numRuns: 300 });
});
