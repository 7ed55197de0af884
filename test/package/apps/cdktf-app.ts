/**
 * Consumer smoke test, Terraform path: a cdktf app with a Terway cluster and a node pool.
 * Compiled and run inside a fresh project that installed the packed library next to cdktf
 * and constructs only (no cdk8s, no @cdktf/provider-kubernetes).
 */
import { App, TerraformStack } from 'cdktf';
import { alicloud, TerwayCluster } from 'ack-terway-network';

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'network');
new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
const cluster = new TerwayCluster(stack, 'Cluster', {
  clusterName: 'smoke',
  kubernetesVersion: '1.33.1-aliyun.1',
  vpc: { cidrBlock: '192.168.0.0/16' },
  zones: [
    { zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ cidrBlock: '192.168.0.0/24' }], podVSwitches: [{ cidrBlock: '192.168.32.0/19' }] },
    { zoneId: 'cn-hangzhou-i', nodeVSwitches: [{ cidrBlock: '192.168.1.0/24' }], podVSwitches: [{ cidrBlock: '192.168.64.0/19' }] },
  ],
  serviceCidr: '172.21.0.0/20',
});
cluster.addNodePool('Workers', { nodePoolName: 'workers', instanceTypes: ['ecs.g7.xlarge'], desiredSize: 2 });
app.synth();
console.log('synthesized stack network');
