/**
 * The fleet generator of the benchmark (and of the engine's counter test): 3 zones, P
 * PodNetworking planes with their pod vSwitches and security groups, W workloads spread
 * over N namespaces (each selected by one plane), K node pools. The same fleet is built
 * twice: with the library, and as a raw baseline that creates the same Terraform
 * resources and Kubernetes objects with the generated classes directly and checks nothing.
 */
import * as fs from 'fs';
import { manifest, provider as k8s } from '@cdktf/provider-kubernetes';
import { App as Cdk8sApp, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Acknowledgements, alicloud, ClusterObjectsStack, FixedVSwitchConfig, FixedVSwitchNodePool, PlaneVSwitch, PodNetworkingPlane,
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
   * Fixed-vSwitch node pools with their FixedVSwitchConfig and one workload each, in the
   * one-deploy path's ClusterObjectsStack (the library variant only; the counter test uses it).
   * @default 0
   */
  readonly fixedPools?: number;
}

export const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];
export const PLANE_LABEL = 'fleet.example.com/plane';

/** The n-th /19 block of 10.0.0.0/8 (blocks 0–5 are the cluster's node and pod vSwitches). */
function block(n: number): string {
  return `10.${Math.floor(n / 8)}.${(n % 8) * 32}.0/19`;
}

const planeName = (p: number) => `plane-${p}`;
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

export function literalClusterInfo(): TerwayClusterInfo {
  return {
    clusterId: 'c0123456789abcdef0123456789abcdef',
    zones: ZONES.map((zoneId, z) => ({ zoneId, nodeVSwitchIds: [fakeId('vsw', 100000 + z)], podVSwitchIds: [fakeId('vsw', 200000 + z)] })),
    trunkEniEnabled: true,
    networkPolicyEnabled: true,
  };
}

// --- Library ------------------------------------------------------------------------------

/** The cloud side with the library: cluster, plane resources and node pools. */
export function libraryCloud(app: App, size: FleetSize): { stack: TerraformStack; cluster: TerwayCluster; planes: PlaneIds[] } {
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
  for (let k = 0; k < size.nodePools; k++) new TerwayNodePool(stack, `Pool${k}`, { cluster, nodePoolName: `pool-${k}`, instanceTypes: ['ecs.g7.xlarge'] });
  return { stack, cluster, planes };
}

/** The cluster side with the library: planes, namespaces and workloads joined to the planes. */
export function libraryCluster(app: Cdk8sApp, size: FleetSize, cluster: TerwayClusterInfo, ids: (p: number) => PlaneIds): PodNetworkingPlane[] {
  const planesChart = new Chart(app, 'planes');
  Acknowledgements.of(planesChart).add('TW-PN-015', 'benchmark fleet: NetworkPolicies are managed elsewhere');
  const planes = Array.from({ length: size.planes }, (_, p) => new PodNetworkingPlane(planesChart, `Plane${p}`, {
    name: planeName(p), cluster, podSelector: { matchLabels: { [PLANE_LABEL]: planeName(p) } }, ...ids(p),
  }));
  workloadCharts(app, size, (deployment, p) => planes[p].addWorkload(deployment));
  return planes;
}

/**
 * The namespaces and workloads, in one chart (cdk8s validates the whole app once per chart
 * it renders, so a chart per namespace would make cdk8s itself quadratic, for both
 * variants); `join` makes workload w join plane w mod P.
 */
function workloadCharts(app: Cdk8sApp, size: FleetSize, join: (d: kplus.Deployment, plane: number) => void): void {
  const chart = new Chart(app, 'workloads');
  for (let n = 0; n < size.namespaces; n++) new kplus.Namespace(chart, `Namespace${n}`, { metadata: { name: namespaceName(n) } });
  for (let w = 0; w < size.workloads; w++) {
    const deployment = new kplus.Deployment(chart, `App${w}`, {
      metadata: { name: `app-${w}`, namespace: namespaceName(w % size.namespaces) },
      containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }],
    });
    join(deployment, w % size.planes);
  }
}

/** GitOps path with the library: the cdktf app and a separate cdk8s app, both synthesized. */
export function libraryGitOps(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir: `${outdir}/tf` });
  libraryCloud(app, size);
  app.synth();
  const manifests = new Cdk8sApp({ outdir: `${outdir}/k8s` });
  libraryCluster(manifests, size, literalClusterInfo(), literalPlaneIds);
  manifests.synth();
}

