/**
 * Consumer smoke test, GitOps path: a cdk8s-only app (no cdktf installed) that declares a
 * network plane and kube-system/eni-config and writes YAML. Compiled and run inside a fresh
 * project that installed the packed library next to cdk8s and constructs only.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { AllocationType, EniConfig, PodNetworkingPlane, ReleaseStrategy, TerwayClusterInfo } from 'ack-terway-network';

const cluster: TerwayClusterInfo = {
  zones: [
    { zoneId: 'cn-hangzhou-h', nodeVSwitchIds: ['vsw-bp1nodeh0000000001'], podVSwitchIds: ['vsw-bp1podh00000000001'] },
    { zoneId: 'cn-hangzhou-i', nodeVSwitchIds: ['vsw-bp1nodei0000000001'], podVSwitchIds: ['vsw-bp1podi00000000001'] },
  ],
  trunkEniEnabled: true,
  terwayVersion: 'v1.16.1',
};

const app = new App({ outdir: 'dist' });
const chart = new Chart(app, 'network');
const plane = new PodNetworkingPlane(chart, 'Db', {
  name: 'db',
  cluster,
  allocationType: AllocationType.FIXED,
  releaseStrategy: ReleaseStrategy.TTL,
  releaseAfter: '1h',
  podSelector: { matchLabels: { 'network.example.com/plane': 'db' } },
  vSwitches: [{ vswitchId: 'vsw-bp1dbh000000000001', zoneId: 'cn-hangzhou-h' }],
  securityGroupIds: ['sg-bp1db0000000000001'],
});
const db = new ApiObject(chart, 'Postgres', {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'postgres', namespace: 'default' },
  spec: {
    serviceName: 'postgres',
    selector: { matchLabels: { app: 'postgres' } },
    template: {
      metadata: { labels: { app: 'postgres' } },
      spec: { containers: [{ name: 'postgres', image: 'postgres:16' }] },
    },
  },
});
plane.addWorkload(db);
new EniConfig(chart, 'EniConfig', { enableTrunking: true });
app.synth();
console.log(`synthesized ${app.charts.length} chart(s)`);
