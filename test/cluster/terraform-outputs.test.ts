import * as path from 'path';
import { TerwayClusterOutputs } from '../../src';

const SAMPLE = path.join(__dirname, '..', '..', 'examples', 'pod-networking', 'terraform-outputs.sample.json');

describe('TerwayClusterOutputs (terraform output -json reader)', () => {
  test('reads the cluster description and plane outputs', () => {
    const outputs = TerwayClusterOutputs.fromFile(SAMPLE);
    const info = outputs.clusterInfo;
    expect(info.clusterId).toMatch(/^c[0-9a-f]{32}$/);
    expect(info.zones?.map((z) => z.zoneId)).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']);
    expect(info.zones?.[0].podVSwitchIds[0]).toMatch(/^vsw-/);
    expect(info.trunkEniEnabled).toBe(true);
    expect(outputs.listOutput('db_security_group_ids')).toEqual(['sg-bp1dbpl0demo0pods01']);
    expect(Object.keys(outputs.zoneMapOutput('web_vswitch_ids'))).toHaveLength(3);
  });

  test('applies the output prefix', () => {
    const text = JSON.stringify({
      blue_cluster_id: { value: 'c0123456789abcdef0123456789abcdef' },
      blue_zone_ids: { value: ['cn-hangzhou-h'] },
      blue_node_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1node0001'] } },
      blue_pod_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1pod00001'] } },
    });
    const info = TerwayClusterOutputs.fromJson(text, 'blue_').clusterInfo;
    expect(info.zones).toEqual([{ zoneId: 'cn-hangzhou-h', nodeVSwitchIds: ['vsw-bp1node0001'], podVSwitchIds: ['vsw-bp1pod00001'] }]);
    expect(info.trunkEniEnabled).toBeUndefined();
  });

  test('explains missing outputs, wrong types and bad files', () => {
    const outputs = TerwayClusterOutputs.fromJson(JSON.stringify({ zone_ids: { value: 'oops' } }), undefined, 'out.json');
    expect(() => outputs.clusterInfo).toThrow(/out.json: output zone_ids is not a list of strings/);
    expect(() => TerwayClusterOutputs.fromJson('{}').stringOutput('cluster_id')).toThrow(/no output "cluster_id" \(outputs: none\)\. Is this the stack with the TerwayCluster/);
    expect(() => TerwayClusterOutputs.fromJson('not json')).toThrow(/not JSON/);
    expect(() => TerwayClusterOutputs.fromJson('[]')).toThrow(/expected the object printed by `terraform output -json`/);
  });
});
