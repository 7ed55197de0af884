import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { registerAppChecks } from './app-checks';
import { checkClusterInfo } from './plane-inputs';
import { installWarningPrinter } from './warnings';
import { TerwayClusterInfo } from '../core/cluster-info';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { checkEniConfTypes } from '../domain/eni-conf-check';
import { DEFAULT_CNI_CONF, MISPLACED_ENI_CONF_KEYS, renderEniConf } from '../domain/eni-config';
import { violation } from '../domain/finding';
import { checkInputs, propsStructOf } from '../domain/input';
import { CONFIG_MAP_KEY } from '../domain/label-selector';
import { cniConfFindings } from '../domain/node-mode-values';
import { Finding } from '../domain/rules';

/** Properties of an {@link EniConfig}. */
export interface EniConfigProps {
  /**
   * The `data` of the cluster's current `kube-system/eni-config` ConfigMap
   * (`kubectl get cm -n kube-system eni-config -o jsonpath='{.data}'`). Every key is kept;
   * `eni_conf` is parsed and only the keys this construct manages are changed.
   * Without it (or without `10-terway.conf`/`10-terway.conflist` in it) the ACK default
   * `10-terway.conf` is written, which terway-cli needs to render the CNI configuration.
   * Keys must be ConfigMap keys and the values at most 1 MiB in total, as the API server requires.
   * @default - a new ConfigMap: `eni_conf` from the options and the ACK default `10-terway.conf`
   * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters
   */
  readonly existingData?: { [key: string]: string };
  /**
   * The cluster, when known: with exclusive ENI node pools a custom CNI chain
   * (`10-terway.conflist` in existingData) is rejected (TW-EXCL-007).
   * @default - nothing known about the cluster
   */
  readonly cluster?: TerwayClusterInfo;
  /**
   * Trunk ENI (`enable_eni_trunking`); cannot be turned off once on. Also install the
   * terway-controlplane add-on (TerwayCluster does this for Terraform users).
   * @default true
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod
   */
  readonly enableTrunking?: boolean;
  /**
   * ACK managed cluster: with Trunk ENI, `credential_path` is set to `/var/addon/token-config`.
   * @default true
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod
   */
  readonly managedCluster?: boolean;
  /**
   * Data key `disable_network_policy` ("true" disables Terway's NetworkPolicy agent).
   * @default - unchanged
   * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters
   */
  readonly disableNetworkPolicy?: boolean;
  /**
   * Data key `in_cluster_loadbalance` (DataPathv2/IPvlan only; Terway v1.2.0+).
   * @default - unchanged
   * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters
   */
  readonly inClusterLoadBalance?: boolean;
  /**
   * Legacy Terway EIP (Terway before v1.7.0 only): `eni_conf` `enable_eip_pool`, rendered as the
   * string "true"/"false" Terway expects. Do not enable it together with
   * ack-extend-network-controller; Terway v1.7.0 and later fail with "eip pool is not supported".
   * @default - unchanged
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1
   */
  readonly enableEipPool?: boolean;
  /**
   * Legacy Terway EIP: `eni_conf` `allow_eip_rob` ("true" detaches an existing EIP from its current
   * instance before binding it to the pod).
   * @default - unchanged
   */
  readonly allowEipRob?: boolean;
  /**
   * Further `eni_conf` keys to set, e.g. `{ max_pool_size: 5 }`. Checked at synth time against
   * the key types of Terway's daemon config: `max_pool_size: "5"` or `ip_stack: "ipv6"` is an
   * error (TW-ENICONF-007, TW-ENICONF-008).
   * @default {}
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/types/daemon/config.go
   */
  readonly eniConfOverrides?: { [key: string]: any };
}

/**
 * The `kube-system/eni-config` ConfigMap with Trunk ENI switched on, for GitOps users:
 * the existing content is preserved and only `enable_eni_trunking`, `credential_path`
 * and the keys you set are changed. Terway reads it at start, so restart the Terway pods
 * (`kubectl delete pod -n kube-system -l app=terway-eniip`) after applying.
 */
