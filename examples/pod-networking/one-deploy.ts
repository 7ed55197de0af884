/**
 * Delivery path 2, one `cdktf deploy`: the planes' manifests become kubernetes_manifest
 * resources in the same Terraform stack, with the plane vSwitch and security-group IDs
 * wired in as Terraform references.
 */
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App as Cdk8sApp } from 'cdk8s';
import { App, TerraformVariable } from 'cdktf';
import { PlaneResourcesStack } from './cloud';
import { NetworkPlanesChart } from './planes';
import { KubernetesManifests } from 'ack-terway-network';

/** Builds the single cdktf app: cloud resources plus the cluster-side manifests. */
export function buildOneDeployApp(outdir?: string): App {
  const app = new App({ outdir });
  const stack = new PlaneResourcesStack(app, 'pod-networking');
  // The kubeconfig of the cluster (e.g. from `aliyun cs GET /k8s/<id>/user_config`);
  // never an access key in the synthesized JSON.
  const kubeconfig = new TerraformVariable(stack, 'kubeconfig_path', { type: 'string', description: 'Path to the cluster kubeconfig' });
  const provider = new KubernetesProvider(stack, 'kubernetes', { configPath: kubeconfig.stringValue });

  const manifests = new Cdk8sApp();
  new NetworkPlanesChart(manifests, 'network-planes', {
    cluster: stack.cluster.clusterInfo,
    db: { vSwitches: stack.db.planeVSwitches, securityGroupIds: stack.db.securityGroupIds },
    web: { vSwitches: stack.web.planeVSwitches, securityGroupIds: stack.web.securityGroupIds },
  });
  new KubernetesManifests(stack, 'Manifests', { cdk8sApp: manifests, provider });
  return app;
}

if (require.main === module) {
  buildOneDeployApp().synth();
}
