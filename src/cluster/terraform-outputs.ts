import * as fs from 'fs';
import { ExclusiveEniPoolInfo, FixedVSwitchPoolInfo, TerwayClusterInfo, ZoneVSwitchIds } from '../core/cluster-info';
import { resourceIdProblem, ResourceIdKind } from '../domain/ids';
import { checkInputs, describeValue, InputError, isPlainObject } from '../domain/input';
import { checkTaints } from '../domain/node-modes';
import { ZONE_ID } from '../domain/terraform-values';
import { parseTerwayVersion } from '../domain/versions';

/** ACK cluster IDs: `c` followed by lowercase letters and digits (32 hex digits today). */
const CLUSTER_ID = /^c[a-z0-9]{8,64}$/;

/**
 * Reads the `terraform output -json` of a stack with a TerwayCluster (and plane
 * resources), so a cdk8s app can be synthesized for GitOps with literal IDs.
 *
 *   terraform -chdir=cdktf.out/stacks/network output -json > outputs.json
 *
 * Every value is checked before it is used: IDs must have their resource's format, zones
 * must be listed once, flags must be JSON booleans. A wrong file fails with its path.
 */
export class TerwayClusterOutputs {
  /**
   * Reads an output file.
   * @param path path of the file written by `terraform output -json` (a non-empty string)
   * @param prefix the TerwayCluster `outputPrefix`
   */
  public static fromFile(path: string, prefix?: string): TerwayClusterOutputs {
    const check = checkInputs('TerwayClusterOutputs.fromFile');
    check.string('path', path, { minLength: 1 });
    check.string('prefix', prefix, { optional: true });
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
    } catch (e) {
      throw new Error(`${path}: cannot read the terraform outputs file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); write it with \`terraform output -json > ${path}\`.`);
    }
    if (!stat.isFile()) {
      throw new Error(`${path}: is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}; pass the file written by \`terraform output -json\`.`);
    }
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf-8');
    } catch (e) {
      throw new Error(`${path}: cannot read the terraform outputs file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
    return TerwayClusterOutputs.fromJson(text, prefix, path);
  }

  /**
   * Parses `terraform output -json` text.
   * @param prefix the TerwayCluster `outputPrefix`
   * @param source where the text came from, for messages
   */
  public static fromJson(text: string, prefix?: string, source?: string): TerwayClusterOutputs {
    const check = checkInputs('TerwayClusterOutputs.fromJson');
    check.string('text', text);
    check.string('prefix', prefix, { optional: true });
    check.string('source', source, { optional: true, minLength: 1 });
    const where = source ?? 'terraform outputs';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message}); produce it with \`terraform output -json\`.`);
    }
    if (!isPlainObject(parsed)) {
      throw new Error(`${where}: expected the object printed by \`terraform output -json\`, got ${describeValue(parsed)}.`);
    }
    for (const [name, output] of Object.entries(parsed)) {
      if (!isPlainObject(output) || !('value' in output)) {
        throw new InputError(where, `output ${name}`, `is not a \`terraform output -json\` entry ({ "value": … }), got ${describeValue(output)}.`);
      }
    }
    return new TerwayClusterOutputs(parsed as Record<string, { value: unknown }>, prefix ?? '', where);
  }

  private constructor(
    private readonly outputs: Record<string, { value: unknown }>,
    private readonly prefix: string,
    private readonly source: string,
  ) {}

  /** Names of all outputs in the file. */
  public get names(): string[] {
    return Object.keys(this.outputs).sort();
  }

  /** A string output (with the prefix applied). */
  public stringOutput(name: string): string {
    const v = this.value(name);
    if (typeof v !== 'string') this.fail(name, 'is not a string', v);
    return v as string;
  }

  /** A list-of-strings output (with the prefix applied). */
  public listOutput(name: string): string[] {
    const v = this.value(name);
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(name, 'is not a list of strings', v);
    return [...(v as string[])];
  }

  /** A map of string lists (e.g. vSwitch IDs per zone), with the prefix applied. */
  public zoneMapOutput(name: string): { [zone: string]: string[] } {
    const v = this.value(name);
    if (!isPlainObject(v)) this.fail(name, 'is not a map of zone to IDs', v);
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([zone, ids]) => {
      if (!Array.isArray(ids) || ids.some((x) => typeof x !== 'string')) this.fail(`${name}.${zone}`, 'is not a list of strings', ids);
      return [zone, [...(ids as string[])]];
    }));
  }

  /** The cluster description the cluster-side constructs take; every value is checked. */
  public get clusterInfo(): TerwayClusterInfo {
    const zoneIds = this.listOutput('zone_ids');
    if (zoneIds.length === 0) this.fail('zone_ids', 'lists no zone', zoneIds);
    zoneIds.forEach((z, i) => {
      if (!ZONE_ID.test(z)) this.fail('zone_ids', `has entry ${i + 1} that is not a zone ID such as cn-hangzhou-h`, z);
      if (zoneIds.indexOf(z) !== i) this.fail('zone_ids', `lists zone ${z} twice`, zoneIds);
    });
    const clusterId = this.stringOutput('cluster_id');
    if (!CLUSTER_ID.test(clusterId)) this.fail('cluster_id', 'is not an ACK cluster ID (c followed by lowercase letters and digits)', clusterId);
    const nodes = this.vswitchMap('node_vswitch_ids', zoneIds);
    const pods = this.vswitchMap('pod_vswitch_ids', zoneIds);
    const zones: ZoneVSwitchIds[] = zoneIds.map((zoneId) => ({ zoneId, nodeVSwitchIds: nodes[zoneId] ?? [], podVSwitchIds: pods[zoneId] ?? [] }));
    const terwayVersion = this.optionalString('terway_version');
    if (terwayVersion !== undefined && parseTerwayVersion(terwayVersion) === undefined) this.fail('terway_version', 'is not a Terway version such as v1.16.7', terwayVersion);
    return {
      clusterId,
      zones,
      trunkEniEnabled: this.optionalBoolean('trunk_eni_enabled'),
      networkPolicyEnabled: this.optionalBoolean('network_policy_enabled'),
      terwayVersion,
      securityGroupId: this.optionalId('security_group_id', ResourceIdKind.SECURITY_GROUP),
      vpcId: this.optionalId('vpc_id', ResourceIdKind.VPC),
      workerRamRoleName: this.optionalString('worker_ram_role_name'),
      dedicatedCluster: false,
      createdBeforeJune2020: false,
      exclusiveEniNodePools: this.has('exclusive_eni_node_pools') ? this.exclusiveEniNodePools : undefined,
      fixedVSwitchNodePools: this.has('fixed_vswitch_node_pools') ? this.fixedVSwitchNodePools : undefined,
    };
  }

  /** vSwitch IDs per zone: keys must be zones of the cluster, values well-formed vsw- IDs. */
  private vswitchMap(name: string, zoneIds: string[]): { [zone: string]: string[] } {
    const map = this.zoneMapOutput(name);
    for (const [zone, ids] of Object.entries(map)) {
      if (!zoneIds.includes(zone)) this.fail(name, `has zone ${zone}, which is not in zone_ids (${zoneIds.join(', ')})`, map);
      ids.forEach((id) => {
        const problem = resourceIdProblem(ResourceIdKind.VSWITCH, id);
        if (problem) this.fail(`${name}.${zone}`, `has an entry that is not a vSwitch ID: ${problem}`, id);
      });
    }
    return map;
  }

  private optionalString(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    const v = this.stringOutput(name);
    if (v.length === 0) this.fail(name, 'is empty', v);
    return v;
  }

  private optionalId(name: string, kind: ResourceIdKind): string | undefined {
    const v = this.optionalString(name);
    const problem = v === undefined ? undefined : resourceIdProblem(kind, v);
    if (problem) this.fail(name, `is wrong: ${problem}`, v);
    return v;
  }

  private optionalBoolean(name: string): boolean | undefined {
    if (!this.has(name)) return undefined;
    const v = this.value(name);
    if (typeof v !== 'boolean') this.fail(name, 'is not a JSON boolean (true or false)', v);
    return v as boolean;
  }

  private fail(name: string, detail: string, value: unknown): never {
    throw new InputError(this.source, `output ${this.prefix}${name}`, `${detail}: got ${describeValue(value)}.`);
  }

  /** Exclusive ENI node pools (output `exclusive_eni_node_pools`, written by ExclusiveEniNodePool). */
  public get exclusiveEniNodePools(): ExclusiveEniPoolInfo[] {
    const check = checkInputs(`${this.source}: output ${this.prefix}exclusive_eni_node_pools`);
    return check.array('value', this.value('exclusive_eni_node_pools')).map((v, i) => {
      const c = check.at(`[${i}]`);
      const pool = check.object(`[${i}]`, v);
      const podsPerNode = c.object('podsPerNode', pool.podsPerNode, { optional: true });
      return {
        nodePoolName: c.string('nodePoolName', pool.nodePoolName, { minLength: 1 }),
        nodeLabels: c.stringMap('nodeLabels', pool.nodeLabels),
        taints: checkTaints(c, 'taints', pool.taints, true),
        podsPerNode: podsPerNode && Object.fromEntries(Object.keys(podsPerNode).map((k) => [k, c.integer(`podsPerNode.${k}`, podsPerNode[k], { min: 0 })])),
      };
    });
  }

  /** Fixed-vSwitch node pools (output `fixed_vswitch_node_pools`, written by FixedVSwitchNodePool). */
  public get fixedVSwitchNodePools(): FixedVSwitchPoolInfo[] {
    const check = checkInputs(`${this.source}: output ${this.prefix}fixed_vswitch_node_pools`);
    return check.array('value', this.value('fixed_vswitch_node_pools')).map((v, i) => {
      const c = check.at(`[${i}]`);
      const pool = check.object(`[${i}]`, v);
      const vswitches = c.object('vSwitchIds', pool.vSwitchIds);
      return {
        configName: c.string('configName', pool.configName, { minLength: 1 }),
        nodePoolName: c.string('nodePoolName', pool.nodePoolName, { minLength: 1 }),
        zoneIds: c.stringArray('zoneIds', pool.zoneIds),
        vSwitchIds: Object.fromEntries(Object.keys(vswitches).sort().map((z) => [z, c.resourceIdArray(`vSwitchIds.${z}`, vswitches[z], ResourceIdKind.VSWITCH)])),
        securityGroupIds: pool.securityGroupIds === null ? undefined : c.resourceIdArray('securityGroupIds', pool.securityGroupIds, ResourceIdKind.SECURITY_GROUP, { optional: true }),
        taints: checkTaints(c, 'taints', pool.taints, true),
        allowlistCidrs: pool.allowlistCidrs === null ? undefined : c.stringArray('allowlistCidrs', pool.allowlistCidrs, { optional: true }),
      };
    });
  }

  private has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.outputs, this.prefix + name);
  }

  private value(name: string): unknown {
    checkInputs(`${this.source}`).string('output name', name, { minLength: 1 });
    if (!this.has(name)) {
      throw new Error(`${this.source}: no output "${this.prefix}${name}" (outputs: ${this.names.join(', ') || 'none'}). Is this the stack with the TerwayCluster, and is outputPrefix right?`);
    }
    return this.outputs[this.prefix + name].value;
  }
}
