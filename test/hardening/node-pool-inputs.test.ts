/** Issue 9 §1: node pool inputs that reached Terraform unchecked or crashed. */
import { TerwayNodePool, TerwayNodePoolOptions, TerwayNodePoolProps, ValidationReport } from '../../src';
import { InputError } from '../../src/domain/input';
import { clusterStack, validProps } from '../support/cluster-fixtures';

const POOL: TerwayNodePoolOptions = { nodePoolName: 'workers', instanceTypes: ['ecs.g7.xlarge'] };

function pool(options: unknown) {
  const { stack, cluster } = clusterStack(validProps());
  cluster.addNodePool('Pool', options as TerwayNodePoolOptions);
  return ValidationReport.of(stack);
}

function refused(options: unknown, message: RegExp) {
  let thrown: unknown;
  try {
    pool(options);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as Error).message).toMatch(/^test\/Cluster\/Pool: /);
  expect((thrown as Error).message).toMatch(message);
}

test.each([
  [{ desiredSize: NaN }, /desiredSize must be a whole number, got NaN/],
  [{ desiredSize: -1 }, /desiredSize must be at least 0, got -1/],
  [{ desiredSize: 1.5 }, /desiredSize must be a whole number, got 1.5/],
  [{ desiredSize: '3' }, /desiredSize must be a whole number, got the string "3"/],
  [{ systemDiskSize: 0 }, /systemDiskSize must be at least 1, got 0/],
  [{ labels: { team: undefined } }, /labels\["team"\] is required/],
  [{ instanceTypes: [] }, /instanceTypes must have at least 1 entry/],
  [{ instanceTypes: 'ecs.g7.xlarge' }, /instanceTypes must be an array/],
  [{ taints: [{ value: 'x' }] }, /taints\[0\]\.key is required/],
  [{ zoneIds: ['cn-beijing-a'] }, /zoneIds lists zones cn-beijing-a that are not zones of cluster/],
])('%p is refused', (override, message) => {
  refused({ ...POOL, ...override }, message);
});

test('addNodePool(id, null) and a node pool without a cluster are refused with the path', () => {
  refused(null, /props is required, got null/);
  const { stack } = clusterStack(validProps());
  expect(() => new TerwayNodePool(stack, 'Loose', { ...POOL, cluster: {} } as unknown as TerwayNodePoolProps)).toThrow(/test\/Loose: cluster must be a TerwayCluster/);
});

test.each([
  ['TW-TF-002', { systemDiskCategory: 'ssd' }, /systemDiskCategory "ssd"/],
  ['TW-TF-002', { systemDiskCategory: 'CLOUD_ESSD' }, /systemDiskCategory "CLOUD_ESSD"/],
  ['TW-TF-003', { taints: [{ key: 'dedicated', effect: 'NoScheduled' }] }, /taint #1: effect "NoScheduled" is not one of NoSchedule, PreferNoSchedule, NoExecute/],
  ['TW-TF-003', { taints: [{ key: 'bad key', effect: 'NoSchedule' }] }, /taint #1: taint key "bad key" is not a qualified name/],
  ['TW-TF-004', { labels: { 'bad key!': 'x' } }, /label key "bad key!" is not a qualified name/],
  ['TW-TF-004', { labels: { team: 'a b' } }, /label value "a b" is not valid/],
])('%s: %p', (ruleId, override, message) => {
  const report = pool({ ...POOL, ...override });
  expect(report.errors.map((f) => f.ruleId)).toEqual([ruleId]);
  expect(report.errors[0].message).toMatch(message);
});

test('valid values pass', () => {
  const report = pool({ ...POOL, desiredSize: 0, systemDiskCategory: 'cloud_auto', labels: { 'example.com/team': 'web' }, taints: [{ key: 'dedicated', value: 'web', effect: 'NoExecute' }] });
  expect(report.errors).toEqual([]);
});
