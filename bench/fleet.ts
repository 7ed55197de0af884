/**
 * The fleet generator of the benchmark (and of the engine's counter test): 3 zones, P
 * PodNetworking planes with their pod vSwitches and security groups (every tenth an
 * exclusive-ENI plane), W workloads spread over N namespaces (each selected by one plane;
 * every tenth with a pod EIP), K node pools (20 % exclusive-ENI pools, 10 % fixed-vSwitch
 * pools with their ConfigMap and one workload each). The same fleet is built twice: with
 * the library, and as a raw baseline that creates the same Terraform resources and
 * Kubernetes objects with the generated classes directly and checks nothing.
 */
import * as fs from 'fs';
import { manifest, provider as k8s } from '@cdktf/provider-kubernetes';
import { ApiObject, App as Cdk8sApp, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { App, ITerraformDependable, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Acknowledgements, alicloud, ClusterObjectsStack, ExclusiveEniNodePool, ExclusiveEniPlane, ExclusiveEniPoolInfo, FixedVSwitchConfig,
  FixedVSwitchNodePool, FixedVSwitchPoolInfo, KubernetesManifests, PlaneVSwitch, PodEipWorkloads, PodNetworkingPlane,
  PodNetworkingPlaneResources, TerwayCluster, TerwayClusterInfo, TerwayNodePool,
} from '../src';
import { PodNetworking, PodNetworkingSpecAllocationTypeType, PodNetworkingSpecEniOptionsEniType } from '../src/generated/k8s/network.alibabacloud.com';

/** Size of a generated fleet. */
export interface FleetSize {
  /** PodNetworking planes. */
  readonly planes: number;
  /** Workloads (Deployments). */
  readonly workloads: number;
  /** Namespaces. */
  readonly namespaces: number;
  /** Node pools. */
  readonly nodePools: number;
  /**
   * Of the node pools, fixed-vSwitch pools with their FixedVSwitchConfig and one workload each
   * (in the one-deploy path's ClusterObjectsStack, after their ConfigMap).
   * @default - 10 % of nodePools
   */
  readonly fixedPools?: number;
  /**
   * Of the node pools, exclusive-ENI pools; every tenth plane is an exclusive-ENI plane on one of them.
   * @default - 20 % of nodePools
   */
  readonly exclusivePools?: number;
}

/** How the node pools, planes and workloads of a fleet are split among the node modes. */
export interface FleetMix {
  readonly exclusivePools: number;
  readonly fixedPools: number;
  readonly regularPools: number;
  /** Whether plane p is an exclusive-ENI plane (every tenth, when there is an exclusive pool). */
  readonly eniPlane: (p: number) => boolean;
  /** Whether workload w gets a pod EIP (every tenth). */
  readonly eip: (w: number) => boolean;
}

export function fleetMix(size: FleetSize): FleetMix {
  const exclusivePools = size.exclusivePools ?? Math.round(size.nodePools * 0.2);
  const fixedPools = size.fixedPools ?? Math.round(size.nodePools * 0.1);
  return {
    exclusivePools,
    fixedPools,
    regularPools: Math.max(0, size.nodePools - exclusivePools - fixedPools),
    eniPlane: (p) => exclusivePools > 0 && p % 10 === 9,
    eip: (w) => w % 10 === 5,
  };
}

export const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];
export const PLANE_LABEL = 'fleet.example.com/plane';

/** The n-th /19 block of 10.0.0.0/8 (blocks 0–5 are the cluster's node and pod vSwitches). */
function block(n: number): string {
  return `10.${Math.floor(n / 8)}.${(n % 8) * 32}.0/19`;
}

const planeName = (p: number) => `plane-${p}`;
const exclusivePoolName = (k: number) => `exclusive-${k}`;
const fixedConfigName = (k: number) => `eni-config-fixed-${k}`;
const EXCLUSIVE_LABEL = { key: 'k8s.aliyun.com/exclusive-mode-eni-type', value: 'eniOnly' };
/** Exclusive ENI pools need more than six ENIs per node (TW-EXCL-001). */
const EXCLUSIVE_INSTANCE_TYPE = 'ecs.g7.4xlarge';
/** Fixed pools' dedicated vSwitches start here (after every plane's blocks at S2). */
const FIXED_BLOCK = 1500;
const namespaceName = (n: number) => `team-${n}`;
const fakeId = (prefix: string, n: number) => `${prefix}-bp1${n.toString(16).padStart(17, '0')}`;

