/**
 * The network plan document (JSON), schema version 1. Documented in docs/network-plan.md and
 * described by schemas/network-plan/v1.schema.json; additive changes keep the version, any
 * other change bumps it.
 */

/** The schema version this library writes. */
export const NETWORK_PLAN_SCHEMA_VERSION = '1';
/** The published JSON Schema of version 1 (the `$schema` of every document). */
export const NETWORK_PLAN_SCHEMA_URL = 'https://github.com/ack-terway-network/ack-terway-network/blob/main/schemas/network-plan/v1.schema.json';

/** `ok`: no open finding; `warning`/`error`: the worst open finding on the object. */
export type PlanStatus = 'ok' | 'warning' | 'error';

/** A rule finding placed on the object it concerns. */
export interface PlacedFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly fix: string;
  readonly source: string;
  /** The rule's entry in docs/rules.md. */
  readonly docsUrl: string;
  /** Construct path (synth) or audit object the finding was reported on. */
  readonly path: string;
  /** Set when the warning was acknowledged (synth) or waived (audit). */
  readonly acknowledgedReason?: string;
}

/** Something findings can be placed on. */
export interface PlanObject {
  /** Stable ID within the document (also the HTML anchor). */
  readonly id: string;
  readonly status: PlanStatus;
  readonly findings: PlacedFinding[];
}

/** Address arithmetic of a vSwitch. */
export interface PlanVSwitch extends PlanObject {
  readonly role: 'node' | 'pod' | 'plane' | 'fixed';
  readonly label: string;
  /** Literal vSwitch ID; absent when created by this plan (unknown until apply). */
  readonly vswitchId?: string;
  /** Plane or node pool that owns a plane or fixed-pool vSwitch. */
  readonly owner?: string;
  readonly cidr?: string;
  /** Addresses in the block (2^(32−prefix)). */
  readonly size?: number;
  /** Addresses left after Alibaba Cloud's 4 reserved ones. */
  readonly usable?: number;
  /** Addresses the plan needs here (see docs/network-plan.md for the arithmetic). */
  readonly needed?: number;
  /** What `needed` is made of, in words. */
  readonly neededBasis?: string;
  /** usable − needed (synth), or the free IPs the cloud reports (audit). */
  readonly headroom?: number;
}

/** One zone of a cluster. */
export interface PlanZone extends PlanObject {
  readonly zoneId: string;
  readonly vSwitches: PlanVSwitch[];
}

/** Capacity of one instance type in a node pool's mode. */
export interface PlanInstanceType {
  readonly instanceType: string;
  /** ENIs including the primary one (`EniQuantity`); absent when the type is unknown. */
  readonly enis?: number;
  readonly ipv4PerEni?: number;
  /** Pods per node in the pool's mode (EniCapacity.podsPerNode). */
  readonly podsPerNode?: number;
  /** Trunk member ENIs (PodNetworking pods) per node, when known and Trunk ENI is on. */
  readonly trunkPodsPerNode?: number;
}

/** A node pool. */
export interface PlanNodePool extends PlanObject {
  readonly name: string;
  readonly path: string;
  readonly mode: 'shared' | 'exclusive' | 'trunk' | 'fixed';
  readonly instanceTypes: PlanInstanceType[];
  readonly nodes: { readonly desired?: number; readonly min?: number; readonly max?: number; readonly existing?: number; readonly planned: number };
  readonly zoneIds: string[];
  readonly labels: Record<string, string>;
  readonly taints: Array<{ readonly key: string; readonly value?: string; readonly effect: string }>;
  readonly fixedConfigName?: string;
}

/** A PodNetworking plane. */
export interface PlanPlane extends PlanObject {
  readonly name: string;
  readonly path: string;
  readonly allocation: { readonly type: string; readonly releaseStrategy?: string; readonly releaseAfter?: string };
  readonly eniType?: string;
  readonly podSelector?: string;
  readonly namespaceSelector?: string;
  /** vSwitches with zones; `label` names a vSwitch this plan creates. */
  readonly vSwitches: Array<{ readonly vswitchId?: string; readonly label?: string; readonly zoneId?: string; readonly cidr?: string }>;
  readonly securityGroupIds: string[];
  readonly namespaces: string[];
  /** Selected workloads as `Kind namespace/name`. */
  readonly workloads: string[];
}

/** A per-node Terway ConfigMap (fixed vSwitch). */
export interface PlanFixedConfig extends PlanObject {
  readonly name: string;
  readonly path: string;
  readonly vSwitchIds: Record<string, string[]>;
  readonly securityGroupIds: string[];
  readonly taints: Array<{ readonly key: string; readonly value?: string; readonly effect: string }>;
}

/** A workload whose pods get an EIP. */
export interface PlanEipWorkload extends PlanObject {
  readonly path: string;
  readonly workload: string;
  readonly implementation: string;
  readonly mode: string;
  readonly bandwidth?: string;
  readonly existingEipId?: string;
}

/** A cluster and everything placed in it. */
export interface PlanCluster extends PlanObject {
  readonly name: string;
  readonly path: string;
  readonly clusterId?: string;
  readonly vpc: { readonly vpcId?: string; readonly cidrs: string[] };
  readonly serviceCidr?: PlanObject & { readonly cidr: string; readonly overlaps: string[] };
  readonly expectedPodCount?: number;
  readonly trunkEniEnabled?: boolean;
  readonly zones: PlanZone[];
  readonly nodePools: PlanNodePool[];
}

/** Counts over the whole document. */
export interface PlanSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly acknowledged: number;
  readonly clusters: number;
  readonly zones: number;
  readonly vSwitches: number;
  readonly nodePools: number;
  readonly planes: number;
  readonly workloads: number;
  readonly eipWorkloads: number;
}

/** The network plan document. */
export interface NetworkPlanDocument {
  readonly $schema: string;
  readonly schemaVersion: string;
  /** `synth`: built from an app; `audit`: from a running cluster's aliyun/kubectl output. */
  readonly source: 'synth' | 'audit';
  readonly title: string;
  readonly summary: PlanSummary;
  readonly clusters: PlanCluster[];
  readonly planes: PlanPlane[];
  readonly fixedConfigs: PlanFixedConfig[];
  readonly eipWorkloads: PlanEipWorkload[];
  /** Findings on objects the plan does not draw (e.g. an unrelated construct). */
  readonly otherFindings: PlacedFinding[];
}
