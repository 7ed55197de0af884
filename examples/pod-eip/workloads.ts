/**
 * Pod EIPs, cluster side (GitOps): a StatefulSet of UDP game servers with a fixed EIP each and a
 * Deployment with automatic EIPs, plus the ack-extend-network-controller values file, built from
 * the `terraform output -json` of the cloud stack (the pod-networking sample is reused here).
 *
 * Layout (the values file has no `kind`, so it stays out of the manifests folder, which
 * `kubectl apply -f` and Argo CD directory apps read whole):
 *
 *   dist/manifests/                                  Kubernetes objects only (GitOpsOutput)
 *   dist/ack-extend-network-controller.values.yaml   helm install -f / Argo CD Helm valueFiles
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Size, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { CHART_VERSION, GAME_SERVER_KIND } from './cloud';
import { REGION } from '../terway-cluster/main';
import {
  EipControllerValues, EipInternetChargeType, EipIsp, GitOpsOutput, PodEipWorkloads, TerwayClusterInfo, TerwayClusterOutputs,
} from 'ack-terway-network';

/** Sample outputs of the cloud stack. */
export const SAMPLE_OUTPUTS = path.join(__dirname, '..', 'pod-networking', 'terraform-outputs.sample.json');

/** The controller values for a cluster (literal IDs, for a GitOps values file). */
export function controllerValues(cluster: TerwayClusterInfo): EipControllerValues {
  return new EipControllerValues({
    chartVersion: CHART_VERSION,
    clusterId: cluster.clusterId!,
    regionId: REGION,
    vpcId: cluster.vpcId!,
    maxConcurrentReconciles: 2,
    garbageCollectionPeriodInMinutes: 10,
    customStatefulWorkloadKinds: [GAME_SERVER_KIND],
  });
}

/** Game servers with fixed EIPs and a web tier with automatic EIPs. */
export class GameServersChart extends Chart {
  constructor(scope: Construct, id: string, cluster: TerwayClusterInfo) {
    super(scope, id);
    new kplus.Namespace(this, 'Namespace', { metadata: { name: 'games' } });
    const eips = new PodEipWorkloads(this, 'Eips', { cluster, controllerValues: controllerValues(cluster) });

    // Each game server keeps its EIP for 10 minutes after its pod is gone: a rescheduled
    // game-1 gets the same public address back, so clients reconnect to the same IP.
    const servers = new kplus.StatefulSet(this, 'GameServers', {
      metadata: { name: 'game', namespace: 'games' },
      replicas: 3,
      containers: [{
        name: 'server',
        image: 'registry.example.com/games/udp-server:1.4.2',
        ports: [{ number: 7777, protocol: kplus.Protocol.UDP, name: 'game' }],
        securityContext: { user: 1000, group: 1000 },
        resources: {
          cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.units(1) },
          memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
        },
      }],
    });
    eips.addWorkload(servers, {
      bandwidth: 20,
      internetChargeType: EipInternetChargeType.PAY_BY_TRAFFIC,
      isp: EipIsp.BGP,
      name: 'game-server',
      tags: { app: 'game', team: 'platform' },
      releaseStrategy: '10m',
    });

    // Web pods get a fresh EIP each (released with the pod) for their own egress bandwidth.
    const web = new kplus.Deployment(this, 'Web', {
      metadata: { name: 'web', namespace: 'games' },
      replicas: 2,
      containers: [{
        name: 'web',
        image: 'registry.example.com/games/lobby:2.0.1',
        ports: [{ number: 443, name: 'https' }],
        securityContext: { user: 1000, group: 1000 },
        resources: {
          cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.units(1) },
          memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
        },
      }],
    });
    eips.addWorkload(web, { bandwidth: 5 });
  }
}

/** Builds the GitOps app from an outputs file. */
export function buildPodEipGitOpsApp(outdir?: string, outputsFile: string = SAMPLE_OUTPUTS): App {
  const outputs = TerwayClusterOutputs.fromFile(outputsFile);
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
  new GameServersChart(app, 'game-servers', outputs.clusterInfo);
  return app;
}

/** The values file for `helm install -f` / the Marketplace parameter page. */
export function valuesFile(outputsFile: string = SAMPLE_OUTPUTS): string {
  return controllerValues(TerwayClusterOutputs.fromFile(outputsFile).clusterInfo).toYaml();
}

/** Where {@link writePodEipGitOps} puts the files under `root`. */
export function gitOpsLayout(root: string): { manifests: string; values: string } {
  return { manifests: path.join(root, 'manifests'), values: path.join(root, 'ack-extend-network-controller.values.yaml') };
}

/**
 * Writes the manifests into `<root>/manifests` (only Kubernetes objects) and the chart values
 * beside that folder, as `<root>/ack-extend-network-controller.values.yaml`.
 */
export function writePodEipGitOps(root: string, outputsFile: string = SAMPLE_OUTPUTS): { manifests: string; values: string; written: string[] } {
  const layout = gitOpsLayout(root);
  const { written } = GitOpsOutput.synth(buildPodEipGitOpsApp(layout.manifests, outputsFile), { outdir: layout.manifests });
  fs.writeFileSync(layout.values, valuesFile(outputsFile));
  return { ...layout, written };
}

if (require.main === module) {
  const layout = writePodEipGitOps(process.env.CDK8S_OUTDIR ?? path.join(__dirname, 'dist'));
  process.stdout.write(`manifests: ${layout.manifests}\nvalues:    ${layout.values}\n`);
}
