import { App as Cdk8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { NodeModesStack } from '../../examples/node-modes/cloud';
import { buildGitOpsApp } from '../../examples/node-modes/gitops';
import { buildOneDeployApp } from '../../examples/node-modes/one-deploy';
import { ValidationReport } from '../../src';
import { validateManifests } from '../support/k8s-schemas';
import { conformanceErrors } from '../support/terraform-schema';

describe('node-modes example', () => {
  test('GitOps path: the cloud stack conforms and exposes the pool outputs', () => {
    const stack = new NodeModesStack(Testing.app(), 'node-modes');
    const tf = JSON.parse(Testing.synth(stack, true));
    expect(conformanceErrors(tf)).toEqual([]);
    expect(Object.keys(tf.output)).toEqual(expect.arrayContaining(['exclusive_eni_node_pools', 'fixed_vswitch_node_pools', 'eni_config_fixed_allowlist_cidrs']));
    expect(tf.output.exclusive_eni_node_pools.value[0].podsPerNode).toEqual({ 'ecs.g8i.4xlarge': 7, 'ecs.g7.4xlarge': 7 });
  });

  test('GitOps path: the YAML passes the Kubernetes schemas and every rule', () => {
    const app: Cdk8sApp = buildGitOpsApp();
    expect(ValidationReport.of(app).errors).toEqual([]);
    const objects = app.charts.flatMap((c) => c.toJson());
    expect(validateManifests(objects)).toEqual([]);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Deployment/stream', 'PodNetworking/enionly', 'Deployment/feed', 'ConfigMap/eni-config-fixed', 'Deployment/orders',
    ]);
  });

  test('one-deploy path: the fixed-vSwitch pool is in the objects stack and depends on its ConfigMap manifest', () => {
    const app = buildOneDeployApp();
    expect((app.node.findChild('node-modes') as any).node.findChild('ExclusivePool')).toBeDefined();
    const stack = app.node.findChild('node-modes-objects') as any;
    const tf = JSON.parse(Testing.synth(stack, true));
    expect(conformanceErrors(tf)).toEqual([]);
    const pools: any[] = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool);
    const fixed = pools.find((p) => p.node_pool_name === 'allowlisted');
    expect(fixed.depends_on).toHaveLength(1);
    expect(fixed.depends_on[0]).toMatch(/^kubernetes_manifest\.Manifests_ConfigMap-kube-system-eni-config-fixed-[0-9a-f]{8}_/);
    expect(tf.resource.kubernetes_manifest[fixed.depends_on[0].split('.')[1]].manifest.metadata.name).toBe('eni-config-fixed');
  });
});
