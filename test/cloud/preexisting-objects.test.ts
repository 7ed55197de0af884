import { ApiObject, Chart } from 'cdk8s';
import { Testing } from 'cdktf';
import { ClusterObjectsStack, EniConfig, ValidationReport } from '../../src';
import { clusterStack, SHARED_STATE_PATH, synthError, validProps } from '../support/cluster-fixtures';

/**
 * TW-DEPLOY-004. `kubernetes_manifest` creates its object and the provider refuses to create one
 * that exists: "Cannot create resource that already exists"
 * (https://github.com/hashicorp/terraform-provider-kubernetes/issues/2003, issue #1713). ACK writes
 * kube-system/eni-config when it installs Terway ("Customize Terway configuration parameters",
 * https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters),
 * and Kubernetes creates the default, kube-system, kube-public and kube-node-lease namespaces.
 */
function objectsStack(): { objects: ClusterObjectsStack; chart: Chart } {
  const app = Testing.app();
  const { cluster } = clusterStack({ ...validProps(), endpointPublicAccess: true }, app, SHARED_STATE_PATH);
  const objects = new ClusterObjectsStack(app, 'objects', { cluster });
  return { objects, chart: new Chart(objects.cdk8sApp, 'network') };
}

const namespace = (chart: Chart, name: string) => new ApiObject(chart, `Ns-${name}`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

describe('TW-DEPLOY-004: objects every new cluster already has are not delivered as kubernetes_manifest', () => {
  test('kube-system/eni-config (EniConfig) fails synthesis with the fix', () => {
    const { objects, chart } = objectsStack();
    new EniConfig(chart, 'EniConfig', { enableTrunking: true });
    const message = synthError(objects);
    expect(message).toMatch(/\[TW-DEPLOY-004\] ConfigMap kube-system\/eni-config \(network\/EniConfig\/Resource\) is delivered as a kubernetes_manifest/);
    expect(message).toMatch(/Cannot create resource that already exists/);
    expect(message).toMatch(/through GitOps \(EniConfig with GitOpsOutput\) or kubectl apply/);
  });

  test.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])('Namespace %s is refused', (name) => {
    const { objects, chart } = objectsStack();
    namespace(chart, name);
    expect(ValidationReport.of(objects).errors.map((f) => f.ruleId)).toEqual(['TW-DEPLOY-004']);
  });

  test('new namespaces and per-node-pool ConfigMaps pass', () => {
    const { objects, chart } = objectsStack();
    namespace(chart, 'games');
    new ApiObject(chart, 'Fixed', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'eni-config-fixed', namespace: 'kube-system' }, data: { eni_conf: '{}' } });
    expect(ValidationReport.of(objects).errors).toEqual([]);
  });
});
