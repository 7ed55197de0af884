import * as fs from 'fs';
import * as path from 'path';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ApiObject, Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import * as YAML from 'yaml';
import { buildGitOpsApp } from '../../examples/pod-networking/gitops';
import { buildOneDeployApp } from '../../examples/pod-networking/one-deploy';
import { KubernetesManifests, PodNetworkingPlane } from '../../src';
import { escapeLiterals } from '../../src/cloud/escape-literals';
import { filesUnder, tmpdir } from '../support/files';
import { validateEniConf, validateManifest, validateManifests } from '../support/k8s-schemas';
import { conformanceErrors } from '../support/terraform-schema';
import { admitPodNetworking, isFixedNamePod, namespaceLabelsIn, podNetworkingMatchesPod, podsCreatedBy } from '../support/terway-admission';

const tmp = () => tmpdir('pod-networking-');

function gitOpsObjects(): any[] {
  const outdir = tmp();
  buildGitOpsApp(outdir).synth();
  const [file] = fs.readdirSync(outdir);
  return YAML.parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf-8')).map((d) => d.toJSON());
}

/** The one-deploy app's stacks: the cloud stack and the cluster-objects stack. */
function oneDeployJson(stack = 'pod-networking-objects'): any {
  const outdir = tmp();
  buildOneDeployApp(outdir).synth();
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf-8'));
}

/** A cross-stack reference to an output of the cloud stack, as cdktf writes it. */
const REMOTE = '\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-pod-networking\\.outputs\\.cross-stack-output-';

describe('GitOps path: cdk8s YAML with literal IDs from terraform outputs', () => {
  const objects = gitOpsObjects();
  const planes = objects.filter((o) => o.kind === 'PodNetworking');

  test('snapshot', () => {
    expect(objects).toMatchSnapshot();
  });

  test('every object passes the upstream Kubernetes schemas and the PodNetworking CRD schema', () => {
    expect(validateManifests(objects)).toEqual([]);
  });

  test('every PodNetworking is admitted by Terway\'s webhooks (v1.17.5 and the v1.11.1 minimum for eniOptions)', () => {
    for (const pn of planes) {
      for (const terwayVersion of ['1.17.5', '1.11.1']) {
        expect(admitPodNetworking(pn, { terwayVersion })).toMatchObject({ allowed: true });
      }
    }
  });

  test('IDs come literally from the outputs file', () => {
    const db = planes.find((p) => p.metadata.name === 'db');
    expect(db.spec).toMatchObject({
      allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '1h' },
      securityGroupIDs: ['sg-bp1dbpl0demo0pods01'],
      vSwitchOptions: ['vsw-bp1dbpl0demo000000', 'vsw-bp1dbpl1demo000001', 'vsw-bp1dbpl2demo000002'],
      vSwitchSelectOptions: { vSwitchSelectionPolicy: 'most' },
    });
    expect(JSON.stringify(objects)).not.toContain('${');
  });

  test('each workload\'s pods match exactly the intended plane, and the Fixed plane only fixed-name pods (Terway matching oracle)', () => {
    const expected: Record<string, string> = { 'StatefulSet/postgres': 'db', 'Deployment/web': 'web' };
    const created = podsCreatedBy(objects);
    expect(created.map((c) => c.source).sort()).toEqual(Object.keys(expected).sort());
    for (const { pod, namespace, source } of created) {
      const matching = planes.filter((pn) => podNetworkingMatchesPod(pn, pod, namespaceLabelsIn(objects, namespace)));
      expect(matching.map((m) => m.metadata.name)).toEqual([expected[source]]);
      if (matching[0].spec.allocationType.type === 'Fixed') expect(isFixedNamePod(pod)).toBe(true);
    }
  });

  test('eni-config keeps its keys, turns Trunk ENI on and passes the eni_conf schema', () => {
    const cm = objects.find((o) => o.kind === 'ConfigMap');
    expect(cm.metadata).toEqual({ name: 'eni-config', namespace: 'kube-system' });
    expect(Object.keys(cm.data).sort()).toEqual(['10-terway.conf', 'disable_network_policy', 'eni_conf', 'in_cluster_loadbalance']);
    const eniConf = JSON.parse(cm.data.eni_conf);
    expect(eniConf).toMatchObject({ enable_eni_trunking: true, credential_path: '/var/addon/token-config', max_pool_size: 5 });
    expect(validateEniConf(eniConf)).toEqual([]);
  });

  test('two synths are byte-identical', () => {
    const a = tmp();
    const b = tmp();
    buildGitOpsApp(a).synth();
    buildGitOpsApp(b).synth();
    for (const f of fs.readdirSync(a)) expect(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))).toBe(true);
  });
});

