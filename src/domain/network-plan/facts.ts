/**
 * The facts a network plan report is built from: what the constructs (at synth time) or the
 * audit's inputs (from a running cluster) know. Plain data, the same facts the rules read.
 * Strings may be unresolved Terraform tokens; the builder shows those as "(created)".
 */

/** The role of a vSwitch in the plan. */
export type PlanVSwitchRole = 'node' | 'pod' | 'plane' | 'fixed';

/** A vSwitch as the report sees it. */
export interface VSwitchFact {
  readonly role: PlanVSwitchRole;
  readonly zoneId: string;
  /** The label the rules use in their messages, e.g. `pod vSwitch #1 in cn-hangzhou-h`. */
  readonly label: string;
  /** CIDR block, when known. */
  readonly cidr?: string;
  /** vSwitch ID (literal or token), when known. */
  readonly vswitchId?: string;
  /** Free IPs reported by the cloud (`AvailableIpAddressCount`), audit only. */
  readonly availableIps?: number;
}

/** A taint of a node pool. */
export interface TaintFact {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

/** A Terway cluster. */
export interface ClusterFact {
  readonly kind: 'cluster';
  /** Construct path or audit object (`cluster/<id>`); findings with this path land on the cluster. */
  readonly path: string;
  readonly name: string;
  readonly clusterId?: string;
  readonly vpcId?: string;
  readonly vpcCidrs: ReadonlyArray<string>;
  readonly serviceCidr?: string;
  readonly expectedPodCount?: number;
  readonly trunkEniEnabled?: boolean;
  readonly terwayVersion?: string;
  /** Zones in declaration order with their node and pod vSwitches. */
  readonly zones: ReadonlyArray<{ readonly zoneId: string; readonly vSwitches: ReadonlyArray<VSwitchFact> }>;
}

/** A node pool. */
export interface NodePoolFact {
  readonly kind: 'nodePool';
  readonly path: string;
  /** Path of the cluster the pool belongs to. */
  readonly clusterPath: string;
  readonly name: string;
  /** Exclusive ENI label set, or fixed-vSwitch pool (per-node ConfigMap). */
  readonly exclusiveEni: boolean;
  readonly fixedConfigName?: string;
  readonly instanceTypes: ReadonlyArray<string>;
  readonly desiredSize?: number;
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly existingInstances?: number;
  readonly zoneIds: ReadonlyArray<string>;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: ReadonlyArray<TaintFact>;
  /** Dedicated vSwitches of a fixed-vSwitch pool. */
  readonly vSwitches?: ReadonlyArray<VSwitchFact>;
  /** Lingjun pools: ECS capacity numbers do not apply. */
  readonly lingjun?: boolean;
}

/** vSwitches created for a PodNetworking plane in a cluster's VPC. */
export interface PlaneResourcesFact {
  readonly kind: 'planeResources';
  readonly path: string;
  readonly clusterPath: string;
  readonly planeName: string;
  readonly vSwitches: ReadonlyArray<VSwitchFact>;
  readonly securityGroupIds: ReadonlyArray<string>;
}

/** A label selector as the report prints it. */
export interface SelectorFact {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: ReadonlyArray<string> }>;
}

/** A workload reference (kind, namespace, name). */
export interface WorkloadRefFact {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** A PodNetworking plane. */
export interface PlaneFact {
  readonly kind: 'plane';
  readonly path: string;
  readonly name: string;
  readonly allocationType?: string;
  readonly releaseStrategy?: string;
  readonly releaseAfter?: string;
  readonly eniType?: string;
  readonly podSelector?: SelectorFact;
  readonly namespaceSelector?: SelectorFact;
  readonly vSwitches: ReadonlyArray<{ readonly vswitchId: string; readonly zoneId?: string }>;
  readonly securityGroupIds: ReadonlyArray<string>;
  /** Workloads of the app (or cluster) the plane selects. */
  readonly workloads: ReadonlyArray<WorkloadRefFact>;
  /** Namespaces with at least one selected workload. */
  readonly namespaces: ReadonlyArray<string>;
}

/** A per-node Terway ConfigMap (fixed vSwitch) and the workloads it steers. */
export interface FixedConfigFact {
  readonly kind: 'fixedConfig';
  readonly path: string;
  readonly name: string;
  readonly vSwitchIds: Readonly<Record<string, ReadonlyArray<string>>>;
  readonly securityGroupIds: ReadonlyArray<string>;
  readonly taints: ReadonlyArray<TaintFact>;
}

/** Workloads whose pods get an EIP. */
export interface EipWorkloadsFact {
  readonly kind: 'eipWorkloads';
  readonly path: string;
  /** ack-extend-network-controller or legacy Terway. */
  readonly implementation: string;
  readonly workloads: ReadonlyArray<{
    readonly path: string;
    readonly kind: string;
    readonly namespace: string;
    readonly name: string;
    /** New EIP per pod, an existing EIP (ID), or an EIP from a pool. */
    readonly mode: string;
    /** Peak bandwidth in Mbit/s, when set. */
    readonly bandwidth?: string;
    readonly existingEipId?: string;
  }>;
}

/** Any fact. */
export type PlanFact = ClusterFact | NodePoolFact | PlaneResourcesFact | PlaneFact | FixedConfigFact | EipWorkloadsFact;

/** A finding to place on the object it concerns. */
export interface FindingFact {
  readonly ruleId: string;
  /** `error` or `warning`. */
  readonly severity: string;
  /** Construct path (synth) or audit object (`cluster/<id>`, `podnetworking/<name>`). */
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  readonly source: string;
  /** Reason a warning was acknowledged or waived. */
  readonly acknowledgedReason?: string;
}
