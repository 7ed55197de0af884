import { DEPLOY_RULES } from './catalog-deploy';
import { EIP_RULES } from './catalog-eip';
import { FILES_RULES } from './catalog-files';
import { error, warning } from './catalog-helpers';
import { INPUT_RULES } from './catalog-inputs';
import { NODE_MODE_RULES } from './catalog-node-modes';
import { NODE_MODE_INPUT_RULES } from './catalog-node-modes-inputs';
import { PLAN_RULES } from './catalog-plan';
import { SKIPPED_CHECK_RULES } from './catalog-skipped';
import { WORKLOAD_RULES } from './catalog-workloads';
import { RuleDefinition } from './rules';
import {
  COMPLIANCE_ACK_009, DOC_CREATE_CLUSTER_API, DOC_EXCLUSIVE_ENI, DOC_NETWORK_FAQ, DOC_POD_CAPACITY, DOC_POD_EIP,
  DOC_TERWAY_CONFIG, DOC_TRUNK_PODNETWORKING, DOC_WORK_WITH_TERWAY, K8S_LABELS_DOC, K8S_NAMES_DOC, PROVIDER_AUTH_DOC,
  providerDoc, terwaySource,
} from './sources';

// Sources every rule cites: public pages, the provider's docs, Terway's source at a tag.
const CS_CLUSTER = providerDoc('cs_managed_kubernetes');
/** Terway's eni_conf (daemon Config struct). */
const ENI_CONF_SOURCE = terwaySource('types/daemon/config.go');
/** Terway's PodNetworking CRD types. */
const PN_TYPES_SOURCE = terwaySource('pkg/apis/network.alibabacloud.com/v1beta1/types.go');
/** Terway's validating webhook for PodNetworking. */
const PN_WEBHOOK_SOURCE = terwaySource('pkg/controller/webhook/validate.go');
/** Terway's pod webhook: plane matching and pod mutation. */
const POD_WEBHOOK_SOURCE = terwaySource('pkg/controller/webhook/mutating.go');

/**
 * Every rule the library enforces. IDs are stable: a rule that is retired keeps its ID
 * reserved. Each entry cites where the constraint is documented.
 */