describe('one cdktf deploy: manifests as kubernetes_manifest with Terraform references', () => {
  const tf = oneDeployJson();
  const manifests = Object.values(tf.resource.kubernetes_manifest) as any[];

  test('snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('alicloud resources conform to the pinned provider schema', () => {
    expect(conformanceErrors(tf)).toEqual([]);
  });

  test('plane IDs are references to the plane vSwitches and security groups, not literal text', () => {
    const db = manifests.find((m) => m.manifest.kind === 'PodNetworking' && m.manifest.metadata.name === 'db').manifest;
    expect(db.spec.vSwitchOptions).toHaveLength(3);
    for (const id of db.spec.vSwitchOptions) expect(id).toMatch(new RegExp(`^${REMOTE}alicloud_vswitchDbPlane_VSwitch-[^.}]+id\\}$`));
    expect(db.spec.securityGroupIDs).toEqual([expect.stringMatching(new RegExp(`^${REMOTE}alicloud_security_groupDbPlane_SecurityGroup_[A-F0-9]+id\\}$`))]);
    expect(JSON.stringify(tf)).not.toContain('$${');
    for (const m of manifests) expect(m.provider).toBe('kubernetes');
  });

  test('with references resolved to IDs, every manifest passes the Kubernetes/CRD schemas and Terway admission', () => {
    const resolved = manifests.map((m) => JSON.parse(JSON.stringify(m.manifest)
      .replace(new RegExp(`${REMOTE}alicloud_vswitch[^}]+\\}`, 'g'), 'vsw-bp1resolved0001').replace(new RegExp(`${REMOTE}alicloud_security_group[^}]+\\}`, 'g'), 'sg-bp1resolved0001')));
    for (const obj of resolved) expect(validateManifest(obj)).toEqual([]);
    for (const pn of resolved.filter((o) => o.kind === 'PodNetworking')) expect(admitPodNetworking(pn)).toMatchObject({ allowed: true });
  });

  test('the plane vSwitches get SNAT entries and the security groups their ingress rules (cloud stack)', () => {
    const cloud = oneDeployJson('pod-networking');
    expect(cloud.resource.kubernetes_manifest).toBeUndefined();
    const snat = Object.values(cloud.resource.alicloud_snat_entry) as any[];
    expect(snat).toHaveLength(12);
    const rules = Object.values(cloud.resource.alicloud_security_group_rule) as any[];
    expect(rules.map((r) => [r.ip_protocol, r.port_range, r.cidr_ip])).toEqual([['tcp', '5432/5432', '192.168.0.0/16'], ['all', '-1/-1', '192.168.0.0/16']]);
    expect(Object.keys(cloud.output)).toEqual(expect.arrayContaining(['db_vswitch_ids', 'db_security_group_ids', 'web_vswitch_ids', 'web_security_group_ids']));
  });

  test('an invalid plane in the cdk8s app stops cdktf synth, and nothing is written', () => {
    const outdir = tmp();
    const app = buildOneDeployApp(outdir);
    const bridge = app.node.findAll().find((c): c is KubernetesManifests => c instanceof KubernetesManifests)!;
    const cdk8sApp = bridge.cdk8sApp;
    new PodNetworkingPlane(cdk8sApp.charts[0], 'Broken', { name: 'broken', podSelector: { matchLabels: { x: 'y' } }, securityGroupIds: [], vSwitches: [] });
    expect(() => app.synth()).toThrow(/\[cdk8s network-planes\/Broken\] \[TW-PN-006\][\s\S]*\[TW-PN-007\]/);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('two synths are byte-identical', () => {
    expect(JSON.stringify(oneDeployJson())).toBe(JSON.stringify(tf));
  });
});

describe('escaping literal Terraform syntax in manifests', () => {
  test('literal ${ and %{ are escaped, cdktf tokens are kept', () => {
    expect(escapeLiterals({ a: 'echo ${HOME} %{if}', b: ['${TfToken[TOKEN.7]}'], c: 1, d: null }).escaped)
      .toEqual({ a: 'echo $${HOME} %%{if}', b: ['${TfToken[TOKEN.7]}'], c: 1, d: null });
  });

  test('a value without openers is passed through as it is; a nested opener is still found', () => {
    const plain = { a: 'echo $HOME {x}', b: [{ c: '50%' }] };
    expect(escapeLiterals(plain).escaped).toBe(plain);
    expect(escapeLiterals({ a: [{ b: { c: 'x ${y}' } }] }).escaped).toEqual({ a: [{ b: { c: 'x $${y}' } }] });
  });

  test('a ConfigMap with shell text reaches Terraform as literal text', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const cdk8sApp = Cdk8sTesting.app();
    const chart = new Chart(cdk8sApp, 'c');
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'script' }, data: { run: 'echo ${HOME}' } });
    new KubernetesManifests(stack, 'M', { cdk8sApp, provider: new KubernetesProvider(stack, 'k8s', {}) });
    const json = JSON.parse(Testing.synth(stack, true));
    expect((Object.values(json.resource.kubernetes_manifest)[0] as any).manifest.data.run).toBe('echo $${HOME}');
  });
});
