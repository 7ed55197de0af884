import { Names } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { registerAppChecks } from './app-checks';
import { clusterContext } from './cluster-context';
import { registerExclusiveEniPolicyCheck } from './exclusive-eni-policy';
import { planeFactOf } from './plan-facts';
import { PlaneIndex, planeIndex } from './plane-index';
import { checkConstructArg, checkPlaneProps } from './plane-inputs';
import { installWarningPrinter } from './warnings';
import { addNamespaceLabels, addPodLabels, declaredObjects } from './workloads';
import { PlaneVSwitch, TerwayClusterInfo } from '../core/cluster-info';
import { registerPlanFacts } from '../core/plan-facts';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { AllocationType, EniType, ReleaseStrategy, SelectorOperator, VSwitchSelectionPolicy } from '../domain/enums';
import { violation } from '../domain/finding';
import { propsStructOf } from '../domain/input';
import { LabelSelectorModel } from '../domain/label-selector';
import { checkExclusivePlaneTolerations } from '../domain/node-modes';
import { planeInteractions } from '../domain/plane-interactions';
import { checkPlane, PlaneModel } from '../domain/pod-networking';
import { Finding } from '../domain/rules';
import { checkTerwayVersion } from '../domain/terraform-values';
import {
  PodNetworking, PodNetworkingSpecAllocationTypeReleaseStrategy, PodNetworkingSpecAllocationTypeType,
  PodNetworkingSpecEniOptionsEniType, PodNetworkingSpecVSwitchSelectOptionsVSwitchSelectionPolicy,
} from '../generated/k8s/network.alibabacloud.com';

/** One `matchExpressions` requirement. */
export interface LabelSelectorRequirement {
  /**
   * Label key (`matchExpressions[].key`).
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
   */
  readonly key: string;
  /**
   * Operator (`matchExpressions[].operator`).
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
   */
  readonly operator: SelectorOperator;
  /**
   * Values (`matchExpressions[].values`) for In and NotIn (none for Exists and DoesNotExist).
   * @default []
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
   */
  readonly values?: string[];
}

/** A Kubernetes label selector. An empty selector matches everything. */
export interface LabelSelector {
  /**
   * Labels (`matchLabels`) that must all be present with these values.
   * @default {}
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
   */
  readonly matchLabels?: { [key: string]: string };
  /**
   * Requirements (`matchExpressions`) that must all hold.
   * @default []
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
   */
  readonly matchExpressions?: LabelSelectorRequirement[];
}

/** Properties of a {@link PodNetworkingPlane}. */
export interface PodNetworkingPlaneProps {
  /**
   * Name of the PodNetworking (`metadata.name`; cluster-scoped, DNS-1123 subdomain).
   * @default - derived from the construct path
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly name?: string;
  /**
   * The cluster the plane is for; its zones, Trunk ENI setting and Terway version drive
   * the checks. Facts left out are not checked.
   * @default - nothing known about the cluster
   */
  readonly cluster?: TerwayClusterInfo;
  /**
   * `spec.allocationType.type`: Elastic releases the IP with the pod; Fixed keeps it for
   * StatefulSet pods and pods without owners.
   * @default AllocationType.ELASTIC
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly allocationType?: AllocationType;
  /**
   * `spec.allocationType.releaseStrategy` (Fixed only).
   * @default - none
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly releaseStrategy?: ReleaseStrategy;
  /**
   * `spec.allocationType.releaseAfter` (TTL only): a Go duration of at least 5 minutes, e.g. `1h`, `2h45m`.
   * @default - none
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly releaseAfter?: string;
  /**
   * `spec.selector.podSelector`: pod labels that select the plane.
   * @default - no pod selector
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly podSelector?: LabelSelector;
  /**
   * `spec.selector.namespaceSelector`: namespace labels that select the plane. With both
   * selectors a pod must match both.
   * @default - no namespace selector
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly namespaceSelector?: LabelSelector;
  /**
   * `spec.securityGroupIDs`: one to five security groups, all applied to the pod's ENI.
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly securityGroupIds: string[];
  /**
   * `spec.vSwitchOptions`: the vSwitches Terway picks from (pods are pinned to their zones).
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly vSwitches: PlaneVSwitch[];
  /**
   * `spec.vSwitchSelectOptions.vSwitchSelectionPolicy` (Terway v1.11.0+).
   * @default - not set (Terway uses ordered)
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly vSwitchSelectionPolicy?: VSwitchSelectionPolicy;
  /**
   * `spec.eniOptions.eniType` (Terway v1.11.0+). Rendered as Default when unset.
   * @default - Default
   * @see https://github.com/AliyunContainerService/terway/blob/v1.17.5/pkg/apis/network.alibabacloud.com/v1beta1/types.go
   */
  readonly eniType?: EniType;
  /**
   * Owner kinds that terway-controlplane is configured to treat like StatefulSet
   * (`customStatefulWorkloadKinds`), for the Fixed-allocation check.
   * @default []
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod
   */
  readonly customStatefulWorkloadKinds?: string[];
}

