/**
 * A plane without `cluster` cannot be checked against the cluster: the library says so once
 * per app (TW-SKIP-001), naming the planes and the skipped rules, and the warning can be
 * acknowledged like any other.
 */
import { App, Chart } from 'cdk8s';
import { Acknowledgements, PodNetworkingPlane, ValidationReport } from '../../src';

const plane = (name: string) => ({
  name, podSelector: { matchLabels: { plane: name } }, vSwitches: [{ vswitchId: `vsw-bp1${name}00000000000001`.slice(0, 25) }], securityGroupIds: ['sg-bp1db0000000000001'],
});
const cluster = { zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitchIds: ['vsw-bp1nodeh0000000001'], podVSwitchIds: ['vsw-bp1podh00000000001'] }], trunkEniEnabled: true, terwayVersion: 'v1.16.1' };

const skipped = (app: App) => ValidationReport.of(app).warnings.filter((w) => w.ruleId === 'TW-SKIP-001');

test('one warning per app, on the first plane without a cluster, naming every such plane and the skipped rules', () => {
  const app = new App();
  const chart = new Chart(app, 'c');
  new PodNetworkingPlane(chart, 'A', { ...plane('a'), cluster });
  new PodNetworkingPlane(chart, 'B', plane('b'));
  new PodNetworkingPlane(chart, 'C', plane('c'));
  const found = skipped(app);
  expect(found.map((w) => w.path)).toEqual(['c/B']);
  expect(found[0].message).toBe('2 planes: b, c have no cluster description, so their vSwitch zones (TW-PN-008, TW-PN-009), Trunk ENI on the cluster (TW-PN-013), Terway version gates (TW-PN-014, TW-PN-019) and old or dedicated cluster (TW-PN-016) were not checked.');
});

test('no warning when every plane has its cluster; acknowledged like any warning', () => {
  const app = new App();
  const chart = new Chart(app, 'c');
  new PodNetworkingPlane(chart, 'A', { ...plane('a'), cluster });
  expect(skipped(app)).toEqual([]);
  const b = new PodNetworkingPlane(chart, 'B', plane('b'));
  expect(skipped(app)).toHaveLength(1);
  Acknowledgements.of(b).add('TW-SKIP-001', 'planes are checked by terway-audit against the live cluster');
  expect(skipped(app)).toEqual([]);
  expect(ValidationReport.of(app).acknowledged.map((w) => w.ruleId)).toContain('TW-SKIP-001');
});