/** A plane's IDs: Terraform references (one deploy) or literal IDs (GitOps, read back from outputs). */
interface PlaneIds {
  readonly vSwitches: PlaneVSwitch[];
  readonly securityGroupIds: string[];
}

export function literalPlaneIds(p: number): PlaneIds {
  return {
    vSwitches: ZONES.map((zoneId, z) => ({ vswitchId: fakeId('vsw', 3 * p + z), zoneId })),
    securityGroupIds: [fakeId('sg', p)],
  };
}

/** The cluster as the GitOps path reads it back from the outputs (with the fleet's pools). */
export function literalClusterInfo(size: FleetSize = { planes: 0, workloads: 0, namespaces: 0, nodePools: 0 }): TerwayClusterInfo {
  const mix = fleetMix(size);
  const exclusiveEniNodePools: ExclusiveEniPoolInfo[] = Array.from({ length: mix.exclusivePools }, (_, k) => ({
    nodePoolName: exclusivePoolName(k),
    nodeLabels: { [EXCLUSIVE_LABEL.key]: EXCLUSIVE_LABEL.value },
    taints: [{ ...EXCLUSIVE_LABEL, effect: 'NoSchedule' }],
  }));
  const fixedVSwitchNodePools: FixedVSwitchPoolInfo[] = Array.from({ length: mix.fixedPools }, (_, k) => ({
    configName: fixedConfigName(k),
    nodePoolName: `fixed-${k}`,
    zoneIds: [...ZONES],
    vSwitchIds: Object.fromEntries(ZONES.map((zoneId, z) => [zoneId, [fakeId('vsw', 300000 + 3 * k + z)]])),
    taints: [{ key: 'terway-config', value: fixedConfigName(k), effect: 'NoSchedule' }],
    allowlistCidrs: ZONES.map((_z, z) => block(FIXED_BLOCK + 3 * k + z)),
  }));
  return {
    clusterId: 'c0123456789abcdef0123456789abcdef',
    zones: ZONES.map((zoneId, z) => ({ zoneId, nodeVSwitchIds: [fakeId('vsw', 100000 + z)], podVSwitchIds: [fakeId('vsw', 200000 + z)] })),
    trunkEniEnabled: true,
    networkPolicyEnabled: true,
    exclusiveEniNodePools,
    fixedVSwitchNodePools,
  };
}

// --- Library ------------------------------------------------------------------------------

/** The cloud side with the library: cluster, plane resources, regular and exclusive-ENI node pools. */
export function libraryCloud(app: App, size: FleetSize): { stack: TerraformStack; cluster: TerwayCluster; planes: PlaneIds[] } {
  const mix = fleetMix(size);
  const stack = new TerraformStack(app, 'fleet');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const cluster = new TerwayCluster(stack, 'Cluster', {
    clusterName: 'fleet',
    kubernetesVersion: '1.33.1-aliyun.1',
    vpc: { cidrBlock: '10.0.0.0/8' },
    zones: ZONES.map((zoneId, z) => ({ zoneId, nodeVSwitches: [{ cidrBlock: block(z) }], podVSwitches: [{ cidrBlock: block(3 + z) }] })),
    serviceCidr: '172.19.0.0/20',
  });
  const planes = Array.from({ length: size.planes }, (_, p) => {
    const resources = new PodNetworkingPlaneResources(stack, `Plane${p}`, {
      cluster, planeName: planeName(p), vSwitches: ZONES.map((zoneId, z) => ({ zoneId, cidrBlock: block(6 + 3 * p + z) })),
    });
    return { vSwitches: resources.planeVSwitches, securityGroupIds: resources.securityGroupIds };
  });
  for (let k = 0; k < mix.regularPools; k++) new TerwayNodePool(stack, `Pool${k}`, { cluster, nodePoolName: `pool-${k}`, instanceTypes: ['ecs.g7.xlarge'] });
  for (let k = 0; k < mix.exclusivePools; k++) {
    new ExclusiveEniNodePool(stack, `Exclusive${k}`, { cluster, nodePoolName: exclusivePoolName(k), instanceTypes: [EXCLUSIVE_INSTANCE_TYPE] });
  }
  return { stack, cluster, planes };
}

