/**
 * JavaScript callers get no compiler: a misspelled property must be an error naming the nearest
 * known one, from the jsii type information (src/domain/struct-fields.generated.ts, generated
 * from the assembly; consumer.test.ts checks it against a fresh build's `.jsii`).
 */
import { App as Cdk8sApp, Chart } from 'cdk8s';
import { App, TerraformStack } from 'cdktf';
import { ExclusiveEniPlane, GitOpsOutput, PodNetworkingPlane, TerwayCluster } from '../../src';
import { InputError, nearestName } from '../../src/domain/input';
import { STRUCT_FIELDS } from '../../src/domain/struct-fields.generated';

const zones = [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ cidrBlock: '192.168.0.0/24' }], podVSwitches: [{ cidrBlock: '192.168.32.0/19' }] }];

function cluster(extra: Record<string, unknown>, zoneExtra: Record<string, unknown> = {}): () => void {
  return () => {
    const stack = new TerraformStack(new App(), 'network');
    new TerwayCluster(stack, 'Cluster', {
      clusterName: 'prod',
      kubernetesVersion: '1.33.1-aliyun.1',
      vpc: { cidrBlock: '192.168.0.0/16' },
      zones: [{ ...zones[0], ...zoneExtra }],
      serviceCidr: '172.21.0.0/20',
      ...extra,
    } as never);
  };
}

const plane = { name: 'db', podSelector: { matchLabels: { a: 'b' } }, vSwitches: [{ vswitchId: 'vsw-bp1dbh000000000001' }], securityGroupIds: ['sg-bp1db0000000000001'] };

test('a misspelled top-level property is refused with the nearest name', () => {
  expect(cluster({ trunkENI: true })).toThrow(new InputError('network/Cluster', 'trunkENI', 'is not a property of TerwayClusterProps: did you mean trunkEni?'));
  expect(cluster({ expectedPodCont: 10 })).toThrow('network/Cluster: expectedPodCont is not a property of TerwayClusterProps: did you mean expectedPodCount?');
  expect(cluster({ somethingElse: 1 })).toThrow(/somethingElse is not a property of TerwayClusterProps \(its properties: acceleration, /);
  expect(cluster({ trunkEni: true })).not.toThrow();
});

test('structs inside arrays and maps are checked too, with the property path', () => {
  expect(cluster({}, { podVswitches: [] })).toThrow('network/Cluster: zones[0].podVswitches is not a property of ZoneNetworkSpec: did you mean podVSwitches?');
  expect(cluster({ natGateway: { enable: true } })).toThrow('network/Cluster: natGateway.enable is not a property of NatGatewaySpec: did you mean enabled?');
});

test('cluster side: the props struct of the class, so a subclass keeps its own properties', () => {
  const chart = new Chart(new Cdk8sApp(), 'c');
  expect(() => new PodNetworkingPlane(chart, 'A', { ...plane, securityGroupIDs: ['sg-1'] } as never))
    .toThrow('c/A: securityGroupIDs is not a property of PodNetworkingPlaneProps: did you mean securityGroupIds?');
  expect(() => new PodNetworkingPlane(chart, 'B', { ...plane, name: 'b', pool: {} } as never)).toThrow(/pool is not a property of PodNetworkingPlaneProps/);
  // ExclusiveEniPlane passes its own props (with `pool`) on to PodNetworkingPlane.
  expect(() => new ExclusiveEniPlane(chart, 'C', { ...plane, name: 'c', pool: { nodePoolName: 'x', nodeLabels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' }, taints: [] } })).not.toThrow();
  expect(() => GitOpsOutput.synth(new Cdk8sApp(), { outDir: 'x' } as never)).toThrow(/outDir is not a property of GitOpsOutputOptions: did you mean outdir\?/);
});

test('nearestName: another case first, else the nearest within two edits and a third of the name', () => {
  expect(nearestName('TRUNKENI', ['trunkEni', 'trunk'])).toBe('trunkEni');
  expect(nearestName('zoneIdd', ['zoneId', 'zoneIds'])).toBe('zoneId');
  expect(nearestName('ab', ['abc'])).toBeUndefined();
  expect(nearestName('completelyDifferent', ['vpc', 'zones'])).toBeUndefined();
});

test('the generated table covers the props of every construct checked here', () => {
  for (const s of ['TerwayClusterProps', 'ZoneNetworkSpec', 'PodNetworkingPlaneProps', 'ExclusiveEniPlaneProps', 'GitOpsOutputOptions']) {
    expect([s, Object.keys(STRUCT_FIELDS[s] ?? {}).length > 0]).toEqual([s, true]);
  }
  expect(STRUCT_FIELDS.ExclusiveEniPlaneProps).toMatchObject({ pool: 'ExclusiveEniPoolInfo', securityGroupIds: '' });
});
