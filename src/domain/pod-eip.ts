import coerce from 'semver/functions/coerce';
import { RULES } from './catalog';
import { EipAnnotationPrefix, EipInstanceChargeType, EipInternetChargeType, EipIsp, PodEipImplementation } from './eip-enums';
import { violation } from './finding';
import { parseGoDuration } from './go-duration';
import { isNumberToken } from './input';
import { jsonWithSortedKeys } from './json';
import { Finding, RuleDefinition } from './rules';
import { isUnresolved, known } from './tokens';
import { atLeast, parseTerwayVersion } from './versions';

/** RAM actions ack-extend-network-controller needs (Resource `*`), exactly as documented. */
export const ACK_EXTEND_EIP_ACTIONS: ReadonlyArray<string> = [
  'vpc:DescribeVSwitches', 'vpc:AllocateEipAddress', 'vpc:AllocateEipAddressPro', 'vpc:DescribeEipAddresses',
  'vpc:AssociateEipAddress', 'vpc:UnassociateEipAddress', 'vpc:ReleaseEipAddress', 'vpc:AddCommonBandwidthPackageIp',
  'vpc:RemoveCommonBandwidthPackageIp', 'vpc:TagResources', 'ecs:DescribeNetworkInterfaces',
];

/** RAM actions legacy Terway EIP needs (Resource `*`), exactly as documented. */
export const LEGACY_TERWAY_EIP_ACTIONS: ReadonlyArray<string> = [
  'vpc:DescribeVSwitches', 'vpc:AllocateEipAddress', 'vpc:DescribeEipAddresses', 'vpc:AssociateEipAddress',
  'vpc:UnassociateEipAddress', 'vpc:ReleaseEipAddress', 'vpc:AddCommonBandwidthPackageIp', 'vpc:RemoveCommonBandwidthPackageIp',
];

/** The documented RAM actions of an implementation. */
export function eipRamActions(implementation: PodEipImplementation): ReadonlyArray<string> {
  return implementation === PodEipImplementation.LEGACY_TERWAY ? LEGACY_TERWAY_EIP_ACTIONS : ACK_EXTEND_EIP_ACTIONS;
}

/** The custom policy document (RAM policy language version 1). */
export function eipPolicyDocument(implementation: PodEipImplementation): string {
  return JSON.stringify({
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: [...eipRamActions(implementation)], Resource: ['*'] }],
  });
}

/** Built-in controllers whose pods get new names: never "stateful" for fixed EIPs. */
export const BUILT_IN_STATELESS_KINDS: ReadonlyArray<string> = ['Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController'];

/** The readiness gate condition the controller sets once the EIP is attached. */
export const EIP_READINESS_GATE = 'k8s.aliyun.com/eip';
/** Release strategy values other than a Go duration. */
export const EIP_RELEASE_FOLLOW = 'Follow';
/** Keep the PodEIP until it is deleted by hand. */
export const EIP_RELEASE_NEVER = 'Never';
/** The Terway version that removed the EIP feature. */
export const TERWAY_EIP_REMOVED = '1.7.0';
/** The first Terway version with EIP support (v1.0.10.280-gdc2cb6c-aliyun). */
export const TERWAY_EIP_FIRST = '1.0.10';

/** EIP options of one workload, as the rules see them (values unchecked beyond their type). */
export interface EipOptionsModel {
  readonly existingEipId?: string;
  readonly bandwidth?: number;
  readonly internetChargeType?: string;
  readonly instanceChargeType?: string;
  readonly commonBandwidthPackageId?: string;
  readonly isp?: string;
  readonly publicIpAddressPoolId?: string;
  readonly resourceGroupId?: string;
  readonly name?: string;
  readonly description?: string;
  readonly securityProtectionTypes?: ReadonlyArray<string>;
  readonly tags?: Readonly<Record<string, unknown>>;
  readonly releaseStrategy?: string;
  /** Whether the `k8s.aliyun.com/eip` readiness gate is added. */
  readonly readinessGate: boolean;
}

/** The workload an EIP option set is applied to. */
export interface EipWorkloadModel {
  /** Construct path, for messages. */
  readonly path: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** `spec.replicas` when set. */
  readonly replicas?: number;
  /** Kinds of the pod's ownerReferences (bare pods only). */
  readonly ownerKinds: ReadonlyArray<string>;
  /** A reason the pods may be scheduled to virtual nodes (ECI), if any. */
  readonly virtualNodeHint?: string;
}