/**
 * The fixed-vSwitch node pools: in the cloud stack for GitOps (the ConfigMap is applied by
 * GitOps first), in the objects stack after their ConfigMap's manifest for one deploy.
 */
function libraryFixedPools(scope: Construct, cluster: TerwayCluster, size: FleetSize, manifests?: KubernetesManifests): void {
  for (let k = 0; k < fleetMix(size).fixedPools; k++) {
    const pool = new FixedVSwitchNodePool(scope, `Fixed${k}`, {
      cluster,
      nodePoolName: `fixed-${k}`,
      instanceTypes: ['ecs.g7.xlarge'],
      configName: fixedConfigName(k),
      vSwitches: ZONES.map((zoneId, z) => ({ zoneId, cidrBlock: block(FIXED_BLOCK + 3 * k + z) })),
      configMapManifests: manifests,
    });
    if (!manifests) Acknowledgements.of(pool).add('TW-FIXED-009', 'benchmark fleet: GitOps applies the ConfigMap first');
  }
}

/**
 * The cluster side with the library: planes (every tenth an ExclusiveEniPlane), namespaces,
 * workloads joined to the planes (every tenth with a pod EIP), and a FixedVSwitchConfig with
 * one workload per fixed-vSwitch pool of `cluster`.
 */
export function libraryCluster(app: Cdk8sApp, size: FleetSize, cluster: TerwayClusterInfo, ids: (p: number) => PlaneIds): PodNetworkingPlane[] {
  const mix = fleetMix(size);
  const exclusive = cluster.exclusiveEniNodePools ?? [];
  const planesChart = new Chart(app, 'planes');
  Acknowledgements.of(planesChart).add('TW-PN-015', 'benchmark fleet: NetworkPolicies are managed elsewhere');
  const planes = Array.from({ length: size.planes }, (_, p) => {
    const props = { name: planeName(p), cluster, podSelector: { matchLabels: { [PLANE_LABEL]: planeName(p) } }, ...ids(p) };
    return mix.eniPlane(p) && exclusive.length > 0
      ? new ExclusiveEniPlane(planesChart, `Plane${p}`, { ...props, pool: exclusive[p % exclusive.length] })
      : new PodNetworkingPlane(planesChart, `Plane${p}`, props);
  });
  let eips: PodEipWorkloads | undefined;
  workloadCharts(app, size, (deployment, p, w) => {
    planes[p].addWorkload(deployment);
    if (mix.eip(w)) (eips ??= new PodEipWorkloads(Chart.of(deployment), 'Eips', { cluster })).addWorkload(deployment, { bandwidth: 5 });
  });
  const fixedChart = new Chart(app, 'fixed');
  (cluster.fixedVSwitchNodePools ?? []).forEach((pool, k) => {
    const config = new FixedVSwitchConfig(fixedChart, `Fixed${k}`, { name: pool.configName, pool });
    config.addWorkload(fixedWorkload(fixedChart, k));
  });
  return planes;
}

function fixedWorkload(chart: Chart, k: number): kplus.Deployment {
  return new kplus.Deployment(chart, `FixedApp${k}`, {
    metadata: { name: `fixed-app-${k}` }, containers: [{ image: 'nginx:1.27', securityContext: { ensureNonRoot: false } }],
  });
}

/**
 * The namespaces and workloads, in one chart (cdk8s validates the whole app once per chart
 * it renders, so a chart per namespace would make cdk8s itself quadratic, for both
 * variants); `join` makes workload w join plane w mod P.
 */
function workloadCharts(app: Cdk8sApp, size: FleetSize, join: (d: kplus.Deployment, plane: number, workload: number) => void): void {
  const chart = new Chart(app, 'workloads');
  for (let n = 0; n < size.namespaces; n++) new kplus.Namespace(chart, `Namespace${n}`, { metadata: { name: namespaceName(n) } });
  for (let w = 0; w < size.workloads; w++) {
    const deployment = new kplus.Deployment(chart, `App${w}`, {
      metadata: { name: `app-${w}`, namespace: namespaceName(w % size.namespaces) },
      containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }],
    });
    join(deployment, w % size.planes, w);
  }
}

