import { RULES } from './catalog';
import { isIpv4Address } from './cidr';
import { violation } from './finding';
import { resourceIdProblem, ResourceIdKind } from './ids';
import { labelKeyProblem, labelValueProblem } from './label-selector';
import { TAINT_EFFECT_VALUES } from './node-modes';
import { Finding } from './rules';
import { known } from './tokens';
import { parseTerwayVersion } from './versions';

/** Zone IDs: a region ID and a zone suffix, e.g. `cn-hangzhou-h`, `ap-southeast-1a`. */
export const ZONE_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;
/** How {@link ZONE_ID} reads in messages. */
export const ZONE_ID_EXPECTED = 'a zone ID such as cn-hangzhou-h (lowercase letters, digits and hyphens)';

/** What the Terraform value rules of a cluster look at; strings may be unresolved tokens. */
export interface ClusterValuesPlan {
  readonly clusterName: string;
  readonly terwayVersion?: string;
  /** Whether the stack creates the VPC (so no existing vSwitch can be in it). */
  readonly vpcCreated: boolean;
  /** Labels of the cluster vSwitches given by ID, e.g. `pod vSwitch #1 in cn-hangzhou-h (vsw-…)`. */
  readonly existingVSwitches: ReadonlyArray<string>;
  /** SNAT table and IP of an existing NAT gateway, when given. */
  readonly snatTableId?: string;
  readonly snatIp?: string;
  /** Region of the alicloud provider when it is a literal. */
  readonly region?: string;
  readonly zoneIds: ReadonlyArray<string>;
  /** Resource group for the created resources, when given. */
  readonly resourceGroupId?: string;
}

/** Values the provider rejects at plan or apply time, and placements that cannot exist. */
export function checkClusterValues(plan: ClusterValuesPlan): Finding[] {
  const out: Finding[] = [];
  const name = known(plan.clusterName);
  if (name !== undefined && (name.length < 1 || name.length > 63)) {
    out.push(violation(RULES.CLUSTER_NAME_LENGTH, `Cluster name ${JSON.stringify(name)} has ${name.length} characters.`,
      'Use a name of 1 to 63 characters; the provider rejects other lengths at plan time.'));
  }
  out.push(...checkTerwayVersion(plan.terwayVersion, 'terwayVersion'));
  if (plan.vpcCreated) {
    for (const label of plan.existingVSwitches) {
      out.push(violation(RULES.VSWITCH_EXISTING_IN_NEW_VPC, `${label} is an existing vSwitch, but the VPC is created by this stack, so the vSwitch cannot be in it.`,
        'Give the vSwitch a cidrBlock so it is created in the new VPC, or use the VPC that holds the vSwitch with vpc.vpcId.'));
    }
  }
  const table = known(plan.snatTableId);
  if (table !== undefined && !/^stb-[a-z0-9]{4,64}$/.test(table)) {
    out.push(violation(RULES.SNAT_TABLE_ID, `natGateway.snatTableId ${JSON.stringify(table)} is not a SNAT table ID.`,
      'Pass the SNAT table ID of the NAT gateway (stb-…), as the NAT gateway console or `aliyun vpc DescribeNatGateways` shows it.'));
  }
  const ip = known(plan.snatIp);
  if (ip !== undefined && !ip.split(',').every((part) => isIpv4Address(part))) {
    out.push(violation(RULES.SNAT_IP, `natGateway.snatIp ${JSON.stringify(ip)} is not an IPv4 address (or a comma-separated list of them).`,
      'Pass the public IP of an EIP bound to the NAT gateway, e.g. "47.96.1.10".'));
  }
  const group = known(plan.resourceGroupId);
  const groupProblem = group === undefined ? undefined : resourceIdProblem(ResourceIdKind.RESOURCE_GROUP, group);
  if (groupProblem) {
    out.push(violation(RULES.RESOURCE_ID, `Resource group: ${groupProblem}.`, 'Pass the resource group ID as the Resource Management console shows it (rg-…).'));
  }
  const region = known(plan.region);
  if (region !== undefined) {
    for (const zone of new Set(plan.zoneIds.map((z) => known(z)).filter((z): z is string => z !== undefined))) {
      if (!zoneInRegion(zone, region)) {
        out.push(violation(RULES.ZONE_OUTSIDE_REGION, `Zone ${zone} is not a zone of region ${region}, the region of the alicloud provider.`,
          `Use zones of ${region} (IDs starting with "${region}", e.g. ${region}-h or ${region}a), or set the provider's region to the zones' region.`));
      }
    }
  }
  return out;
}

