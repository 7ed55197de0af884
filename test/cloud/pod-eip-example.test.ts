import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { parse, parseAllDocuments } from 'yaml';
import { buildPodEipCloudApp, PodEipStack } from '../../examples/pod-eip/cloud';
import { buildPodEipGitOpsApp, valuesFile, writePodEipGitOps } from '../../examples/pod-eip/workloads';
import { ValidationReport } from '../../src';
import { tmpdir } from '../support/files';
import { validateManifests } from '../support/k8s-schemas';
import { conformanceErrors } from '../support/terraform-schema';

describe('pod EIP example', () => {
  test('Terraform: RAM policy on the worker role, game ports, values output, helm_release; conforms to the pinned schema', () => {
    const outdir = tmpdir('pod-eip-');
    const app = buildPodEipCloudApp(outdir);
    app.synth();
    // The release needs the cluster's API server while planning: it is in the objects stack, with the policy it waits for.
    const stack = app.node.findChild('pod-eip-objects');
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'pod-eip-objects', 'cdk.tf.json'), 'utf-8'));
    expect(tf.provider.helm[0].kubernetes.host).toMatch(/^\$\{yamldecode\(data\.alicloud_cs_cluster_credential\.[^.]+\.kube_config\)/);
    expect(conformanceErrors(tf)).toEqual([]);
    const [attachment] = Object.values(tf.resource.alicloud_ram_role_policy_attachment) as any[];
    expect(attachment.role_name).toMatch(/\$\{data\.terraform_remote_state\.[^}]+alicloud_cs_managed_kubernetes[^}]+worker_ram_role_name\}/);
    expect((Object.values(tf.resource.alicloud_security_group_rule) as any[]).map((r) => `${r.ip_protocol} ${r.port_range}`)).toEqual(['udp 7000/7100', 'tcp 443/443']);
    const [release] = Object.values(tf.resource.helm_release) as any[];
    expect(release).toMatchObject({ chart: 'ack-extend-network-controller', version: 'v0.12.2', namespace: 'kube-system' });
    expect(parse(release.values[0])).toMatchObject({ enableControllers: ['eip'], clusterID: expect.stringMatching(/terraform_remote_state.*alicloud_cs_managed_kubernetes/) });
    // The only credential is the kubeconfig the alicloud_cs_cluster_credential data source reads at plan time.
    expect(JSON.stringify(tf).replace(/alicloud_cs_cluster_credential|ClusterCredential/g, '')).not.toMatch(/credential|accessKey|accessSecret/i);
    expect(ValidationReport.of(stack).warnings).toEqual([]);
  });

  test('without the opt-in the stack has no helm_release and needs no Helm provider', () => {
    const stack = new PodEipStack(Testing.app() as App, 'pod-eip', { helmRelease: false });
    const tf = JSON.parse(Testing.synth(stack, true));
    expect(tf.resource.helm_release).toBeUndefined();
    expect(tf.provider.helm).toBeUndefined();
  });

  test('Kubernetes YAML passes the upstream schemas; fixed EIPs on the StatefulSet, automatic on the Deployment; values file', () => {
    const app = buildPodEipGitOpsApp();
    const objects = app.charts.flatMap((c) => c.toJson());
    expect(validateManifests(objects)).toEqual([]);
    const sts = objects.find((o: any) => o.kind === 'StatefulSet');
    expect(sts.spec.template.metadata.annotations['network.alibabacloud.com/pod-eip-release-strategy']).toBe('10m');
    const deploy = objects.find((o: any) => o.kind === 'Deployment');
    expect(deploy.spec.template.metadata.annotations).toEqual({ 'network.alibabacloud.com/pod-with-eip': 'true', 'network.alibabacloud.com/eip-bandwidth': '5' });
    for (const w of [sts, deploy]) expect(w.spec.template.spec.readinessGates).toEqual([{ conditionType: 'k8s.aliyun.com/eip' }]);
    expect(ValidationReport.of(app).errors).toEqual([]);
    expect(parse(valuesFile())).toMatchObject({ clusterID: 'c4f1d3b2a9e8c7d6b5a4f3e2d1c0b9a8f', vpcID: 'vpc-bp1k2r7x9demo0vpc01', networkController: { vpcid: 'vpc-bp1k2r7x9demo0vpc01' } });
  });

  // `kubectl apply -f <folder>` and Argo CD directory apps read every .yaml/.yml/.json file of the folder and
  // reject a document without apiVersion and kind ("Object 'Kind' is missing"); a Helm values file has neither.
  test('GitOps layout: the manifests folder holds only Kubernetes objects; the values file sits beside it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-eip-gitops-'));
    try {
      const layout = writePodEipGitOps(root);
      expect(path.dirname(layout.values)).toBe(root);
      expect(path.relative(layout.manifests, layout.values).startsWith('..')).toBe(true);
      const yamlFiles = fs.readdirSync(layout.manifests).filter((f) => /\.ya?ml$/.test(f));
      expect(yamlFiles.length).toBeGreaterThan(0);
      for (const file of yamlFiles) {
        for (const doc of parseAllDocuments(fs.readFileSync(path.join(layout.manifests, file), 'utf8'))) {
          const obj = doc.toJS();
          if (obj === null) continue;
          expect({ file, apiVersion: typeof obj.apiVersion, kind: typeof obj.kind }).toEqual({ file, apiVersion: 'string', kind: 'string' });
        }
      }
      const values = parse(fs.readFileSync(layout.values, 'utf8'));
      expect(values.kind).toBeUndefined();
      expect(values).toEqual(parse(valuesFile()));
      expect(values.networkController.customStatefulWorkloadKinds).toEqual(['GameServerSet']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