/** GitOps path with the library: the cdktf app and a separate cdk8s app, both synthesized. */
export function libraryGitOps(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir: `${outdir}/tf` });
  const { stack, cluster } = libraryCloud(app, size);
  libraryFixedPools(stack, cluster, size);
  app.synth();
  const manifests = new Cdk8sApp({ outdir: `${outdir}/k8s` });
  libraryCluster(manifests, size, literalClusterInfo(size), literalPlaneIds);
  manifests.synth();
}

/**
 * One-deploy path with the library: one cdktf app, the cloud stack and a ClusterObjectsStack
 * delivering the manifests as kubernetes_manifest (with cross-stack references) and holding
 * the fixed-vSwitch pools, each after its ConfigMap.
 */
export function libraryOneDeploy(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const { cluster, planes } = libraryCloud(app, size);
  const objects = new ClusterObjectsStack(app, 'fleet-objects', { cluster });
  Acknowledgements.of(objects).add('TW-DEPLOY-002', 'benchmark');
  libraryFixedPools(objects, cluster, size, objects.manifests);
  libraryCluster(objects.cdk8sApp, size, cluster.clusterInfo, (p) => planes[p]);
  app.synth();
}

// --- Raw baseline -------------------------------------------------------------------------

/**
 * A fixed-vSwitch pool of the baseline in `scope`: its vSwitches with SNAT (IDs returned), and
 * `pool` adds the node pool (after `after`).
 */
type BaselineFixedPool = (scope: Construct, k: number) => { vSwitchIds: string[]; pool: (after?: ITerraformDependable) => void };

