import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { COMPLIANT, compliantCluster, folderWith, seedClusters } from './audit-support';
import { PodNetworkingPlane, TerwayClusterDescription, ValidationReport } from '../../src';

const vswitches = () => JSON.parse(fs.readFileSync(path.join(COMPLIANT, 'vswitches.json'), 'utf-8'));

describe('TerwayClusterDescription', () => {
  test('reads TerwayClusterInfo from DescribeClusterDetail and DescribeVSwitches', () => {
    const info = TerwayClusterDescription.fromDescribeCluster(compliantCluster(), { describeVSwitches: vswitches() });
    expect(info).toEqual({
      clusterId: 'c7f3e2d1b0a94c8d9e7f6a5b4c3d2e1f0',
      zones: [
        { zoneId: 'eu-west-1a', nodeVSwitchIds: ['vsw-node1a2b3c4d5e6f7g8h9i0'], podVSwitchIds: ['vsw-pod1a2b3c4d5e6f7g8h9i0j'] },
        { zoneId: 'eu-west-1b', nodeVSwitchIds: ['vsw-node2a2b3c4d5e6f7g8h9i0'], podVSwitchIds: ['vsw-pod2a2b3c4d5e6f7g8h9i0j'] },
      ],
      securityGroupId: 'sg-d7e6f5a4b3c2d1e0f9a8',
      vpcId: 'vpc-d7e6f5a4b3c2d1e0f9a8b',
      dedicatedCluster: false,
      createdBeforeJune2020: false,
    });
  });

  test('fromFiles; without DescribeVSwitches the zones are unknown', () => {
    const info = TerwayClusterDescription.fromFiles(path.join(COMPLIANT, 'cluster.json'));
    expect(info.zones).toBeUndefined();
    expect(info.clusterId).toBe('c7f3e2d1b0a94c8d9e7f6a5b4c3d2e1f0');
    const both = TerwayClusterDescription.fromFiles(path.join(COMPLIANT, 'cluster.json'), path.join(COMPLIANT, 'vswitches.json'));
    expect(both.zones).toHaveLength(2);
  });

  test('the facts drive the plane rules (zones, cluster age)', () => {
    const old = { ...compliantCluster(), created: '2020-03-01T10:00:00+08:00' };
    const cluster = TerwayClusterDescription.fromDescribeCluster(old, { describeVSwitches: vswitches() });
    const chart = Testing.chart();
    new PodNetworkingPlane(chart, 'Plane', {
      name: 'web',
      cluster,
      podSelector: { matchLabels: { plane: 'web' } },
      securityGroupIds: ['sg-bp1web0000000001'],
      vSwitches: [{ vswitchId: 'vsw-bp1web000000000', zoneId: 'eu-west-1c' }],
    });
    const ids = ValidationReport.of(chart.node.root).errors.concat(ValidationReport.of(chart.node.root).warnings).map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['TW-PN-008', 'TW-PN-016']));
  });

  test('strict input checks', () => {
    const c = compliantCluster();
    expect(() => TerwayClusterDescription.fromDescribeCluster(seedClusters()[0]))
      .toThrow(/cluster.parameters.Network is "Flannel": the cluster runs flannel, not Terway/);
    expect(() => TerwayClusterDescription.fromDescribeCluster({ ...c, cluster_id: 42 }))
      .toThrow(/TerwayClusterDescription.fromDescribeCluster: cluster.cluster_id must be a string, got 42 \(number\)/);
    expect(() => TerwayClusterDescription.fromDescribeCluster('{"cluster_id":"c1"}'))
      .toThrow(/cluster must be a plain object|cluster must be an object/);
    expect(() => TerwayClusterDescription.fromDescribeCluster({ ...c, parameters: { ...c.parameters, PodVswitchIds: '[1]' } }))
      .toThrow(/cluster.parameters.PodVswitchIds\[0\] must be a string/);
    const partial = vswitches();
    partial.VSwitches.VSwitch.pop();
    expect(() => TerwayClusterDescription.fromDescribeCluster(c, { describeVSwitches: partial }))
      .toThrow(/options.describeVSwitches does not describe vsw-pod2a2b3c4d5e6f7g8h9i0j/);
    expect(() => TerwayClusterDescription.fromDescribeCluster(c, { describeVSwitches: { VSwitches: { VSwitch: [{ VSwitchId: 'vsw-a' }] } } }))
      .toThrow(/VSwitches.VSwitch\[0\].ZoneId is required/);
    const dir = folderWith({ 'bad.json': 'nope' });
    expect(() => TerwayClusterDescription.fromFiles(path.join(dir, 'bad.json'))).toThrow(/bad.json: not JSON/);
    expect(() => TerwayClusterDescription.fromFiles(path.join(dir, 'missing.json'))).toThrow(/missing.json: cannot be read/);
  });
});
