import { RuleDefinition, Severity } from './rules';

const SEED_009 = 'seed 000, compliance rule AlibabaCloud-ACK-009';
const SEED_TRUNK = 'seed 001, Terway Trunk ENI and PodNetworking';
const SEED_EXCL = 'seed 002, exclusive ENI node pools';
const SEED_FAQ = 'seed 003, container networking FAQ';
const FACTS = 'terway-facts.md';

function error(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.ERROR, title, source };
}
function warning(id: string, title: string, source: string): RuleDefinition {
  return { id, severity: Severity.WARNING, title, source };
}

/**
 * Every rule the library enforces. IDs are stable: a rule that is retired keeps its ID
 * reserved. Each entry cites where the constraint is documented.
 */
export const RULES = {
  // --- Cluster ---------------------------------------------------------------------------
  ACK_009: error('TW-CLUSTER-001',
    'The cluster must use Terway in shared ENI (multi-IP) mode: add-on terway-eniip with pod vSwitches set',
    `${SEED_009}; ${FACTS} §6.4`),
  FLANNEL_POD_CIDR: error('TW-CLUSTER-002',
    'A Flannel-style pod CIDR (pod_cidr) must not be set on a Terway cluster; Terway takes pod IPs from pod vSwitches',
    `${FACTS} §6.2 (pod_cidr is Flannel only); provider create-time errors InvalidPodVswitchIds / EmptyCIDR`),
  KUBERNETES_VERSION: error('TW-CLUSTER-003',
    'The Kubernetes version must be an ACK version string such as 1.33.1-aliyun.1',
    `${FACTS} §6.2; alicloud_cs_managed_kubernetes "version"`),
  CLUSTER_DOMAIN_FORMAT: error('TW-CLUSTER-004',
    'The cluster domain must be a valid DNS name (lowercase labels of letters, digits and hyphens)',
    `${SEED_FAQ} (custom cluster domain)`),
  CLUSTER_DOMAIN_CUSTOM: warning('TW-CLUSTER-005',
    'A custom cluster domain cannot be changed after creation and must not overlap public or PrivateZone domains you resolve',
    `${SEED_FAQ} (custom cluster domain)`),
  RESOURCE_ID: error('TW-ID-001',
    'Existing resource IDs must be well formed (vpc-…, vsw-…, sg-…, ngw-…)',
    `${FACTS} §3.1, §6.2`),
  // --- Addressing --------------------------------------------------------------------------
  CIDR_SYNTAX: error('TW-NET-001',
    'CIDR blocks must be valid IPv4 network addresses (a.b.c.d/n without host bits)',
    `${SEED_FAQ} (network planning)`),
  SERVICE_CIDR_RANGE: error('TW-NET-002',
    'The Service CIDR must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a prefix length from /16 to /24',
    `${FACTS} §6.2 (service_cidr valid ranges)`),
  SERVICE_CIDR_OVERLAP: error('TW-NET-003',
    'The Service CIDR must not overlap the VPC CIDR or any vSwitch',
    `${SEED_FAQ} (network planning); ${FACTS} §6.2`),
  VSWITCH_OUTSIDE_VPC: error('TW-NET-004',
    'Every vSwitch CIDR must lie inside the VPC CIDR',
    `${FACTS} §6.2; VPC vSwitch model`),
  VSWITCH_OVERLAP: error('TW-NET-005',
    'Node and pod vSwitches must not overlap each other',
    `${SEED_FAQ} (network planning); VPC vSwitch model`),
  POD_ZONE_NOT_COVERED: error('TW-NET-006',
    'Pod vSwitches must be in zones that the cluster\'s node vSwitches cover',
    `${FACTS} §6.2 (pod_vswitch_ids must be in the zones of the node vSwitches)`),
  NODE_ZONE_WITHOUT_POD_VSWITCH: warning('TW-NET-007',
    'Every node zone should have a pod vSwitch; otherwise Terway falls back to the node\'s own vSwitch for pod IPs',
    `${FACTS} §2.2 (vswitches fallback), §6.2`),
  DUPLICATE_ZONE: error('TW-NET-008',
    'Each zone is declared once and each vSwitch is used once',
    `${FACTS} §2.2 (vswitches is a map of zone to vSwitch IDs)`),
  POD_VSWITCH_REUSES_NODE_VSWITCH: warning('TW-NET-009',
    'Pod vSwitches should not be the node vSwitches',
    `${FACTS} §6.2 (recommended not to reuse node vSwitches)`),
  POD_IP_CAPACITY: error('TW-NET-010',
    'Pod vSwitches must have enough IP addresses for the expected number of pods',
    `${SEED_TRUNK} (sufficient available IPs); ${SEED_FAQ} (InvalidVSwitchId.IpNotEnough)`),
  POD_VSWITCH_TOO_SMALL: error('TW-NET-011',
    'A pod vSwitch must not be smaller than /25',
    `${FACTS} §6.2 (pod vSwitch size, CS API)`),
  POD_VSWITCH_SIZING: warning('TW-NET-012',
    'Pod vSwitches should be /19 or larger',
    `${SEED_FAQ} (add a /19 or larger vSwitch); ${FACTS} §6.2`),
  CIDR_MASK_RANGE: error('TW-NET-013',
    'VPC CIDR prefixes must be /8 to /28 and vSwitch prefixes /16 to /29',
    'Alibaba Cloud VPC limits (CreateVpc / CreateVSwitch)'),
  // --- Dual stack --------------------------------------------------------------------------
  DUAL_STACK_VERSION: error('TW-DUAL-001',
    'Dual-stack clusters need Kubernetes 1.22 or later',
    `${FACTS} §6.2 (ip_stack)`),
  DUAL_STACK_VPC: error('TW-DUAL-002',
    'Dual-stack clusters need an IPv6-enabled VPC and vSwitches',
    `${FACTS} §6.2 (ip_stack)`),
  DUAL_STACK_INSTANCE: warning('TW-DUAL-003',
    'In shared ENI mode a dual-stack node needs an instance type with as many IPv6 as IPv4 addresses per ENI',
    `${SEED_EXCL} (dual-stack limitation); ${FACTS} §1.2 #11, §7`),
  // --- Modes -------------------------------------------------------------------------------
  ACCELERATION_SHARED_ONLY: error('TW-ACCEL-001',
    'Network acceleration (DataPathv2 / IPvlan+eBPF) works only in shared ENI mode, not with exclusive ENI node pools',
    `${SEED_FAQ} (shared vs exclusive ENI); ${SEED_EXCL} (no eBPF acceleration); ${FACTS} §1.2 #1, #15`),
  ACCELERATION_LEGACY_IPVLAN: warning('TW-ACCEL-002',
    'IPvlan is the legacy name: clusters created with Terway v1.8.0 or later get DataPathv2',
    `${SEED_FAQ} (DataPath V2 vs IPvlan)`),
  TRUNK_DEFAULT_ON: error('TW-TRUNK-001',
    'Trunk ENI is on by default for ACK managed clusters from Kubernetes 1.31 and cannot be disabled',
    `${SEED_TRUNK} (Step 1)`),
  TRUNK_NEEDS_CONTROLPLANE: error('TW-TRUNK-002',
    'Trunk ENI needs the terway-controlplane add-on',
    `${SEED_TRUNK} (Step 2: install terway-controlplane); ${FACTS} §6.1`),
  // --- Egress and security -----------------------------------------------------------------
  POD_VSWITCH_NO_SNAT: warning('TW-NAT-001',
    'Pods on a pod vSwitch without an SNAT entry have no Internet access',
    `${SEED_FAQ} (new vSwitch without SNAT)`),
  PROVIDER_ACCESS_KEYS: error('TW-SEC-001',
    'Access keys must never be written into synthesized Terraform',
    'library security policy; use environment variables, a profile, or RRSA'),
  RRSA_DISABLED: warning('TW-SEC-002',
    'RRSA should be enabled so that add-ons authenticate with RAM roles instead of node credentials or access keys',
    `seed 004 (enableRRSA); ${FACTS} §5.5`),
  // --- Node pools --------------------------------------------------------------------------
  NODE_IP_CAPACITY: error('TW-NODEPOOL-001',
    'In shared ENI mode a node joins only if (ENIs − 1) × IPv4 addresses per ENI is greater than 11',
    `${FACTS} §1.2 #20, §6.3 (ACK "Manage pod capacity on nodes")`),
} as const;

/** Every rule, in catalogue order. */
export const ALL_RULES: ReadonlyArray<RuleDefinition> = Object.values(RULES);

/** Looks a rule up by its ID. */
export function ruleById(id: string): RuleDefinition | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