/** The same Terraform resources with the generated classes, no checks. */
export function baselineCloud(app: App, size: FleetSize): { stack: TerraformStack; planes: PlaneIds[]; fixedPool: BaselineFixedPool } {
  const mix = fleetMix(size);
  const stack = new TerraformStack(app, 'fleet');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const vpc = new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/8', vpcName: 'fleet' });
  const vswitch = (scope: Construct, id: string, zoneId: string, n: number) =>
    new alicloud.vswitch.Vswitch(scope, id, { vpcId: vpc.id, zoneId, cidrBlock: block(n), vswitchName: id });
  const nodeVsw = ZONES.map((z, i) => vswitch(stack, `NodeVSwitch${i}`, z, i));
  const podVsw = ZONES.map((z, i) => vswitch(stack, `PodVSwitch${i}`, z, 3 + i));
  const nat = new alicloud.natGateway.NatGateway(stack, 'Nat', {
    vpcId: vpc.id, vswitchId: nodeVsw[0].id, natType: 'Enhanced', paymentType: 'PayAsYouGo', networkType: 'internet',
  });
  const eip = new alicloud.eipAddress.EipAddress(stack, 'Eip', { bandwidth: '100', internetChargeType: 'PayByTraffic' });
  const assoc = new alicloud.eipAssociation.EipAssociation(stack, 'EipAssoc', { allocationId: eip.id, instanceId: nat.id, instanceType: 'Nat' });
  const snat = (scope: Construct, id: string, source: alicloud.vswitch.Vswitch) =>
    new alicloud.snatEntry.SnatEntry(scope, id, {
      snatTableId: nat.snatTableIds, sourceVswitchId: source.id, snatIp: eip.ipAddress, dependsOn: [assoc],
    });
  [...nodeVsw, ...podVsw].forEach((v, i) => snat(stack, `Snat${i}`, v));
  const cluster = new alicloud.csManagedKubernetes.CsManagedKubernetes(stack, 'Cluster', {
    name: 'fleet',
    version: '1.33.1-aliyun.1',
    clusterSpec: 'ack.pro.small',
    vswitchIds: nodeVsw.map((v) => v.id),
    podVswitchIds: podVsw.map((v) => v.id),
    serviceCidr: '172.19.0.0/20',
    proxyMode: 'ipvs',
    ipStack: 'ipv4',
    enableRrsa: true,
    isEnterpriseSecurityGroup: true,
    newNatGateway: false,
    addons: [{ name: 'terway-eniip', config: '{"ENITrunking":"true","IPVlan":"false","NetworkPolicy":"true"}' }, { name: 'terway-controlplane', config: '{"ENITrunking":"true"}' }],
  });
  new TerraformOutput(stack, 'cluster_id', { value: cluster.id });
  const planes = Array.from({ length: size.planes }, (_, p) => {
    const scope = new Construct(stack, `Plane${p}`);
    const vsws = ZONES.map((z, i) => vswitch(scope, `VSwitch${i}`, z, 6 + 3 * p + i));
    vsws.forEach((v, i) => snat(scope, `Snat${i}`, v));
    const sg = new alicloud.securityGroup.SecurityGroup(scope, 'SecurityGroup', { vpcId: vpc.id, securityGroupName: `${planeName(p)}-pods` });
    new alicloud.securityGroupRule.SecurityGroupRule(scope, 'Ingress', {
      securityGroupId: sg.id, type: 'ingress', ipProtocol: 'all', portRange: '-1/-1', cidrIp: '10.0.0.0/8', nicType: 'intranet', policy: 'accept',
    });
    new TerraformOutput(scope, 'VSwitchIds', { value: vsws.map((v) => v.id) });
    new TerraformOutput(scope, 'SecurityGroupIds', { value: [sg.id] });
    return { vSwitches: vsws.map((v, i) => ({ vswitchId: v.id, zoneId: ZONES[i] })), securityGroupIds: [sg.id] };
  });
  const nodePool = (scope: Construct, id: string, name: string, extra: Partial<alicloud.csKubernetesNodePool.CsKubernetesNodePoolConfig> = {}) =>
    new alicloud.csKubernetesNodePool.CsKubernetesNodePool(scope, id, {
      clusterId: cluster.id,
      nodePoolName: name,
      vswitchIds: nodeVsw.map((v) => v.id),
      instanceTypes: ['ecs.g7.xlarge'],
      desiredSize: '2',
      systemDiskCategory: 'cloud_essd',
      systemDiskSize: 120,
      ...extra,
    });
  for (let k = 0; k < mix.regularPools; k++) nodePool(stack, `Pool${k}`, `pool-${k}`);
  for (let k = 0; k < mix.exclusivePools; k++) {
    nodePool(stack, `Exclusive${k}`, exclusivePoolName(k), { instanceTypes: [EXCLUSIVE_INSTANCE_TYPE], labels: [EXCLUSIVE_LABEL], taints: [{ ...EXCLUSIVE_LABEL, effect: 'NoSchedule' }] });
  }
  const fixedPool: BaselineFixedPool = (scope, k) => {
    const vsws = ZONES.map((z, i) => vswitch(scope, `Fixed${k}VSwitch${i}`, z, FIXED_BLOCK + 3 * k + i));
    vsws.forEach((v, i) => snat(scope, `Fixed${k}Snat${i}`, v));
    new TerraformOutput(scope, `Fixed${k}AllowlistCidrs`, { value: ZONES.map((_z, i) => block(FIXED_BLOCK + 3 * k + i)) });
    const config = { key: 'terway-config', value: fixedConfigName(k) };
    return {
      vSwitchIds: vsws.map((v) => v.id),
      pool: (after) => nodePool(scope, `Fixed${k}`, `fixed-${k}`, { labels: [config], taints: [{ ...config, effect: 'NoSchedule' }], dependsOn: after ? [after] : undefined }),
    };
  };
  return { stack, planes, fixedPool };
}

/**
 * The same Kubernetes objects: PodNetworking from the generated CRD class (eniType ENI for the
 * exclusive planes), namespaces, workloads with their plane label, tolerations and EIP
 * annotations, and per fixed pool its ConfigMap and workload.
 */