/**
 * One-deploy path with the library: one cdktf app, the cloud stack and a ClusterObjectsStack
 * delivering the manifests as kubernetes_manifest (with cross-stack references).
 */
export function libraryOneDeploy(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const { cluster, planes } = libraryCloud(app, size);
  const objects = new ClusterObjectsStack(app, 'fleet-objects', { cluster });
  Acknowledgements.of(objects).add('TW-DEPLOY-002', 'benchmark');
  libraryCluster(objects.cdk8sApp, size, cluster.clusterInfo, (p) => planes[p]);
  const fixedChart = new Chart(objects.cdk8sApp, 'fixed');
  for (let k = 0; k < (size.fixedPools ?? 0); k++) {
    const pool = new FixedVSwitchNodePool(objects, `Fixed${k}`, {
      cluster,
      nodePoolName: `fixed-${k}`,
      instanceTypes: ['ecs.g7.xlarge'],
      configName: `eni-config-fixed-${k}`,
      vSwitches: ZONES.map((zoneId, z) => ({ zoneId, cidrBlock: block(1000 + 3 * k + z) })),
      configMapManifests: objects.manifests,
    });
    const config = new FixedVSwitchConfig(fixedChart, `Fixed${k}`, { name: pool.configName, pool: pool.schedulingInfo });
    config.addWorkload(new kplus.Deployment(fixedChart, `FixedApp${k}`, {
      metadata: { name: `fixed-app-${k}` }, containers: [{ image: 'nginx:1.27', securityContext: { ensureNonRoot: false } }],
    }));
  }
  app.synth();
}

// --- Raw baseline -------------------------------------------------------------------------

/** The same Terraform resources with the generated classes, no checks. */
export function baselineCloud(app: App, size: FleetSize): { stack: TerraformStack; planes: PlaneIds[] } {
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
  for (let k = 0; k < size.nodePools; k++) {
    new alicloud.csKubernetesNodePool.CsKubernetesNodePool(stack, `Pool${k}`, {
      clusterId: cluster.id,
      nodePoolName: `pool-${k}`,
      vswitchIds: nodeVsw.map((v) => v.id),
      instanceTypes: ['ecs.g7.xlarge'],
      desiredSize: '2',
      systemDiskCategory: 'cloud_essd',
      systemDiskSize: 120,
    });
  }
  return { stack, planes };
}

/** The same Kubernetes objects: PodNetworking from the generated CRD class, namespaces, workloads. */
export function baselineCluster(app: Cdk8sApp, size: FleetSize, ids: (p: number) => PlaneIds): void {
  const planesChart = new Chart(app, 'planes');
  for (let p = 0; p < size.planes; p++) {
    const { vSwitches, securityGroupIds } = ids(p);
    new PodNetworking(planesChart, `Plane${p}`, {
      metadata: { name: planeName(p) },
      spec: {
        eniOptions: { eniType: PodNetworkingSpecEniOptionsEniType.DEFAULT },
        allocationType: { type: PodNetworkingSpecAllocationTypeType.ELASTIC },
        selector: { podSelector: { matchLabels: { [PLANE_LABEL]: planeName(p) } } },
        securityGroupIDs: securityGroupIds,
        vSwitchOptions: vSwitches.map((v) => v.vswitchId),
      },
    });
  }
  workloadCharts(app, size, (d, p) => d.podMetadata.addLabel(PLANE_LABEL, planeName(p)));
}

export function baselineGitOps(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir: `${outdir}/tf` });
  baselineCloud(app, size);
  app.synth();
  const manifests = new Cdk8sApp({ outdir: `${outdir}/k8s` });
  baselineCluster(manifests, size, literalPlaneIds);
  manifests.synth();
}

export function baselineOneDeploy(size: FleetSize, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const { planes } = baselineCloud(app, size);
  const manifests = new Cdk8sApp();
  baselineCluster(manifests, size, (p) => planes[p]);
  // The same two-stack layout as the library's (cross-stack references), without its checks or ordering.
  const objects = new TerraformStack(app, 'fleet-objects');
  const provider = new k8s.KubernetesProvider(objects, 'kubernetes', {});
  const scope = new Construct(objects, 'Manifests');
  for (const chart of manifests.charts) {
    for (const obj of chart.toJson()) {
      new manifest.Manifest(scope, `${obj.kind}-${obj.metadata?.namespace ?? 'cluster'}-${obj.metadata?.name}`, { provider, manifest: obj });
    }
  }
  app.synth();
}
