// Deep imports: the package root loads all ~300 resource modules (seconds, hundreds of MB).
import * as path from 'path';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App as Cdk8sApp } from 'cdk8s';
import { Fn, TerraformBackend, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { isCdk8sApp } from './cdk8s-app-shape';
import { isTerwayCluster } from './cluster-inputs';
import { KubernetesManifests } from './kubernetes-manifests';
import { installSynthGate } from './synth-gate';
import type { TerwayCluster } from './terway-cluster';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { checkInputs, describeValue, propsStructOf } from '../domain/input';
import { Finding } from '../domain/rules';
import { DataAlicloudCsClusterCredential } from '../generated/alicloud/data-alicloud-cs-cluster-credential';
import { AlicloudProvider } from '../generated/alicloud/provider';

/** Properties of a {@link ClusterObjectsStack}. */
export interface ClusterObjectsStackProps {
  /**
   * The cluster, created in another stack of the same cdktf app. Its ID reaches this stack as a
   * cross-stack reference and its stack becomes a dependency, so `cdktf deploy '*'` applies it first.
   * @default - give `clusterId`
   * @see https://developer.hashicorp.com/terraform/cdktf/concepts/stacks
   */
  readonly cluster?: TerwayCluster;
  /**
   * ID of an existing cluster (instead of `cluster`).
   * @default - the ID of `cluster`
   */
  readonly clusterId?: string;
  /**
   * Region of this stack's alicloud provider, which reads the cluster's kubeconfig
   * (`alicloud_cs_cluster_credential`). Credentials come from the environment, as for every
   * alicloud provider of the library: never AccessKeys in the output.
   * @default - the region of the default alicloud provider of the cluster's stack
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs#authentication
   */
  readonly region?: string;
  /**
   * The cdk8s app whose objects this stack applies as `kubernetes_manifest` resources.
   * @default - a new, empty cdk8s App (see `cdk8sApp`)
   */
  readonly cdk8sApp?: Cdk8sApp;
  /**
   * Lifetime of the kubeconfig the stack reads at each plan (`temporary_duration_minutes`), 15 to 4320.
   * @default - the ACK default
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/data-sources/cs_cluster_credential
   */
  readonly credentialMinutes?: number;
}

/**
 * The cluster side of one `cdktf deploy`: a Terraform stack, planned only after the cluster's
 * stack is applied, that holds the `kubernetes_manifest` resources of a cdk8s app (and, if
 * asked, Helm releases). The Kubernetes provider's `kubernetes_manifest` reads the API server
 * while planning, so it cannot plan in the stack that creates the cluster.
 *
 * The stack reads the cluster's kubeconfig with the `alicloud_cs_cluster_credential` data
 * source (a sensitive value: Terraform keeps what is derived from it out of plan output) and
 * configures the Kubernetes and Helm providers from it: no kubeconfig file has to exist
 * beforehand. Put node pools that must start after a ConfigMap (FixedVSwitchNodePool) here too.
 *
 * `cdktf deploy '*'` applies the stacks in dependency order; `cdktf destroy '*'` in reverse.
 * @see https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest
 */
export class ClusterObjectsStack extends TerraformStack {
  /** The cdk8s app delivered by this stack; add charts to it. */
  public readonly cdk8sApp: Cdk8sApp;
  /** The bridge rendering the cdk8s app as `kubernetes_manifest` resources (in dependency order). */
  public readonly manifests: KubernetesManifests;
  /** The Kubernetes provider, configured from the cluster's kubeconfig. */
  public readonly kubernetesProvider: KubernetesProvider;
  /** The `alicloud_cs_cluster_credential` data source that reads the kubeconfig. */
  public readonly credential: DataAlicloudCsClusterCredential;
  /** The cluster ID (a cross-stack reference, or the given ID). */
  public readonly clusterId: string;
  private helm?: TerraformProvider;
  private readonly connection: { host: string; clusterCaCertificate: string; clientCertificate: string; clientKey: string };

  constructor(scope: Construct, id: string, props: ClusterObjectsStackProps) {
    super(scope, id);
    const check = checkInputs(this.node.path);
    const p = check.object('props', props, { struct: propsStructOf(this) });
    if (p.cluster !== undefined && !isTerwayCluster(p.cluster)) check.fail('cluster', `must be a TerwayCluster, got ${describeValue(p.cluster)}.`);
    const givenId = check.string('clusterId', p.clusterId, { optional: true, minLength: 1 });
    if ((p.cluster === undefined) === (givenId === undefined)) check.fail('cluster', 'give exactly one of cluster (a TerwayCluster of another stack) and clusterId (an existing cluster).');
    if (p.cdk8sApp !== undefined && !isCdk8sApp(p.cdk8sApp)) check.fail('cdk8sApp', `must be a cdk8s App, got ${describeValue(p.cdk8sApp)}.`);
    const minutes = check.integer('credentialMinutes', p.credentialMinutes, { optional: true, min: 15, max: 4320 });
    const cluster = props.cluster;
    let region = check.string('region', p.region, { optional: true, minLength: 1 });
    if (cluster !== undefined) {
      const clusterStack = TerraformStack.of(cluster);
      if (clusterStack === this) check.fail('cluster', 'is in this stack; create the TerwayCluster in another stack (rule TW-DEPLOY-001).');
      this.addDependency(clusterStack);
      region ??= cluster._providerRegion();
    }
    if (region === undefined) check.fail('region', 'is needed: the cluster\'s stack has no default alicloud provider with a literal region.');
    this.clusterId = cluster?.clusterId ?? givenId!;

    new AlicloudProvider(this, 'alicloud', { region });
    this.credential = new DataAlicloudCsClusterCredential(this, 'ClusterCredential', {
      clusterId: this.clusterId,
      temporaryDurationMinutes: minutes,
    });
    // Everything comes from the sensitive kube_config, so Terraform keeps it out of plan output
    // (certificate_authority is a map the provider schema does not mark sensitive).
    const kubeconfig = Fn.yamldecode(this.credential.kubeConfig);
    const pick = (keys: unknown[]) => Fn.lookupNested(kubeconfig, keys) as string;
    this.connection = {
      host: pick(['clusters', 0, 'cluster', 'server']),
      clusterCaCertificate: Fn.base64decode(pick(['clusters', 0, 'cluster', 'certificate-authority-data'])),
      clientCertificate: Fn.base64decode(pick(['users', 0, 'user', 'client-certificate-data'])),
      clientKey: Fn.base64decode(pick(['users', 0, 'user', 'client-key-data'])),
    };
    this.kubernetesProvider = new KubernetesProvider(this, 'kubernetes', this.connection);
    this.cdk8sApp = props.cdk8sApp ?? new Cdk8sApp();
    this.manifests = new KubernetesManifests(this, 'Manifests', { cdk8sApp: this.cdk8sApp, provider: this.kubernetesProvider });
    if (cluster !== undefined) {
      registerRuleCheck(this, [RULES.DEPLOY_PRIVATE_ENDPOINT, RULES.DEPLOY_REMOTE_STATE_PATH], () => [
        ...(cluster._endpointPublicAccess() ? [] : [violation(RULES.DEPLOY_PRIVATE_ENDPOINT,
          `Cluster ${cluster.node.path} has no public API server endpoint; this stack's providers use the kubeconfig's (private) endpoint.`,
          'Run cdktf deploy from inside the VPC (or over VPN/Express Connect), or set endpointPublicAccess: true on the cluster; then acknowledge.')]),
        ...remoteStatePathFindings(TerraformStack.of(cluster), this),
      ]);
    }
    installSynthGate(this);
  }

  /**
   * The Helm provider of this stack (`@cdktf/provider-helm`, an optional peer dependency),
   * configured like the Kubernetes provider; created on first use. Pass it to e.g.
   * PodEipPolicy's `helmRelease.provider`; workloads of this stack's manifests then depend on
   * every `helm_release` of the stack.
   */
  public helmProvider(): TerraformProvider {
    if (this.helm === undefined) {
      let helm: typeof import('@cdktf/provider-helm/lib/provider');
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        helm = require('@cdktf/provider-helm/lib/provider');
      } catch {
        throw new Error(`${this.node.path}: helmProvider() needs the optional peer dependency @cdktf/provider-helm (npm install @cdktf/provider-helm@^12.1.0).`);
      }
      this.helm = new helm.HelmProvider(this, 'helm', { kubernetes: this.connection });
    }
    return this.helm;
  }
}

/**
 * TW-DEPLOY-003: cdktf runs Terraform in cdktf.out/stacks/<stack>, and the reading stack's
 * terraform_remote_state reuses the source stack's local backend `path` as written, so a
 * relative path must name the same file from both working directories.
 */
function remoteStatePathFindings(source: TerraformStack, reader: TerraformStack): Finding[] {
  const backend = source.node.findAll().find(TerraformBackend.isBackend) as TerraformBackend | undefined;
  const local = (backend?.toTerraform() as any)?.terraform?.backend?.local;
  const statePath = local?.path;
  if (typeof statePath !== 'string' || path.posix.isAbsolute(statePath)) return [];
  const from = (stack: TerraformStack) => path.posix.normalize(path.posix.join('stacks', stack.node.path, statePath));
  if (from(source) === from(reader)) return [];
  return [violation(RULES.DEPLOY_REMOTE_STATE_PATH,
    `Stack ${source.node.path} keeps its state at ${from(source)} (local backend path ${statePath}), but ${reader.node.path} reads ${from(reader)}.`,
    `Give ${source.node.path} the local backend path '../${source.node.path}/${path.posix.basename(statePath)}' (the same file from every stack's directory), an absolute path, or a remote backend.`)];
}
