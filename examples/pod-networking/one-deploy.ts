/**
 * Delivery path 2, one `cdktf deploy '*'`: the cloud stack (cluster, plane vSwitches and
 * security groups) and a ClusterObjectsStack with the planes' manifests as kubernetes_manifest
 * resources. The objects stack depends on the cloud stack, reads the new cluster's kubeconfig
 * with alicloud_cs_cluster_credential (no kubeconfig file, no AccessKeys) and gets the plane
 * vSwitch and security-group IDs as cross-stack references.
 *
 *   cdktf deploy '*'       # cloud stack first, then the objects stack (docs/one-deploy.md)
 */
import { App, LocalBackend } from 'cdktf';
import { PlaneResourcesStack } from './cloud';
import { NetworkPlanesChart } from './planes';
import { Acknowledgements, ClusterObjectsStack } from 'ack-terway-network';

/** Builds the cdktf app: the cloud stack, then the cluster-objects stack. */
export function buildOneDeployApp(outdir?: string): App {
  const app = new App({ outdir });
  const stack = new PlaneResourcesStack(app, 'pod-networking');
  const objects = new ClusterObjectsStack(app, 'pod-networking-objects', { cluster: stack.cluster });
  // A relative state path keeps the synthesized JSON identical on every machine.
  new LocalBackend(objects, { path: 'terraform.pod-networking-objects.tfstate' });
  Acknowledgements.of(objects).add('TW-DEPLOY-002', 'cdktf deploy runs on a build host inside the VPC');
  new NetworkPlanesChart(objects.cdk8sApp, 'network-planes', {
    cluster: stack.cluster.clusterInfo,
    db: { vSwitches: stack.db.planeVSwitches, securityGroupIds: stack.db.securityGroupIds },
    web: { vSwitches: stack.web.planeVSwitches, securityGroupIds: stack.web.securityGroupIds },
  });
  return app;
}

if (require.main === module) {
  buildOneDeployApp().synth();
}