const PLANE_MARK = Symbol.for('ack-terway-network.PodNetworkingPlane');

/**
 * One Terway network plane: a `PodNetworking` custom resource
 * (`network.alibabacloud.com/v1beta1`, cluster-scoped) giving matching pods their own
 * vSwitches, security groups and, with Fixed allocation, stable IPs (Trunk ENI).
 *
 * Use {@link addWorkload} and {@link addNamespace} to make workloads join the plane.
 * Rules (TW-PN-*) run at synth time across all planes and workloads of the app.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod
 */
export class PodNetworkingPlane extends Construct {
  /** Whether `x` is a PodNetworkingPlane. */
  public static isPodNetworkingPlane(x: unknown): x is PodNetworkingPlane {
    return typeof x === 'object' && x !== null && (x as any)[PLANE_MARK] === true;
  }

  /** The PodNetworking API object (escape hatch). */
  public readonly apiObject: PodNetworking;
  /** Name of the PodNetworking. */
  public readonly name: string;

  private readonly props: PodNetworkingPlaneProps;

  constructor(scope: Construct, id: string, props: PodNetworkingPlaneProps) {
    super(scope, id);
    // Property names are those of the props struct of this class (ExclusiveEniPlane's has `pool` too).
    checkPlaneProps(this.node.path, props, propsStructOf(this));
    Object.defineProperty(this, PLANE_MARK, { value: true });
    this.props = props;
    this.name = props.name ?? Names.toDnsLabel(this);

    const eniType = (props.eniType ?? EniType.DEFAULT) as string as PodNetworkingSpecEniOptionsEniType;
    const selector = props.podSelector || props.namespaceSelector ? {
      podSelector: props.podSelector && renderSelector(props.podSelector),
      namespaceSelector: props.namespaceSelector && renderSelector(props.namespaceSelector),
    } : undefined;
    this.apiObject = new PodNetworking(this, 'Resource', {
      metadata: { name: this.name },
      spec: {
        eniOptions: { eniType },
        allocationType: {
          type: (props.allocationType ?? AllocationType.ELASTIC) as string as PodNetworkingSpecAllocationTypeType,
          releaseStrategy: props.releaseStrategy as string as PodNetworkingSpecAllocationTypeReleaseStrategy | undefined,
          releaseAfter: props.releaseAfter,
        },
        selector,
        securityGroupIDs: [...props.securityGroupIds],
        vSwitchOptions: props.vSwitches.map((v) => v.vswitchId),
        vSwitchSelectOptions: props.vSwitchSelectionPolicy === undefined ? undefined : {
          vSwitchSelectionPolicy: props.vSwitchSelectionPolicy as string as PodNetworkingSpecVSwitchSelectOptionsVSwitchSelectionPolicy,
        },
      },
    });

    registerRuleCheck(this, PLANE_RULES, () => [
      ...checkPlane(this._model(), clusterContext(props.cluster)),
      ...checkTerwayVersion(props.cluster?.terwayVersion, 'cluster.terwayVersion'),
      ...this.interactions(),
      ...this.skippedClusterChecks(),
    ]);
    if (props.eniType === EniType.ENI) {
      registerExclusiveEniPolicyCheck(this, appPlaneIndex, { planeName: this.name });
      const pools = (props.cluster?.exclusiveEniNodePools ?? []).map((p) => ({ name: p.nodePoolName, taints: p.taints }));
      registerRuleCheck(this, [RULES.EXCL_PLANE_UNTOLERATED], () => {
        const root = this.node.root;
        // Only the workloads this plane selects, found through the app's plane index.
        return checkExclusivePlaneTolerations(this._model(), pools, appPlaneIndex(root).selectedBy(this), declaredObjects(root).namespaces);
      });
    }
    registerAppChecks(this);
    registerPlanFacts(this, () => planeFactOf(this, this._model()));
    installWarningPrinter(this);
  }

