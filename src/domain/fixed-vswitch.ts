import { RULES } from './catalog';
import { blockContains, blocksOverlap, isIpv4Block, parseIpv4Cidr } from './cidr';
import { VSwitchPlan } from './cluster-network';
import { checkEniConfTypes } from './eni-conf-check';
import { ENI_CONF_KEYS } from './eni-conf-schema';
import { securityGroupLimitFindings } from './eni-config';
import { violation } from './finding';
import { resourceIdProblem, ResourceIdKind } from './ids';
import { labelValueProblem, objectNameProblem } from './label-selector';
import { TERWAY_CONFIG_LABEL } from './node-pool';
import { Finding } from './rules';
import { known } from './tokens';

/**
 * eni_conf keys a per-node ConfigMap must not set: they are cluster-wide (credentials, IPAM,
 * trunking, IP family, Service CIDR), and a node that disagrees with the rest breaks it.
 */
export const CLUSTER_WIDE_ENI_CONF_KEYS: Readonly<Record<string, string>> = {
  access_key: 'credentials belong in the cluster eni-config (ACK uses the add-on token)',
  access_secret: 'credentials belong in the cluster eni-config (ACK uses the add-on token)',
  credential_path: 'the add-on token path is cluster-wide',
  region_id: 'the region is cluster-wide',
  service_cidr: 'the Service CIDR is cluster-wide',
  ipam_type: 'the IPAM type is cluster-wide (terway-controlplane manages crd IPAM for every node)',
  enable_eni_trunking: 'Trunk ENI is switched on for the cluster, with terway-controlplane',
  ip_stack: 'the IP family is cluster-wide',
};

/** What the fixed-vSwitch rules see of one per-node configuration. */
export interface FixedConfigPlan {
  /** ConfigMap name (value of node label terway-config). */
  readonly name: string;
  /** The eni_conf document written into the ConfigMap. */
  readonly eniConf: Readonly<Record<string, unknown>>;
  /** Zones of the node pool's nodes, when known. */
  readonly poolZones?: ReadonlyArray<string>;
}

/**
 * ConfigMaps in kube-system that a per-node configuration must not replace: Terway's cluster-wide
 * default, which every node merges its per-node configuration over (docs/dynamic-config.md), and
 * which EniConfig writes.
 */
export const RESERVED_CONFIG_NAMES: Readonly<Record<string, string>> = {
  'eni-config': 'Terway\'s cluster-wide default configuration (kube-system/eni-config, written by EniConfig); replacing it drops every node\'s version, security group and Service CIDR settings',
};

/** TW-FIXED-003 for a ConfigMap name (also the node label value). */
export function fixedConfigNameFindings(name: string): Finding[] {
  const reserved = Object.prototype.hasOwnProperty.call(RESERVED_CONFIG_NAMES, name) ? RESERVED_CONFIG_NAMES[name] : undefined;
  if (reserved !== undefined) {
    return [violation(RULES.FIXED_CONFIG_NAME, `Per-node ConfigMap name "${name}" is the name of ${reserved}.`,
      'Use a name of its own for the per-node ConfigMap, e.g. eni-config-fixed.')];
  }
  const problem = objectNameProblem(name) ?? labelValueProblem(name);
  return problem === undefined ? [] : [violation(RULES.FIXED_CONFIG_NAME, `Per-node ConfigMap name ${problem}.`,
    'Use a lowercase DNS label of at most 63 characters, e.g. eni-config-fixed.')];
}

/** RESOURCE_ID for the literal vSwitch and security group IDs of an eni_conf. */
function eniConfIdFindings(conf: Readonly<Record<string, unknown>>, what: string): Finding[] {
  const out: Finding[] = [];
  const check = (kind: ResourceIdKind, id: unknown, where: string) => {
    const literal = typeof id === 'string' ? known(id) : undefined;
    const problem = literal === undefined ? undefined : resourceIdProblem(kind, literal);
    if (problem) out.push(violation(RULES.RESOURCE_ID, `${what} ${where}: ${problem}.`, 'Pass IDs exactly as the VPC and ECS consoles show them.'));
  };
  const vswitches = conf.vswitches;
  if (vswitches !== null && typeof vswitches === 'object' && !Array.isArray(vswitches)) {
    for (const [zone, ids] of Object.entries(vswitches)) if (Array.isArray(ids)) ids.forEach((id) => check(ResourceIdKind.VSWITCH, id, `vswitches.${zone}`));
  }
  check(ResourceIdKind.SECURITY_GROUP, conf.security_group === '' ? undefined : conf.security_group, 'security_group');
  if (Array.isArray(conf.security_groups)) conf.security_groups.forEach((id) => check(ResourceIdKind.SECURITY_GROUP, id, 'security_groups'));
  return out;
}