export function baselineCluster(app: Cdk8sApp, size: FleetSize, ids: (p: number) => PlaneIds, fixedVSwitchIds: (k: number) => string[]): void {
  const mix = fleetMix(size);
  const planesChart = new Chart(app, 'planes');
  for (let p = 0; p < size.planes; p++) {
    const { vSwitches, securityGroupIds } = ids(p);
    new PodNetworking(planesChart, `Plane${p}`, {
      metadata: { name: planeName(p) },
      spec: {
        eniOptions: { eniType: mix.eniPlane(p) ? PodNetworkingSpecEniOptionsEniType.ENI : PodNetworkingSpecEniOptionsEniType.DEFAULT },
        allocationType: { type: PodNetworkingSpecAllocationTypeType.ELASTIC },
        selector: { podSelector: { matchLabels: { [PLANE_LABEL]: planeName(p) } } },
        securityGroupIDs: securityGroupIds,
        vSwitchOptions: vSwitches.map((v) => v.vswitchId),
      },
    });
  }
  workloadCharts(app, size, (d, p, w) => {
    d.podMetadata.addLabel(PLANE_LABEL, planeName(p));
    const patches: JsonPatch[] = [];
    if (mix.eniPlane(p)) patches.push(JsonPatch.add('/spec/template/spec/tolerations', [{ ...EXCLUSIVE_LABEL, operator: 'Equal', effect: 'NoSchedule' }]));
    if (mix.eip(w)) {
      d.podMetadata.addAnnotation('network.alibabacloud.com/pod-with-eip', 'true');
      d.podMetadata.addAnnotation('network.alibabacloud.com/eip-bandwidth', '5');
      patches.push(JsonPatch.add('/spec/template/spec/readinessGates', [{ conditionType: 'k8s.aliyun.com/eip' }]));
    }
    if (patches.length > 0) ApiObject.of(d).addJsonPatch(...patches);
  });
  const fixedChart = new Chart(app, 'fixed');
  for (let k = 0; k < mix.fixedPools; k++) {
    const name = fixedConfigName(k);
    new ApiObject(fixedChart, `Fixed${k}`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'kube-system' },
      data: { eni_conf: JSON.stringify({ vswitches: Object.fromEntries(ZONES.map((z, i) => [z, [fixedVSwitchIds(k)[i]]])) }, undefined, 2) },
    });
    ApiObject.of(fixedWorkload(fixedChart, k)).addJsonPatch(
      JsonPatch.add('/spec/template/spec/nodeSelector', { 'terway-config': name }),
      JsonPatch.add('/spec/template/spec/tolerations', [{ key: 'terway-config', operator: 'Equal', value: name, effect: 'NoSchedule' }]));
  }
}

export function baselineGitOps(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir: `${outdir}/tf` });
  const { stack, fixedPool } = baselineCloud(app, size);
  for (let k = 0; k < fleetMix(size).fixedPools; k++) fixedPool(stack, k).pool();
  app.synth();
  const manifests = new Cdk8sApp({ outdir: `${outdir}/k8s` });
  const info = literalClusterInfo(size).fixedVSwitchNodePools ?? [];
  baselineCluster(manifests, size, literalPlaneIds, (k) => ZONES.map((z) => info[k].vSwitchIds[z][0]));
  manifests.synth();
}

export function baselineOneDeploy(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const { planes, fixedPool } = baselineCloud(app, size);
  // The same two-stack layout as the library's (cross-stack references), without its checks or ordering.
  const objects = new TerraformStack(app, 'fleet-objects');
  new alicloud.provider.AlicloudProvider(objects, 'alicloud', { region: 'cn-hangzhou' });
  const manifests = new Cdk8sApp();
  const fixed = Array.from({ length: fleetMix(size).fixedPools }, (_, k) => fixedPool(objects, k));
  baselineCluster(manifests, size, (p) => planes[p], (k) => fixed[k].vSwitchIds);
  const provider = new k8s.KubernetesProvider(objects, 'kubernetes', {});
  const scope = new Construct(objects, 'Manifests');
  const configMaps = new Map<string, manifest.Manifest>();
  for (const chart of manifests.charts) {
    for (const obj of chart.toJson()) {
      const resource = new manifest.Manifest(scope, `${obj.kind}-${obj.metadata?.namespace ?? 'cluster'}-${obj.metadata?.name}`, { provider, manifest: obj });
      if (obj.kind === 'ConfigMap') configMaps.set(obj.metadata.name, resource);
    }
  }
  fixed.forEach((f, k) => f.pool(configMaps.get(fixedConfigName(k))));
  app.synth();
}
