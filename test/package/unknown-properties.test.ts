/**
 * JavaScript callers get no compiler: a misspelled property must be an error naming the nearest
 * known one, from the jsii type information (src/domain/struct-fields.generated.ts, generated
 * from the assembly; consumer.test.ts checks it against a fresh build's `.jsii`).
 */
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ApiObject, App as Cdk8sApp, Chart } from 'cdk8s';
import { App, TerraformStack } from 'cdktf';
import {
  ClusterObjectsStack, EipControllerValues, EniConfig, ExclusiveEniNodePool, ExclusiveEniNodePoolProps, ExclusiveEniPlane, ExclusiveEniScheduling,
  FixedVSwitchConfig, FixedVSwitchNodePool, GitOpsOutput, KubernetesManifests, NetworkPlan, PlanGuard, PodEipPolicy, PodEipWorkloads,
  PodNetworkingPlane, PodNetworkingPlaneResources, TerwayCluster, TerwayClusterDescription, TerwayNodePool,
} from '../../src';
import { InputError, nearestName } from '../../src/domain/input';
import { STRUCT_FIELDS, STRUCT_PARAMETERS } from '../../src/domain/struct-fields.generated';

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

const stack = () => new TerraformStack(new App(), 'network');
const chart = () => new Chart(new Cdk8sApp(), 'c');
const clusterProps = {
  clusterName: 'prod', kubernetesVersion: '1.33.1-aliyun.1', vpc: { cidrBlock: '192.168.0.0/16' }, zones, serviceCidr: '172.21.0.0/20',
};
const workload = () => new ApiObject(chart(), 'web', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } });

/**
 * How to call each public constructor and method that takes a struct (STRUCT_PARAMETERS, from the
 * jsii assembly), given that struct argument. Only the struct is wrong, so the first error must be
 * the unknown property: each entry point checks property names before anything else.
 */
const CALLS: { [type: string]: { [callable: string]: (arg: object) => unknown } } = {
  ClusterObjectsStack: { new: (a) => new ClusterObjectsStack(new App(), 'objects', a as never) },
  EipControllerValues: { new: (a) => new EipControllerValues(a as never) },
  EniConfig: { new: (a) => new EniConfig(chart(), 'x', a as never) },
  ExclusiveEniNodePool: { new: (a) => new ExclusiveEniNodePool(stack(), 'x', a as never) },
  ExclusiveEniPlane: { new: (a) => new ExclusiveEniPlane(chart(), 'x', a as never) },
  ExclusiveEniScheduling: {
    'static addWorkload': (a) => ExclusiveEniScheduling.addWorkload(workload(), a as never),
    'static poolOf': (a) => ExclusiveEniScheduling.poolOf(a as never),
  },
  FixedVSwitchConfig: { new: (a) => new FixedVSwitchConfig(chart(), 'x', a as never) },
  FixedVSwitchNodePool: { new: (a) => new FixedVSwitchNodePool(stack(), 'x', a as never) },
  GitOpsOutput: { 'static synth': (a) => GitOpsOutput.synth(new Cdk8sApp(), a as never) },
  KubernetesManifests: { new: (a) => new KubernetesManifests(stack(), 'x', a as never) },
  NetworkPlan: { 'static of': (a) => NetworkPlan.of(new App(), a as never) },
  PlanGuard: {
    'static check': (a) => PlanGuard.check({}, a as never),
    'static checkFiles': (a) => PlanGuard.checkFiles(['plan.json'], a as never),
  },
  PodEipPolicy: { new: (a) => new PodEipPolicy(stack(), 'x', a as never) },
  PodEipWorkloads: {
    addWorkload: (a) => new PodEipWorkloads(chart(), 'x').addWorkload(workload(), a as never),
    new: (a) => new PodEipWorkloads(chart(), 'x', a as never),
  },
  PodNetworkingPlane: { new: (a) => new PodNetworkingPlane(chart(), 'x', a as never) },
  PodNetworkingPlaneResources: { new: (a) => new PodNetworkingPlaneResources(stack(), 'x', a as never) },
  TerwayCluster: {
    addNodePool: (a) => new TerwayCluster(stack(), 'Cluster', clusterProps).addNodePool('pool', a as never),
    new: (a) => new TerwayCluster(stack(), 'x', a as never),
  },
  TerwayClusterDescription: { 'static fromDescribeCluster': (a) => TerwayClusterDescription.fromDescribeCluster({}, a as never) },
  TerwayNodePool: { new: (a) => new TerwayNodePool(stack(), 'x', a as never) },
};

