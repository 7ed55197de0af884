/** Apps and facts the network plan report tests share. */
import { App as Cdk8sApp, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { App, TerraformStack } from 'cdktf';
import { buildOneDeployApp as nodeModesApp } from '../../examples/node-modes/one-deploy';
import { NetworkPlan, PodNetworkingPlane, TerwayCluster } from '../../src';
import { buildNetworkPlan } from '../../src/domain/network-plan/build';
import { PlanFact } from '../../src/domain/network-plan/facts';
import { NetworkPlanDocument } from '../../src/domain/network-plan/model';

/** The node-modes example (one deploy): exclusive, fixed-vSwitch and trunk planes, a PodNetworking plane. */
export function nodeModesPlan(): NetworkPlan {
  return NetworkPlan.of(nodeModesApp());
}

/**
 * An app with failing rules on known objects: a /26 pod vSwitch (TW-NET-011 on that vSwitch),
 * a Service CIDR inside the VPC (TW-NET-003 on the Service CIDR), a plane without vSwitches
 * (TW-PN-007 on the plane).
 */
export function failingApp(): { app: App; k8s: Cdk8sApp } {
  const app = new App();
  const stack = new TerraformStack(app, 'broken');
  const cluster = new TerwayCluster(stack, 'Cluster', {
    clusterName: 'broken',
    kubernetesVersion: '1.33.1-aliyun.1',
    vpc: { cidrBlock: '10.0.0.0/16' },
    zones: [
      { zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ cidrBlock: '10.0.0.0/24' }], podVSwitches: [{ cidrBlock: '10.0.32.0/19' }] },
      { zoneId: 'cn-hangzhou-i', nodeVSwitches: [{ cidrBlock: '10.0.1.0/24' }], podVSwitches: [{ cidrBlock: '10.0.64.0/26' }] },
    ],
    serviceCidr: '10.0.128.0/20',
  });
  cluster.addNodePool('Workers', { nodePoolName: 'workers', instanceTypes: ['ecs.g7.xlarge'], desiredSize: 4 });
  const k8s = new Cdk8sApp();
  const chart = new Chart(k8s, 'planes');
  new PodNetworkingPlane(chart, 'Empty', {
    name: 'empty', cluster: cluster.clusterInfo, podSelector: { matchLabels: { plane: 'empty' } }, securityGroupIds: ['sg-bp1aaaaaaaaaaaaaaaaa'], vSwitches: [],
  });
  new kplus.Deployment(chart, 'Web', {
    metadata: { name: 'web' },
    podMetadata: { labels: { plane: 'empty' } },
    containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }],
  });
  return { app, k8s };
}

export const FLEET = { zones: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'], planes: 400, workloads: 4000 };

/** Facts of a fleet of 400 planes (3 vSwitches each) and 4,000 workloads, straight from the domain (no synth). */
export function fleetDocument(): NetworkPlanDocument {
  const block = (n: number) => `10.${Math.floor(n / 8)}.${(n % 8) * 32}.0/19`;
  const facts: PlanFact[] = [{
    kind: 'cluster',
    path: 'fleet/Cluster',
    name: 'fleet',
    vpcCidrs: ['10.0.0.0/8'],
    serviceCidr: '172.19.0.0/20',
    expectedPodCount: 4000 * 3,
    zones: FLEET.zones.map((zoneId, z) => ({
      zoneId,
      vSwitches: [
        { role: 'node' as const, zoneId, label: `node vSwitch #1 in ${zoneId}`, cidr: block(z) },
        { role: 'pod' as const, zoneId, label: `pod vSwitch #1 in ${zoneId}`, cidr: block(3 + z) },
      ],
    })),
  }];
  for (let p = 0; p < FLEET.planes; p++) {
    facts.push({
      kind: 'planeResources',
      path: `fleet/Plane${p}`,
      clusterPath: 'fleet/Cluster',
      planeName: `plane-${p}`,
      securityGroupIds: [`sg-${p}`],
      vSwitches: FLEET.zones.map((zoneId, z) => ({ role: 'plane' as const, zoneId, label: `plane plane-${p} vSwitch #${z + 1} in ${zoneId}`, cidr: block(6 + 3 * p + z), vswitchId: `vsw-p${p}z${z}` })),
    });
    facts.push({
      kind: 'plane',
      path: `planes/Plane${p}`,
      name: `plane-${p}`,
      allocationType: 'Elastic',
      podSelector: { matchLabels: { plane: `plane-${p}` } },
      vSwitches: FLEET.zones.map((zoneId, z) => ({ vswitchId: `vsw-p${p}z${z}`, zoneId })),
      securityGroupIds: [`sg-${p}`],
      workloads: Array.from({ length: FLEET.workloads / FLEET.planes }, (_, i) => ({ kind: 'Deployment', namespace: `team-${p % 100}`, name: `app-${p + i * FLEET.planes}` })),
      namespaces: [`team-${p % 100}`],
    });
  }
  // A plane vSwitch and a plane with errors: the collapsed groups and the summary box still show them.
  const findings = [
    { ruleId: 'TW-NET-011', severity: 'error', path: 'fleet/Plane7', message: 'plane plane-7 vSwitch #2 in cn-hangzhou-i 10.0.224.0/19 is too small.', fix: 'Use a /19.', source: 'doc' },
    { ruleId: 'TW-PN-007', severity: 'error', path: 'planes/Plane9', message: 'Plane plane-9 gets no vSwitch.', fix: 'List one.', source: 'doc' },
  ];
  return buildNetworkPlan({ source: 'synth', title: 'fleet', facts, findings });
}
