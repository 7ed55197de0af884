import { checkPoolLists } from '../core/pool-info-check';
import { AllocationType, EniType, ReleaseStrategy, SelectorOperator, VSwitchSelectionPolicy } from '../domain/enums';
import { checkInputs, describeValue, InputChecker } from '../domain/input';
import { ZONE_ID, ZONE_ID_EXPECTED } from '../domain/terraform-values';

/**
 * Shape checks of PodNetworkingPlane props: types, enum members and required fields,
 * before anything is rendered. Label keys and values must be strings (an `undefined`
 * value would silently drop the key and widen the selector); their Kubernetes syntax is
 * rule TW-PN-017.
 */
export function checkPlaneProps(where: string, props: unknown, struct?: string): void {
  const root = checkInputs(where);
  const p = root.object('props', props, { struct });
  root.string('name', p.name, { optional: true, minLength: 1 });
  checkClusterInfo(root, 'cluster', p.cluster);
  root.enumValue('allocationType', p.allocationType, AllocationType, { optional: true });
  root.enumValue('releaseStrategy', p.releaseStrategy, ReleaseStrategy, { optional: true });
  root.string('releaseAfter', p.releaseAfter, { optional: true });
  checkSelector(root, 'podSelector', p.podSelector);
  checkSelector(root, 'namespaceSelector', p.namespaceSelector);
  root.stringArray('securityGroupIds', p.securityGroupIds);
  root.array('vSwitches', p.vSwitches).forEach((v, i) => {
    const vsw = root.object(`vSwitches[${i}]`, v);
    const at = root.at(`vSwitches[${i}]`);
    at.string('vswitchId', vsw.vswitchId);
    at.string('zoneId', vsw.zoneId, { optional: true, pattern: ZONE_ID, expected: ZONE_ID_EXPECTED });
  });
  root.enumValue('vSwitchSelectionPolicy', p.vSwitchSelectionPolicy, VSwitchSelectionPolicy, { optional: true });
  root.enumValue('eniType', p.eniType, EniType, { optional: true });
  root.stringArray('customStatefulWorkloadKinds', p.customStatefulWorkloadKinds, { optional: true }, { minLength: 1 });
}

/** A LabelSelector: string labels only, known operators, string values. */
export function checkSelector(root: InputChecker, property: string, value: unknown): void {
  const selector = root.object(property, value, { optional: true });
  if (selector === undefined) return;
  const at = root.at(property);
  at.stringMap('matchLabels', selector.matchLabels, { optional: true });
  at.array('matchExpressions', selector.matchExpressions, { optional: true })?.forEach((e, i) => {
    const req = at.object(`matchExpressions[${i}]`, e);
    const r = at.at(`matchExpressions[${i}]`);
    r.string('key', req.key);
    r.enumValue('operator', req.operator, SelectorOperator);
    r.stringArray('values', req.values, { optional: true });
  });
}

/** A TerwayClusterInfo written by hand, read from outputs, or from a TerwayCluster. */
export function checkClusterInfo(root: InputChecker, property: string, value: unknown): void {
  const info = root.object(property, value, { optional: true });
  if (info === undefined) return;
  const at = root.at(property);
  at.string('clusterId', info.clusterId, { optional: true });
  at.array('zones', info.zones, { optional: true })?.forEach((z, i) => {
    const zone = at.object(`zones[${i}]`, z);
    const zat = at.at(`zones[${i}]`);
    zat.string('zoneId', zone.zoneId, { pattern: ZONE_ID, expected: ZONE_ID_EXPECTED });
    zat.stringArray('nodeVSwitchIds', zone.nodeVSwitchIds);
    zat.stringArray('podVSwitchIds', zone.podVSwitchIds);
  });
  for (const flag of ['trunkEniEnabled', 'networkPolicyEnabled', 'dedicatedCluster', 'createdBeforeJune2020']) {
    at.boolean(flag, info[flag], { optional: true });
  }
  for (const text of ['terwayVersion', 'securityGroupId', 'vpcId', 'workerRamRoleName']) {
    at.string(text, info[text], { optional: true });
  }
  checkPoolLists(at, info);
}

/** The argument of addWorkload/addNamespace must be a construct. */
export function checkConstructArg(where: string, property: string, value: unknown): void {
  const node = typeof value === 'object' && value !== null ? (value as { node?: { path?: unknown } }).node : undefined;
  if (typeof node?.path !== 'string') {
    checkInputs(where).fail(property, `must be a construct (a cdk8s or cdk8s-plus object), got ${describeValue(value)}.`);
  }
}
