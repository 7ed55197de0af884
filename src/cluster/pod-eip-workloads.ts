import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { declaredObjects } from './declared-objects';
import { eipWorkloadsFactOf } from './plan-facts';
import { checkConstructArg } from './plane-inputs';
import { PodEipOptions } from './pod-eip-options';
import { eipOptionsModel } from './pod-eip-options-model';
import { PodNetworkingPlane } from './pod-networking-plane';
import { installWarningPrinter } from './warnings';
import { addPodAnnotations, addPodReadinessGate, apiObjectOf, podTemplateOf } from './workloads';
import { TerwayClusterInfo } from '../core/cluster-info';
import { registerPlanFacts } from '../core/plan-facts';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { EipControllerValues } from '../domain/eip-controller-values';
import { EipAnnotationPrefix, PodEipImplementation } from '../domain/eip-enums';
import { violation } from '../domain/finding';
import { checkInputs, propsStructOf } from '../domain/input';
import {
  checkEipWorkload, checkExistingEipReuse, checkLegacyTerwayVersion, EIP_READINESS_GATE, eipAnnotations, EipContextModel,
  EipOptionsModel, EipWorkloadModel,
} from '../domain/pod-eip';
import { Finding } from '../domain/rules';

/** Properties of {@link PodEipWorkloads}. */
export interface PodEipWorkloadsProps {
  /**
   * Which component attaches the EIPs. Legacy Terway is an explicit choice for clusters on Terway
   * older than v1.7.0.
   * @default PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER
   */
  readonly implementation?: PodEipImplementation;
  /**
   * Annotation prefix. Legacy Terway reads only `k8s.aliyun.com/`.
   * @default - network.alibabacloud.com/ (k8s.aliyun.com/ for legacy Terway)
   */
  readonly annotationPrefix?: EipAnnotationPrefix;
  /** The cluster (its Terway version drives the legacy checks). @default - nothing known */
  readonly cluster?: TerwayClusterInfo;
  /**
   * The controller's values, for `customStatefulWorkloadKinds`, `enableVirtualNode` and the chart
   * version that gates newer annotations (TW-EIP-024).
   * @default - no custom stateful kinds, virtual-node support off, annotation versions not checked
   */
  readonly controllerValues?: EipControllerValues;
}

const EIP_MARK = Symbol.for('ack-terway-network.PodEipWorkloads');
/** The namespace label ack-pod-identity-webhook injects RRSA credentials under (https://www.alibabacloud.com/help/en/ack/product-overview/ack-pod-identity-webhook). */
const POD_IDENTITY_INJECTION = 'pod-identity.alibabacloud.com/injection';
/** On a workload: the PodEipWorkloads that gave it EIP options (each workload gets options once). */
const EIP_OWNER = Symbol.for('ack-terway-network.pod-eip-owner');

/**
 * Gives workloads' pods their own elastic IPs through pod-template annotations, for
 * ack-extend-network-controller (recommended) or legacy Terway. Works on cdk8s-plus workloads and
 * raw ApiObjects, like `PodNetworkingPlane.addWorkload`. Rules (TW-EIP-*) run at synth time across
 * the app.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1
 */
export class PodEipWorkloads extends Construct {
  /** Whether `x` is a PodEipWorkloads. */
  public static isPodEipWorkloads(x: unknown): x is PodEipWorkloads {
    return typeof x === 'object' && x !== null && (x as any)[EIP_MARK] === true;
  }

  /** The implementation (resolved default). */
  public readonly implementation: PodEipImplementation;
  /** The annotation prefix (resolved default). */
  public readonly annotationPrefix: EipAnnotationPrefix;

  private readonly props: PodEipWorkloadsProps;
  private readonly workloads: Array<{ workload: IConstruct; options: EipOptionsModel }> = [];

