import * as fs from 'fs';
import { TerwayClusterInfo, ZoneVSwitchIds } from './cluster-info';
import {
  ackClusterFacts, createdBeforeJune2020, isDedicated, isTerway, networkPluginOf, undescribedVSwitches, VSwitchFacts, vswitchesFromDescribe,
} from '../domain/ack-cluster';
import { checkInputs } from '../domain/input';

/** Options of {@link TerwayClusterDescription.fromDescribeCluster}. */
export interface TerwayClusterDescriptionOptions {
  /**
   * The parsed output of `aliyun vpc DescribeVSwitches` covering the cluster's node and pod
   * vSwitches; gives the zones.
   * @default - zones unknown: the zone rules of the cluster-side constructs are skipped
   * @see https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-describevswitches
   */
  readonly describeVSwitches?: any;
  /**
   * Where the JSON came from, for messages (a file name).
   * @default "TerwayClusterDescription.fromDescribeCluster"
   */
  readonly source?: string;
}

/**
 * Reads the cluster facts that `PodNetworkingPlane` and friends take (`TerwayClusterInfo`) from
 * the saved output of `aliyun cs GET /clusters/<id>` (DescribeClusterDetail), plus
 * `aliyun vpc DescribeVSwitches` for the zones: for GitOps repositories whose cluster is not
 * created by a TerwayCluster in the same app. Every field used is shape-checked.
 *
 *   aliyun cs GET /clusters/c0123… > cluster.json
 *   aliyun vpc DescribeVSwitches --VpcId vpc-… > vswitches.json
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/developer-reference/api-cs-2015-12-15-describeclusterdetail
 */
export class TerwayClusterDescription {
  /**
   * The cluster description from parsed DescribeClusterDetail JSON.
   * @param describeCluster the parsed output of `aliyun cs GET /clusters/<id>`
   */
  public static fromDescribeCluster(describeCluster: any, options: TerwayClusterDescriptionOptions = {}): TerwayClusterInfo {
    // `options` may be anything from JavaScript (null included): check it before reading it.
    checkInputs('TerwayClusterDescription.fromDescribeCluster').object('options', options ?? undefined, { optional: true, struct: 'TerwayClusterDescriptionOptions' });
    const opts: TerwayClusterDescriptionOptions = options ?? {};
    const where = checkInputs('TerwayClusterDescription.fromDescribeCluster').string('options.source', opts.source, { optional: true, minLength: 1 })
      ?? 'TerwayClusterDescription.fromDescribeCluster';
    const check = checkInputs(where);
    const facts = ackClusterFacts(describeCluster, where);
    if (!isTerway(facts)) {
      const plugin = networkPluginOf(facts);
      if (plugin.source === undefined) {
        check.fail('cluster', 'names no network plug-in (none of parameters.Network, meta_data.Addons, meta_data.Capabilities.Network); pass the output of `aliyun cs GET /clusters/<id>` for this cluster');
      }
      check.fail(`cluster.${plugin.source}`, `is ${JSON.stringify(plugin.value)}: the cluster runs ${plugin.name}, not Terway, so it has no Terway facts. AlibabaCloud-ACK-009 requires terway-eniip, which a running cluster cannot switch to: create a Terway cluster and move the workloads`);
    }
    let zones: ZoneVSwitchIds[] | undefined;
    if (opts.describeVSwitches !== undefined) {
      const vswitches = new Map<string, VSwitchFacts>(vswitchesFromDescribe(opts.describeVSwitches, `${where} (describeVSwitches)`).map((v) => [v.id, v]));
      const missing = undescribedVSwitches(facts, vswitches);
      if (missing.length > 0) {
        check.fail('options.describeVSwitches', `does not describe ${missing.join(', ')}; pass DescribeVSwitches output for the cluster's VPC (--VpcId ${facts.vpcId ?? 'vpc-…'})`);
      }
      const byZone = new Map<string, ZoneVSwitchIds>();
      const add = (id: string, pod: boolean) => {
        const zoneId = vswitches.get(id)!.zoneId;
        const zone = byZone.get(zoneId) ?? { zoneId, nodeVSwitchIds: [], podVSwitchIds: [] };
        byZone.set(zoneId, zone);
        (pod ? zone.podVSwitchIds : zone.nodeVSwitchIds).push(id);
      };
      facts.nodeVswitchIds.forEach((id) => add(id, false));
      (facts.podVswitchIds ?? []).forEach((id) => add(id, true));
      zones = [...byZone.keys()].sort().map((z) => byZone.get(z)!).filter((z) => z.nodeVSwitchIds.length > 0);
    }
    return {
      clusterId: facts.clusterId,
      zones,
      securityGroupId: facts.securityGroupId,
      vpcId: facts.vpcId,
      dedicatedCluster: isDedicated(facts),
      createdBeforeJune2020: createdBeforeJune2020(facts),
    };
  }

  /**
   * The cluster description from saved files.
   * @param describeClusterFile output of `aliyun cs GET /clusters/<id>`
   * @param describeVSwitchesFile output of `aliyun vpc DescribeVSwitches` (for the zones)
   */
  public static fromFiles(describeClusterFile: string, describeVSwitchesFile?: string): TerwayClusterInfo {
    // A number would make readFileSync read that file descriptor (and block on a terminal or pipe).
    const check = checkInputs('TerwayClusterDescription.fromFiles');
    check.string('describeClusterFile', describeClusterFile, { minLength: 1 });
    check.string('describeVSwitchesFile', describeVSwitchesFile, { optional: true, minLength: 1 });
    const read = (file: string): unknown => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf-8');
      } catch {
        throw new Error(`${file}: cannot be read; expected saved \`aliyun\` JSON output.`);
      }
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new Error(`${file}: not JSON (${(e as Error).message}); save the output of aliyun without --output table.`);
      }
    };
    return TerwayClusterDescription.fromDescribeCluster(read(describeClusterFile), {
      describeVSwitches: describeVSwitchesFile === undefined ? undefined : read(describeVSwitchesFile),
      source: describeClusterFile,
    });
  }

  private constructor() {}
}
