import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { registerAppChecks } from './app-checks';
import { installWarningPrinter } from './warnings';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { renderEniConf } from '../domain/eni-config';

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
    const existing = props.existingData ?? {};
    const plan = {
      baseEniConf: existing.eni_conf,
      enableTrunking: props.enableTrunking ?? true,
      managedCluster: props.managedCluster ?? true,
      overrides: { ...props.eniConfOverrides },
    };
    // The inputs are copied and immutable, so one rendering serves the ConfigMap and the rules.
    const { eniConf, findings } = renderEniConf(plan);
    const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
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
    registerAppChecks(this);
    installWarningPrinter(this);
  }
}
