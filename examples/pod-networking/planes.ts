/**
 * The cluster side of the example, shared by both delivery paths: two network planes,
 * the namespaces and the workloads that join them.
 *
 * - plane "db":  Fixed IPs (released 1h after a pod is gone) for a StatefulSet
 * - plane "web": Elastic IPs for a Deployment
 */
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  Acknowledgements, AllocationType, PlaneVSwitch, PodNetworkingPlane, ReleaseStrategy, TerwayClusterInfo, VSwitchSelectionPolicy,
} from 'ack-terway-network';

/** The IDs a plane needs, literal (GitOps) or Terraform references (one cdktf deploy). */
export interface PlaneInputs {
  readonly vSwitches: PlaneVSwitch[];
  readonly securityGroupIds: string[];
}

/** Everything the chart needs from the cloud side. */
export interface NetworkPlanesInputs {
  readonly cluster: TerwayClusterInfo;
  readonly db: PlaneInputs;
  readonly web: PlaneInputs;
}

/** Label key whose value names the plane a pod joins (one key, distinct values: planes never overlap). */
export const PLANE_LABEL = 'network.example.com/plane';

/** The planes, namespaces and workloads of the example. */
export class NetworkPlanesChart extends Chart {
  public readonly db: PodNetworkingPlane;
  public readonly web: PodNetworkingPlane;

  constructor(scope: Construct, id: string, inputs: NetworkPlanesInputs) {
    super(scope, id);

    this.db = new PodNetworkingPlane(this, 'DbPlane', {
      name: 'db',
      cluster: inputs.cluster,
      allocationType: AllocationType.FIXED,
      releaseStrategy: ReleaseStrategy.TTL,
      releaseAfter: '1h',
      podSelector: { matchLabels: { [PLANE_LABEL]: 'db' } },
      namespaceSelector: { matchLabels: { 'network.example.com/tier': 'data' } },
      vSwitches: inputs.db.vSwitches,
      securityGroupIds: inputs.db.securityGroupIds,
      vSwitchSelectionPolicy: VSwitchSelectionPolicy.MOST,
    });
    this.web = new PodNetworkingPlane(this, 'WebPlane', {
      name: 'web',
      cluster: inputs.cluster,
      allocationType: AllocationType.ELASTIC,
      podSelector: { matchLabels: { [PLANE_LABEL]: 'web' } },
      vSwitches: inputs.web.vSwitches,
      securityGroupIds: inputs.web.securityGroupIds,
    });

    const data = new kplus.Namespace(this, 'DataNamespace', { metadata: { name: 'data' } });
    this.db.addNamespace(data);
    const database = new kplus.StatefulSet(this, 'Postgres', {
      metadata: { name: 'postgres', namespace: 'data' },
      replicas: 3,
      containers: [{
        image: 'postgres:16',
        portNumber: 5432,
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      }],
    });
    this.db.addWorkload(database);

    new kplus.Namespace(this, 'WebNamespace', { metadata: { name: 'web' } });
    const web = new kplus.Deployment(this, 'WebDeployment', {
      metadata: { name: 'web', namespace: 'web' },
      replicas: 4,
      containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
    });
    this.web.addWorkload(web);

    // Same-node traffic bypasses security groups (see the Trunk ENI and PodNetworking doc, Limitations); this team isolates it with
    // NetworkPolicies managed in another repository.
    Acknowledgements.of(this).add('TW-PN-015', 'same-node isolation is enforced by NetworkPolicies in the platform-policies repo');
  }
}
