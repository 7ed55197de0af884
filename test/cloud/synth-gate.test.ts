import * as fs from 'fs';
import * as path from 'path';
import { provider as k8s } from '@cdktf/provider-kubernetes';
import { ApiObject, App as Cdk8sApp, Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { AnnotationMetadataEntryType, App, Aspects, TerraformStack, Testing } from 'cdktf';
import { alicloud, KubernetesManifests, PodNetworkingPlane, PodNetworkingPlaneResources, TerwayCluster, ValidationReport } from '../../src';
import { startEngineCounting, stopEngineCounting } from '../../src/domain/engine-counters';
import { clusterStack, validProps } from '../support/cluster-fixtures';
import { filesUnder, tmpdir } from '../support/files';
import { planeProps } from '../support/plane-fixtures';
import { captureWarningOutput } from '../support/stderr-capture';

/** A stack delivering `cdk8sApp` through KubernetesManifests. */
function manifestsStack(app: App, id: string, cdk8sApp: Cdk8sApp): TerraformStack {
  const stack = new TerraformStack(app, id);
  new KubernetesManifests(stack, 'Manifests', { cdk8sApp, provider: new k8s.KubernetesProvider(stack, 'k8s', {}) });
  return stack;
}

function validCdk8sApp(): Cdk8sApp {
  const app = Cdk8sTesting.app();
  new PodNetworkingPlane(new Chart(app, 'planes'), 'Web', planeProps());
  return app;
}

describe('all or nothing for every app holding a library construct', () => {
  test('stacks holding only KubernetesManifests: an invalid plane in stack B writes no stack at all', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    manifestsStack(app, 'a-valid', validCdk8sApp());
    const broken = Cdk8sTesting.app();
    new PodNetworkingPlane(new Chart(broken, 'planes'), 'Broken', planeProps({ securityGroupIds: [] }));
    manifestsStack(app, 'b-broken', broken);
    expect(() => app.synth()).toThrow(/\[b-broken\/Manifests\] \[cdk8s planes\/Broken\] \[TW-PN-/);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('a render error in stack B stops synthesis before stack A (with the cluster) is written', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    const first = new TerraformStack(app, 'a-cluster');
    new alicloud.provider.AlicloudProvider(first, 'alicloud', { region: 'cn-hangzhou' });
    new TerwayCluster(first, 'Cluster', validProps());
    const clashing = Cdk8sTesting.app();
    for (const id of ['one', 'two']) {
      new ApiObject(new Chart(clashing, id), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same', namespace: 'team' } });
    }
    manifestsStack(app, 'b-manifests', clashing);
    expect(() => app.synth()).toThrow(/the Kubernetes object ConfigMap team\/same is defined twice/);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('an earlier stack with no library construct is not written when a later stack breaks a rule', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    const plain = new TerraformStack(app, 'a-plain');
    new alicloud.provider.AlicloudProvider(plain, 'alicloud', { region: 'cn-hangzhou' });
    new alicloud.vpc.Vpc(plain, 'Vpc', { cidrBlock: '10.0.0.0/8' });
    const later = new TerraformStack(app, 'b-cluster');
    new alicloud.provider.AlicloudProvider(later, 'alicloud', { region: 'cn-hangzhou' });
    new TerwayCluster(later, 'Cluster', validProps({ serviceCidr: '192.168.0.0/20' }));
    expect(() => app.synth()).toThrow(/\[b-cluster\/Cluster\] \[TW-NET-/);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('a valid multi-stack app without a cluster is written completely', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    manifestsStack(app, 'a', validCdk8sApp());
    manifestsStack(app, 'b', validCdk8sApp());
    app.synth();
    expect(filesUnder(outdir).filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(2);
  });
});

describe('rendering happens before cdktf prepares the stacks', () => {
  test('a manifest in one stack referencing plane resources of another gets cross-stack references', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    const cloud = new TerraformStack(app, 'cloud');
    new alicloud.provider.AlicloudProvider(cloud, 'alicloud', { region: 'cn-hangzhou' });
    const cluster = new TerwayCluster(cloud, 'Cluster', validProps());
    const db = new PodNetworkingPlaneResources(cloud, 'Db', { cluster, planeName: 'db', vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.128.0/19' }] });
    const apps = new TerraformStack(app, 'apps');
    const cdk8sApp = new Cdk8sApp();
    new PodNetworkingPlane(new Chart(cdk8sApp, 'planes'), 'Db', {
      name: 'db', cluster: cluster.clusterInfo, podSelector: { matchLabels: { tier: 'db' } }, vSwitches: db.planeVSwitches, securityGroupIds: db.securityGroupIds,
    });
    new KubernetesManifests(apps, 'Manifests', { cdk8sApp, provider: new k8s.KubernetesProvider(apps, 'k8s', {}) });
    app.synth();
    const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
    const plane = (Object.values(read('apps').resource.kubernetes_manifest) as any[]).find((m) => m.manifest.kind === 'PodNetworking').manifest;
    // Without preparing, these were references to resources of the other stack, which Terraform rejects.
    for (const ref of [...plane.spec.vSwitchOptions, ...plane.spec.securityGroupIDs]) {
      expect(ref).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-cloud\.outputs\.cross-stack-output-/);
    }
    expect(Object.keys(read('cloud').output).filter((o) => o.startsWith('cross-stack-output-'))).toHaveLength(2);
  });
});

describe('rendering starts with App.synth()', () => {
  test('an App subclass with its own synth still gets every object rendered and written', () => {
    const outdir = tmpdir();
    const calls: string[] = [];
    class MyApp extends App {
      public synth(): void {
        calls.push('synth');
        super.synth();
      }
    }
    const app = new MyApp({ outdir });
    manifestsStack(app, 'm', validCdk8sApp());
    app.synth();
    expect(calls).toEqual(['synth']);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'm', 'cdk.tf.json'), 'utf8'));
    expect((Object.values(json.resource.kubernetes_manifest) as any[]).map((m) => m.manifest.kind)).toEqual(['PodNetworking']);
  });
});

describe('a later stack synthesized on its own (the gate runs on the first stack only)', () => {
  test('Testing.synth of it still renders its manifests', () => {
    const app = Testing.app();
    new TerraformStack(app, 'a-first');
    const later = manifestsStack(app, 'b-later', validCdk8sApp());
    const json = JSON.parse(Testing.synth(later));
    expect((Object.values(json.resource.kubernetes_manifest) as any[]).map((m) => m.manifest.kind)).toEqual(['PodNetworking']);
  });
});

describe('cdktf validates a stack after the gate: findings are reused only when nothing can have changed them', () => {
  const KEY_ID = 'LTAI5tExampleKeyId0001';

  /** The most times any construct's checks were evaluated during `app.synth()`. */
  function maxEvaluations(app: App): number {
    const counts = startEngineCounting();
    try {
      app.synth();
    } finally {
      stopEngineCounting();
    }
    expect(counts.checkEvaluations.size).toBeGreaterThan(0);
    return Math.max(...counts.checkEvaluations.values());
  }

  test('with only the library\'s aspects, each check is evaluated once per synth', () => {
    const { app } = clusterStack(validProps(), new App({ outdir: tmpdir() }));
    expect(maxEvaluations(app)).toBe(1);
  });

  test('a user aspect in the stack makes cdktf\'s validation evaluate afresh', () => {
    const { app, stack } = clusterStack(validProps(), new App({ outdir: tmpdir() }));
    Aspects.of(stack).add({ visit: () => undefined });
    expect(maxEvaluations(app)).toBe(2);
  });

  test('... so what a user aspect changes after the gate is still refused', () => {
    const outdir = tmpdir();
    const { app, stack } = clusterStack(validProps(), new App({ outdir }));
    Aspects.of(stack).add({ visit: (node) => { if (node instanceof alicloud.provider.AlicloudProvider) node.accessKey = KEY_ID; } });
    expect(() => app.synth()).toThrow(/\[TW-SEC-001\]/);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('Testing.synth without validations leaves no pass open: a later change is seen in the same job', () => {
    const { app, stack } = clusterStack(validProps());
    Testing.synth(stack);
    const provider = stack.node.findAll().find((c): c is alicloud.provider.AlicloudProvider => c instanceof alicloud.provider.AlicloudProvider)!;
    provider.accessKey = KEY_ID;
    expect(ValidationReport.of(app).errors.map((f) => f.ruleId)).toContain('TW-SEC-001');
  });
});

describe('skipValidation does not switch the Terway rules off', () => {
  test('an invalid cluster still fails, saying what skipping means, and writes nothing', () => {
    const outdir = tmpdir();
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, 'x');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new TerwayCluster(stack, 'Cluster', validProps({ serviceCidr: '192.168.0.0/20' }));
    expect(() => app.synth()).toThrow(/skipValidation: true skips cdktf's own checks only; the Terway rules still run[\s\S]*\[x\/Cluster\] \[TW-NET-003\]/);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('cluster-side rules delivered by KubernetesManifests still fail', () => {
    const app = new App({ outdir: tmpdir(), skipValidation: true });
    const broken = Cdk8sTesting.app();
    new PodNetworkingPlane(new Chart(broken, 'planes'), 'Broken', planeProps({ securityGroupIds: [] }));
    manifestsStack(app, 'm', broken);
    expect(() => app.synth()).toThrow(/skipValidation[\s\S]*\[cdk8s planes\/Broken\] \[TW-PN-/);
  });

  test('a valid app with skipValidation is written', () => {
    const outdir = tmpdir();
    const app = new App({ outdir, skipValidation: true });
    manifestsStack(app, 'a', validCdk8sApp());
    app.synth();
    expect(filesUnder(outdir).filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(1);
  });
});

describe('cluster-side warnings: one line per finding, at their real level', () => {
  const written = captureWarningOutput();

  test('cdk8s App.synth() with several charts prints each warning once', () => {
    const app = new Cdk8sApp({ outdir: tmpdir() });
    new PodNetworkingPlane(new Chart(app, 'planes'), 'Web', planeProps());
    new Chart(app, 'other');
    new Chart(app, 'third');
    app.synth();
    expect(written).toEqual([expect.stringMatching(/^\[ack-terway-network\] WARNING planes\/Web: \[TW-PN-015\] /)]);
  });

  test('through KubernetesManifests they are cdktf warnings, and one stderr line each in a plain node run', () => {
    const app = new App({ outdir: tmpdir() });
    const stack = manifestsStack(app, 'a', validCdk8sApp());
    app.synth();
    expect(written).toEqual([expect.stringMatching(/^\[ack-terway-network\] WARNING planes\/Web: \[TW-PN-015\] /)]);
    const warnings = stack.node.findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data)));
    expect(warnings).toEqual([expect.stringMatching(/^planes\/Web: \[TW-PN-015\] /)]);
  });

  // The cdktf CLI's synth sets this variable and shows manifest.json's annotations itself (and
  // the app's stderr as [ERROR]): hashicorp/terraform-cdk packages/@cdktf/cli-core/src/lib/synth-stack.ts.
  test('under the cdktf CLI they (and the cloud side\'s) are cdktf warnings only', () => {
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
    try {
      const app = new App({ outdir: tmpdir() });
      clusterStack({ ...validProps(), vpc: { vpcId: 'vpc-bp1existing0001', cidrBlock: '192.168.0.0/16' } }, app);
      manifestsStack(app, 'a', validCdk8sApp());
      app.synth();
      expect(written).toEqual([]);
    } finally {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    }
  });
});

describe('cloud-side findings on stderr', () => {
  const written = captureWarningOutput();
  /** A cluster whose pod vSwitch in an existing VPC has no SNAT: warning TW-NAT-001. */
  function warnedApp(outdir: string): App {
    const app = new App({ outdir });
    clusterStack({ ...validProps(), vpc: { vpcId: 'vpc-bp1existing0001', cidrBlock: '192.168.0.0/16' } }, app);
    return app;
  }

  test('a plain node run prints each unacknowledged warning once, with rule ID and fix', () => {
    const app = warnedApp(tmpdir());
    app.synth();
    const lines = written.join('').split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => /^\[ack-terway-network\] WARNING test\/\S+: \[TW-[A-Z]+-\d{3}\] .* Fix: /.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('[TW-NAT-001]'))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });

  test('errors are printed before cdktf throws, and nothing is written', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    clusterStack({ ...validProps(), serviceCidr: '192.168.0.0/20' }, app);
    expect(() => app.synth()).toThrow(/TW-NET-003/);
    expect(written.join('')).toMatch(/^\[ack-terway-network\] ERROR test\/Cluster: \[TW-NET-003\] /m);
    expect(filesUnder(outdir)).toEqual([]);
  });

  test('ACK_TERWAY_NETWORK_QUIET=1 and acknowledged warnings print nothing', () => {
    process.env.ACK_TERWAY_NETWORK_QUIET = '1';
    warnedApp(tmpdir()).synth();
    expect(written).toEqual([]);
  });
});