/** What the EIP rules know about the cluster and the chosen implementation. */
export interface EipContextModel {
  readonly implementation: PodEipImplementation;
  readonly prefix: EipAnnotationPrefix;
  /** The Terway version of the cluster, if known. */
  readonly terwayVersion?: string;
  /** Owner kinds the controller treats as stateful (`customStatefulWorkloadKinds`). */
  readonly customStatefulWorkloadKinds: ReadonlyArray<string>;
  /** The controller's `enableVirtualNode`. */
  readonly enableVirtualNode: boolean;
  /** The ack-extend-network-controller chart version, when known (annotation version gates). */
  readonly chartVersion?: string;
}

/**
 * Annotations ack-extend-network-controller reads only from a chart version on (annotation table of
 * "Associate an exclusive EIP with a pod"); older controllers silently ignore them.
 */
export const EIP_OPTION_MIN_CHART: ReadonlyArray<[keyof EipOptionsModel, string, string]> = [
  ['resourceGroupId', 'eip-resource-group-id', '0.4.0'],
  ['name', 'eip-name', '0.6.0'],
  ['description', 'eip-description', '0.6.0'],
  ['securityProtectionTypes', 'eip-security-protection-types', '0.9.0'],
  ['tags', 'eip-tags', '0.11.0'],
];

/**
 * Peak bandwidth limits of AllocateEipAddress `Bandwidth` (Mbit/s) by metering method for
 * pay-as-you-go EIPs (the only instance charge type the annotations accept); subscription
 * EIPs go to 1000. @see https://www.alibabacloud.com/help/en/vpc/developer-reference/api-vpc-2016-04-28-allocateeipaddress
 */
export const EIP_MAX_BANDWIDTH: Readonly<Record<string, number>> = { PayByTraffic: 200, PayByBandwidth: 500 };

/** Options that only create a new EIP (automatic allocation). */
const AUTO_OPTIONS: ReadonlyArray<keyof EipOptionsModel> = [
  'bandwidth', 'internetChargeType', 'instanceChargeType', 'commonBandwidthPackageId', 'isp', 'publicIpAddressPoolId',
  'resourceGroupId', 'name', 'description', 'securityProtectionTypes', 'tags',
];
/** Options legacy Terway does not read ("Associate an exclusive EIP with a pod" annotation notes; Terway v1.6.4 source). */
const ACK_EXTEND_ONLY: ReadonlyArray<keyof EipOptionsModel> = [
  'instanceChargeType', 'resourceGroupId', 'name', 'description', 'securityProtectionTypes', 'tags',
];
/** Options legacy Terway reads from v1.2.3. */
const LEGACY_FROM_1_2_3: ReadonlyArray<keyof EipOptionsModel> = ['commonBandwidthPackageId', 'isp', 'publicIpAddressPoolId'];

const ID_PATTERNS: ReadonlyArray<[keyof EipOptionsModel, RegExp, string]> = [
  ['existingEipId', /^eip-[a-z0-9]+$/, 'eip-…'],
  ['commonBandwidthPackageId', /^cbwp-[a-z0-9]+$/, 'cbwp-…'],
  ['publicIpAddressPoolId', /^pippool-[a-z0-9]+$/, 'pippool-…'],
  ['resourceGroupId', /^rg-[a-z0-9]+$/, 'rg-…'],
];

