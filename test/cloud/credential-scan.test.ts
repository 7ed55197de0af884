import { manifest, provider as k8s } from '@cdktf/provider-kubernetes';
import { ApiObject, Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { alicloud, KubernetesManifests, ValidationReport } from '../../src';
import { checkAppCredentials } from '../../src/cloud/credential-scan';
import { clusterStack, synthError, validProps } from '../support/cluster-fixtures';

const KEY_ID = 'LTAI5tExampleKeyId0001';
type Manifest = manifest.Manifest;
const Manifest = manifest.Manifest;

/** TW-SEC-001 texts of the whole app. */
function secFindings(scope: { node: { root: any } }): string[] {
  return ValidationReport.of(scope.node.root).errors.filter((f) => f.ruleId === 'TW-SEC-001').map((f) => f.text);
}

describe('TW-SEC-001: no credentials anywhere in the app', () => {
  test('keys on the alicloud provider of another stack (one without library constructs) are found', () => {
    const { app, stack } = clusterStack(validProps());
    const other = new TerraformStack(app, 'other');
    new alicloud.provider.AlicloudProvider(other, 'ali', { region: 'cn-beijing', accessKey: KEY_ID, secretKey: 'secret' });
    const texts = secFindings(stack);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('The alicloud provider at other/ali sets access_key, secret_key');
    expect(texts[0]).not.toContain('secret;');
    expect(synthError(stack)).toMatch(/TW-SEC-001/);
  });

  test('an STS token and an OIDC token inside assume_role_with_oidc are found', () => {
    const { stack } = clusterStack(validProps());
    new alicloud.provider.AlicloudProvider(stack, 'sts', {
      region: 'cn-beijing',
      alias: 'sts',
      securityToken: 'CAIS-token',
      assumeRoleWithOidc: { roleArn: 'acs:ram::1:role/x', oidcProviderArn: 'acs:ram::1:oidc-provider/y', oidcToken: 'eyJhbGciOi' },
    });
    expect(secFindings(stack)[0]).toContain('at test/sts sets security_token, assume_role_with_oidc.oidc_token');
  });

  test.each([
    ['token', { token: 'abc' }],
    ['password', { username: 'admin', password: 'pw' }],
    ['client_key', { clientKey: '-----BEGIN RSA PRIVATE KEY-----' }],
  ])('the Kubernetes provider\'s %s is found', (key, config) => {
    const { stack } = clusterStack(validProps());
    new k8s.KubernetesProvider(stack, 'k8s', { host: 'https://1.2.3.4:6443', ...config });
    expect(secFindings(stack)).toEqual([expect.stringContaining(`The kubernetes provider at test/k8s sets ${key}`)]);
  });

  test('certificates, file paths, empty values and Terraform references are not secrets', () => {
    const { stack } = clusterStack(validProps());
    const ak = new TerraformVariable(stack, 'ak', { type: 'string', sensitive: true });
    new alicloud.provider.AlicloudProvider(stack, 'ref', { region: 'cn-beijing', alias: 'ref', accessKey: ak.stringValue, secretKey: '' });
    new k8s.KubernetesProvider(stack, 'k8s', { host: 'h', clientCertificate: 'cert', clusterCaCertificate: 'ca', configPath: '~/.kube/config' });
    expect(secFindings(stack)).toEqual([]);
  });

  test('an AccessKey ID in tags or in add-on config JSON is found, masked', () => {
    const tagged = clusterStack(validProps({ tags: { owner: KEY_ID } }));
    const texts = secFindings(tagged.stack);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('\n')).toContain('test/Cluster/Vpc contains an Alibaba Cloud AccessKey ID at resource.alicloud_vpc');
    expect(texts.join('\n')).toContain('tags.owner (LTAI5t…)');
    expect(texts.join('\n')).not.toContain(KEY_ID);

    const addon = clusterStack(validProps({ additionalAddons: [{ name: 'logtail-ds', config: JSON.stringify({ AccessKeyId: KEY_ID }) }] }));
    expect(secFindings(addon.stack).join('\n')).toMatch(/test\/Cluster\/Cluster contains an Alibaba Cloud AccessKey ID at .*addons\[\d\]\.config/);
  });

  test('a key in a manifest delivered by KubernetesManifests is found, without any cluster in the app', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const cdk8sApp = Cdk8sTesting.app();
    const chart = new Chart(cdk8sApp, 'c');
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'creds' }, data: { id: KEY_ID } });
    new KubernetesManifests(stack, 'M', { cdk8sApp, provider: new k8s.KubernetesProvider(stack, 'k8s', {}) });
    expect(secFindings(stack)).toEqual([expect.stringContaining('s/M (cdk8s c/cm) contains an Alibaba Cloud AccessKey ID at data.id')]);
    let message = '';
    try {
      Testing.synth(stack, true);
    } catch (e) {
      message = (e as Error).message;
    }
    // Once, although the rendered kubernetes_manifest resources hold the same object.
    expect(message.match(/\[TW-SEC-001\]/g)).toHaveLength(1);
  });

  test('rendered kubernetes_manifest resources: found by the same path, also when an escape hatch adds the key', () => {
    const withKey = new TerraformStack(Testing.app(), 's');
    const keyed = Cdk8sTesting.app();
    new ApiObject(new Chart(keyed, 'c'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'creds' }, data: { id: KEY_ID } });
    new KubernetesManifests(withKey, 'M', { cdk8sApp: keyed, provider: new k8s.KubernetesProvider(withKey, 'k8s', {}) })._render();
    expect(checkAppCredentials(withKey).map((f) => f.message)).toEqual([expect.stringMatching(
      /^s\/M\/ConfigMap-creds-[0-9a-f]{8} contains an Alibaba Cloud AccessKey ID at resource\.kubernetes_manifest\.M_ConfigMap-creds-[0-9a-f]{8}_[0-9A-F]{8}\.manifest\.data\.id /)]);

    const edits: Array<[string, (m: Manifest) => void]> = [
      ['an override', (m) => m.addOverride('field_manager', { name: KEY_ID })],
      ['an argument', (m) => { m.computedFields = [`metadata.annotations.${KEY_ID}`]; }],
      ['a meta-argument', (m) => { m.lifecycle = { ignoreChanges: [KEY_ID] }; }],
    ];
    for (const [what, edit] of edits) {
      const stack = new TerraformStack(Testing.app(), 's');
      const clean = Cdk8sTesting.app();
      new ApiObject(new Chart(clean, 'c'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' }, data: { a: 'b' } });
      const bridge = new KubernetesManifests(stack, 'M', { cdk8sApp: clean, provider: new k8s.KubernetesProvider(stack, 'k8s', {}) });
      bridge._render();
      expect(checkAppCredentials(stack)).toEqual([]);
      edit(bridge.node.children.find((c): c is Manifest => c instanceof Manifest)!);
      expect([what, checkAppCredentials(stack).map((f) => f.message)]).toEqual([what, [expect.stringContaining('contains an Alibaba Cloud AccessKey ID')]]);
    }
  });

  test('reported once per app however many library constructs there are', () => {
    const { app, stack } = clusterStack(validProps());
    new alicloud.provider.AlicloudProvider(stack, 'keyed', { region: 'cn-beijing', alias: 'keyed', accessKey: KEY_ID });
    new KubernetesManifests(stack, 'M', { cdk8sApp: Cdk8sTesting.app(), provider: new k8s.KubernetesProvider(stack, 'k8s', {}) });
    expect(secFindings(stack)).toHaveLength(1);
    expect(checkAppCredentials(app)).toHaveLength(1);
  });
});
