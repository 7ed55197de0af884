// Only the module used: the package root loads every range and function module.
import coerce from 'semver/functions/coerce';
import { stringify } from 'yaml';
import { RULES } from './catalog';
import { formatFinding, violation } from './finding';
import { checkInputs, propsStructOf } from './input';
import { BUILT_IN_STATELESS_KINDS } from './pod-eip';
import { Finding, Severity } from './rules';
import { isUnresolved } from './tokens';
import { atLeast } from './versions';

/** Properties of {@link EipControllerValues}: the ack-extend-network-controller chart values for EIPs. */
export interface EipControllerValuesProps {
  /**
   * Chart version you install from the ACK App Marketplace, e.g. `v0.12.2`; drives the version
   * gates (EIPs v0.2.0+, RRSA v0.10.0+, client QPS/burst v0.12.2+).
   */
  readonly chartVersion: string;
  /** `clusterID`: the cluster ID. */
  readonly clusterId: string;
  /** `regionID`: the region of the cluster, e.g. `cn-hangzhou`. */
  readonly regionId: string;
  /**
   * The cluster's VPC ID. Rendered as both `networkController.vpcid` (the documented parameter) and
   * top-level `vpcID` (the documented sample), because the chart is not public and the two places
   * disagree; Helm ignores the key the chart does not read.
   */
  readonly vpcId: string;
  /** `networkController.eipController.maxConcurrentReconciles` (1 to 2147483647). @default - the chart default */
  readonly maxConcurrentReconciles?: number;
  /**
   * `networkController.eipController.garbageCollectionPeriodInMinutes` (clean-up of fixed EIPs;
   * 1 to 2147483647). @default - the chart default
   */
  readonly garbageCollectionPeriodInMinutes?: number;
  /**
   * `networkController.customStatefulWorkloadKinds`: owner kinds of custom controllers treated like
   * StatefulSet (eligible for fixed EIPs). Rendered once, under `networkController` beside
   * `eipController`, where the published sample configuration puts it. Built-in kinds whose pods
   * get new names (Deployment, ReplicaSet, DaemonSet, Job, CronJob, ReplicationController) are refused.
   * @default []
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1
   */
  readonly customStatefulWorkloadKinds?: string[];
  /** `enableVirtualNode`: also give EIPs to pods on ECI virtual nodes. @default false */
  readonly enableVirtualNode?: boolean;
  /**
   * `enableRRSA`: authenticate with RRSA (chart v0.10.0+; ack-pod-identity-webhook injection, so label
   * kube-system for it). Without RRSA the controller uses the worker RAM role.
   * @default false
   */
  readonly enableRrsa?: boolean;
  /** `rrsaRoleName` (chart v0.10.0+); required with `enableRrsa`. @default - none */
  readonly rrsaRoleName?: string;
  /** `kubeClientQPS` (chart v0.12.2+; a float32, 0 to 3.4028234663852886e38). @default - the chart default */
  readonly kubeClientQps?: number;
  /** `kubeClientBurst` (chart v0.12.2+; 1 to 2147483647). @default - the chart default */
  readonly kubeClientBurst?: number;
  /**
   * Further chart values (JSON values only), merged with the typed ones. Keys the typed
   * properties own (e.g. `enableRRSA`, `kubeClientQPS`, `networkController.vpcid`) are refused,
   * so the typed rules always apply; `credential` (AccessKeys) is an error (TW-EIP-019).
   * @default {}
   */
  readonly additionalValues?: { [key: string]: any };
}

const VALUE_NAMES = 'EipControllerValues';
/** The largest Go int32: an upper bound the chart's int values always parse to. */
const MAX_INT32 = 2147483647;
/** The largest float32 (`kubeClientQPS` is a float32 in the documented parameter table). */
const MAX_FLOAT32 = 3.4028234663852886e38;
/** Chart value paths the typed properties own (refused in additionalValues). */
const TYPED_PATHS: ReadonlyArray<string> = [
  'clusterID', 'regionID', 'vpcID', 'enableControllers', 'customStatefulWorkloadKinds', 'enableVirtualNode', 'enableRRSA', 'rrsaRoleName',
  'kubeClientQPS', 'kubeClientBurst', 'networkController.vpcid', 'networkController.customStatefulWorkloadKinds',
  'networkController.eipController.maxConcurrentReconciles', 'networkController.eipController.garbageCollectionPeriodInMinutes',
  'networkController.eipController.customStatefulWorkloadKinds',
];
/** Block style, no line folding, code-point-sorted keys: byte-stable values files. */
const YAML_OPTIONS = { lineWidth: 0, sortMapEntries: true } as const;
/** Keys that carry AccessKeys, at any depth. */
const SECRET_KEY = /^(credential|accesskey|accesskeyid|accesssecret|accesskeysecret|secretkey)$/i;