  constructor(scope: Construct, id: string, props: PodEipWorkloadsProps = {}) {
    super(scope, id);
    Object.defineProperty(this, EIP_MARK, { value: true });
    const c = checkInputs(this.node.path);
    c.object('props', props, { struct: propsStructOf(this) });
    this.implementation = c.enumValue('implementation', props.implementation, PodEipImplementation, { optional: true })
      ?? PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER;
    const legacy = this.implementation === PodEipImplementation.LEGACY_TERWAY;
    this.annotationPrefix = c.enumValue('annotationPrefix', props.annotationPrefix, EipAnnotationPrefix, { optional: true })
      ?? (legacy ? EipAnnotationPrefix.K8S_ALIYUN : EipAnnotationPrefix.NETWORK_ALIBABACLOUD);
    c.object('cluster', props.cluster, { optional: true });
    c.string('cluster.terwayVersion', props.cluster?.terwayVersion, { optional: true });
    if (props.controllerValues !== undefined && !(props.controllerValues instanceof EipControllerValues)) {
      c.fail('controllerValues', 'must be an EipControllerValues.');
    }
    if (legacy && props.controllerValues !== undefined) {
      c.fail('controllerValues', 'belongs to ack-extend-network-controller; legacy Terway has no controller.');
    }
    this.props = props;
    registerRuleCheck(this, WORKLOAD_RULES, () => this.evaluate());
    registerPlanFacts(this, () => eipWorkloadsFactOf(this, this.implementation, this.workloads));
    installWarningPrinter(this);
  }

  /**
   * Gives the pods of `workload` (a cdk8s-plus Deployment, StatefulSet, DaemonSet, Job, CronJob or
   * Pod, a raw ApiObject of those kinds, or of a custom stateful kind with `spec.template`) an EIP:
   * adds the annotations and, by default with ack-extend-network-controller, the readiness gate.
   */
  public addWorkload(workload: IConstruct, options: PodEipOptions = {}): void {
    checkConstructArg(`${this.node.path}.addWorkload`, 'workload', workload);
    const owner = (workload as { [EIP_OWNER]?: PodEipWorkloads })[EIP_OWNER];
    if (owner !== undefined && owner.node.root === this.node.root) {
      throw new Error(`${this.node.path}: ${workload.node.path} already has EIP options; give each workload its options once.`);
    }
    const model = eipOptionsModel(checkInputs(this.node.path).at(`addWorkload(${workload.node.path})`), options,
      this.implementation !== PodEipImplementation.LEGACY_TERWAY);
    const kinds = this.customKinds();
    addPodAnnotations(workload, eipAnnotations(model, { implementation: this.implementation, prefix: this.annotationPrefix }), kinds);
    if (model.readinessGate && this.implementation !== PodEipImplementation.LEGACY_TERWAY) addPodReadinessGate(workload, EIP_READINESS_GATE, kinds);
    this.workloads.push({ workload, options: model });
    Object.defineProperty(workload, EIP_OWNER, { value: this, configurable: true });
  }

  /**
   * The existing EIP IDs this construct binds, with the workload paths.
   * @internal
   */
  public _existingIds(): Array<{ path: string; existingEipId?: string }> {
    return this.workloads.map((w) => ({ path: w.workload.node.path, existingEipId: w.options.existingEipId }));
  }

  private customKinds(): string[] {
    return this.props.controllerValues?.customStatefulWorkloadKinds ?? [];
  }

  private context(): EipContextModel {
    return {
      implementation: this.implementation,
      prefix: this.annotationPrefix,
      terwayVersion: this.props.cluster?.terwayVersion,
      customStatefulWorkloadKinds: this.customKinds(),
      enableVirtualNode: this.props.controllerValues?.enableVirtualNode ?? false,
      chartVersion: this.props.controllerValues?.props.chartVersion,
    };
  }

