/**
 * Timing benchmark: synthesizes clusters of growing size and reports wall time.
 * Timings live here, never in tests (the machine's load makes them meaningless as assertions).
 */
import { performance } from 'perf_hooks';
import { TerraformStack, Testing } from 'cdktf';
import { alicloud, TerwayCluster, ValidationReport } from 'ack-terway-network';

function clusterWithZones(zoneCount: number, podVSwitchesPerZone: number): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'bench');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new TerwayCluster(stack, 'Cluster', {
    clusterName: 'bench',
    kubernetesVersion: '1.33.1-aliyun.1',
    vpc: { cidrBlock: '10.0.0.0/8' },
    zones: Array.from({ length: zoneCount }, (_, z) => ({
      zoneId: `cn-hangzhou-${String.fromCharCode(97 + z)}`,
      nodeVSwitches: [{ cidrBlock: `10.${z}.0.0/24` }],
      podVSwitches: Array.from({ length: podVSwitchesPerZone }, (__, p) => ({ cidrBlock: `10.${z}.${32 * (p + 1)}.0/19` })),
    })),
    serviceCidr: '172.19.0.0/20',
  });
  return stack;
}

for (const [zones, pods] of [[1, 1], [3, 1], [6, 3], [12, 7]]) {
  const start = performance.now();
  const stack = clusterWithZones(zones, pods);
  const report = ValidationReport.of(stack);
  Testing.synth(stack, true);
  const ms = performance.now() - start;
  console.log(`${zones} zones × ${pods} pod vSwitches: ${ms.toFixed(1)} ms (${report.rulesChecked} rule checks, ${report.errors.length} errors)`);
}