/**
 * Values of the ack-extend-network-controller Helm chart (ACK App Marketplace; not in a public
 * Helm repository) with the EIP controller on. Use {@link toYaml} for a GitOps values file, or
 * {@link values} for the object. AccessKeys are never rendered: the controller authenticates with
 * the worker RAM role or, from v0.10.0, with RRSA.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1
 */
export class EipControllerValues {
  /** The properties, checked. */
  public readonly props: EipControllerValuesProps;
  /** Custom stateful kinds (resolved default). */
  public readonly customStatefulWorkloadKinds: string[];
  /** Whether virtual-node support is on (resolved default). */
  public readonly enableVirtualNode: boolean;
  /** Whether RRSA is on (resolved default). */
  public readonly enableRrsa: boolean;

  constructor(props: EipControllerValuesProps, where: string = VALUE_NAMES) {
    const c = checkInputs(where).at('controllerValues');
    c.object('props', props, { struct: propsStructOf(this) });
    c.string('chartVersion', props.chartVersion, { minLength: 1 });
    c.string('clusterId', props.clusterId, { minLength: 1 });
    c.string('regionId', props.regionId, { pattern: /^[a-z]{2}-[a-z0-9-]+$/, expected: 'a region ID such as cn-hangzhou' });
    c.string('vpcId', props.vpcId, { pattern: /^vpc-[a-z0-9]+$/, expected: 'a VPC ID such as vpc-bp1…' });
    c.integer('maxConcurrentReconciles', props.maxConcurrentReconciles, { optional: true, min: 1, max: MAX_INT32 });
    c.integer('garbageCollectionPeriodInMinutes', props.garbageCollectionPeriodInMinutes, { optional: true, min: 1, max: MAX_INT32 });
    const kinds = c.stringArray('customStatefulWorkloadKinds', props.customStatefulWorkloadKinds, { optional: true },
      { pattern: /^[A-Z][A-Za-z0-9]{0,62}$/, expected: 'a Kubernetes kind such as CloneSet' }) ?? [];
    kinds.forEach((kind, i) => {
      if (BUILT_IN_STATELESS_KINDS.includes(kind)) {
        c.fail(`customStatefulWorkloadKinds[${i}]`, `is ${JSON.stringify(kind)}, a built-in controller whose pods get new names; a fixed EIP cannot follow them. List only custom stateful controllers (e.g. CloneSet-like kinds with stable pod names).`);
      }
      if (kinds.indexOf(kind) !== i) c.fail(`customStatefulWorkloadKinds[${i}]`, `repeats ${JSON.stringify(kind)}; list each kind once.`);
    });
    c.boolean('enableVirtualNode', props.enableVirtualNode, { optional: true });
    c.boolean('enableRrsa', props.enableRrsa, { optional: true });
    c.string('rrsaRoleName', props.rrsaRoleName, { optional: true, pattern: /^[A-Za-z0-9.-]{1,64}$/, expected: 'a RAM role name (letters, digits, periods, hyphens; at most 64)' });
    c.number('kubeClientQps', props.kubeClientQps, { optional: true, min: 0, max: MAX_FLOAT32 });
    c.integer('kubeClientBurst', props.kubeClientBurst, { optional: true, min: 1, max: MAX_INT32 });
    const extra = c.object('additionalValues', props.additionalValues, { optional: true });
    if (extra !== undefined) {
      c.jsonValue('additionalValues', extra);
      for (const path of TYPED_PATHS) {
        if (valueAt(extra, path) !== undefined) {
          c.fail(`additionalValues.${path}`, 'is set by a typed property of EipControllerValues (so its rules apply); give it there instead.');
        }
      }
    }
    if (props.enableRrsa === true && props.rrsaRoleName === undefined) c.fail('rrsaRoleName', 'is required when enableRrsa is true (the RAM role the controller assumes).');
    if (props.enableRrsa !== true && props.rrsaRoleName !== undefined) c.fail('rrsaRoleName', 'is set but enableRrsa is not true.');
    this.props = props;
    this.customStatefulWorkloadKinds = [...(props.customStatefulWorkloadKinds ?? [])];
    this.enableVirtualNode = props.enableVirtualNode ?? false;
    this.enableRrsa = props.enableRrsa ?? false;
  }