test('every public constructor and method that takes a struct is called here (a new one must be added)', () => {
  const callables = (t: { [type: string]: { [callable: string]: unknown } }) => Object.entries(t).flatMap(([type, c]) => Object.keys(c).map((k) => `${type} ${k}`)).sort();
  expect(callables(CALLS)).toEqual(callables(STRUCT_PARAMETERS));
});

test.each(Object.entries(STRUCT_PARAMETERS).flatMap(([type, c]) => Object.entries(c).map(([callable, params]) => [type, callable, params] as const)))(
  '%s %s refuses every property name in the wrong case, naming the right one',
  (type, callable, params) => {
    const structs = params.filter((p) => p !== '');
    expect(structs).toHaveLength(1);
    const struct = structs[0];
    const names = Object.keys(STRUCT_FIELDS[struct]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const wrong = name.toUpperCase() === name ? name.toLowerCase() : name.toUpperCase();
      const escaped = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(() => CALLS[type][callable]({ [wrong]: 1 }))
        .toThrow(new RegExp(`${escaped(wrong)} is not a property of ${struct}: did you mean ${escaped(name)}\\?`));
    }
  });

test('node pools check their own props before spreading them into the base class; a subclass of yours keeps its own properties', () => {
  const pool = { nodePoolName: 'excl', instanceTypes: ['ecs.g7.4xlarge'] };
  const build = (f: (cluster: TerwayCluster) => unknown) => () => f(new TerwayCluster(stack(), 'Cluster', clusterProps));
  expect(build((c) => new ExclusiveEniNodePool(c, 'Pool', { ...pool, cluster: c, taintEnabled: false }))).not.toThrow();
  expect(build((c) => new ExclusiveEniNodePool(c, 'Pool', { ...pool, cluster: c, taintEnable: false } as never)))
    .toThrow('network/Cluster/Pool: taintEnable is not a property of ExclusiveEniNodePoolProps: did you mean taintEnabled?');
  // What TerwayNodePool takes is not what its subclasses take: no shared list refuses a subclass's names.
  expect(build((c) => new TerwayNodePool(c, 'Pool', { ...pool, cluster: c, taintEnabled: false } as never)))
    .toThrow('network/Cluster/Pool: taintEnabled is not a property of TerwayNodePoolProps (its properties: ');
  interface TeamPoolProps extends ExclusiveEniNodePoolProps { readonly team: string }
  class TeamPool extends ExclusiveEniNodePool {
    constructor(scope: TerwayCluster, id: string, props: TeamPoolProps) {
      super(scope, id, props);
    }
  }
  expect(build((c) => new TeamPool(c, 'Pool', { ...pool, cluster: c, team: 'db' }))).not.toThrow();
});

test('the KubernetesManifests of a fixed-vSwitch pool are checked by shape (the pool does not load cdk8s)', () => {
  const s = stack();
  const terway = new TerwayCluster(s, 'Cluster', clusterProps);
  const props = { cluster: terway, nodePoolName: 'fixed', instanceTypes: ['ecs.g7.xlarge'], configName: 'eni-config-fixed', vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.64.0/24' }] };
  expect(() => new FixedVSwitchNodePool(s, 'Bad', { ...props, configMapManifests: terway } as never))
    .toThrow('network/Bad: configMapManifests must be a KubernetesManifests, got ');
  const manifests = new KubernetesManifests(s, 'Manifests', { cdk8sApp: new Cdk8sApp(), provider: new KubernetesProvider(s, 'k8s') });
  expect(() => new FixedVSwitchNodePool(s, 'Good', { ...props, configMapManifests: manifests })).not.toThrow();
});