  /**
   * TW-SKIP-001, once per app: on the first plane (in tree order) without `cluster`, naming
   * every such plane and the checks that did not run for them.
   */
  private skippedClusterChecks(): Finding[] {
    if (this.props.cluster !== undefined) return [];
    const root = this.node.root;
    const without = passMemo(PLANES_WITHOUT_CLUSTER, root, () => root.node.findAll()
      .filter(PodNetworkingPlane.isPodNetworkingPlane).filter((p) => p.props.cluster === undefined));
    if (without[0] !== this) return [];
    const names = without.map((p) => p.name);
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    return [violation(RULES.PLANE_WITHOUT_CLUSTER,
      `${names.length === 1 ? 'Plane' : `${names.length} planes:`} ${shown} ${names.length === 1 ? 'has' : 'have'} no cluster description, so their vSwitch zones (TW-PN-008, TW-PN-009), Trunk ENI on the cluster (TW-PN-013), Terway version gates (TW-PN-014, TW-PN-019) and old or dedicated cluster (TW-PN-016) were not checked.`,
      'Pass `cluster` (TerwayClusterOutputs.fromFile(...).clusterInfo, TerwayClusterDescription.fromDescribeCluster(...), or a TerwayCluster\'s clusterInfo); or acknowledge TW-SKIP-001 with the reason the cluster is known to fit.')];
  }

  /**
   * Makes a workload join the plane by adding the plane's `podSelector.matchLabels` to its
   * pod template: a cdk8s-plus Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod, or
   * a raw ApiObject of those kinds. Fails if the pod selector uses matchExpressions.
   */
  public addWorkload(workload: IConstruct): void {
    checkConstructArg(`${this.node.path}.addWorkload`, 'workload', workload);
    addPodLabels(workload, this.requiredLabels('podSelector', workload));
  }

  /** Makes a namespace match the plane's `namespaceSelector.matchLabels`. */
  public addNamespace(namespace: IConstruct): void {
    checkConstructArg(`${this.node.path}.addNamespace`, 'namespace', namespace);
    addNamespaceLabels(namespace, this.requiredLabels('namespaceSelector', namespace));
  }

  /**
   * The plane as the domain rules see it.
   * @internal
   */
  public _model(): PlaneModel {
    const p = this.props;
    return {
      name: this.name,
      allocationType: p.allocationType ?? AllocationType.ELASTIC,
      releaseStrategy: p.releaseStrategy,
      releaseAfter: p.releaseAfter,
      podSelector: p.podSelector && selectorModel(p.podSelector),
      namespaceSelector: p.namespaceSelector && selectorModel(p.namespaceSelector),
      securityGroupIds: p.securityGroupIds,
      vSwitches: p.vSwitches.map((v) => ({ id: v.vswitchId, zoneId: v.zoneId })),
      vSwitchSelectionPolicy: p.vSwitchSelectionPolicy,
      eniType: p.eniType,
      customStatefulWorkloadKinds: p.customStatefulWorkloadKinds ?? [],
    };
  }