/** TW-FIXED-001, -003, -008 and the eni_conf type rules for one per-node configuration. */
export function checkFixedConfig(plan: FixedConfigPlan): Finding[] {
  const out: Finding[] = [...fixedConfigNameFindings(plan.name)];
  const what = `eni_conf of ConfigMap kube-system/${plan.name}`;
  for (const key of Object.keys(plan.eniConf).sort()) {
    if (!Object.prototype.hasOwnProperty.call(ENI_CONF_KEYS, key)) {
      out.push(violation(RULES.FIXED_KEY_NOT_PER_NODE, `${what} sets "${key}", which is not a key of Terway's daemon config.`,
        'Check the spelling against Terway\'s eni_conf keys (e.g. max_pool_size, vswitches, security_groups).'));
    } else if (CLUSTER_WIDE_ENI_CONF_KEYS[key] !== undefined) {
      out.push(violation(RULES.FIXED_KEY_NOT_PER_NODE, `${what} sets "${key}": ${CLUSTER_WIDE_ENI_CONF_KEYS[key]}.`,
        `Remove "${key}" from the per-node configuration; set it in kube-system/eni-config (EniConfig) if needed.`));
    }
  }
  out.push(...checkEniConfTypes(plan.eniConf, { what, mergePatch: true }));
  out.push(...eniConfIdFindings(plan.eniConf, what), ...securityGroupLimitFindings(plan.eniConf, what));
  const vswitches = plan.eniConf.vswitches;
  const zones = vswitches !== null && typeof vswitches === 'object' && !Array.isArray(vswitches)
    ? Object.entries(vswitches as Record<string, unknown>).filter(([, ids]) => Array.isArray(ids) && ids.length > 0).map(([z]) => z)
    : [];
  if (zones.length === 0) {
    out.push(violation(RULES.FIXED_VSWITCH_ZONE, `${what} has no dedicated vSwitch.`, 'Give at least one vSwitch per zone of the node pool.'));
  } else if (plan.poolZones !== undefined) {
    const poolZones = plan.poolZones.map((z) => known(z)).filter((z): z is string => z !== undefined);
    const outside = zones.filter((z) => !poolZones.includes(z));
    const uncovered = poolZones.filter((z) => !zones.includes(z));
    if (outside.length > 0) {
      out.push(violation(RULES.FIXED_VSWITCH_ZONE, `${what} has vSwitches in ${outside.join(', ')}, where node pool nodes never run (pool zones: ${poolZones.join(', ')}).`,
        'Put the dedicated vSwitches in the node pool\'s zones.'));
    }
    if (uncovered.length > 0) {
      out.push(violation(RULES.FIXED_VSWITCH_ZONE, `${what} has no vSwitch for ${uncovered.join(', ')}; nodes there merge in the cluster default vswitches and give pods IPs outside the allowlisted block.`,
        'Add a dedicated vSwitch in every zone of the node pool, or limit the pool to the zones that have one.'));
    }
  }
  return out;
}

/** A dedicated vSwitch with its CIDR, for the address rule. */
export interface DedicatedVSwitchPlan {
  readonly label: string;
  readonly zoneId: string;
  readonly cidr: string;
  /** ID of an existing vSwitch (the same vSwitch may serve pools that share a ConfigMap). */
  readonly vswitchId?: string;
}

/** Another fixed-vSwitch pool of the same cluster. */
export interface FixedPoolPlan {
  readonly configName: string;
  /** Construct path, for messages. */
  readonly path: string;
  readonly dedicated: ReadonlyArray<DedicatedVSwitchPlan>;
}

/**
 * TW-FIXED-002 and the vSwitch size rule: dedicated vSwitches inside the VPC, /16 to /29 like
 * every vSwitch, and clear of the cluster's other vSwitches and of the dedicated vSwitches of
 * `earlier` fixed pools; TW-FIXED-010: a pool that shares an earlier pool's ConfigMap name has
 * the same vSwitches.
 */