/** The pod-template annotations for `options` (values are always strings). */
export function eipAnnotations(options: EipOptionsModel, ctx: Pick<EipContextModel, 'implementation' | 'prefix'>): Record<string, string> {
  const p = ctx.prefix;
  const out: Record<string, string> = {};
  const set = (suffix: string, value: string | undefined) => {
    if (value !== undefined) out[`${p}${suffix}`] = value;
  };
  if (options.existingEipId !== undefined) {
    set('pod-eip-instanceid', options.existingEipId);
  } else {
    set('pod-with-eip', 'true');
  }
  set('eip-bandwidth', options.bandwidth === undefined ? undefined : String(options.bandwidth));
  // Legacy Terway reads eip-charge-type since v1.1.0 and eip-internet-charge-type only from v1.2.3.
  set(ctx.implementation === PodEipImplementation.LEGACY_TERWAY ? 'eip-charge-type' : 'eip-internet-charge-type', options.internetChargeType);
  set('eip-instance-charge-type', options.instanceChargeType);
  set('eip-common-bandwidth-package-id', options.commonBandwidthPackageId);
  set('eip-isp', options.isp);
  set('eip-public-ip-address-pool-id', options.publicIpAddressPoolId);
  set('eip-resource-group-id', options.resourceGroupId);
  set('eip-name', options.name);
  set('eip-description', options.description);
  set('eip-security-protection-types', options.securityProtectionTypes?.join(','));
  set('eip-tags', options.tags === undefined ? undefined : jsonWithSortedKeys(options.tags));
  set('pod-eip-release-strategy', options.releaseStrategy);
  return out;
}

/** Checks one workload's EIP options. */
export function checkEipWorkload(workload: EipWorkloadModel, options: EipOptionsModel, ctx: EipContextModel): Finding[] {
  const findings: Finding[] = [];
  const at = `${workload.kind} ${workload.namespace}/${workload.name} (${workload.path})`;
  const given = (k: keyof EipOptionsModel) => options[k] !== undefined;
  const legacy = ctx.implementation === PodEipImplementation.LEGACY_TERWAY;

  for (const [key, pattern, shape] of ID_PATTERNS) {
    const value = known(options[key] as string | undefined);
    if (value !== undefined && !pattern.test(value)) {
      findings.push(violation(RULES.EIP_RESOURCE_ID, `${at}: ${key} ${JSON.stringify(value)} is not an ID of the form ${shape}.`,
        `Copy the ID from the console or the API (${shape}).`));
    }
  }
  const metering = options.internetChargeType ?? EipInternetChargeType.PAY_BY_TRAFFIC;
  const maxBandwidth = EIP_MAX_BANDWIDTH[metering];
  if (options.bandwidth !== undefined && !isNumberToken(options.bandwidth)
    && (!Number.isInteger(options.bandwidth) || options.bandwidth < 1 || (maxBandwidth !== undefined && options.bandwidth > maxBandwidth))) {
    findings.push(violation(RULES.EIP_BANDWIDTH, `${at}: bandwidth is ${options.bandwidth}${maxBandwidth !== undefined ? ` (${metering} allows 1 to ${maxBandwidth} Mbit/s)` : ''}.`,
      'Give the peak bandwidth as a whole number of Mbit/s: 1 to 200 with PayByTraffic (the default), 1 to 500 with PayByBandwidth (legacy Terway defaults to 5).'));
  }
  checkMember(findings, at, 'internetChargeType', options.internetChargeType, Object.values(EipInternetChargeType), RULES.EIP_INTERNET_CHARGE_TYPE);
  checkMember(findings, at, 'instanceChargeType', options.instanceChargeType, Object.values(EipInstanceChargeType), RULES.EIP_INSTANCE_CHARGE_TYPE);
  checkMember(findings, at, 'isp', options.isp, Object.values(EipIsp), RULES.EIP_ISP);
  if (options.tags !== undefined) {
    const bad = Object.entries(options.tags).filter(([k, v]) => k === '' || typeof v !== 'string');
    if (bad.length > 0) {
      findings.push(violation(RULES.EIP_TAGS, `${at}: tags ${bad.map(([k, v]) => `${JSON.stringify(k)}=${describe(v)}`).join(', ')} are not string pairs with a non-empty key.`,
        'Give tags as { key: "value" } with non-empty keys and string values; the library renders the JSON annotation.'));
    }
  }
  const strategy = known(options.releaseStrategy);
  const fixed = strategy !== undefined && strategy !== EIP_RELEASE_FOLLOW;
  if (strategy !== undefined && strategy !== EIP_RELEASE_FOLLOW && strategy !== EIP_RELEASE_NEVER) {
    const ms = parseGoDuration(strategy);
    if (ms === undefined || ms <= 0) {
      findings.push(violation(RULES.EIP_RELEASE_STRATEGY, `${at}: releaseStrategy ${JSON.stringify(strategy)} is neither Follow, Never nor a positive Go duration.`,
        'Use Follow (release with the pod), Never (delete the PodEIP by hand) or a Go duration such as 10m or 5m30s (units ns, us, ms, s, m, h; no days).'));
    }
  }

  const stateful = isStateful(workload, ctx.customStatefulWorkloadKinds);
  if (fixed && !legacy && !stateful) {
    findings.push(violation(RULES.EIP_FIXED_NEEDS_STATEFUL, `${at}: releaseStrategy ${JSON.stringify(strategy)} keeps the EIP for a pod name, but ${workload.kind} pods get new names.`,
      'Use a StatefulSet (or a bare pod, or add the kind to customStatefulWorkloadKinds), or leave releaseStrategy at Follow.'));
  }

  if (options.existingEipId !== undefined) {
    const auto = AUTO_OPTIONS.filter(given);
    if (auto.length > 0) {
      findings.push(violation(RULES.EIP_EXISTING_WITH_AUTO, `${at}: existingEipId is set together with ${auto.join(', ')}.`,
        'Either bind the existing EIP (its configuration is not changed) or let the controller allocate one with these options, not both.'));
    }
    const singlePod = (workload.kind === 'StatefulSet' && (workload.replicas === undefined || workload.replicas === 1))
      || (workload.kind === 'Pod' && workload.ownerKinds.length === 0);
    if (!singlePod) {
      findings.push(violation(RULES.EIP_EXISTING_SINGLE_POD, `${at}: existingEipId ${JSON.stringify(options.existingEipId)} would be shared by ${workload.kind === 'StatefulSet' ? `${workload.replicas} replicas` : `the pods of a ${workload.kind}`}.`,
        'Give an existing EIP only to a StatefulSet with replicas 1 or to a bare pod; for more pods use automatic allocation with a release strategy (fixed EIPs).'));
    }
  }

  if (legacy) findings.push(...checkLegacyOptions(at, options, ctx, given));
  else findings.push(...checkOptionChartVersions(at, ctx.chartVersion, given));

  if (workload.virtualNodeHint !== undefined && !ctx.enableVirtualNode) {
    findings.push(violation(RULES.EIP_VIRTUAL_NODES, `${at}: its pods may run on virtual nodes (${workload.virtualNodeHint}) and would get no EIP there.`,
      legacy ? 'Keep these pods on ECS nodes; legacy Terway does not serve virtual nodes.'
        : 'Keep these pods on ECS nodes, or set enableVirtualNode in the controller values (check that the pod has no conflicting ECI EIP annotations).'));
  }
  return findings;
}

