/**
 * Delivery path 1, GitOps: Kubernetes YAML with literal IDs read from the
 * `terraform output -json` of the cloud stack (a sample is checked in here):
 *
 *   terraform -chdir=cdktf.out/stacks/pod-networking output -json > terraform-outputs.json
 *   npx ts-node --project test/tsconfig.json examples/pod-networking/gitops.ts [output-folder]   # from the repository root
 *
 * GitOpsOutput writes only the files the library owns in the folder (it keeps a
 * kustomization.yaml or README there) and keeps the previous manifests when a rule fails;
 * `cdk8s synth` would delete the whole folder first.
 */
import * as path from 'path';
import { App, YamlOutputType } from 'cdk8s';
import { NetworkPlanesChart } from './planes';
import { EniConfig, GitOpsOutput, TerwayClusterOutputs } from 'ack-terway-network';

/** Sample outputs file: what `terraform output -json` prints for the PlaneResourcesStack. */
export const SAMPLE_OUTPUTS = path.join(__dirname, 'terraform-outputs.sample.json');

/** Builds the GitOps cdk8s app from an outputs file. */
export function buildGitOpsApp(outdir?: string, outputsFile: string = SAMPLE_OUTPUTS): App {
  const outputs = TerwayClusterOutputs.fromFile(outputsFile);
  const planeInputs = (plane: string) => ({
    vSwitches: Object.entries(outputs.zoneMapOutput(`${plane}_vswitch_ids`))
      .flatMap(([zoneId, ids]) => ids.map((vswitchId) => ({ vswitchId, zoneId }))),
    securityGroupIds: outputs.listOutput(`${plane}_security_group_ids`),
  });
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
  const chart = new NetworkPlanesChart(app, 'network-planes', { cluster: outputs.clusterInfo, db: planeInputs('db'), web: planeInputs('web') });
  // GitOps users own kube-system/eni-config too: keep its content, make sure Trunk ENI is on.
  new EniConfig(chart, 'EniConfig', {
    existingData: {
      'eni_conf': JSON.stringify({
        version: '1',
        max_pool_size: 5,
        min_pool_size: 0,
        ipam_type: 'crd',
        ip_stack: 'ipv4',
        vswitches: Object.fromEntries((outputs.clusterInfo.zones ?? []).map((z) => [z.zoneId, z.podVSwitchIds])),
        security_group: outputs.stringOutput('security_group_id'),
        vswitch_selection_policy: 'ordered',
      }),
      '10-terway.conf': JSON.stringify({ cniVersion: '0.4.0', name: 'terway', type: 'terway', capabilities: { bandwidth: true }, network_policy_provider: 'ebpf' }),
      'disable_network_policy': 'false',
      'in_cluster_loadbalance': 'true',
    },
    enableTrunking: true,
  });
  return app;
}

if (require.main === module) {
  const result = GitOpsOutput.synth(buildGitOpsApp(), { outdir: process.argv[2] ?? path.join(__dirname, 'dist') });
  console.log(`wrote ${result.written.join(', ')}${result.removed.length > 0 ? `; removed ${result.removed.join(', ')}` : ''}`);
}
