/**
 * The cluster side of the node-mode example, for both delivery paths:
 * - "stream": scheduled onto the exclusive ENI pool with required node affinity + toleration;
 * - "feed": a PodNetworking with eniType ENI (seed example "enionly"), so Terway gives its pods
 *   exclusive ENIs with per-pod vSwitches and security groups;
 * - "orders": on the fixed-vSwitch pool; its pods get IPs from 192.168.200.0/24 only.
 */
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  Acknowledgements, ExclusiveEniPlane, ExclusiveEniScheduling, FixedVSwitchConfig, FixedVSwitchPoolInfo, TerwayClusterInfo,
} from 'ack-terway-network';

/** What the chart needs from the cloud side. */
export interface NodeModesChartProps {
  readonly cluster: TerwayClusterInfo;
  /** Security group of the exclusive ENI plane's pods. */
  readonly securityGroupId: string;
}

export class NodeModesChart extends Chart {
  public readonly fixed: FixedVSwitchConfig;

  constructor(scope: Construct, id: string, props: NodeModesChartProps) {
    super(scope, id);
    const exclusivePool = ExclusiveEniScheduling.poolOf(props.cluster, 'exclusive-eni');
    const fixedPool: FixedVSwitchPoolInfo = props.cluster.fixedVSwitchNodePools!.find((p) => p.nodePoolName === 'allowlisted')!;

    const stream = new kplus.Deployment(this, 'Stream', { metadata: { name: 'stream' }, replicas: 3, containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
    ExclusiveEniScheduling.addWorkload(stream, exclusivePool);

    const plane = new ExclusiveEniPlane(this, 'EniOnly', {
      name: 'enionly',
      cluster: props.cluster,
      pool: exclusivePool,
      podSelector: { matchLabels: { network: 'enionly' } },
      securityGroupIds: [props.securityGroupId],
      vSwitches: (props.cluster.zones ?? []).flatMap((z) => z.podVSwitchIds.map((vswitchId) => ({ vswitchId, zoneId: z.zoneId }))),
    });
    Acknowledgements.of(plane).add('TW-PN-015', 'feed pods are alone on their exclusive ENIs; the security group filters all other traffic');
    const feed = new kplus.Deployment(this, 'Feed', { metadata: { name: 'feed' }, replicas: 2, containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
    plane.addWorkload(feed);

    this.fixed = new FixedVSwitchConfig(this, 'Fixed', { name: fixedPool.configName, pool: fixedPool, cluster: props.cluster });
    const orders = new kplus.Deployment(this, 'Orders', { metadata: { name: 'orders' }, replicas: 2, containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
    this.fixed.addWorkload(orders);
  }
}
