import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import * as fc from 'fast-check';
import { buildOneDeployApp as buildNodeModesOneDeployApp } from '../../examples/node-modes/one-deploy';
import { buildPodEipCloudApp } from '../../examples/pod-eip/cloud';
import { buildOneDeployApp as buildPodNetworkingOneDeployApp } from '../../examples/pod-networking/one-deploy';
import { buildApp as buildClusterApp } from '../../examples/terway-cluster/main';
import {
  Acknowledgements, alicloud, ClusterObjectsStack, ExclusiveEniNodePool, FixedVSwitchConfig, FixedVSwitchNodePool, PodEipPolicy,
  PodNetworkingPlane, PodNetworkingPlaneResources, TerwayCluster,
} from '../../src';
import { deployOrderProblems, StackJson, stacksInDeployOrder } from '../support/deploy-order';
import { tmpdir } from '../support/files';

/** Synthesizes `app` (as `cdktf synth` does) and returns its stacks in `cdktf deploy` order. */
function synthesized(build: (outdir: string) => App): StackJson[] {
  const outdir = tmpdir('one-deploy-order-');
  build(outdir).synth();
  return stacksInDeployOrder(outdir);
}

describe('every example deploys in `cdktf deploy` order', () => {
  test.each([
    ['terway-cluster', (o: string) => buildClusterApp(o), ['terway-cluster']],
    ['pod-networking one deploy', (o: string) => buildPodNetworkingOneDeployApp(o), ['pod-networking', 'pod-networking-objects']],
    ['node-modes one deploy', (o: string) => buildNodeModesOneDeployApp(o), ['node-modes', 'node-modes-objects']],
    ['pod-eip with helm_release', (o: string) => buildPodEipCloudApp(o), ['pod-eip', 'pod-eip-objects']],
  ])('%s', (_, build, order) => {
    const stacks = synthesized(build);
    expect(stacks.map((s) => s.name)).toEqual(order);
    expect(deployOrderProblems(stacks)).toEqual([]);
  });
});

/** What a generated app holds. */
interface AppShape {
  readonly planes: number;
  readonly namespaces: number;
  readonly workloads: Array<{ plane?: number; namespace?: number; fixedPool?: number }>;
  readonly exclusivePool: boolean;
  readonly fixedPools: number;
  readonly eip: boolean;
}

const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i'];

