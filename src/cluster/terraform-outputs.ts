import * as fs from 'fs';
import { ExclusiveEniPoolInfo, FixedVSwitchPoolInfo, TerwayClusterInfo, ZoneVSwitchIds } from '../core/cluster-info';
import { checkInputs, InputChecker } from '../domain/input';

/**
 * Reads the `terraform output -json` of a stack with a TerwayCluster (and plane
 * resources), so a cdk8s app can be synthesized for GitOps with literal IDs.
 *
 *   terraform -chdir=cdktf.out/stacks/network output -json > outputs.json
 */
export class TerwayClusterOutputs {
  /** Reads an output file. */
  public static fromFile(path: string, prefix?: string): TerwayClusterOutputs {
    return TerwayClusterOutputs.fromJson(fs.readFileSync(path, 'utf-8'), prefix, path);
  }

  /**
   * Parses `terraform output -json` text.
   * @param prefix the TerwayCluster `outputPrefix`
   * @param source where the text came from, for messages
   */
  public static fromJson(text: string, prefix?: string, source?: string): TerwayClusterOutputs {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error(`${source ?? 'terraform outputs'}: not JSON (${(e as Error).message}); produce it with \`terraform output -json\`.`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`${source ?? 'terraform outputs'}: expected the object printed by \`terraform output -json\`.`);
    }
    return new TerwayClusterOutputs(parsed as Record<string, { value?: unknown }>, prefix ?? '', source ?? 'terraform outputs');
  }

  private constructor(
    private readonly outputs: Record<string, { value?: unknown }>,
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
    if (typeof v !== 'string') throw new Error(`${this.source}: output ${this.prefix}${name} is not a string.`);
    return v;
  }

  /** A list-of-strings output (with the prefix applied). */
  public listOutput(name: string): string[] {
    const v = this.value(name);
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${this.source}: output ${this.prefix}${name} is not a list of strings.`);
    return v as string[];
  }

  /** A map of string lists (e.g. vSwitch IDs per zone), with the prefix applied. */
  public zoneMapOutput(name: string): { [zone: string]: string[] } {
    const v = this.value(name);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${this.source}: output ${this.prefix}${name} is not a map of zone to IDs.`);
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([zone, ids]) => {
      if (!Array.isArray(ids)) throw new Error(`${this.source}: output ${this.prefix}${name}.${zone} is not a list.`);
      return [zone, ids.map(String)];
    }));
  }

  /** The cluster description the cluster-side constructs take. */
  public get clusterInfo(): TerwayClusterInfo {
    const zoneIds = this.listOutput('zone_ids');
    const nodes = this.zoneMapOutput('node_vswitch_ids');
    const pods = this.zoneMapOutput('pod_vswitch_ids');
    const zones: ZoneVSwitchIds[] = zoneIds.map((zoneId) => ({ zoneId, nodeVSwitchIds: nodes[zoneId] ?? [], podVSwitchIds: pods[zoneId] ?? [] }));
    const optional = (name: string) => (this.has(name) ? this.value(name) : undefined);
    return {
      clusterId: this.stringOutput('cluster_id'),
      zones,
      trunkEniEnabled: asBool(optional('trunk_eni_enabled')),
      networkPolicyEnabled: asBool(optional('network_policy_enabled')),
      terwayVersion: optional('terway_version') as string | undefined,
      securityGroupId: optional('security_group_id') as string | undefined,
      vpcId: optional('vpc_id') as string | undefined,
      workerRamRoleName: optional('worker_ram_role_name') as string | undefined,
      dedicatedCluster: false,
      createdBeforeJune2020: false,
      exclusiveEniNodePools: this.has('exclusive_eni_node_pools') ? this.exclusiveEniNodePools : undefined,
      fixedVSwitchNodePools: this.has('fixed_vswitch_node_pools') ? this.fixedVSwitchNodePools : undefined,
    };
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
        taints: taintsOf(c, pool.taints),
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
        vSwitchIds: Object.fromEntries(Object.keys(vswitches).sort().map((z) => [z, c.stringArray(`vSwitchIds.${z}`, vswitches[z])])),
        securityGroupIds: pool.securityGroupIds === null ? undefined : c.stringArray('securityGroupIds', pool.securityGroupIds, { optional: true }),
        taints: taintsOf(c, pool.taints),
        allowlistCidrs: pool.allowlistCidrs === null ? undefined : c.stringArray('allowlistCidrs', pool.allowlistCidrs, { optional: true }),
      };
    });
  }

  private has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.outputs, this.prefix + name);
  }

  private value(name: string): unknown {
    if (!this.has(name)) {
      throw new Error(`${this.source}: no output "${this.prefix}${name}" (outputs: ${this.names.join(', ') || 'none'}). Is this the stack with the TerwayCluster, and is outputPrefix right?`);
    }
    return this.outputs[this.prefix + name].value;
  }
}

function taintsOf(c: InputChecker, value: unknown) {
  return c.array('taints', value).map((t, j) => {
    const taint = c.object(`taints[${j}]`, t);
    const tc = c.at(`taints[${j}]`);
    return {
      key: tc.string('key', taint.key, { minLength: 1 }),
      value: taint.value === null ? undefined : tc.string('value', taint.value, { optional: true }),
      effect: tc.enumValue('effect', taint.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
    };
  });
}

function asBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
}