export function checkDedicatedVSwitchAddresses(
  config: string,
  dedicated: ReadonlyArray<DedicatedVSwitchPlan>,
  vpcCidrs: ReadonlyArray<string>,
  others: ReadonlyArray<VSwitchPlan>,
  earlier: ReadonlyArray<FixedPoolPlan> = [],
): Finding[] {
  const out: Finding[] = [];
  const vpc = vpcCidrs.map((c) => parseIpv4Cidr(c)).filter(isIpv4Block);
  const sameConfig = earlier.filter((p) => p.configName === config);
  const identity = (list: ReadonlyArray<DedicatedVSwitchPlan>) => list.map((d) => `${d.zoneId}|${d.vswitchId ?? ''}|${d.cidr}`).sort().join(',');
  for (const p of sameConfig) {
    if (identity(p.dedicated) !== identity(dedicated) || dedicated.some((d) => d.vswitchId === undefined)) {
      out.push(violation(RULES.FIXED_SHARED_CONFIG,
        `Node pool ${p.path} is labelled terway-config: ${config} too, with ${p.dedicated.map((d) => d.vswitchId ?? d.cidr).join(', ')}; this pool has ${dedicated.map((d) => d.vswitchId ?? d.cidr).join(', ')}. Both read the one ConfigMap kube-system/${config}.`,
        'Give each pool its own configName, or let pools that share one use the same existing vSwitches (vswitchId).'));
    }
  }
  // Existing vSwitches shared with a pool of the same ConfigMap are the same vSwitch, not an overlap.
  const shared = new Set(sameConfig.flatMap((p) => p.dedicated.map((d) => d.vswitchId)).filter((id): id is string => id !== undefined));
  const taken = [
    ...others.map((o) => ({ label: o.label, cidr: o.cidr })),
    ...earlier.flatMap((p) => p.dedicated.filter((d) => d.vswitchId === undefined || !shared.has(d.vswitchId))
      .map((d) => ({ label: `${d.label} of ${p.configName} (${p.path})`, cidr: d.cidr }))),
  ].flatMap((o) => {
    const literal = known(o.cidr);
    const b = literal === undefined ? undefined : parseIpv4Cidr(literal);
    return b !== undefined && isIpv4Block(b) ? [{ label: o.label, block: b }] : [];
  });
  const seen: Array<{ label: string; block: ReturnType<typeof parseIpv4Cidr> }> = [];
  for (const d of dedicated) {
    const literal = known(d.cidr);
    if (literal === undefined) continue;
    const block = parseIpv4Cidr(literal);
    if (!isIpv4Block(block)) {
      out.push(violation(RULES.CIDR_SYNTAX, `${d.label} of ${config} has CIDR "${literal}": ${block.problem}.`, block.suggestion ? `Use ${block.suggestion}.` : 'Use a.b.c.d/n.'));
      continue;
    }
    if (block.prefix < 16 || block.prefix > 29) {
      out.push(violation(RULES.CIDR_MASK_RANGE, `${d.label} of ${config} ${block.text} has prefix /${block.prefix}.`, 'Use a vSwitch CIDR from /16 to /29.'));
    }
    if (vpc.length > 0 && !vpc.some((v) => blockContains(v, block))) {
      out.push(violation(RULES.FIXED_VSWITCH_VPC, `${d.label} of ${config} (${literal}) is outside the VPC (${vpc.map((v) => v.text).join(', ')}).`,
        'Choose a free block inside the cluster\'s VPC CIDR.'));
    }
    if (d.vswitchId !== undefined && shared.has(d.vswitchId)) {
      seen.push({ label: d.label, block });
      continue;
    }
    for (const o of [...taken, ...seen.map((s) => ({ label: s.label, block: s.block }))]) {
      if (isIpv4Block(o.block) && blocksOverlap(o.block, block)) {
        out.push(violation(RULES.FIXED_VSWITCH_VPC, `${d.label} of ${config} (${literal}) overlaps ${o.label} (${o.block.text}).`,
          'Choose a block no other vSwitch of the VPC uses.'));
      }
    }
    seen.push({ label: d.label, block });
  }
  return out;
}

/** The node label that selects a per-node configuration. */
export function fixedConfigLabel(name: string): Record<string, string> {
  return { [TERWAY_CONFIG_LABEL]: name };
}