export const RULES = {
  // --- Cluster ---------------------------------------------------------------------------
  ACK_009: error('TW-CLUSTER-001',
    'The cluster must use Terway in shared ENI (multi-IP) mode: add-on terway-eniip with pod vSwitches set',
    `${COMPLIANCE_ACK_009}; ${DOC_WORK_WITH_TERWAY}; ${CS_CLUSTER} (addons, pod_vswitch_ids)`),
  FLANNEL_POD_CIDR: error('TW-CLUSTER-002',
    'A Flannel-style pod CIDR (pod_cidr) must not be set on a Terway cluster; Terway takes pod IPs from pod vSwitches',
    `${CS_CLUSTER} (pod_cidr is for Flannel; Terway uses pod_vswitch_ids)`),
  KUBERNETES_VERSION: error('TW-CLUSTER-003',
    'The Kubernetes version must be an ACK version string such as 1.33.1-aliyun.1',
    `${CS_CLUSTER} (version)`),
  CLUSTER_DOMAIN_FORMAT: error('TW-CLUSTER-004',
    'The cluster domain must be a valid DNS name (lowercase labels of letters, digits and hyphens)',
    `${DOC_NETWORK_FAQ} (custom cluster domain)`),
  CLUSTER_DOMAIN_CUSTOM: warning('TW-CLUSTER-005',
    'A custom cluster domain cannot be changed after creation and must not overlap public or PrivateZone domains you resolve',
    `${DOC_NETWORK_FAQ} (custom cluster domain)`),
  RESOURCE_ID: error('TW-ID-001',
    'Existing resource IDs must be well formed (vpc-…, vsw-…, sg-…, ngw-…)',
    `${CS_CLUSTER} (vpc_id, vswitch_ids, pod_vswitch_ids, security_group_id); ${providerDoc('nat_gateway')}`),
  // --- Addressing --------------------------------------------------------------------------
  CIDR_SYNTAX: error('TW-NET-001',
    'CIDR blocks must be valid IPv4 network addresses (a.b.c.d/n without host bits)',
    `${DOC_NETWORK_FAQ} (network planning)`),
  SERVICE_CIDR_RANGE: error('TW-NET-002',
    'The Service CIDR must lie in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a prefix length from /16 to /24',
    `${CS_CLUSTER} (service_cidr)`),
  SERVICE_CIDR_OVERLAP: error('TW-NET-003',
    'The Service CIDR must not overlap the VPC CIDR or any vSwitch',
    `${DOC_NETWORK_FAQ} (network planning); ${CS_CLUSTER} (service_cidr)`),
  VSWITCH_OUTSIDE_VPC: error('TW-NET-004',
    'Every vSwitch CIDR must lie inside the VPC CIDR',
    `${providerDoc('vswitch')} (cidr_block)`),
  VSWITCH_OVERLAP: error('TW-NET-005',
    'Node and pod vSwitches must not overlap each other',
    `${DOC_NETWORK_FAQ} (network planning); ${providerDoc('vswitch')} (cidr_block)`),
  POD_ZONE_NOT_COVERED: error('TW-NET-006',
    'Pod vSwitches must be in zones that the cluster\'s node vSwitches cover',
    `${CS_CLUSTER} (pod_vswitch_ids: in the zones of the node vSwitches)`),
  NODE_ZONE_WITHOUT_POD_VSWITCH: warning('TW-NET-007',
    'Every node zone should have a pod vSwitch; otherwise Terway falls back to the node\'s own vSwitch for pod IPs',
    `${ENI_CONF_SOURCE} (vswitches: a zone without pod vSwitches uses the node's vSwitch); ${DOC_TERWAY_CONFIG}`),
  DUPLICATE_ZONE: error('TW-NET-008',
    'Each zone is declared once and each vSwitch is used once',
    `${ENI_CONF_SOURCE} (vswitches: a map of zone to vSwitch IDs)`),
  POD_VSWITCH_REUSES_NODE_VSWITCH: warning('TW-NET-009',
    'Pod vSwitches should not be the node vSwitches',
    `${CS_CLUSTER} (pod_vswitch_ids must not be the node vSwitches)`),
  POD_IP_CAPACITY: error('TW-NET-010',
    'Pod vSwitches must have enough IP addresses for the expected number of pods',
    `${DOC_TRUNK_PODNETWORKING} (sufficient available IPs); ${DOC_NETWORK_FAQ} (InvalidVSwitchId.IpNotEnough)`),
  POD_VSWITCH_TOO_SMALL: error('TW-NET-011',
    'A pod vSwitch must not be smaller than /25',
    `${DOC_CREATE_CLUSTER_API} (pod_vswitch_ids: mask at most /25); ${CS_CLUSTER} (pod_vswitch_ids)`),
  POD_VSWITCH_SIZING: warning('TW-NET-012',
    'Pod vSwitches should be /19 or larger',
    `${DOC_NETWORK_FAQ} (add a /19 or larger vSwitch)`),
  CIDR_MASK_RANGE: error('TW-NET-013',
    'VPC CIDR prefixes must be /8 to /28 and vSwitch prefixes /16 to /29',
    `${providerDoc('vpc')} (cidr_block); ${providerDoc('vswitch')} (cidr_block)`),
  // --- Dual stack --------------------------------------------------------------------------
  DUAL_STACK_VERSION: error('TW-DUAL-001',
    'Dual-stack clusters need Kubernetes 1.22 or later',
    `${CS_CLUSTER} (ip_stack)`),
  DUAL_STACK_VPC: error('TW-DUAL-002',
    'Dual-stack clusters need an IPv6-enabled VPC and vSwitches',
    `${CS_CLUSTER} (ip_stack); ${terwaySource('docs/ipv6.md')}`),
  DUAL_STACK_INSTANCE: warning('TW-DUAL-003',
    'In shared ENI mode a dual-stack node needs an instance type with as many IPv6 as IPv4 addresses per ENI',
    `${DOC_EXCLUSIVE_ENI} (dual-stack limitation); ${terwaySource('docs/ipv6.md')}`),
  // --- Modes -------------------------------------------------------------------------------
  ACCELERATION_SHARED_ONLY: error('TW-ACCEL-001',
    'Network acceleration (DataPathv2 / IPvlan+eBPF) works only in shared ENI mode, not with exclusive ENI node pools',
    `${DOC_NETWORK_FAQ} (shared vs exclusive ENI); ${DOC_EXCLUSIVE_ENI} (no eBPF acceleration)`),
  ACCELERATION_LEGACY_IPVLAN: warning('TW-ACCEL-002',
    'IPvlan is the legacy name: clusters created with Terway v1.8.0 or later get DataPathv2',
    `${DOC_NETWORK_FAQ} (DataPath V2 vs IPvlan)`),
  TRUNK_DEFAULT_ON: error('TW-TRUNK-001',
    'Trunk ENI is on by default for ACK managed clusters from Kubernetes 1.31 and cannot be disabled',
    `${DOC_TRUNK_PODNETWORKING} (Step 1)`),
  TRUNK_NEEDS_CONTROLPLANE: error('TW-TRUNK-002',
    'Trunk ENI needs the terway-controlplane add-on',
    `${DOC_TRUNK_PODNETWORKING} (Step 2: install terway-controlplane); ${CS_CLUSTER} (addons)`),
  // --- Egress and security -----------------------------------------------------------------
  POD_VSWITCH_NO_SNAT: warning('TW-NAT-001',
    'Pods on a pod vSwitch without an SNAT entry have no Internet access',
    `${DOC_NETWORK_FAQ} (new vSwitch without SNAT)`),
  PROVIDER_ACCESS_KEYS: error('TW-SEC-001',
    'Access keys must never be written into synthesized Terraform',
    `${PROVIDER_AUTH_DOC} (environment variables, a profile, an ECS RAM role or RRSA instead of keys in code)`),
  RRSA_DISABLED: warning('TW-SEC-002',
    'RRSA should be enabled so that add-ons authenticate with RAM roles instead of node credentials or access keys',
    `${DOC_POD_EIP} (enableRRSA); ${CS_CLUSTER} (enable_rrsa)`),
  // --- Node pools --------------------------------------------------------------------------
  NODE_IP_CAPACITY: error('TW-NODEPOOL-001',
    'In shared ENI mode a node joins only if (ENIs − 1) × IPv4 addresses per ENI is greater than 11',
    `${DOC_POD_CAPACITY} (shared ENI: a node joins only above 11 pods)`),
  // --- PodNetworking planes ---------------------------------------------------------------
  FIXED_NEEDS_FIXED_NAMES: error('TW-PN-001',
    'Fixed IP allocation applies only to pods with fixed names: StatefulSets and pods without ownerReferences',
    `${DOC_TRUNK_PODNETWORKING} (allocationType, FAQ); ${POD_WEBHOOK_SOURCE}`),
  RELEASE_ONLY_FIXED: error('TW-PN-002',
    'releaseStrategy and releaseAfter apply only to the Fixed allocation type',
    `${DOC_TRUNK_PODNETWORKING} (releaseStrategy)`),
  RELEASE_AFTER_ONLY_TTL: error('TW-PN-003',
    'releaseAfter applies only with releaseStrategy TTL (Terway denies it with Never)',
    `${DOC_TRUNK_PODNETWORKING} (releaseAfter); ${PN_WEBHOOK_SOURCE} ("releaseAfter must be empty when releaseStrategy is never")`),
  RELEASE_AFTER_FORMAT: error('TW-PN-004',
    'With releaseStrategy TTL, releaseAfter must be a Go duration such as 1h or 2h45m',
    `${DOC_TRUNK_PODNETWORKING} (releaseAfter); ${PN_WEBHOOK_SOURCE} ("invalid releaseAfter")`),
  RELEASE_AFTER_MINIMUM: error('TW-PN-005',
    'releaseAfter must be at least 5 minutes',
    `${DOC_TRUNK_PODNETWORKING} (releaseAfter: minimum 5 minutes; Terway's webhook does not enforce it, ACK documents it)`),
  SECURITY_GROUP_COUNT: error('TW-PN-006',
    'A plane takes one to five security groups (Terway\'s admission accepts up to 10 from v1.13.7)',
    `${DOC_TRUNK_PODNETWORKING} (securityGroupIDs); ${PN_WEBHOOK_SOURCE}`),
  PLANE_NEEDS_VSWITCH: error('TW-PN-007',
    'A plane needs at least one vSwitch',
    `${DOC_TRUNK_PODNETWORKING} (vSwitchOptions); ${PN_WEBHOOK_SOURCE} ("vSwitchOptions is not set")`),
  PLANE_VSWITCH_ZONE: error('TW-PN-008',
    'A plane\'s vSwitches must be in zones where the cluster has nodes',
    `${DOC_TRUNK_PODNETWORKING} (vSwitchOptions: pods are scheduled only to the vSwitches' zones)`),
  PLANE_ZONE_PINNING: warning('TW-PN-009',
    'Pods of a plane are pinned to its vSwitches\' zones, which can block node-pool scale-out in other zones',
    `${DOC_TRUNK_PODNETWORKING} (vSwitchOptions); ${POD_WEBHOOK_SOURCE} (zone affinity added to pods)`),
  POD_MATCHES_SEVERAL_PLANES: error('TW-PN-010',
    'Each pod must match at most one PodNetworking; otherwise its network configuration is undefined',
    `${DOC_TRUNK_PODNETWORKING} (podSelector, FAQ); ${POD_WEBHOOK_SOURCE} (the first matching Ready plane wins)`),
  PLANE_SELECTORS_OVERLAP: warning('TW-PN-011',
    'Two planes\' selectors can select the same pod',
    `${DOC_TRUNK_PODNETWORKING} (each pod must match at most one PodNetworking)`),
  PLANE_WITHOUT_SELECTOR: warning('TW-PN-012',
    'A plane with neither podSelector nor namespaceSelector matches no pod',
    `${PN_TYPES_SOURCE} (podSelector, namespaceSelector); ${POD_WEBHOOK_SOURCE}`),
  PLANE_NEEDS_TRUNK: error('TW-PN-013',
    'Planes with eniType Default or Trunk need Trunk ENI enabled on the cluster (enable_eni_trunking and terway-controlplane)',
    `${DOC_TRUNK_PODNETWORKING} (Step 1); ${PN_TYPES_SOURCE} (eniType)`),
  TERWAY_VERSION_GATE: error('TW-PN-014',
    'eniOptions and vSwitchSelectOptions need Terway v1.11.0 or later',
    `${DOC_TRUNK_PODNETWORKING} (parameter table); ${PN_TYPES_SOURCE}`),
  SAME_NODE_TRAFFIC: warning('TW-PN-015',
    'Security groups do not apply to traffic between pods on the same node or between a pod and its node; use NetworkPolicy for that',
    `${DOC_TRUNK_PODNETWORKING} (Limitations)`),
  OLD_OR_DEDICATED_CLUSTER: warning('TW-PN-016',
    'ACK managed clusters created before June 2020 and ACK dedicated clusters need extra steps before Trunk ENI works',
    `${DOC_TRUNK_PODNETWORKING} (Limitations; Step 1)`),
  PLANE_INVALID: error('TW-PN-017',
    'Plane names, selectors and label keys/values must be valid Kubernetes syntax',
    `${K8S_NAMES_DOC}; ${K8S_LABELS_DOC}`),
  FIXED_WITHOUT_RELEASE: warning('TW-PN-018',
    'A Fixed plane without a release strategy keeps IPs until the PodENIs are deleted by hand (like Never)',
    `${DOC_TRUNK_PODNETWORKING} (releaseStrategy); ${PN_TYPES_SOURCE}`),
  SELECTORLESS_DENIED: error('TW-PN-019',
    'Terway\'s admission denies a plane without selectors before v1.13.7, and one whose eniType is not Default from v1.13.7 to v1.16.0',
    `${PN_WEBHOOK_SOURCE} (selector-less planes: denied before v1.13.7; non-Default eniType denied v1.13.7 to v1.16.0)`),
  PLANE_SELECTOR_IMPLIED: error('TW-PN-020',
    'A plane must not select only pods that another plane selects too (its selectors imply the other plane\'s)',
    `${DOC_TRUNK_PODNETWORKING} (each pod must match at most one PodNetworking)`),
  // --- eni-config --------------------------------------------------------------------------
  ENICONF_CREDENTIAL_PATH: warning('TW-ENICONF-001',
    'With Trunk ENI on an ACK managed cluster, credential_path must be /var/addon/token-config',
    `${DOC_TRUNK_PODNETWORKING} (eni-config parameters)`),
  ENICONF_TRUNK_IRREVERSIBLE: error('TW-ENICONF-002',
    'Trunk ENI cannot be disabled after it is enabled',
    `${DOC_TRUNK_PODNETWORKING} (enable_eni_trunking)`),
  ENICONF_SECURITY_GROUPS: error('TW-ENICONF-003',
    'eni_conf takes at most 10 security groups (security_group and security_groups together)',
    `${ENI_CONF_SOURCE} (security_groups)`),
  ENICONF_MISPLACED_KEY: warning('TW-ENICONF-004',
    'disable_network_policy and in_cluster_loadbalance are data keys of eni-config and eniip_virtual_type belongs to 10-terway.conf; inside eni_conf Terway ignores them',
    `${DOC_NETWORK_FAQ} vs ${ENI_CONF_SOURCE} (the FAQ places them inside eni_conf; Terway's source reads them elsewhere)`),
  ENICONF_NOT_JSON: error('TW-ENICONF-005',
    'eni_conf must be a JSON object',
    `${DOC_TRUNK_PODNETWORKING} ("The ConfigMap content must be in JSON format")`),
  ENICONF_NO_VSWITCHES: warning('TW-ENICONF-006',
    'eni_conf should list the pod vSwitches per zone (vswitches); without them Terway takes pod IPs from each node\'s own vSwitch',
    `${ENI_CONF_SOURCE} (vswitches fallback); ${COMPLIANCE_ACK_009} (pod vSwitches)`),
  ...DEPLOY_RULES,
  ...EIP_RULES,
  ...FILES_RULES,
  ...INPUT_RULES,
  ...NODE_MODE_RULES,
  ...NODE_MODE_INPUT_RULES,
  ...WORKLOAD_RULES,
  ...PLAN_RULES,
  ...SKIPPED_CHECK_RULES,
} as const;

/** Every rule, in catalogue order. */
export const ALL_RULES: ReadonlyArray<RuleDefinition> = Object.values(RULES);

/** Looks a rule up by its ID. */
export function ruleById(id: string): RuleDefinition | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
