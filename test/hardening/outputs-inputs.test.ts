/** Issue 9 §1: TerwayClusterOutputs refuses values a cluster never outputs, and names the file. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerwayClusterOutputs } from '../../src';
import { InputError } from '../../src/domain/input';

const GOOD = {
  cluster_id: { value: 'c0123456789abcdef0123456789abcdef' },
  zone_ids: { value: ['cn-hangzhou-h', 'cn-hangzhou-i'] },
  node_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1node0000001'], 'cn-hangzhou-i': ['vsw-bp1node0000002'] } },
  pod_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1pod00000001'], 'cn-hangzhou-i': ['vsw-bp1pod00000002'] } },
  trunk_eni_enabled: { value: true },
  network_policy_enabled: { value: false },
  terway_version: { value: 'v1.16.7' },
  vpc_id: { value: 'vpc-bp1vpc00000001' },
  security_group_id: { value: 'sg-bp1sg000000001' },
};

function info(patch: Record<string, unknown>) {
  const outputs = { ...GOOD, ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, { value: v }])) };
  return TerwayClusterOutputs.fromJson(JSON.stringify(outputs), undefined, 'outputs.json').clusterInfo;
}

function refused(patch: Record<string, unknown>, message: RegExp) {
  let thrown: unknown;
  try {
    info(patch);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as Error).message).toMatch(/^outputs\.json: output /);
  expect((thrown as Error).message).toMatch(message);
}

test('a well-formed file reads as before', () => {
  expect(info({}).zones?.map((z) => z.podVSwitchIds[0])).toEqual(['vsw-bp1pod00000001', 'vsw-bp1pod00000002']);
});

test.each([
  [{ zone_ids: [] }, /zone_ids lists no zone/],
  [{ zone_ids: ['cn-hangzhou-h', 'cn-hangzhou-h'] }, /zone_ids lists zone cn-hangzhou-h twice/],
  [{ zone_ids: ['zone 1'] }, /zone_ids has entry 1 that is not a zone ID/],
  [{ pod_vswitch_ids: { 'cn-hangzhou-h': ['1'] } }, /pod_vswitch_ids\.cn-hangzhou-h has an entry that is not a vSwitch ID: "1"/],
  [{ pod_vswitch_ids: { 'cn-hangzhou-h': ['null'] } }, /"null" is not a vSwitch ID/],
  [{ pod_vswitch_ids: { 'cn-hangzhou-h': ['[object Object]'] } }, /"\[object Object\]" is not a vSwitch ID/],
  [{ pod_vswitch_ids: { 'cn-hangzhou-h': [{}] } }, /pod_vswitch_ids\.cn-hangzhou-h is not a list of strings/],
  [{ node_vswitch_ids: { 'cn-hangzhou-h': ['vsw-bp1node0000001'], 'pod': ['vsw-bp1node0000009'] } }, /node_vswitch_ids has zone pod, which is not in zone_ids/],
  [{ trunk_eni_enabled: 'yes' }, /trunk_eni_enabled is not a JSON boolean .*got "yes"/],
  [{ trunk_eni_enabled: 'true' }, /trunk_eni_enabled is not a JSON boolean/],
  [{ terway_version: 5 }, /terway_version is not a string: got 5/],
  [{ terway_version: 'latest' }, /terway_version is not a Terway version/],
  [{ cluster_id: null }, /cluster_id is not a string: got null/],
  [{ cluster_id: '' }, /cluster_id is not an ACK cluster ID/],
  [{ vpc_id: 'vsw-bp1vpc00000001' }, /vpc_id is wrong: "vsw-bp1vpc00000001" is a vSwitch ID/],
])('%p is refused', (patch, message) => {
  refused(patch, message);
});

test('entries that are not terraform output entries are refused at parse time', () => {
  expect(() => TerwayClusterOutputs.fromJson(JSON.stringify({ cluster_id: 'c0123' }), undefined, 'o.json')).toThrow(/o\.json: output cluster_id is not a `terraform output -json` entry/);
});

test('fromFile takes a non-empty path string, never a file descriptor, and names the path', () => {
  expect(() => TerwayClusterOutputs.fromFile(5 as unknown as string)).toThrow(/TerwayClusterOutputs\.fromFile: path must be a string, got 5 \(number\)/);
  expect(() => TerwayClusterOutputs.fromFile('')).toThrow(/path must not be empty/);
  expect(() => TerwayClusterOutputs.fromJson(undefined as unknown as string)).toThrow(/TerwayClusterOutputs\.fromJson: text is required/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outputs-'));
  try {
    expect(() => TerwayClusterOutputs.fromFile(dir)).toThrow(new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is a directory`));
    const missing = path.join(dir, 'missing.json');
    expect(() => TerwayClusterOutputs.fromFile(missing)).toThrow(`${missing}: cannot read the terraform outputs file (ENOENT)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