  private requiredLabels(which: 'podSelector' | 'namespaceSelector', target: IConstruct): Record<string, string> {
    const selector = this.props[which];
    if ((selector?.matchExpressions ?? []).length > 0) {
      throw new Error(`${this.node.path}: cannot add ${target.node.path} automatically: ${which} uses matchExpressions; set matching labels yourself.`);
    }
    if (!selector || Object.keys(selector.matchLabels ?? {}).length === 0) {
      throw new Error(`${this.node.path}: cannot add ${target.node.path}: plane ${this.name} has no ${which}.matchLabels to apply.`);
    }
    return { ...selector.matchLabels };
  }

  /** This plane's share of the cross-plane and workload findings (evaluated once per app and pass). */
  private interactions(): Finding[] {
    return appInteractions(this.node.root).get(this) ?? [];
  }
}

const INTERACTIONS = Symbol('plane-interactions');

/**
 * The app's planes and the planes selecting each declared workload, once per validation pass.
 * @internal
 */
export function appPlaneIndex(root: IConstruct): PlaneIndex {
  return planeIndex(root, (r) => r.node.findAll().filter(PodNetworkingPlane.isPodNetworkingPlane).map((p) => ({ construct: p, model: p._model() })));
}

/** The cross-plane and workload findings of every plane of the app, by plane. */
function appInteractions(root: IConstruct): Map<PodNetworkingPlane, Finding[]> {
  return passMemo(INTERACTIONS, root, () => {
    const planes = root.node.findAll().filter(PodNetworkingPlane.isPodNetworkingPlane);
    const { workloads, namespaces } = declaredObjects(root);
    const findings = planeInteractions(planes.map((p) => p._model()), workloads, namespaces);
    return new Map(planes.map((p, i) => [p, findings[i]]));
  });
}

/** Memo key: the planes of an app without a cluster description, in tree order. */
const PLANES_WITHOUT_CLUSTER = Symbol('planes-without-cluster');

const PLANE_RULES = [
  RULES.FIXED_NEEDS_FIXED_NAMES, RULES.RELEASE_ONLY_FIXED, RULES.RELEASE_AFTER_ONLY_TTL, RULES.RELEASE_AFTER_FORMAT,
  RULES.RELEASE_AFTER_MINIMUM, RULES.SECURITY_GROUP_COUNT, RULES.PLANE_NEEDS_VSWITCH, RULES.PLANE_VSWITCH_ZONE,
  RULES.PLANE_ZONE_PINNING, RULES.POD_MATCHES_SEVERAL_PLANES, RULES.PLANE_SELECTORS_OVERLAP, RULES.PLANE_WITHOUT_SELECTOR,
  RULES.PLANE_NEEDS_TRUNK, RULES.TERWAY_VERSION_GATE, RULES.SAME_NODE_TRAFFIC, RULES.OLD_OR_DEDICATED_CLUSTER,
  RULES.PLANE_INVALID, RULES.FIXED_WITHOUT_RELEASE, RULES.RESOURCE_ID, RULES.SELECTORLESS_DENIED, RULES.PLANE_SELECTOR_IMPLIED,
  RULES.TERWAY_VERSION, RULES.PLANE_WITHOUT_CLUSTER,
];

function selectorModel(s: LabelSelector): LabelSelectorModel {
  return {
    matchLabels: s.matchLabels,
    matchExpressions: s.matchExpressions?.map((e) => ({ key: e.key, operator: e.operator, values: e.values })),
  };
}

function renderSelector(s: LabelSelector) {
  return {
    matchLabels: s.matchLabels && Object.keys(s.matchLabels).length > 0 ? { ...s.matchLabels } : undefined,
    matchExpressions: s.matchExpressions?.map((e) => ({ key: e.key, operator: e.operator as string, values: e.values && [...e.values] })),
  };
}