/** Whether a zone ID belongs to a region: `cn-hangzhou-h` to `cn-hangzhou`, `ap-southeast-1a` to `ap-southeast-1`. */
export function zoneInRegion(zoneId: string, regionId: string): boolean {
  if (!zoneId.startsWith(regionId)) return false;
  return /^(-[a-z0-9]|[a-z])/.test(zoneId.slice(regionId.length));
}

/** TW-TF-007 for a literal Terway version that is not major.minor.patch. */
export function checkTerwayVersion(version: string | undefined, property: string): Finding[] {
  const literal = known(version);
  if (literal === undefined || parseTerwayVersion(literal) !== undefined) return [];
  return [violation(RULES.TERWAY_VERSION, `${property} ${JSON.stringify(literal)} is not a Terway version.`,
    'Use a Terway release version such as "v1.16.7" (see the Terway releases or the add-on page of the ACK console).')];
}

/** The system disk categories the provider accepts (`system_disk_category`). */
export const SYSTEM_DISK_CATEGORIES: ReadonlyArray<string> = ['cloud_efficiency', 'cloud_ssd', 'cloud_essd', 'cloud_auto', 'cloud_essd_entry', 'cloud'];

/** What the Terraform value rules of a node pool look at. */
export interface NodePoolValuesPlan {
  readonly name: string;
  readonly systemDiskCategory: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: ReadonlyArray<{ readonly key: string; readonly value?: string; readonly effect: string }>;
}

/** Node pool values the provider or Kubernetes reject. */
export function checkNodePoolValues(plan: NodePoolValuesPlan): Finding[] {
  const out: Finding[] = [];
  const category = known(plan.systemDiskCategory);
  if (category !== undefined && !SYSTEM_DISK_CATEGORIES.includes(category)) {
    out.push(violation(RULES.SYSTEM_DISK_CATEGORY, `Node pool ${plan.name} has systemDiskCategory ${JSON.stringify(category)}.`,
      `Use one of ${SYSTEM_DISK_CATEGORIES.join(', ')} (case-sensitive), e.g. cloud_essd.`));
  }
  for (const [key, value] of Object.entries(plan.labels)) {
    const problem = (known(key) === undefined ? undefined : labelKeyProblem(key))
      ?? (known(value) === undefined ? undefined : labelValueProblem(value));
    if (problem) {
      out.push(violation(RULES.NODE_LABEL_SYNTAX, `Node pool ${plan.name}: ${problem}.`,
        'Use a qualified name ([DNS prefix/]name of up to 63 letters, digits, "-", "_", ".") as the key and up to 63 such characters as the value.'));
    }
  }
  plan.taints.forEach((taint, i) => {
    const problem = (known(taint.key) === undefined ? undefined : labelKeyProblem(taint.key))
      ?? (taint.value === undefined || known(taint.value) === undefined ? undefined : labelValueProblem(taint.value))
      ?? (known(taint.effect) === undefined || TAINT_EFFECT_VALUES.includes(taint.effect) ? undefined : `effect ${JSON.stringify(taint.effect)} is not one of ${TAINT_EFFECT_VALUES.join(', ')}`);
    if (problem) {
      out.push(violation(RULES.NODE_TAINT, `Node pool ${plan.name} taint #${i + 1}: ${problem.replace(/^label /, 'taint ')}.`,
        'Use a label-style key, an optional label-style value and one of the effects NoSchedule, PreferNoSchedule or NoExecute.'));
    }
  });
  return out;
}