/** A cloud stack and a ClusterObjectsStack with the shape's planes, pools, namespaces and workloads. */
function generatedApp(shape: AppShape, outdir: string): App {
  const app = new App({ outdir });
  const cloud = new TerraformStack(app, 'cloud');
  new LocalBackend(cloud, { path: '../cloud/terraform.cloud.tfstate' });
  new alicloud.provider.AlicloudProvider(cloud, 'alicloud', { region: 'cn-hangzhou' });
  const cluster = new TerwayCluster(cloud, 'Cluster', {
    clusterName: 'generated',
    kubernetesVersion: '1.33.1-aliyun.1',
    vpc: { cidrBlock: '10.0.0.0/8' },
    zones: ZONES.map((zoneId, z) => ({ zoneId, nodeVSwitches: [{ cidrBlock: `10.${z}.0.0/16` }], podVSwitches: [{ cidrBlock: `10.${10 + z}.0.0/16` }] })),
  });
  const planeResources = Array.from({ length: shape.planes }, (_, p) => new PodNetworkingPlaneResources(cloud, `Plane${p}`, {
    cluster, planeName: `plane-${p}`, vSwitches: ZONES.map((zoneId, z) => ({ zoneId, cidrBlock: `10.${20 + 2 * p + z}.0.0/16` })),
  }));
  if (shape.exclusivePool) new ExclusiveEniNodePool(cloud, 'Exclusive', { cluster, nodePoolName: 'exclusive', instanceTypes: ['ecs.g7.4xlarge'] });

  const objects = new ClusterObjectsStack(app, 'objects', { cluster });
  new LocalBackend(objects, { path: 'terraform.objects.tfstate' });
  Acknowledgements.of(objects).add('TW-DEPLOY-002', 'generated app');
  const chart = new Chart(objects.cdk8sApp, 'objects');
  const fixed = Array.from({ length: shape.fixedPools }, (_, k) => {
    const pool = new FixedVSwitchNodePool(objects, `Fixed${k}`, {
      cluster,
      nodePoolName: `fixed-${k}`,
      instanceTypes: ['ecs.g7.xlarge'],
      configName: `eni-config-fixed-${k}`,
      vSwitches: ZONES.map((zoneId, z) => ({ zoneId, cidrBlock: `10.${100 + 2 * k + z}.0.0/24` })),
      configMapManifests: objects.manifests,
    });
    return new FixedVSwitchConfig(chart, `Fixed${k}`, { name: pool.configName, pool: pool.schedulingInfo });
  });
  const planes = planeResources.map((r, p) => {
    const plane = new PodNetworkingPlane(chart, `Plane${p}`, {
      name: `plane-${p}`,
      cluster: cluster.clusterInfo,
      podSelector: { matchLabels: { plane: `plane-${p}` } },
      vSwitches: r.planeVSwitches,
      securityGroupIds: r.securityGroupIds,
    });
    Acknowledgements.of(plane).add('TW-PN-015', 'generated app');
    return plane;
  });
  const namespaces = Array.from({ length: shape.namespaces }, (_, n) => new kplus.Namespace(chart, `Ns${n}`, { metadata: { name: `ns-${n}` } }));
  if (shape.eip) {
    new PodEipPolicy(objects, 'PodEip', {
      cluster,
      controller: { chartVersion: 'v0.12.2', regionId: 'cn-hangzhou' },
      helmRelease: { repository: 'oci://registry.example.com/ack-mirror', namespace: 'kube-system', provider: objects.helmProvider() },
    });
  }
  shape.workloads.forEach((w, i) => {
    const d = new kplus.Deployment(chart, `Workload${i}`, {
      metadata: { name: `workload-${i}`, namespace: w.namespace === undefined ? undefined : namespaces[w.namespace].name },
      containers: [{ image: 'nginx:1.27', securityContext: { ensureNonRoot: false } }],
    });
    if (w.plane !== undefined) planes[w.plane].addWorkload(d);
    else if (w.fixedPool !== undefined) fixed[w.fixedPool].addWorkload(d);
    if (shape.eip && i % 2 === 0) d.podMetadata.addAnnotation('network.alibabacloud.com/pod-with-eip', 'true');
  });
  return app;
}

const shapes: fc.Arbitrary<AppShape> = fc.record({
  planes: fc.integer({ min: 0, max: 2 }),
  namespaces: fc.integer({ min: 0, max: 2 }),
  exclusivePool: fc.boolean(),
  fixedPools: fc.integer({ min: 0, max: 2 }),
  eip: fc.boolean(),
  workloads: fc.array(fc.record({
    plane: fc.option(fc.nat(), { nil: undefined }),
    namespace: fc.option(fc.nat(), { nil: undefined }),
    fixedPool: fc.option(fc.nat(), { nil: undefined }),
  }), { maxLength: 5 }),
}).map((s) => ({
  ...s,
  // Indexes into what exists; a workload joins a plane or a fixed pool, not both.
  workloads: s.workloads.map((w) => ({
    plane: s.planes > 0 && w.plane !== undefined ? w.plane % s.planes : undefined,
    namespace: s.namespaces > 0 && w.namespace !== undefined ? w.namespace % s.namespaces : undefined,
    fixedPool: s.fixedPools > 0 && w.fixedPool !== undefined && (s.planes === 0 || w.plane === undefined) ? w.fixedPool % s.fixedPools : undefined,
  })),
}));

describe('generated apps deploy in `cdktf deploy` order', () => {
  test('no stack needs a resource of its own stack to plan; every object is ordered after what it uses', () => {
    fc.assert(fc.property(shapes, (shape) => {
      const stacks = synthesized((o) => generatedApp(shape, o));
      expect(stacks.map((s) => s.name)).toEqual(['cloud', 'objects']);
      expect(deployOrderProblems(stacks)).toEqual([]);
    }), { numRuns: 6 });
  });
});

