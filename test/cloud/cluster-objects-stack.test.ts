import * as fs from 'fs';
import * as path from 'path';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App as Cdk8sApp } from 'cdk8s';
import { App, TerraformStack, Testing } from 'cdktf';
import { alicloud, ClusterObjectsStack, ClusterObjectsStackProps, KubernetesManifests, ValidationReport } from '../../src';
import { clusterStack, SHARED_STATE_PATH, synthError, validProps } from '../support/cluster-fixtures';
import { tmpdir } from '../support/files';
import { conformanceErrors } from '../support/terraform-schema';

describe('ClusterObjectsStack', () => {
  test('depends on the cluster\'s stack; providers from the sensitive kubeconfig of alicloud_cs_cluster_credential; no file, no keys', () => {
    const outdir = tmpdir('objects-');
    const app = new App({ outdir });
    const { cluster } = clusterStack({ ...validProps(), endpointPublicAccess: true }, app, SHARED_STATE_PATH);
    const objects = new ClusterObjectsStack(app, 'objects', { cluster, credentialMinutes: 60 });
    objects.helmProvider();
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
    expect(manifest.stacks.objects.dependencies).toEqual(['test']);
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'objects', 'cdk.tf.json'), 'utf-8'));
    expect(conformanceErrors(tf)).toEqual([]);
    // Region copied from the cluster stack's provider; credentials from the environment.
    expect(tf.provider.alicloud).toEqual([{ region: 'cn-hangzhou' }]);
    const [credential] = Object.values(tf.data.alicloud_cs_cluster_credential) as any[];
    expect(credential.cluster_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-test\.outputs\.[^}]+\}$/);
    expect(credential.temporary_duration_minutes).toBe(60);
    const kubeconfig = 'yamldecode(data.alicloud_cs_cluster_credential.ClusterCredential.kube_config)';
    const connection = {
      host: `\${${kubeconfig}.clusters.0.cluster.server}`,
      cluster_ca_certificate: `\${base64decode(${kubeconfig}.clusters.0.cluster["certificate-authority-data"])}`,
      client_certificate: `\${base64decode(${kubeconfig}.users.0.user["client-certificate-data"])}`,
      client_key: `\${base64decode(${kubeconfig}.users.0.user["client-key-data"])}`,
    };
    expect(tf.provider.kubernetes).toEqual([connection]);
    expect(tf.provider.helm).toEqual([{ kubernetes: connection }]);
    expect(JSON.stringify(tf)).not.toMatch(/config_path|access_key|secret_key|kubeconfig\.yaml/);
    // The pinned schema marks kube_config sensitive: Terraform keeps values derived from it out of plans.
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'alicloud', 'aliyun-alicloud-1.289.0.schema.json'), 'utf-8'));
    expect(schema.provider_schemas['registry.terraform.io/aliyun/alicloud'].data_source_schemas.alicloud_cs_cluster_credential.block.attributes.kube_config)
      .toMatchObject({ computed: true, sensitive: true, type: 'string' });
  });

  test('an existing cluster by ID needs a region; no dependency', () => {
    const app = Testing.app() as App;
    expect(() => new ClusterObjectsStack(app, 'a', { clusterId: 'c0123456789abcdef' })).toThrow(/a: region is needed/);
    const objects = new ClusterObjectsStack(app, 'b', { clusterId: 'c0123456789abcdef', region: 'cn-beijing' });
    expect(objects.dependencies).toEqual([]);
    const tf = JSON.parse(Testing.synth(objects));
    expect((Object.values(tf.data.alicloud_cs_cluster_credential) as any[])[0].cluster_id).toBe('c0123456789abcdef');
    expect(tf.provider.alicloud).toEqual([{ region: 'cn-beijing' }]);
  });

  test.each<[string, (cluster: unknown) => object, RegExp]>([
    ['neither cluster nor clusterId', () => ({}), /x: cluster give exactly one of cluster .* and clusterId/],
    ['both', (cluster) => ({ cluster, clusterId: 'c1' }), /x: cluster give exactly one/],
    ['a cluster that is not a TerwayCluster', () => ({ cluster: {} }), /x: cluster must be a TerwayCluster/],
    ['credentialMinutes out of range', (cluster) => ({ cluster, credentialMinutes: 5 }), /x: credentialMinutes/],
    ['a cdk8sApp that is not one', (cluster) => ({ cluster, cdk8sApp: 'yes' }), /x: cdk8sApp must be a cdk8s App/],
  ])('%s: a clear error', (_, props, error) => {
    const app = Testing.app() as App;
    const { cluster } = clusterStack(validProps(), app);
    expect(() => new ClusterObjectsStack(app, 'x', props(cluster) as ClusterObjectsStackProps)).toThrow(error);
  });

  test('a cluster without a public endpoint: warning TW-DEPLOY-002 on the objects stack', () => {
    const app = Testing.app() as App;
    const { cluster } = clusterStack(validProps(), app, SHARED_STATE_PATH);
    const objects = new ClusterObjectsStack(app, 'objects', { cluster });
    expect(ValidationReport.of(objects).warnings.map((f) => f.ruleId)).toEqual(['TW-DEPLOY-002']);
  });
});

describe('TW-DEPLOY-003', () => {
  // cdktf runs Terraform in cdktf.out/stacks/<stack> and writes the reader's terraform_remote_state
  // with the source's local backend path as given (cdktf lib/backends/local-backend.ts, getRemoteStateDataSource).
  test('a relative local state path of the cluster stack that the objects stack would resolve elsewhere', () => {
    const app = Testing.app() as App;
    const { cluster } = clusterStack({ ...validProps(), endpointPublicAccess: true }, app, 'terraform.test.tfstate');
    const objects = new ClusterObjectsStack(app, 'objects', { cluster });
    expect(ValidationReport.of(objects).errors.map((f) => f.text)).toEqual([expect.stringMatching(
      /^\[TW-DEPLOY-003\] Stack test keeps its state at stacks\/test\/terraform\.test\.tfstate .* but objects reads stacks\/objects\/terraform\.test\.tfstate\..*Fix: Give test the local backend path '\.\.\/test\/terraform\.test\.tfstate'/)]);
  });

  test('the same file from both directories, or an absolute path: no finding', () => {
    for (const statePath of [SHARED_STATE_PATH, '/var/lib/terraform/test.tfstate']) {
      const app = Testing.app() as App;
      const { cluster } = clusterStack({ ...validProps(), endpointPublicAccess: true }, app, statePath);
      expect(ValidationReport.of(new ClusterObjectsStack(app, 'objects', { cluster })).errors).toEqual([]);
    }
  });
});

describe('TW-DEPLOY-001', () => {
  test('a Kubernetes provider in the cluster\'s stack configured from a credential of that stack', () => {
    const { stack, cluster } = clusterStack(validProps());
    const credential = new alicloud.dataAlicloudCsClusterCredential.DataAlicloudCsClusterCredential(stack, 'Cred', { clusterId: cluster.clusterId });
    new KubernetesProvider(stack, 'k8s', { host: credential.kubeConfig });
    expect(synthError(stack)).toMatch(/\[TW-DEPLOY-001\] The kubernetes provider test\/k8s is configured from data\.alicloud_cs_cluster_credential\.Cred of its own stack test/);
  });

  test('manifests in a stack without a cluster (an existing cluster) are fine', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new KubernetesManifests(stack, 'M', { cdk8sApp: new Cdk8sApp(), provider: new KubernetesProvider(stack, 'k8s', { configPath: '~/.kube/config' }) });
    expect(synthError(stack)).toBeUndefined();
  });
});
