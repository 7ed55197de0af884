import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { installWarningPrinter } from './warnings';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { renderEniConf } from '../domain/eni-config';
import { checkInputs, describeValue, InputChecker, isPlainObject } from '../domain/input';

/** Properties of an {@link EniConfig}. */
export interface EniConfigProps {
  /**
   * The `data` of the cluster's current `kube-system/eni-config` ConfigMap
   * (`kubectl get cm -n kube-system eni-config -o jsonpath='{.data}'`). Every key is kept;
   * `eni_conf` is parsed and only the keys this construct manages are changed.
   * @default - an empty ConfigMap (only for new clusters you bootstrap yourself)
   */
  readonly existingData?: { [key: string]: string };
  /**
   * Trunk ENI (`enable_eni_trunking`); cannot be turned off once on. Also install the
   * terway-controlplane add-on (TerwayCluster does this for Terraform users).
   * @default true
   */
  readonly enableTrunking?: boolean;
  /**
   * ACK managed cluster: with Trunk ENI, `credential_path` is set to `/var/addon/token-config`.
   * @default true
   */
  readonly managedCluster?: boolean;
  /**
   * Data key `disable_network_policy` ("true" disables Terway's NetworkPolicy agent).
   * @default - unchanged
   */
  readonly disableNetworkPolicy?: boolean;
  /**
   * Data key `in_cluster_loadbalance` (DataPathv2/IPvlan only; Terway v1.2.0+).
   * @default - unchanged
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
   * Further `eni_conf` keys to set, e.g. `{ max_pool_size: 5 }`.
   * @default {}
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
    checkEniConfigProps(this.node.path, props);
    const existing = props.existingData ?? {};
    const c = checkInputs(this.node.path);
    const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
    // Terway's Config struct types these two as strings ("true"), not booleans.
    const legacyEip = {
      enable_eip_pool: flag(c.boolean('enableEipPool', props.enableEipPool, { optional: true })),
      allow_eip_rob: flag(c.boolean('allowEipRob', props.allowEipRob, { optional: true })),
    };
    const plan = {
      baseEniConf: existing.eni_conf,
      enableTrunking: props.enableTrunking ?? true,
      managedCluster: props.managedCluster ?? true,
      overrides: { ...props.eniConfOverrides, ...legacyEip },
    };
    // The inputs are copied and immutable, so one rendering serves the ConfigMap and the rules.
    const { eniConf, findings } = renderEniConf(plan);
    const data: Record<string, string> = { ...existing, eni_conf: JSON.stringify(eniConf, undefined, 2) };
    const extra = { disable_network_policy: flag(props.disableNetworkPolicy), in_cluster_loadbalance: flag(props.inClusterLoadBalance) };
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) data[k] = v;

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'eni-config', namespace: 'kube-system' },
      data: Object.fromEntries(Object.keys(data).sort().map((k) => [k, data[k]])),
    });
    registerRuleCheck(this, [RULES.ENICONF_CREDENTIAL_PATH, RULES.ENICONF_TRUNK_IRREVERSIBLE, RULES.ENICONF_SECURITY_GROUPS,
      RULES.ENICONF_MISPLACED_KEY, RULES.ENICONF_NOT_JSON, RULES.ENICONF_NO_VSWITCHES], () => findings);
    installWarningPrinter(this);
  }
}

/**
 * Shape checks of EniConfig props. Flags must be real booleans: `'false'` or `null` would
 * otherwise be written as the strings "false"/"null" and bypass the Trunk ENI rule.
 */
function checkEniConfigProps(where: string, props: unknown): void {
  const root = checkInputs(where);
  const p = root.object('props', props, { optional: true }) ?? {};
  root.stringMap('existingData', p.existingData, { optional: true }, { minLength: 1 });
  for (const flag of ['enableTrunking', 'managedCluster', 'disableNetworkPolicy', 'inClusterLoadBalance']) {
    root.boolean(flag, p[flag], { optional: true });
  }
  const overrides = root.object('eniConfOverrides', p.eniConfOverrides, { optional: true });
  for (const [key, value] of Object.entries(overrides ?? {})) {
    // undefined leaves a key unchanged (documented); everything else must be a JSON value.
    if (value !== undefined) checkJsonValue(root, `eniConfOverrides[${JSON.stringify(key)}]`, value, 0);
  }
}

/** A value JSON can represent exactly: no NaN, functions, BigInt, class instances or cycles. */
function checkJsonValue(root: InputChecker, property: string, value: unknown, depth: number): void {
  if (depth > 32) root.fail(property, 'is nested too deeply (more than 32 levels) for an eni_conf value.');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) root.fail(property, `must be a JSON value, got ${describeValue(value)}.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkJsonValue(root, `${property}[${i}]`, v, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) root.fail(`${property}[${JSON.stringify(k)}]`, 'is undefined; leave the key out or give a JSON value.');
      checkJsonValue(root, `${property}[${JSON.stringify(k)}]`, v, depth + 1);
    }
    return;
  }
  root.fail(property, `must be a JSON value (string, number, boolean, null, array or plain object), got ${describeValue(value)} (${typeof value}).`);
}