describe('the order checker finds what breaks a deploy (inputs written as cdktf writes them)', () => {
  const manifest = (kind: string, name: string, extra: object = {}) => ({ manifest: { apiVersion: 'v1', kind, metadata: { name }, ...extra } });

  test('the single-stack layout: manifests next to the cluster, provider from it, no depends_on', () => {
    const stacks: StackJson[] = [{
      name: 'one',
      dependencies: [],
      json: {
        provider: { kubernetes: [{ host: '${alicloud_cs_managed_kubernetes.Cluster.connections.api_server_internet}' }] },
        resource: {
          alicloud_cs_managed_kubernetes: { Cluster: { name: 'c' } },
          alicloud_cs_kubernetes_node_pool: { Fixed: { cluster_id: '${alicloud_cs_managed_kubernetes.Cluster.id}', labels: [{ key: 'terway-config', value: 'eni-config-fixed' }] } },
          kubernetes_manifest: {
            Ns: manifest('Namespace', 'apps'),
            Cm: { manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'eni-config-fixed', namespace: 'kube-system' } } },
            Plane: { manifest: { apiVersion: 'network.alibabacloud.com/v1beta1', kind: 'PodNetworking', metadata: { name: 'p' }, spec: { selector: { podSelector: { matchLabels: { plane: 'p' } } } } } },
            Web: {
              manifest: {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                metadata: { name: 'web', namespace: 'apps' },
                spec: { template: { metadata: { labels: { plane: 'p' } }, spec: { nodeSelector: { 'terway-config': 'eni-config-fixed' }, containers: [] } } },
              },
            },
          },
        },
      },
    }];
    const problems = deployOrderProblems(stacks);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/provider kubernetes is configured from alicloud_cs_managed_kubernetes\.Cluster/),
      expect.stringMatching(/kubernetes_manifest\/helm_release planned next to alicloud_cs_managed_kubernetes\.Cluster/),
      expect.stringMatching(/kubernetes_manifest\.Web \(Deployment\) may be created before its Namespace apps/),
      expect.stringMatching(/workload kubernetes_manifest\.Web may start before plane p/),
      expect.stringMatching(/workload kubernetes_manifest\.Web may start before ConfigMap kube-system\/eni-config-fixed/),
      expect.stringMatching(/node pool alicloud_cs_kubernetes_node_pool\.Fixed .* before ConfigMap kube-system\/eni-config-fixed/),
    ]));
  });

  test('a relative local state path the reading stack resolves elsewhere', () => {
    const stacks: StackJson[] = [
      { name: 'cloud', dependencies: [], json: { terraform: { backend: { local: { path: 'terraform.cloud.tfstate' } } } } },
      {
        name: 'objects',
        dependencies: ['cloud'],
        json: { data: { terraform_remote_state: { 'cross-stack-reference-input-cloud': { backend: 'local', config: { path: 'terraform.cloud.tfstate' } } } } },
      },
    ];
    expect(deployOrderProblems(stacks)).toEqual([
      'objects: reads the state of cloud at stacks/objects/terraform.cloud.tfstate, but cloud writes stacks/cloud/terraform.cloud.tfstate',
    ]);
  });

  test('a stack reading another that is not applied before it, and a credential read in the cluster\'s stack', () => {
    const stacks: StackJson[] = [
      { name: 'a', dependencies: [], json: { data: { terraform_remote_state: { 'cross-stack-reference-input-b': {} } } } },
      {
        name: 'b',
        dependencies: [],
        json: {
          resource: { alicloud_cs_managed_kubernetes: { C: {} } },
          data: { alicloud_cs_cluster_credential: { K: { cluster_id: '${alicloud_cs_managed_kubernetes.C.id}' } } },
        },
      },
    ];
    expect(deployOrderProblems(stacks)).toEqual([
      'a: reads stack b, which is not applied before it',
      'b: data.alicloud_cs_cluster_credential.K reads alicloud_cs_managed_kubernetes.C of the same stack',
    ]);
  });
});
