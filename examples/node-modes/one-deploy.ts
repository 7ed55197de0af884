/**
 * Delivery path 2, one `cdktf deploy '*'`: the cloud stack (cluster and exclusive ENI pool),
 * then a ClusterObjectsStack with the charts as kubernetes_manifest resources and the
 * fixed-vSwitch node pool, which depends on its ConfigMap's manifest: its first node already
 * joins with kube-system/eni-config-fixed in place.
 *
 *   cdktf deploy '*'       # node-modes, then node-modes-objects (docs/one-deploy.md)
 */
import { App, LocalBackend } from 'cdktf';
import { NodeModesStack } from './cloud';
import { NodeModesChart } from './workloads';
import { Acknowledgements, ClusterObjectsStack } from 'ack-terway-network';

/** Builds the cdktf app: the cloud stack, then the cluster-objects stack. */
export function buildOneDeployApp(outdir?: string): App {
  const app = new App({ outdir });
  const stack = new NodeModesStack(app, 'node-modes', {
    clusterObjects: (s) => {
      const objects = new ClusterObjectsStack(app, 'node-modes-objects', { cluster: s.cluster });
      new LocalBackend(objects, { path: 'terraform.node-modes-objects.tfstate' });
      Acknowledgements.of(objects).add('TW-DEPLOY-002', 'cdktf deploy runs on a build host inside the VPC');
      return objects;
    },
  });
  new NodeModesChart(stack.objects!.cdk8sApp, 'node-modes', { cluster: stack.cluster.clusterInfo, securityGroupId: stack.cluster.securityGroupId });
  return app;
}

if (require.main === module) {
  buildOneDeployApp().synth();
}
