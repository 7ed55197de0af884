/**
 * Delivery path 1, GitOps: YAML with literal IDs read from `terraform output -json` of the
 * cloud stack (a sample is checked in). Apply kube-system/eni-config-fixed BEFORE the
 * fixed-vSwitch node pool creates nodes: Terway reads it once when a node's daemon starts
 * and silently falls back to the cluster default when it is missing.
 *
 *   terraform -chdir=cdktf.out/stacks/node-modes output -json > terraform-outputs.json
 */
import * as path from 'path';
import { App, YamlOutputType } from 'cdk8s';
import { NodeModesChart } from './workloads';
import { TerwayClusterOutputs } from 'ack-terway-network';

export const SAMPLE_OUTPUTS = path.join(__dirname, 'terraform-outputs.sample.json');

/** Builds the GitOps cdk8s app from an outputs file. */
export function buildGitOpsApp(outdir?: string, outputsFile: string = SAMPLE_OUTPUTS): App {
  const outputs = TerwayClusterOutputs.fromFile(outputsFile);
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
  new NodeModesChart(app, 'node-modes', { cluster: outputs.clusterInfo, securityGroupId: outputs.stringOutput('security_group_id') });
  return app;
}

if (require.main === module) {
  buildGitOpsApp().synth();
}
