import { ClusterSpec, IpStack, KubeProxyMode, NetworkAcceleration } from '../domain/enums';
import { checkInputs, describeValue, InputChecker, isPlainObject } from '../domain/input';
import { addonConfigProblem } from '../domain/node-mode-values';
import { ZONE_ID, ZONE_ID_EXPECTED } from '../domain/terraform-values';
import { isUnresolved } from '../domain/tokens';

/**
 * Shape checks of TerwayCluster and TerwayNodePool props: types, enum members, finite
 * integers and required fields, before anything is built. Value rules the provider or
 * Terway would reject later (lengths, formats, ranges) are rules with IDs instead.
 */
export function checkClusterProps(where: string, props: unknown): void {
  const root = checkInputs(where);
  const p = root.object('props', props, { struct: 'TerwayClusterProps' });
  root.string('clusterName', p.clusterName);
  root.string('kubernetesVersion', p.kubernetesVersion, { optional: true });
  root.enumValue('clusterSpec', p.clusterSpec, ClusterSpec, { optional: true });

  const vpc = root.object('vpc', p.vpc);
  const v = root.at('vpc');
  const vpcCidr = v.string('cidrBlock', vpc.cidrBlock, { optional: true });
  const vpcId = v.string('vpcId', vpc.vpcId, { optional: true, minLength: 1 });
  v.stringArray('secondaryCidrBlocks', vpc.secondaryCidrBlocks, { optional: true });
  v.boolean('enableIpv6', vpc.enableIpv6, { optional: true });
  if (vpcCidr === undefined && vpcId === undefined) {
    root.fail('vpc', 'needs either cidrBlock (to create a VPC) or vpcId (to use an existing one), got neither.');
  }

  root.array('zones', p.zones, { minLength: 1 }).forEach((zone, i) => {
    const z = root.object(`zones[${i}]`, zone);
    const at = root.at(`zones[${i}]`);
    at.string('zoneId', z.zoneId, { pattern: ZONE_ID, expected: ZONE_ID_EXPECTED });
    for (const role of ['nodeVSwitches', 'podVSwitches']) {
      at.array(role, z[role]).forEach((spec, j) => checkVSwitchSpec(at, `${role}[${j}]`, spec));
    }
  });

  root.string('serviceCidr', p.serviceCidr, { optional: true });
  root.enumValue('proxyMode', p.proxyMode, KubeProxyMode, { optional: true });
  root.enumValue('ipStack', p.ipStack, IpStack, { optional: true });
  root.boolean('networkPolicy', p.networkPolicy, { optional: true });
  root.enumValue('acceleration', p.acceleration, NetworkAcceleration, { optional: true });
  root.boolean('trunkEni', p.trunkEni, { optional: true });
  root.string('clusterDomain', p.clusterDomain, { optional: true });
  root.boolean('deletionProtection', p.deletionProtection, { optional: true });
  checkNatGateway(root, p.natGateway);
  root.integer('expectedPodCount', p.expectedPodCount, { optional: true, min: 0 });
  root.string('securityGroupId', p.securityGroupId, { optional: true });
  root.boolean('enableRrsa', p.enableRrsa, { optional: true });
  root.boolean('endpointPublicAccess', p.endpointPublicAccess, { optional: true });
  root.string('terwayVersion', p.terwayVersion, { optional: true });
  root.array('additionalAddons', p.additionalAddons, { optional: true })?.forEach((addon, i) => {
    const a = root.object(`additionalAddons[${i}]`, addon);
    const at = root.at(`additionalAddons[${i}]`);
    at.string('name', a.name, { minLength: 1 });
    const config = at.string('config', a.config, { optional: true });
    if (config !== undefined && !isUnresolved(config)) {
      if (!isJsonObjectText(config)) at.fail('config', `must be a JSON object as a string (the add-on's configuration), got ${describeValue(config)}.`);
      const problem = addonConfigProblem(JSON.parse(config));
      if (problem !== undefined) at.fail('config', `${problem}.`);
    }
    at.string('version', a.version, { optional: true });
    at.boolean('disabled', a.disabled, { optional: true });
  });
  root.string('resourceGroupId', p.resourceGroupId, { optional: true });
  root.stringMap('tags', p.tags, { optional: true }, { minLength: 1 });
  // Terraform output names are identifiers: letters, digits, '_' and '-', not starting with a digit or '-'.
  root.string('outputPrefix', p.outputPrefix, { optional: true, pattern: /^([A-Za-z_][A-Za-z0-9_-]*)?$/, expected: 'a Terraform identifier prefix such as "blue_"' });
}

