import { ExclusiveEniPoolInfo, FixedVSwitchPoolInfo } from './cluster-info';
import { ResourceIdKind } from '../domain/ids';
import { InputChecker } from '../domain/input';
import { checkTaints } from '../domain/node-modes';

/**
 * Shape checks of the node-pool descriptions in a TerwayClusterInfo (written by hand, read from
 * Terraform outputs, or from a TerwayCluster), shared by every construct and helper that reads
 * them, so a string, `{}` or `[null]` is a clear error instead of a TypeError.
 */

/** An exclusive ENI pool description: name, labels, taints, pods per node. */
export function checkExclusivePoolInfo(parent: InputChecker, property: string, value: unknown): ExclusiveEniPoolInfo {
  const pool = parent.object(property, value);
  const at = parent.at(property);
  const podsPerNode = at.object('podsPerNode', pool.podsPerNode, { optional: true });
  return {
    nodePoolName: at.string('nodePoolName', pool.nodePoolName, { minLength: 1 }),
    nodeLabels: at.stringMap('nodeLabels', pool.nodeLabels),
    taints: checkTaints(at, 'taints', pool.taints),
    podsPerNode: podsPerNode && Object.fromEntries(Object.keys(podsPerNode).map((k) => [k, at.integer(`podsPerNode[${JSON.stringify(k)}]`, podsPerNode[k], { min: 0 })])),
  };
}

/** A fixed-vSwitch pool description: ConfigMap name, zones, vSwitch and security group IDs, taints. */
export function checkFixedPoolInfo(parent: InputChecker, property: string, value: unknown): FixedVSwitchPoolInfo {
  const pool = parent.object(property, value);
  const at = parent.at(property);
  const vswitches = at.object('vSwitchIds', pool.vSwitchIds);
  return {
    configName: at.string('configName', pool.configName, { minLength: 1 }),
    nodePoolName: at.string('nodePoolName', pool.nodePoolName, { minLength: 1 }),
    zoneIds: at.stringArray('zoneIds', pool.zoneIds, {}, { minLength: 1 }),
    vSwitchIds: Object.fromEntries(Object.keys(vswitches).sort()
      .map((z) => [z, at.resourceIdArray(`vSwitchIds[${JSON.stringify(z)}]`, vswitches[z], ResourceIdKind.VSWITCH, { minLength: 1 })])),
    securityGroupIds: at.resourceIdArray('securityGroupIds', pool.securityGroupIds, ResourceIdKind.SECURITY_GROUP, { optional: true, minLength: 1 }),
    taints: checkTaints(at, 'taints', pool.taints),
    allowlistCidrs: at.stringArray('allowlistCidrs', pool.allowlistCidrs, { optional: true }),
  };
}

/** The pool lists of a cluster description (each optional). */
export function checkPoolLists(at: InputChecker, info: Record<string, unknown>): void {
  at.array('exclusiveEniNodePools', info.exclusiveEniNodePools, { optional: true })?.forEach((p, i) => checkExclusivePoolInfo(at, `exclusiveEniNodePools[${i}]`, p));
  at.array('fixedVSwitchNodePools', info.fixedVSwitchNodePools, { optional: true })?.forEach((p, i) => checkFixedPoolInfo(at, `fixedVSwitchNodePools[${i}]`, p));
}
