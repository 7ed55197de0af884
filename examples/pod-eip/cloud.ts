/**
 * Pod EIPs, cloud side: the flagship cluster plus PodEipPolicy — the RAM policy with exactly the
 * documented ack-extend-network-controller actions on the worker RAM role, the UDP game ports
 * opened on the node security group, the controller values as a Terraform output, and (opt-in)
 * a helm_release of a mirrored copy of the Marketplace chart.
 *
 *   cdktf synth            # with the cdktf CLI, in this folder
 *   npm run example        # from the repository root, no CLI needed
 */
import { App, LocalBackend } from 'cdktf';
import { Construct } from 'constructs';
import { REGION, TerwayClusterStack } from '../terway-cluster/main';
import { Acknowledgements, BusinessPortProtocol, ClusterObjectsStack, PodEipPolicy } from 'ack-terway-network';

/** The chart version the example pins (RRSA needs v0.10.0+, client QPS/burst v0.12.2+). */
export const CHART_VERSION = 'v0.12.2';
/** Owner kind of the game servers' custom controller, eligible for fixed EIPs. */
export const GAME_SERVER_KIND = 'GameServerSet';

/** Options of the example stack. */
export interface PodEipStackOptions {
  /**
   * Also install the mirrored chart with helm_release. The Helm provider reads the API server
   * while planning, so the release (with the policy it depends on) goes to a ClusterObjectsStack
   * that `cdktf deploy '*'` applies after this stack.
   */
  readonly helmRelease?: boolean;
}

/** The cluster stack with pod EIP permissions, ports and controller values. */
export class PodEipStack extends TerwayClusterStack {
  public readonly podEip: PodEipPolicy;
  /** With `helmRelease`: the stack holding the policy and the controller's helm_release. */
  public readonly objects?: ClusterObjectsStack;

  constructor(scope: Construct, id: string, options: PodEipStackOptions = {}) {
    super(scope, id);
    if (options.helmRelease) {
      // The Helm provider gets the new cluster's endpoint and credentials from its kubeconfig
      // (alicloud_cs_cluster_credential), read once this stack is applied.
      this.objects = new ClusterObjectsStack(scope, `${id}-objects`, { cluster: this.cluster });
      new LocalBackend(this.objects, { path: `terraform.${id}-objects.tfstate` });
      Acknowledgements.of(this.objects).add('TW-DEPLOY-002', 'cdktf deploy runs on a build host inside the VPC');
    }
    const helm = this.objects?.helmProvider();
    this.podEip = new PodEipPolicy(this.objects ?? this, 'PodEip', {
      cluster: this.cluster,
      controller: {
        chartVersion: CHART_VERSION,
        regionId: REGION,
        maxConcurrentReconciles: 2,
        garbageCollectionPeriodInMinutes: 10,
        customStatefulWorkloadKinds: [GAME_SERVER_KIND],
      },
      businessPorts: [
        { protocol: BusinessPortProtocol.UDP, portRange: '7000/7100', sourceCidrIp: '0.0.0.0/0', description: 'game traffic to pod EIPs' },
        { protocol: BusinessPortProtocol.TCP, portRange: '443', sourceCidrIp: '0.0.0.0/0', description: 'HTTPS to the web pods\' EIPs' },
      ],
      helmRelease: helm && { repository: 'oci://registry.example.com/ack-mirror', namespace: 'kube-system', provider: helm },
    });
  }
}

/** Builds the example app writing to `outdir`. */
export function buildPodEipCloudApp(outdir?: string, options: PodEipStackOptions = { helmRelease: true }): App {
  const app = new App({ outdir });
  new PodEipStack(app, 'pod-eip', options);
  return app;
}

if (require.main === module) {
  buildPodEipCloudApp().synth();
}
