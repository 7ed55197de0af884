/**
 * The cloud side of the node-mode example: a three-zone Terway cluster (no eBPF acceleration:
 * exclusive ENI pods cannot use it) with
 * - an exclusive ENI node pool (label k8s.aliyun.com/exclusive-mode-eni-type: eniOnly, tainted,
 *   auto scaling) for network-intensive pods, and
 * - a fixed-vSwitch node pool (label terway-config: eni-config-fixed, tainted) whose pods take
 *   IPs only from a dedicated /24 with SNAT: the CIDR an external database allowlists.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Acknowledgements, alicloud, ClusterObjectsStack, ExclusiveEniNodePool, FixedVSwitchNodePool, TerwayCluster,
} from 'ack-terway-network';

export const REGION = 'cn-hangzhou';
export const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];
/** Name of the per-node Terway ConfigMap (and of the node label value). */
export const FIXED_CONFIG = 'eni-config-fixed';

/** Options of {@link NodeModesStack}. */
export interface NodeModesStackOptions {
  /**
   * One-deploy path: the stack of the cluster's objects (created once the cluster exists). The
   * fixed-vSwitch pool goes there too, after the ConfigMap that delivers its eni_conf.
   */
  readonly clusterObjects?: (stack: NodeModesStack) => ClusterObjectsStack;
}

/** Cluster, exclusive ENI node pool and fixed-vSwitch node pool. */
export class NodeModesStack extends TerraformStack {
  public readonly cluster: TerwayCluster;
  public readonly exclusivePool: ExclusiveEniNodePool;
  public readonly fixedPool: FixedVSwitchNodePool;
  /** One-deploy path: the cluster-objects stack. */
  public readonly objects?: ClusterObjectsStack;

  constructor(scope: Construct, id: string, options: NodeModesStackOptions = {}) {
    super(scope, id);
    // Relative to cdktf.out/stacks/<id>, written so that a later stack's cross-stack references
    // (terraform_remote_state, which reuses this path from its own directory) find the same file.
    new LocalBackend(this, { path: `../${id}/terraform.${id}.tfstate` });
    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: REGION });
    this.cluster = new TerwayCluster(this, 'Cluster', {
      clusterName: 'node-modes',
      kubernetesVersion: '1.33.1-aliyun.1',
      vpc: { cidrBlock: '192.168.0.0/16' },
      zones: ZONES.map((zoneId, i) => ({
        zoneId,
        nodeVSwitches: [{ cidrBlock: `192.168.${i}.0/24` }],
        podVSwitches: [{ cidrBlock: `192.168.${32 * (i + 1)}.0/19` }],
      })),
      serviceCidr: '172.21.0.0/20',
      terwayVersion: 'v1.16.7',
    });
    this.exclusivePool = new ExclusiveEniNodePool(this, 'ExclusivePool', {
      cluster: this.cluster,
      nodePoolName: 'exclusive-eni',
      instanceTypes: ['ecs.g8i.4xlarge', 'ecs.g7.4xlarge'],
      autoScaling: { minSize: 1, maxSize: 10 },
    });
    this.objects = options.clusterObjects?.(this);
    const manifests = this.objects?.manifests;
    // The pool must start after its ConfigMap: in the objects stack when it delivers the ConfigMap.
    this.fixedPool = new FixedVSwitchNodePool(this.objects ?? this, 'FixedPool', {
      cluster: this.cluster,
      nodePoolName: 'allowlisted',
      instanceTypes: ['ecs.g7.xlarge', 'ecs.g8i.xlarge'],
      desiredSize: 2,
      configName: FIXED_CONFIG,
      vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.200.0/24' }],
      configMapManifests: manifests,
    });
    if (!manifests) {
      Acknowledgements.of(this.fixedPool).add('TW-FIXED-009', 'GitOps: Argo CD applies kube-system/eni-config-fixed (sync wave -1) before this pool is created');
    }
  }
}

/** The cloud-only app (GitOps path: the cluster side comes from gitops.ts). */
export function buildCloudApp(outdir?: string): App {
  const app = new App({ outdir });
  new NodeModesStack(app, 'node-modes');
  return app;
}
