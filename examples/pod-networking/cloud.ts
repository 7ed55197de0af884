/**
 * The cloud side of the example: the flagship three-zone cluster plus, per plane,
 * dedicated vSwitches and a security group (with SNAT for Internet egress).
 */
import { Construct } from 'constructs';
import { TerwayClusterStack, ZONES } from '../terway-cluster/main';
import { Acknowledgements, PodNetworkingPlaneResources } from 'ack-terway-network';

/** The cluster stack with the resources of the "db" and "web" planes. */
export class PlaneResourcesStack extends TerwayClusterStack {
  public readonly db: PodNetworkingPlaneResources;
  public readonly web: PodNetworkingPlaneResources;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.db = new PodNetworkingPlaneResources(this, 'DbPlane', {
      cluster: this.cluster,
      planeName: 'db',
      vSwitches: ZONES.map((zoneId, i) => ({ zoneId, cidrBlock: `192.168.${128 + 16 * i}.0/20` })),
      ingressRules: [{ protocol: 'tcp', portRange: '5432/5432', sourceCidr: '192.168.0.0/16', description: 'PostgreSQL from the VPC' }],
    });
    this.web = new PodNetworkingPlaneResources(this, 'WebPlane', {
      cluster: this.cluster,
      planeName: 'web',
      vSwitches: ZONES.map((zoneId, i) => ({ zoneId, cidrBlock: `192.168.${192 + 16 * i}.0/20` })),
    });
    // The VPC has room for /20 plane vSwitches only; each plane runs a few hundred pods per zone.
    for (const plane of [this.db, this.web]) Acknowledgements.of(plane).add('TW-NET-012', '≤ 500 pods per zone and plane; a /20 leaves 8x headroom');
  }
}
