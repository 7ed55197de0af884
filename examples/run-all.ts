/**
 * Synthesizes the examples and prints where the output went and a short summary:
 * resources by type, rule checks run, warnings. Used by `npm run example`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App as Cdk8sApp } from 'cdk8s';
import { App } from 'cdktf';
import * as YAML from 'yaml';
import { buildGitOpsApp } from './pod-networking/gitops';
import { buildOneDeployApp } from './pod-networking/one-deploy';
import { buildApp as buildClusterApp } from './terway-cluster/main';
import { KubernetesManifests, ValidationReport } from 'ack-terway-network';

const ROOT = path.resolve(__dirname, '..');

function summarizeCdktf(name: string, build: (outdir: string) => App): void {
  const outdir = path.join(ROOT, 'examples', name, 'cdktf.out');
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = build(outdir);
  const report = ValidationReport.of(app);
  app.synth();
  console.log(`\n== ${name}: Terraform JSON (cdktf${name === 'pod-networking' ? ', one-deploy path with kubernetes_manifest' : ''})`);
  for (const stackDir of fs.readdirSync(path.join(outdir, 'stacks')).sort()) {
    const file = path.join(outdir, 'stacks', stackDir, 'cdk.tf.json');
    const tf = JSON.parse(fs.readFileSync(file, 'utf-8'));
    const counts = Object.entries(tf.resource ?? {}).map(([type, rs]) => `${type} ×${Object.keys(rs as object).length}`);
    console.log(`   wrote ${path.relative(process.cwd(), file)}`);
    console.log(`   resources: ${counts.join(', ')}`);
    console.log(`   outputs:   ${Object.keys(tf.output ?? {}).sort().join(', ')}`);
  }
  printReport(report);
  // Charts delivered through KubernetesManifests are validated in the same synth.
  for (const bridge of app.node.findAll().filter((c): c is KubernetesManifests => c instanceof KubernetesManifests)) {
    console.log(`   cluster side (${bridge.node.path}):`);
    printReport(ValidationReport.of(bridge.cdk8sApp));
  }
}

function printReport(report: ValidationReport): void {
  console.log(`   validations: ${report.rulesChecked} rule checks on ${report.constructsChecked} constructs, ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.acknowledged.length} acknowledged`);
  for (const w of report.warnings) console.log(`   warning ${w.path}: ${w.text}`);
  for (const a of report.acknowledged) console.log(`   acknowledged ${a.path}: [${a.ruleId}] ${a.acknowledgedReason}`);
}

function summarizeCdk8s(name: string, build: (outdir: string) => Cdk8sApp): void {
  const outdir = path.join(ROOT, 'examples', name, 'dist');
  fs.rmSync(outdir, { recursive: true, force: true });
  const app = build(outdir);
  const report = ValidationReport.of(app);
  process.env.ACK_TERWAY_NETWORK_QUIET = '1'; // printed below instead
  app.synth();
  delete process.env.ACK_TERWAY_NETWORK_QUIET;
  console.log(`\n== ${name}: Kubernetes YAML (cdk8s, GitOps path)`);
  for (const file of fs.readdirSync(outdir).sort()) {
    const docs: any[] = YAML.parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf-8')).map((d) => d.toJSON());
    console.log(`   wrote ${path.relative(process.cwd(), path.join(outdir, file))}`);
    console.log(`   objects: ${docs.map((d) => `${d.kind}/${d.metadata.name}`).join(', ')}`);
  }
  printReport(report);
}

summarizeCdktf('terway-cluster', buildClusterApp);
summarizeCdk8s('pod-networking', (outdir) => buildGitOpsApp(outdir));
summarizeCdktf('pod-networking', buildOneDeployApp);