/** Annotations the controller version does not read yet (TW-EIP-024); nothing when the version is unknown. */
function checkOptionChartVersions(at: string, chartVersion: string | undefined, given: (k: keyof EipOptionsModel) => boolean): Finding[] {
  const version = chartVersion === undefined || isUnresolved(chartVersion) ? undefined : coerce(chartVersion);
  if (!version) return [];
  const early = EIP_OPTION_MIN_CHART.filter(([key, , minimum]) => given(key) && !atLeast(version, minimum));
  if (early.length === 0) return [];
  const need = early.map(([key, annotation, minimum]) => `${key} (${annotation}, v${minimum})`);
  const highest = early.map(([, , minimum]) => minimum).reduce((a, b) => (atLeast(coerce(a)!, b) ? a : b));
  return [violation(RULES.EIP_OPTION_CHART_VERSION, `${at}: ${need.join(', ')} ${early.length > 1 ? 'are' : 'is'} read only by newer ack-extend-network-controller; chartVersion is ${chartVersion}, which ignores ${early.length > 1 ? 'them' : 'it'}.`,
    `Install ack-extend-network-controller v${highest} or later, or leave ${early.map(([key]) => key).join(', ')} out.`)];
}

function checkLegacyOptions(at: string, options: EipOptionsModel, ctx: EipContextModel, given: (k: keyof EipOptionsModel) => boolean): Finding[] {
  const findings: Finding[] = [];
  const unsupported: string[] = ACK_EXTEND_ONLY.filter(given);
  const strategy = options.releaseStrategy;
  if (strategy !== undefined && strategy !== EIP_RELEASE_FOLLOW) unsupported.push(`releaseStrategy ${JSON.stringify(strategy)} (fixed EIP)`);
  if (options.readinessGate) unsupported.push('the k8s.aliyun.com/eip readiness gate (nobody would set it, so pods never become Ready)');
  if (unsupported.length > 0) {
    findings.push(violation(RULES.EIP_LEGACY_UNSUPPORTED_OPTION, `${at}: legacy Terway EIP does not support ${unsupported.join(', ')}.`,
      'Remove these options, or migrate to ack-extend-network-controller (see the migration path in the docs).'));
  }
  if (ctx.prefix !== EipAnnotationPrefix.K8S_ALIYUN) {
    findings.push(violation(RULES.EIP_LEGACY_PREFIX, `${at}: legacy Terway does not read ${ctx.prefix} annotations.`,
      'Use the k8s.aliyun.com/ prefix (the default for the legacy implementation).'));
  }
  const version = ctx.terwayVersion === undefined ? undefined : parseTerwayVersion(ctx.terwayVersion);
  const late = LEGACY_FROM_1_2_3.filter(given);
  if (version && !atLeast(version, '1.2.3') && late.length > 0) {
    findings.push(violation(RULES.EIP_LEGACY_OPTION_VERSION, `${at}: ${late.join(', ')} need Terway v1.2.3 or later; the cluster runs ${ctx.terwayVersion}.`,
      'Upgrade Terway to v1.2.3 or later (but before v1.7.0), or leave these options out.'));
  }
  return findings;
}