  private evaluate(): Finding[] {
    const ctx = this.context();
    const root = this.node.root;
    const { all, eniConfigs, newerPlanes } = appEipState(root);
    const { namespaces } = declaredObjects(root);
    const findings: Finding[] = this.workloads.flatMap((w) =>
      checkEipWorkload(workloadModel(w.workload, ctx.customStatefulWorkloadKinds, namespaces), w.options, ctx));
    if (all[0] === this) {
      findings.push(...checkExistingEipReuse(all.flatMap((p) => p._existingIds())));
      const impls = [...new Set(all.map((p) => p.implementation))];
      if (impls.length > 1) {
        findings.push(violation(RULES.EIP_BOTH_IMPLEMENTATIONS, `The app uses both ${impls.join(' and ')} for pod EIPs (${all.map((p) => p.node.path).join(', ')}).`,
          'Choose one implementation for the cluster; migrate legacy Terway EIPs to ack-extend-network-controller as the docs describe.'));
      }
    }
    findings.push(...this.eniConfigFindings(eniConfigs));
    const kubeSystem = namespaces.get('kube-system');
    if (this.props.controllerValues?.enableRrsa === true && kubeSystem !== undefined && kubeSystem[POD_IDENTITY_INJECTION] !== 'on') {
      findings.push(violation(RULES.EIP_RRSA_WEBHOOK, `${this.node.path}: the controller values enable RRSA, but the app's kube-system Namespace does not carry ${POD_IDENTITY_INJECTION}: "on", so ack-pod-identity-webhook injects no credentials.`,
        `Add the label ${POD_IDENTITY_INJECTION}: "on" to the kube-system Namespace (and install the ack-pod-identity-webhook add-on).`));
    }
    if (this.implementation === PodEipImplementation.LEGACY_TERWAY) {
      findings.push(...checkLegacyTerwayVersion(this.node.path, this.props.cluster?.terwayVersion));
      if (newerPlanes.length > 0) {
        findings.push(violation(RULES.EIP_LEGACY_WITH_NEW_TERWAY, `Legacy Terway EIP is chosen, but ${newerPlanes.join(', ')} set eniOptions or vSwitchSelectOptions, which need Terway v1.11.0 or later (the EIP feature was removed in v1.7.0).`,
          'Use ack-extend-network-controller for EIPs, or drop the newer plane settings while the cluster stays on Terway before v1.7.0.'));
      }
    }
    return findings;
  }

  /** enable_eip_pool in any EniConfig of the app, against the chosen implementation. */
  private eniConfigFindings(pools: ReadonlyArray<AppEniConfig>): Finding[] {
    const enabled = pools.filter((c) => c.conf.enable_eip_pool === 'true');
    if (this.implementation === PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER && enabled.length > 0) {
      return [violation(RULES.EIP_BOTH_IMPLEMENTATIONS, `${this.node.path} uses ack-extend-network-controller while ${enabled.map((c) => c.path).join(', ')} set eni_conf enable_eip_pool "true" (Terway's own EIP feature).`,
        'Turn Terway\'s EIP off (EniConfig enableEipPool false, or remove enable_eip_pool and allow_eip_rob) and restart the Terway pods; migrate existing EIPs first (enable_eip_migrate).')];
    }
    if (this.implementation === PodEipImplementation.LEGACY_TERWAY && enabled.length === 0 && this.workloads.length > 0) {
      return [violation(RULES.EIP_LEGACY_POOL_DISABLED, `${this.node.path} annotates workloads for legacy Terway EIPs, but no eni-config in this app sets enable_eip_pool "true".`,
        'Add an EniConfig with enableEipPool true and cluster.terwayVersion (from the cluster\'s current eni-config; Terway before v1.7.0 reads it), or acknowledge if the cluster already has it.')];
    }
    return [];
  }
}

const WORKLOAD_RULES = [
  RULES.EIP_BOTH_IMPLEMENTATIONS, RULES.EIP_LEGACY_TERWAY_VERSION, RULES.EIP_LEGACY_WITH_NEW_TERWAY, RULES.EIP_LEGACY_UNSUPPORTED_OPTION,
  RULES.EIP_LEGACY_PREFIX, RULES.EIP_LEGACY_OPTION_VERSION, RULES.EIP_FIXED_NEEDS_STATEFUL, RULES.EIP_EXISTING_SINGLE_POD,
  RULES.EIP_EXISTING_WITH_AUTO, RULES.EIP_EXISTING_REUSED, RULES.EIP_BANDWIDTH, RULES.EIP_INTERNET_CHARGE_TYPE,
  RULES.EIP_INSTANCE_CHARGE_TYPE, RULES.EIP_ISP, RULES.EIP_TAGS, RULES.EIP_RELEASE_STRATEGY, RULES.EIP_VIRTUAL_NODES,
  RULES.EIP_LEGACY_POOL_DISABLED, RULES.EIP_RESOURCE_ID, RULES.EIP_OPTION_CHART_VERSION, RULES.EIP_RRSA_WEBHOOK,
];