export class EniConfig extends Construct {
  /** The ConfigMap API object (escape hatch). */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: EniConfigProps = {}) {
    super(scope, id);
    checkEniConfigProps(this.node.path, props, propsStructOf(this));
    const check = checkInputs(this.node.path);
    const existing = props.existingData ?? {};
    checkClusterInfo(check, 'cluster', props.cluster);
    const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
    // Terway's Config struct types these two as strings ("true"), not booleans.
    const legacyEip = {
      enable_eip_pool: flag(check.boolean('enableEipPool', props.enableEipPool, { optional: true })),
      allow_eip_rob: flag(check.boolean('allowEipRob', props.allowEipRob, { optional: true })),
    };
    const plan = {
      baseEniConf: existing.eni_conf,
      enableTrunking: props.enableTrunking ?? true,
      managedCluster: props.managedCluster ?? true,
      overrides: { ...props.eniConfOverrides, ...legacyEip },
    };
    check.boolean('disableNetworkPolicy', props.disableNetworkPolicy, { optional: true });
    check.boolean('inClusterLoadBalance', props.inClusterLoadBalance, { optional: true });
    // The inputs are copied and immutable, so one rendering serves the ConfigMap and the rules.
    const rendered = renderEniConf(plan);
    const { eniConf } = rendered;
    const findings: Finding[] = [...rendered.findings, ...checkEniConfTypes(eniConf, { what: 'eni_conf of kube-system/eni-config', terwayVersion: props.cluster?.terwayVersion }), ...cniConfFindings(existing['10-terway.conf'])];
    const chain = existing['10-terway.conflist'];
    if (chain !== undefined && (props.cluster?.exclusiveEniNodePools ?? []).length > 0) {
      findings.push(violation(RULES.EXCL_CUSTOM_CNI_CHAIN,
        `eni-config carries a 10-terway.conflist (a custom CNI chain) and the cluster has exclusive ENI node pools (${props.cluster!.exclusiveEniNodePools!.map((p) => p.nodePoolName).join(', ')}).`,
        'Remove 10-terway.conflist from existingData (Terway then renders its own chain from 10-terway.conf), or do not use exclusive ENI node pools.'));
    }
    const exclusivePools = props.cluster?.exclusiveEniNodePools ?? [];
    const acceleration = acceleratedDatapath(existing['10-terway.conf']);
    if (acceleration !== undefined && exclusivePools.length > 0) {
      findings.push(violation(RULES.ACCELERATION_SHARED_ONLY,
        `10-terway.conf sets eniip_virtual_type "${acceleration}" and the cluster has exclusive ENI node pools (${exclusivePools.map((p) => p.nodePoolName).join(', ')}).`,
        'Remove eniip_virtual_type (no acceleration) while the cluster has exclusive ENI node pools; pods on exclusive ENIs cannot be accelerated.'));
    }
    const data: Record<string, string> = { ...existing, eni_conf: JSON.stringify(eniConf, undefined, 2) };
    if (data['10-terway.conf'] === undefined && chain === undefined) data['10-terway.conf'] = JSON.stringify(DEFAULT_CNI_CONF, undefined, 2);
    const extra = { disable_network_policy: flag(props.disableNetworkPolicy), in_cluster_loadbalance: flag(props.inClusterLoadBalance) };
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) data[k] = v;
    checkConfigMapSize(this.node.path, data);

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'eni-config', namespace: 'kube-system' },
      data: Object.fromEntries(Object.keys(data).sort().map((k) => [k, data[k]])),
    });
    registerRuleCheck(this, [RULES.ENICONF_CREDENTIAL_PATH, RULES.ENICONF_TRUNK_IRREVERSIBLE, RULES.ENICONF_SECURITY_GROUPS,
      RULES.ENICONF_MISPLACED_KEY, RULES.ENICONF_NOT_JSON, RULES.ENICONF_NO_VSWITCHES, RULES.ENICONF_KEY_TYPE, RULES.ENICONF_KEY_VALUE,
      RULES.ENICONF_REMOVED_KEY, RULES.EXCL_CUSTOM_CNI_CHAIN, RULES.ACCELERATION_SHARED_ONLY, RULES.ENICONF_CNI_CONF_NOT_JSON], () => findings);
    registerAppChecks(this);
    installWarningPrinter(this);
  }
}

/**
 * Shape checks of EniConfig props. Flags must be real booleans: `'false'` or `null` would
 * otherwise be written as the strings "false"/"null" and bypass the Trunk ENI rule.
 */
function checkEniConfigProps(where: string, props: unknown, struct: string | undefined): void {
  const root = checkInputs(where);
  const p = root.object('props', props, { optional: true, struct }) ?? {};
  root.stringMap('existingData', p.existingData, { optional: true }, {
    pattern: CONFIG_MAP_KEY,
    expected: "a ConfigMap key (1 to 253 letters, digits, '-', '_' or '.'; not '.' and not starting with '..')",
  });
  for (const flag of ['enableTrunking', 'managedCluster', 'disableNetworkPolicy', 'inClusterLoadBalance']) {
    root.boolean(flag, p[flag], { optional: true });
  }
  const overrides = root.object('eniConfOverrides', p.eniConfOverrides, { optional: true });
  for (const [key, value] of Object.entries(overrides ?? {})) {
    // undefined leaves a key unchanged (documented); everything else must be a JSON value.
    if (value === undefined) continue;
    root.jsonValue(`eniConfOverrides[${JSON.stringify(key)}]`, value);
    if (MISPLACED_ENI_CONF_KEYS[key] !== undefined) {
      root.fail(`eniConfOverrides[${JSON.stringify(key)}]`, `is not an eni_conf key: Terway reads it as ${MISPLACED_ENI_CONF_KEYS[key]}.`);
    }
  }
}

/** The API server's limit on a ConfigMap's data values, in bytes (`MaxSecretSize`). */
const CONFIG_MAP_MAX_BYTES = 1024 * 1024;

/**
 * The API server refuses a ConfigMap whose data values exceed 1 MiB in total (`ValidateConfigMap`).
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
function checkConfigMapSize(where: string, data: Record<string, string>): void {
  let bytes = 0;
  for (const v of Object.values(data)) bytes += Buffer.byteLength(v);
  if (bytes > CONFIG_MAP_MAX_BYTES) {
    checkInputs(where).fail('existingData', `with eniConfOverrides makes kube-system/eni-config ${bytes} bytes of data values; a ConfigMap holds at most ${CONFIG_MAP_MAX_BYTES} bytes. Drop the keys Terway does not read.`);
  }
}

/** The eBPF datapath a 10-terway.conf asks for (datapathv2 or ipvlan, compared case-insensitively), if any. */
function acceleratedDatapath(cniConf: string | undefined): string | undefined {
  if (cniConf === undefined) return undefined;
  try {
    const value = (JSON.parse(cniConf) as { eniip_virtual_type?: unknown }).eniip_virtual_type;
    return typeof value === 'string' && ['datapathv2', 'ipvlan'].includes(value.toLowerCase()) ? value : undefined;
  } catch {
    return undefined;
  }
}
