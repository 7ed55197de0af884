/**
 * Delivery path 2, one `cdktf deploy`: the charts become kubernetes_manifest resources in the
 * cluster stack, and the fixed-vSwitch node pool depends on its ConfigMap's manifest, so its
 * nodes start only after kube-system/eni-config-fixed exists.
 */
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App as Cdk8sApp } from 'cdk8s';
import { App, TerraformVariable } from 'cdktf';
import { NodeModesStack } from './cloud';
import { NodeModesChart } from './workloads';
import { KubernetesManifests } from 'ack-terway-network';

/** Builds the single cdktf app: cloud resources plus the cluster-side manifests. */
export function buildOneDeployApp(outdir?: string): App {
  const app = new App({ outdir });
  const cdk8sApp = new Cdk8sApp();
  const stack = new NodeModesStack(app, 'node-modes', {
    configMapManifests: (s) => {
      const kubeconfig = new TerraformVariable(s, 'kubeconfig_path', { type: 'string', description: 'Path to the cluster kubeconfig' });
      const provider = new KubernetesProvider(s, 'kubernetes', { configPath: kubeconfig.stringValue });
      return new KubernetesManifests(s, 'Manifests', { cdk8sApp, provider });
    },
  });
  new NodeModesChart(cdk8sApp, 'node-modes', { cluster: stack.cluster.clusterInfo, securityGroupId: stack.cluster.securityGroupId });
  return app;
}

if (require.main === module) {
  buildOneDeployApp().synth();
}
