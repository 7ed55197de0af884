import { RULES } from './catalog';
import { violation } from './finding';
import { isPlainObject } from './input';
import { EXCLUSIVE_ENI_LABEL, EXCLUSIVE_ENI_VALUE } from './node-pool';
import { Finding } from './rules';
import { known } from './tokens';

/**
 * TW-EXCL-010: the exclusive ENI label with a value other than `eniOnly`. Terway lowercases the
 * value (types/k8s.go NodeExclusiveENIMode, v1.17.5), so `ENIONLY` makes exclusive nodes of a pool
 * planned as shared, and any other value is shared mode under an exclusive-looking label.
 */
export function exclusiveLabelFindings(pool: string, labels: Readonly<Record<string, string>>): Finding[] {
  if (!Object.prototype.hasOwnProperty.call(labels, EXCLUSIVE_ENI_LABEL)) return [];
  const value = known(labels[EXCLUSIVE_ENI_LABEL]);
  if (value === undefined || value === EXCLUSIVE_ENI_VALUE) return [];
  const exclusiveToTerway = value.toLowerCase() === EXCLUSIVE_ENI_VALUE.toLowerCase();
  return [violation(RULES.EXCL_LABEL_VALUE,
    `Node pool ${pool} sets ${EXCLUSIVE_ENI_LABEL}: ${JSON.stringify(value)}; ${exclusiveToTerway
      ? 'Terway compares it case-insensitively and runs the nodes in exclusive ENI mode, while this pool is planned (capacity, plan-time checks) as shared'
      : `only ${EXCLUSIVE_ENI_VALUE} selects exclusive ENI mode, so the nodes stay in shared mode`}.`,
    `Use ExclusiveEniNodePool (it sets ${EXCLUSIVE_ENI_LABEL}: ${EXCLUSIVE_ENI_VALUE}), or remove the label for a shared ENI pool.`)];
}

/** TW-ENICONF-010: a `10-terway.conf` data entry that is not a JSON object. */
export function cniConfFindings(text: string | undefined): Finding[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    parsed = e;
  }
  return isPlainObject(parsed) ? [] : [violation(RULES.ENICONF_CNI_CONF_NOT_JSON,
    `The 10-terway.conf entry of eni-config is not a JSON object (${parsed instanceof Error ? parsed.message : `got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`}).`,
    'Pass 10-terway.conf exactly as `kubectl get cm -n kube-system eni-config -o jsonpath={.data.10-terway\\.conf}` prints it, or leave it out for the ACK default.')];
}

/**
 * Problem with an ACK add-on `config` object (parsed JSON text): ACK add-on switches are the
 * strings "true"/"false" (the provider's example `IngressDashboardEnabled = "true"`; Terway's
 * `{"NetworkPolicy": "true"}`), so a JSON boolean is not what the add-on reads; `__proto__`
 * keys cannot be carried.
 * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/cs_managed_kubernetes#addons
 */
export function addonConfigProblem(config: Readonly<Record<string, unknown>>): string | undefined {
  for (const [key, value] of Object.entries(config)) {
    if (key === '__proto__') return 'has the key "__proto__"';
    if (typeof value === 'boolean') {
      return `sets ${JSON.stringify(key)} to the JSON boolean ${String(value)}; ACK add-on switches are strings (write ${JSON.stringify(String(value))})`;
    }
  }
  return undefined;
}
