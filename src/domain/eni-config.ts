import { RULES } from './catalog';
import { violation } from './finding';
import { Finding } from './rules';

/** Credential path of the add-on token on ACK managed clusters (see DOC_TRUNK_PODNETWORKING). */
export const MANAGED_CREDENTIAL_PATH = '/var/addon/token-config';

/**
 * The `10-terway.conf` data entry ACK writes (CNI network config read by terway-cli): CNI
 * version 0.4.0, bandwidth capability, eBPF NetworkPolicy provider; no acceleration.
 */
export const DEFAULT_CNI_CONF: Readonly<Record<string, unknown>> = {
  capabilities: { bandwidth: true },
  cniVersion: '0.4.0',
  name: 'terway',
  network_policy_provider: 'ebpf',
  type: 'terway',
};

/** Keys users put into eni_conf by mistake (the container network FAQ says so; Terway reads them elsewhere). */
export const MISPLACED_ENI_CONF_KEYS: Readonly<Record<string, string>> = {
  disable_network_policy: 'a top-level data key of eni-config (EniConfig disableNetworkPolicy)',
  in_cluster_loadbalance: 'a top-level data key of eni-config (EniConfig inClusterLoadBalance)',
  eniip_virtual_type: 'a key of the 10-terway.conf data entry',
};

/** Inputs of the eni-config rendering. */
export interface EniConfigPlan {
  /** The current `eni_conf` text, if any. */
  readonly baseEniConf?: string;
  /** Trunk ENI on or off; undefined keeps the base value. */
  readonly enableTrunking?: boolean;
  /** Whether the cluster is an ACK managed cluster (needs credential_path with trunking). */
  readonly managedCluster: boolean;
  /** Keys to set on top of the base (undefined values are ignored). */
  readonly overrides: Readonly<Record<string, unknown>>;
}

/** The rendered eni_conf object (sorted keys) and the findings. */
export interface EniConfigResult {
  readonly eniConf: Record<string, unknown>;
  readonly findings: Finding[];
}

/** Parses the base, applies trunking and overrides, and checks the result. */
export function renderEniConf(plan: EniConfigPlan): EniConfigResult {
  const findings: Finding[] = [];
  let base: Record<string, unknown> = {};
  if (plan.baseEniConf !== undefined) {
    try {
      const parsed: unknown = JSON.parse(plan.baseEniConf);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      base = parsed as Record<string, unknown>;
    } catch (e) {
      findings.push(violation(RULES.ENICONF_NOT_JSON, `The existing eni_conf is not a JSON object (${(e as Error).message}).`,
        'Pass the eni_conf value exactly as `kubectl get cm -n kube-system eni-config -o jsonpath={.data.eni_conf}` prints it.'));
    }
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(plan.overrides)) if (v !== undefined) merged[k] = v;

  if (plan.enableTrunking !== undefined) {
    if (base.enable_eni_trunking === true && plan.enableTrunking === false) {
      findings.push(violation(RULES.ENICONF_TRUNK_IRREVERSIBLE, 'The existing eni_conf has enable_eni_trunking true and this configuration turns it off.',
        'Keep enableTrunking true; Trunk ENI, fixed IPs, per-pod vSwitches and security groups cannot be disabled once enabled.'));
    }
    merged.enable_eni_trunking = plan.enableTrunking;
  }
  if (merged.enable_eni_trunking === true && plan.managedCluster) {
    const current = merged.credential_path;
    if (current === undefined || current === '') {
      merged.credential_path = MANAGED_CREDENTIAL_PATH;
    } else if (current !== MANAGED_CREDENTIAL_PATH) {
      findings.push(violation(RULES.ENICONF_CREDENTIAL_PATH, `eni_conf sets credential_path "${String(current)}" on an ACK managed cluster with Trunk ENI.`,
        `Use ${MANAGED_CREDENTIAL_PATH} (the add-on token mounted from Secret kube-system/addon.network.token), or acknowledge if you mount credentials elsewhere.`));
    }
  }
  findings.push(...securityGroupLimitFindings(merged, 'eni_conf'));
  for (const key of Object.keys(merged).filter((k) => k in MISPLACED_ENI_CONF_KEYS)) {
    findings.push(violation(RULES.ENICONF_MISPLACED_KEY, `eni_conf contains "${key}", which Terway does not read there; it is ${MISPLACED_ENI_CONF_KEYS[key]}.`,
      'Move it to where Terway reads it (EniConfig has typed options for the data keys), then remove it from eni_conf.'));
  }
  const vswitches = merged.vswitches;
  if (vswitches === null || typeof vswitches !== 'object' || Object.keys(vswitches).length === 0) {
    findings.push(violation(RULES.ENICONF_NO_VSWITCHES, 'The rendered eni_conf has no vswitches map.',
      'Pass the cluster\'s current eni-config as existingData (kubectl get cm -n kube-system eni-config -o jsonpath=\'{.data}\'), or set eniConfOverrides.vswitches to { <zone>: [<pod vSwitch IDs>] }.'));
  }
  const eniConf = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
  return { eniConf, findings };
}

/** Terway's limit on the security groups of one eni_conf (union of security_group and security_groups). */
export const MAX_ENI_CONF_SECURITY_GROUPS = 10;

/**
 * The security groups Terway uses for an eni_conf: the union of `security_group` and
 * `security_groups` (types/daemon/config.go `GetSecurityGroups`, v1.17.5).
 */
export function securityGroupUnion(conf: Readonly<Record<string, unknown>>): string[] {
  return [...new Set<string>([
    ...(typeof conf.security_group === 'string' && conf.security_group !== '' ? [conf.security_group] : []),
    ...(Array.isArray(conf.security_groups) ? conf.security_groups.map(String) : []),
  ])].sort();
}

/**
 * TW-ENICONF-003: more than 10 groups in the union. terway-controlplane refuses such a merged
 * config (types/daemon/dynamicconfig.go, v1.17.5); terwayd's Validate counts security_groups only.
 */
export function securityGroupLimitFindings(conf: Readonly<Record<string, unknown>>, what: string): Finding[] {
  const groups = securityGroupUnion(conf);
  return groups.length > MAX_ENI_CONF_SECURITY_GROUPS ? [violation(RULES.ENICONF_SECURITY_GROUPS,
    `${what} names ${groups.length} security groups (security_group and security_groups together).`,
    `Keep security_group and security_groups to ${MAX_ENI_CONF_SECURITY_GROUPS} distinct groups in total.`)] : [];
}

/**
 * A per-node-pool eni_conf applied over the base one the way Terway does (RFC 7396 JSON merge
 * patch: nested objects merge key by key, arrays are replaced, null deletes a key).
 */
export function mergeEniConf(base: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isObject(value) && isObject(out[key])) {
      out[key] = mergeEniConf(out[key] as Record<string, unknown>, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
