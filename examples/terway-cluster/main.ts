/**
 * Flagship example: a three-zone ACK managed cluster in Terway shared ENI mode
 * (compliance rule AlibabaCloud-ACK-009), with Trunk ENI, NetworkPolicy, DataPathv2,
 * a NAT gateway giving every pod vSwitch Internet egress, and one node pool.
 *
 *   cdktf synth            # with the cdktf CLI, in this folder
 *   npm run example        # from the repository root, no CLI needed
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, NetworkAcceleration, TerwayCluster } from 'ack-terway-network';

/** Region and zones of the example. */
export const REGION = 'cn-hangzhou';
export const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];

/** The example stack: VPC, vSwitches, NAT, cluster and node pool. */
export class TerwayClusterStack extends TerraformStack {
  public readonly cluster: TerwayCluster;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON identical on every machine.
    // Relative to cdktf.out/stacks/<id>, written so that a later stack's cross-stack references
    // (terraform_remote_state, which reuses this path from its own directory) find the same file.
    new LocalBackend(this, { path: `../${id}/terraform.${id}.tfstate` });
    // Credentials come from the environment (ALICLOUD_ACCESS_KEY/SECRET_KEY, a profile or
    // RRSA); the library refuses to synthesize access keys into cdk.tf.json.
    new alicloud.provider.AlicloudProvider(this, 'alicloud', { region: REGION });

    this.cluster = new TerwayCluster(this, 'Cluster', {
      clusterName: 'terway-demo',
      kubernetesVersion: '1.33.1-aliyun.1',
      vpc: { cidrBlock: '192.168.0.0/16' },
      zones: ZONES.map((zoneId, i) => ({
        zoneId,
        nodeVSwitches: [{ cidrBlock: `192.168.${i}.0/24` }],
        podVSwitches: [{ cidrBlock: `192.168.${32 * (i + 1)}.0/19` }],
      })),
      serviceCidr: '172.21.0.0/20',
      acceleration: NetworkAcceleration.DATAPATH_V2,
      networkPolicy: true,
      expectedPodCount: 6000,
      tags: { 'managed-by': 'ack-terway-network', 'example': 'terway-cluster' },
    });

    this.cluster.addNodePool('Workers', {
      nodePoolName: 'workers',
      instanceTypes: ['ecs.g7.xlarge', 'ecs.g8i.xlarge'],
      desiredSize: 3,
    });
  }
}

/** Builds the example app writing to `outdir`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new TerwayClusterStack(app, 'terway-cluster');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
