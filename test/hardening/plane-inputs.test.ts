/** Issue 9 §1: PodNetworkingPlane inputs: wrong types, out-of-enum strings, undefined label values. */
import { Testing } from 'cdk8s';
import { PodNetworkingPlane, PodNetworkingPlaneProps } from '../../src';
import { InputError } from '../../src/domain/input';
import { chart, findings, planeProps } from '../support/plane-fixtures';

function refused(props: unknown, message: RegExp) {
  let thrown: unknown;
  try {
    new PodNetworkingPlane(Testing.chart(), 'Plane', props as PodNetworkingPlaneProps);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as Error).message).toMatch(/^test\/Plane: /);
  expect((thrown as Error).message).toMatch(message);
}

test('an undefined label value is refused instead of widening the plane to every pod', () => {
  refused(planeProps({ podSelector: { matchLabels: { app: process.env.SURELY_UNSET_VARIABLE_9 as string } } }), /podSelector\.matchLabels\["app"\] is required/);
  refused(planeProps({ namespaceSelector: { matchLabels: { team: 42 as unknown as string } } }), /namespaceSelector\.matchLabels\["team"\] must be a string, got 42/);
});

test.each([
  [{ allocationType: 'fixed' }, /allocationType must be one of "Elastic", "Fixed", got "fixed"/],
  [{ releaseStrategy: 'ttl' }, /releaseStrategy must be one of "TTL", "Never", got "ttl"/],
  [{ eniType: 'eni' }, /eniType must be one of "Default", "ENI", "Trunk", got "eni"/],
  [{ vSwitchSelectionPolicy: 'Most' }, /vSwitchSelectionPolicy must be one of "ordered", "most", "random", got "Most"/],
  [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'in', values: ['a'] }] } }, /podSelector\.matchExpressions\[0\]\.operator must be one of "In", "NotIn", "Exists", "DoesNotExist", got "in"/],
  [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', null] }] } }, /podSelector\.matchExpressions\[0\]\.values\[1\] is required, got null/],
  [{ podSelector: { matchExpressions: [{ key: 7, operator: 'Exists' }] } }, /podSelector\.matchExpressions\[0\]\.key must be a string/],
  [{ securityGroupIds: 'sg-bp1web0000000001' }, /securityGroupIds must be an array/],
  [{ vSwitches: [{ vswitchId: 5 }] }, /vSwitches\[0\]\.vswitchId must be a string, got 5/],
  [{ releaseAfter: 300 }, /releaseAfter must be a string, got 300/],
  [{ cluster: { trunkEniEnabled: 'true' } }, /cluster\.trunkEniEnabled must be true or false, got the string "true"/],
  [{ cluster: { zones: [{ zoneId: 'cn-hangzhou-h' }] } }, /cluster\.zones\[0\]\.nodeVSwitchIds is required/],
])('%p is refused', (override, message) => {
  refused(planeProps(override as Partial<PodNetworkingPlaneProps>), message);
});

test('addWorkload and addNamespace take constructs only', () => {
  const plane = new PodNetworkingPlane(Testing.chart(), 'Plane', planeProps());
  expect(() => plane.addWorkload(42 as any)).toThrow(/test\/Plane\.addWorkload: workload must be a construct .*got 42/);
  expect(() => plane.addNamespace(undefined as any)).toThrow(/test\/Plane\.addNamespace: namespace must be a construct .*got undefined/);
});

test('a malformed cluster Terway version is TW-TF-007 instead of silently skipping the version gates', () => {
  const c = chart();
  new PodNetworkingPlane(c, 'Plane', planeProps({ cluster: { ...planeProps().cluster, terwayVersion: 'v1.x' } }));
  expect(findings(c).filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['TW-TF-007']);
});