/** Checks the Terway version for the legacy choice (once per app, not per workload). */
export function checkLegacyTerwayVersion(where: string, terwayVersion: string | undefined): Finding[] {
  const fix = 'Use ack-extend-network-controller (Terway v1.7.0 and later refuse to start with enable_eip_pool: "eip pool is not supported"), or declare the cluster\'s Terway version (v1.0.10 to before v1.7.0).';
  if (terwayVersion === undefined) {
    return [violation(RULES.EIP_LEGACY_TERWAY_VERSION, `${where}: the legacy Terway EIP feature is chosen but the cluster's Terway version is not known.`, fix)];
  }
  if (isUnresolved(terwayVersion)) return [];
  const version = parseTerwayVersion(terwayVersion);
  if (version && atLeast(version, TERWAY_EIP_FIRST) && !atLeast(version, TERWAY_EIP_REMOVED)) return [];
  return [violation(RULES.EIP_LEGACY_TERWAY_VERSION, `${where}: the legacy Terway EIP feature is chosen on Terway ${terwayVersion}, which ${version && atLeast(version, TERWAY_EIP_REMOVED) ? 'no longer has it' : 'is not a supported version'}.`, fix)];
}

/** Finds the same existing EIP ID on more than one workload. */
export function checkExistingEipReuse(uses: ReadonlyArray<{ readonly path: string; readonly existingEipId?: string }>): Finding[] {
  const byId = new Map<string, string[]>();
  for (const u of uses) {
    const id = known(u.existingEipId);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), u.path]);
  }
  return [...byId.entries()].filter(([, paths]) => paths.length > 1).map(([id, paths]) => violation(RULES.EIP_EXISTING_REUSED,
    `EIP ${id} is given to ${paths.length} workloads: ${paths.join(', ')}.`,
    'Give each workload its own EIP; a new pod can use an EIP only after the PodEIP of the previous pod is gone.'));
}

/** Whether pods of `workload` have stable names (StatefulSet, owner-less pod, custom stateful kind). */
export function isStateful(workload: Pick<EipWorkloadModel, 'kind' | 'ownerKinds'>, customKinds: ReadonlyArray<string>): boolean {
  // A built-in stateless kind never becomes stateful by being listed (its pods still get new names).
  const custom = (kind: string) => customKinds.includes(kind) && !BUILT_IN_STATELESS_KINDS.includes(kind);
  if (workload.kind === 'StatefulSet' || custom(workload.kind)) return true;
  if (workload.kind !== 'Pod') return false;
  return workload.ownerKinds.every((k) => k === 'StatefulSet' || custom(k));
}

function checkMember(
  findings: Finding[], at: string, property: string, value: string | undefined, allowed: ReadonlyArray<string>, rule: RuleDefinition,
): void {
  if (value === undefined || isUnresolved(value) || allowed.includes(value)) return;
  findings.push(violation(rule, `${at}: ${property} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}.`,
    `Use one of ${allowed.join(', ')}.`));
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}

