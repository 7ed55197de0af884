import { TerraformOutput, TerraformStack } from 'cdktf';
import { PodNetworkingPlaneResources, TerwayCluster, ValidationReport } from '../../src';
import { clusterStack, synthError, validProps } from '../support/cluster-fixtures';

function withPlanes(...planeNames: string[]) {
  const fixture = clusterStack(validProps());
  planeNames.forEach((planeName, i) => new PodNetworkingPlaneResources(fixture.stack, `Plane${i}`, {
    cluster: fixture.cluster, planeName, vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: `192.168.${128 + 32 * i}.0/19` }],
  }));
  return fixture;
}

const collisions = (report: ValidationReport) => report.errors.filter((f) => f.ruleId === 'TW-OUT-001');

describe('TW-OUT-001: Terraform output names never collide', () => {
  test.each(['pod', 'node'])('a plane named %s would merge into the cluster\'s vSwitch output', (planeName) => {
    const { stack } = withPlanes(planeName);
    const found = collisions(ValidationReport.of(stack));
    expect(found.map((f) => f.path)).toEqual(['test/Plane0']);
    expect(found[0].text).toContain(`Output name ${planeName}_vswitch_ids of test/Plane0 is also claimed by the library construct test/Cluster`);
    expect(synthError(stack)).toMatch(/TW-OUT-001/);
  });

  test('planes db-1 and db.1 sanitize to the same output names', () => {
    const found = collisions(ValidationReport.of(withPlanes('db-1', 'db.1').stack));
    expect(found).toHaveLength(1);
    expect(found[0].text).toContain('Output names db_1_security_group_ids, db_1_vswitch_ids of test/Plane1 are also claimed by the library construct test/Plane0');
  });

  test('two clusters without outputPrefix collide on every output; a prefix fixes it', () => {
    const { stack } = clusterStack(validProps());
    new TerwayCluster(stack, 'Second', validProps({ clusterName: 'second' }));
    const found = collisions(ValidationReport.of(stack));
    expect(found.map((f) => f.path)).toEqual(['test/Second']);
    expect(found[0].text).toMatch(/cluster_id, exclusive_eni_node_pools, fixed_vswitch_node_pools, network_policy_enabled, node_vswitch_ids, pod_vswitch_ids, security_group_id, terway_version, trunk_eni_enabled.* of test\/Second are also claimed by the library construct test\/Cluster/);

    const fixed = clusterStack(validProps());
    new TerwayCluster(fixed.stack, 'Second', validProps({ clusterName: 'second', outputPrefix: 'second_' }));
    expect(collisions(ValidationReport.of(fixed.stack))).toEqual([]);
  });

  test('a user output taking a name the cluster reserves (even one it does not write) is an error', () => {
    const { stack } = clusterStack(validProps());
    new TerraformOutput(stack, 'mine', { value: 'v9.9.9' }).overrideLogicalId('terway_version');
    const found = collisions(ValidationReport.of(stack));
    expect(found).toHaveLength(1);
    expect(found[0].text).toContain('Output name terway_version of test/Cluster is also claimed by the TerraformOutput test/mine');
  });

  test('distinct planes and clusters in separate stacks pass', () => {
    const { stack } = withPlanes('db', 'web');
    expect(collisions(ValidationReport.of(stack))).toEqual([]);
    const second = new TerraformStack(stack.node.root, 'second');
    new TerwayCluster(second, 'Cluster', validProps());
    expect(collisions(ValidationReport.of(stack.node.root))).toEqual([]);
  });
});