  /** Rule findings: version gates and AccessKeys. */
  public findings(): Finding[] {
    const p = this.props;
    const findings: Finding[] = [];
    const version = isUnresolved(p.chartVersion) ? undefined : coerce(p.chartVersion);
    const gate = (minimum: string, what: string[]) => {
      if (what.length === 0) return;
      if (version === undefined || version === null) {
        findings.push(violation(RULES.EIP_CONTROLLER_VERSION, `chartVersion ${JSON.stringify(p.chartVersion)} is not a version; ${what.join(', ')} need v${minimum} or later.`,
          'Give the chart version you install, e.g. v0.12.2.'));
      } else if (!atLeast(version, minimum)) {
        findings.push(violation(RULES.EIP_CONTROLLER_VERSION, `${what.join(', ')} need ack-extend-network-controller v${minimum} or later; chartVersion is ${p.chartVersion}.`,
          `Install v${minimum} or later, or leave ${what.join(', ')} out.`));
      }
    };
    gate('0.2.0', ['the EIP controller']);
    gate('0.10.0', [...(p.enableRrsa ? ['enableRRSA'] : []), ...(p.rrsaRoleName !== undefined ? ['rrsaRoleName'] : [])]);
    gate('0.12.2', [...(p.kubeClientQps !== undefined ? ['kubeClientQPS'] : []), ...(p.kubeClientBurst !== undefined ? ['kubeClientBurst'] : [])]);
    const secrets = secretPaths(p.additionalValues ?? {}, '');
    if (secrets.length > 0) {
      findings.push(violation(RULES.EIP_ACCESS_KEYS, `additionalValues set ${secrets.join(', ')}; AccessKeys would be stored in a Secret and in every copy of the values.`,
        'Remove them. Attach the EIP policy to the worker RAM role (PodEipPolicy does) or use RRSA (enableRrsa with rrsaRoleName, chart v0.10.0+).'));
    }
    return findings;
  }

  /** The chart values object (chart key names; AccessKeys never included). Throws on rule errors. */
  public get values(): { [key: string]: any } {
    const errors = this.findings().filter((f) => f.rule.severity === Severity.ERROR);
    if (errors.length > 0) throw new Error(`${VALUE_NAMES}: ${errors.map(formatFinding).join('\n')}`);
    return this._render();
  }

  /** The values as a YAML values file (`helm install -f`). Throws on rule errors. */
  public toYaml(): string {
    return stringify(this.values, YAML_OPTIONS);
  }

  /**
   * The values file without the rule gate (constructs report findings through their own validation).
   * @internal
   */
  public _renderYaml(): string {
    return stringify(this._render(), YAML_OPTIONS);
  }

  /**
   * The values without the rule gate (constructs report findings through their own validation).
   * @internal
   */
  public _render(): { [key: string]: any } {
    const p = this.props;
    const eipController: Record<string, unknown> = {};
    if (p.maxConcurrentReconciles !== undefined) eipController.maxConcurrentReconciles = p.maxConcurrentReconciles;
    if (p.garbageCollectionPeriodInMinutes !== undefined) eipController.garbageCollectionPeriodInMinutes = p.garbageCollectionPeriodInMinutes;
    const typed: Record<string, unknown> = {
      clusterID: p.clusterId,
      regionID: p.regionId,
      vpcID: p.vpcId,
      enableControllers: ['eip'],
      networkController: {
        vpcid: p.vpcId,
        ...(Object.keys(eipController).length > 0 ? { eipController } : {}),
        ...(this.customStatefulWorkloadKinds.length > 0 ? { customStatefulWorkloadKinds: [...this.customStatefulWorkloadKinds] } : {}),
      },
      ...(p.enableVirtualNode !== undefined ? { enableVirtualNode: p.enableVirtualNode } : {}),
      ...(p.enableRrsa !== undefined ? { enableRRSA: p.enableRrsa } : {}),
      ...(p.rrsaRoleName !== undefined ? { rrsaRoleName: p.rrsaRoleName } : {}),
      ...(p.kubeClientQps !== undefined ? { kubeClientQPS: p.kubeClientQps } : {}),
      ...(p.kubeClientBurst !== undefined ? { kubeClientBurst: p.kubeClientBurst } : {}),
    };
    return sortDeep(withoutSecrets(deepMerge(p.additionalValues ?? {}, typed))) as { [key: string]: any };
  }
}

/** The value at a dotted path of plain objects, if any. */
function valueAt(root: Record<string, unknown>, path: string): unknown {
  let here: unknown = root;
  for (const key of path.split('.')) {
    if (!isPlainObject(here) || !Object.prototype.hasOwnProperty.call(here, key)) return undefined;
    here = here[key];
  }
  return here;
}

function secretPaths(value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = prefix === '' ? k : `${prefix}.${k}`;
    return SECRET_KEY.test(k) ? [here] : secretPaths(v, here);
  });
}

/** Defence in depth: even when findings are bypassed, secret keys never reach the output. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_KEY.test(k)).map(([k, v]) => [k, withoutSecrets(v)]));
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlainObject(b) && isPlainObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep(value[k])]));
}