/** The eni_conf object of a kube-system/eni-config ConfigMap, if `obj` is one. */
function eniConfOf(obj: ApiObject): Record<string, unknown> | undefined {
  const json = obj.toJson();
  if (json.metadata?.name !== 'eni-config' || json.metadata?.namespace !== 'kube-system' || typeof json.data?.eni_conf !== 'string') return undefined;
  try {
    const parsed = JSON.parse(json.data.eni_conf);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** An eni-config ConfigMap of the app and its eni_conf. */
interface AppEniConfig {
  readonly path: string;
  readonly conf: Record<string, unknown>;
}

/** What every PodEipWorkloads of the app reads about the app, gathered in one walk per validation pass. */
interface AppEipState {
  /** The app's PodEipWorkloads, in tree order. */
  readonly all: PodEipWorkloads[];
  readonly eniConfigs: AppEniConfig[];
  /** Paths of planes that set eniOptions or vSwitchSelectOptions (Terway v1.11.0 or later). */
  readonly newerPlanes: string[];
}

const APP_EIP_STATE = Symbol('pod-eip-app-state');

function appEipState(root: IConstruct): AppEipState {
  return passMemo(APP_EIP_STATE, root, () => {
    const state = { all: [] as PodEipWorkloads[], eniConfigs: [] as AppEniConfig[], newerPlanes: [] as string[] };
    for (const c of root.node.findAll()) {
      if (PodEipWorkloads.isPodEipWorkloads(c)) {
        state.all.push(c);
      } else if (PodNetworkingPlane.isPodNetworkingPlane(c)) {
        const model = c._model();
        if (model.eniType !== undefined || model.vSwitchSelectionPolicy !== undefined) state.newerPlanes.push(c.node.path);
      } else if (c instanceof ApiObject && c.kind === 'ConfigMap') {
        const conf = eniConfOf(c);
        if (conf !== undefined) state.eniConfigs.push({ path: c.node.path, conf });
      }
    }
    return state;
  });
}

/** The workload as the EIP rules see it, read from its rendered manifest. */
function workloadModel(workload: IConstruct, customKinds: ReadonlyArray<string>, namespaces: Map<string, Record<string, string>>): EipWorkloadModel {
  const json = apiObjectOf(workload)!.toJson();
  const pod = json.kind === 'Pod' ? json : podTemplateOf(json, customKinds);
  const namespace = json.metadata?.namespace ?? 'default';
  return {
    path: workload.node.path,
    kind: json.kind,
    name: String(json.metadata?.name),
    namespace,
    replicas: typeof json.spec?.replicas === 'number' ? json.spec.replicas : undefined,
    ownerKinds: (json.metadata?.ownerReferences ?? []).map((o: { kind: string }) => o.kind),
    virtualNodeHint: virtualNodeHint(pod, namespaces.get(namespace) ?? {}),
  };
}

/** Why pods of this template may be scheduled to ECI virtual nodes, if they may. */
function virtualNodeHint(pod: any, namespaceLabelSet: Record<string, string>): string | undefined {
  if (pod?.metadata?.labels?.['alibabacloud.com/eci'] === 'true') return 'pod label alibabacloud.com/eci: "true"';
  if (namespaceLabelSet['alibabacloud.com/eci'] === 'true') return 'namespace label alibabacloud.com/eci: "true"';
  if (pod?.spec?.nodeSelector?.type === 'virtual-kubelet') return 'nodeSelector type: virtual-kubelet';
  const tolerations: Array<{ key?: string; operator?: string }> = pod?.spec?.tolerations ?? [];
  if (tolerations.some((t) => t.key === 'virtual-kubelet.io/provider' || (t.key === undefined && t.operator === 'Exists'))) {
    return 'a toleration for the virtual-kubelet.io/provider taint';
  }
  return undefined;
}
