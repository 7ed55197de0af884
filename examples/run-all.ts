/**
 * Synthesizes the examples and prints where the output went and a short summary:
 * resources by type, rule checks run, warnings. Used by `npm run example`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App as Cdk8sApp } from 'cdk8s';
import { App } from 'cdktf';
import * as YAML from 'yaml';
import { buildCloudApp as buildNodeModesCloudApp } from './node-modes/cloud';
import { buildGitOpsApp as buildNodeModesGitOpsApp } from './node-modes/gitops';
import { buildOneDeployApp as buildNodeModesOneDeployApp } from './node-modes/one-deploy';
import { buildPodEipCloudApp } from './pod-eip/cloud';
import { buildPodEipGitOpsApp, gitOpsLayout, valuesFile } from './pod-eip/workloads';
import { buildGitOpsApp } from './pod-networking/gitops';
import { buildOneDeployApp } from './pod-networking/one-deploy';
import { buildApp as buildClusterApp } from './terway-cluster/main';
import { EniCapacity, GitOpsOutput, KubernetesManifests, NetworkPlan, NodeNetworkMode, ValidationReport } from 'ack-terway-network';

const ROOT = path.resolve(__dirname, '..');

function summarizeCdktf(name: string, build: (outdir: string) => App, note?: string, dir = 'cdktf.out'): App {
  const outdir = path.join(ROOT, 'examples', name, dir);
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = build(outdir);
  const report = ValidationReport.of(app);
  app.synth();
  console.log(`\n== ${name}: Terraform JSON (cdktf${note ? `, ${note}` : name === 'pod-networking' ? ', one-deploy path: cloud stack, then ClusterObjectsStack with kubernetes_manifest' : ''})`);
  // In `cdktf deploy '*'` order: each stack after the stacks it depends on (manifest.json).
  const stacks = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8')).stacks as Record<string, { dependencies: string[] }>;
  for (const stackDir of Object.keys(stacks).sort((a, b) => stacks[a].dependencies.length - stacks[b].dependencies.length || (a < b ? -1 : 1))) {
    const file = path.join(outdir, 'stacks', stackDir, 'cdk.tf.json');
    const tf = JSON.parse(fs.readFileSync(file, 'utf-8'));
    const counts = Object.entries(tf.resource ?? {}).map(([type, rs]) => `${type} ×${Object.keys(rs as object).length}`);
    console.log(`   wrote ${path.relative(process.cwd(), file)}`);
    console.log(`   resources: ${counts.join(', ')}`);
    console.log(`   outputs:   ${Object.keys(tf.output ?? {}).sort().join(', ')}`);
    if (stacks[stackDir].dependencies.length > 0) console.log(`   deployed after: ${stacks[stackDir].dependencies.join(', ')} (cross-stack references)`);
  }
  printReport(report);
  // Charts delivered through KubernetesManifests are validated in the same synth.
  for (const bridge of app.node.findAll().filter((c): c is KubernetesManifests => c instanceof KubernetesManifests)) {
    console.log(`   cluster side (${bridge.node.path}):`);
    printReport(ValidationReport.of(bridge.cdk8sApp));
  }
  return app;
}

/**
 * The network plan report next to the Terraform output: the cdktf app, the cdk8s app it delivers
 * (one deploy) and, for the GitOps path, the separate cdk8s app given in `include`.
 */
function writePlan(app: App, include: Cdk8sApp[] = []): void {
  const written = NetworkPlan.of(app, { include }).writeTo(app.outdir);
  console.log(`   network plan: ${written.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
}

function printReport(report: ValidationReport): void {
  console.log(`   validations: ${report.rulesChecked} rule checks on ${report.constructsChecked} constructs, ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.acknowledged.length} acknowledged`);
  for (const w of report.warnings) console.log(`   warning ${w.path}: ${w.text}`);
  for (const a of report.acknowledged) console.log(`   acknowledged ${a.path}: [${a.ruleId}] ${a.acknowledgedReason}`);
}

function summarizeCdk8s(name: string, build: (outdir: string) => Cdk8sApp, outdir = path.join(ROOT, 'examples', name, 'dist')): Cdk8sApp {
  const app = build(outdir);
  const report = ValidationReport.of(app);
  process.env.ACK_TERWAY_NETWORK_QUIET = '1'; // printed below instead
  // Replaces only the library's files in dist/, like a GitOps user's folder.
  const { written } = GitOpsOutput.synth(app, { outdir });
  delete process.env.ACK_TERWAY_NETWORK_QUIET;
  console.log(`\n== ${name}: Kubernetes YAML (cdk8s, GitOps path)`);
  for (const file of written) {
    const docs: any[] = YAML.parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf-8')).map((d) => d.toJSON());
    console.log(`   wrote ${path.relative(process.cwd(), path.join(outdir, file))}`);
    console.log(`   objects: ${docs.map((d) => `${d.kind}/${d.metadata.name}`).join(', ')}`);
  }
  printReport(report);
  return app;
}

/** Pods per node of the node-mode example's instance types, from the one capacity function. */
function printCapacity(): void {
  const types = ['ecs.g8i.4xlarge', 'ecs.g7.4xlarge', 'ecs.g7.xlarge', 'ecs.g8i.xlarge'];
  console.log('\n== node-modes: pods per node (EniCapacity.podsPerNode)');
  for (const type of types) {
    const c = EniCapacity.of(type)!;
    const per = (mode: NodeNetworkMode) => EniCapacity.podsPerNode(type, mode) ?? 'unknown';
    console.log(`   ${type.padEnd(16)} ${c.enis} ENIs × ${c.ipv4PerEni} IPv4: shared ${per(NodeNetworkMode.SHARED)}, exclusive ${per(NodeNetworkMode.EXCLUSIVE)}${c.enis < 7 ? ' (cannot join an exclusive pool)' : ''}, trunk ${per(NodeNetworkMode.TRUNK)}`);
  }
}

writePlan(summarizeCdktf('terway-cluster', buildClusterApp));
summarizeCdk8s('pod-networking', (outdir) => buildGitOpsApp(outdir));
writePlan(summarizeCdktf('pod-networking', buildOneDeployApp));
printCapacity();
const nodeModesCloud = summarizeCdktf('node-modes', buildNodeModesCloudApp, 'GitOps path: cloud stack only');
writePlan(nodeModesCloud, [summarizeCdk8s('node-modes', (outdir) => buildNodeModesGitOpsApp(outdir))]);
writePlan(summarizeCdktf('node-modes', buildNodeModesOneDeployApp, 'one-deploy path: cloud stack, then ClusterObjectsStack with the fixed-vSwitch pool', 'cdktf.out/one-deploy'));
const podEipCloud = summarizeCdktf('pod-eip', (outdir) => buildPodEipCloudApp(outdir), 'cloud stack, then ClusterObjectsStack with the controller helm_release');
// Manifests in dist/manifests; the controller values file (no `kind`) beside that folder, never in it,
// so `kubectl apply -f dist/manifests` and Argo CD directory apps read only Kubernetes objects.
const podEipLayout = gitOpsLayout(path.join(ROOT, 'examples', 'pod-eip', 'dist'));
writePlan(podEipCloud, [summarizeCdk8s('pod-eip', (outdir) => buildPodEipGitOpsApp(outdir), podEipLayout.manifests)]);
const values = podEipLayout.values;
fs.writeFileSync(values, valuesFile());
console.log(`   wrote ${path.relative(process.cwd(), values)} (ack-extend-network-controller values, no AccessKeys)`);