/** Whether `text` parses as a JSON object. */
export function isJsonObjectText(text: string): boolean {
  try {
    return isPlainObject(JSON.parse(text));
  } catch {
    return false;
  }
}

function checkVSwitchSpec(zone: InputChecker, property: string, spec: unknown): void {
  const s = zone.object(property, spec);
  const at = zone.at(property);
  const cidr = at.string('cidrBlock', s.cidrBlock, { optional: true });
  const id = at.string('vswitchId', s.vswitchId, { optional: true, minLength: 1 });
  if (cidr === undefined && id === undefined) {
    zone.fail(property, 'needs cidrBlock (to create a vSwitch) or vswitchId (to use an existing one), got neither.');
  }
}

function checkNatGateway(root: InputChecker, value: unknown): void {
  const nat = root.object('natGateway', value, { optional: true });
  if (nat === undefined) return;
  const at = root.at('natGateway');
  at.boolean('enabled', nat.enabled, { optional: true });
  const gatewayId = at.string('natGatewayId', nat.natGatewayId, { optional: true, minLength: 1 });
  const tableId = at.string('snatTableId', nat.snatTableId, { optional: true, minLength: 1 });
  const ip = at.string('snatIp', nat.snatIp, { optional: true, minLength: 1 });
  at.integer('eipBandwidth', nat.eipBandwidth, { optional: true, min: 1 });
  at.boolean('snatNodeVSwitches', nat.snatNodeVSwitches, { optional: true });
  if (gatewayId !== undefined && (tableId === undefined || ip === undefined)) {
    at.fail('natGatewayId', `needs snatTableId and snatIp (an EIP bound to that NAT gateway); got natGatewayId ${JSON.stringify(gatewayId)} without ${tableId === undefined ? 'snatTableId' : 'snatIp'}.`);
  }
}

/** Shape checks of TerwayNodePool options (the cluster itself is checked by the caller). */
export function checkNodePoolOptions(where: string, props: unknown): void {
  const root = checkInputs(where);
  const p = root.object('props', props, { struct: 'TerwayNodePoolOptions' });
  root.string('nodePoolName', p.nodePoolName, { minLength: 1 });
  root.stringArray('instanceTypes', p.instanceTypes, { minLength: 1 }, { minLength: 1 });
  root.integer('desiredSize', p.desiredSize, { optional: true, min: 0 });
  root.stringArray('zoneIds', p.zoneIds, { optional: true }, { minLength: 1 });
  root.stringMap('labels', p.labels, { optional: true });
  root.array('taints', p.taints, { optional: true })?.forEach((taint, i) => {
    const t = root.object(`taints[${i}]`, taint);
    const at = root.at(`taints[${i}]`);
    at.string('key', t.key);
    at.string('value', t.value, { optional: true });
    at.string('effect', t.effect, { optional: true });
  });
  root.string('systemDiskCategory', p.systemDiskCategory, { optional: true });
  root.integer('systemDiskSize', p.systemDiskSize, { optional: true, min: 1 });
}

/** Whether `x` is a TerwayCluster, by shape (so modules the cluster imports need not import it back). */
export function isTerwayCluster(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { _registerExclusiveEniNodePool?: unknown })._registerExclusiveEniNodePool === 'function'
    && Array.isArray((x as { zoneVSwitchIds?: unknown }).zoneVSwitchIds);
}
