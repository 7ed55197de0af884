import { error, warning } from './catalog-helpers';
import { DOC_EXCLUSIVE_ENI, DOC_NETWORK_FAQ, DOC_TERWAY_CONFIG, providerDoc, terwaySource } from './sources';

const LIMITS = `${DOC_EXCLUSIVE_ENI} (Limitations)`;
const PLAN = `${DOC_EXCLUSIVE_ENI} (1. Plan the exclusive ENI node pool)`;
const ALLOWLIST = `${DOC_NETWORK_FAQ} ("How can I assign Pods to a specific vSwitch/CIDR block ... for IP-based allowlisting?")`;
const OLD_VSWITCH = `${DOC_NETWORK_FAQ} ("Why are my Pods getting IPs from an old vSwitch CIDR block ...?")`;
const DYNAMIC_CONFIG = terwaySource('docs/dynamic-config.md');
const DAEMON_CONFIG = terwaySource('types/daemon/config.go');

/**
 * Rules of the two node-pool network modes: exclusive ENI node pools (TW-EXCL-*) and
 * fixed-vSwitch node pools selected by a per-node Terway ConfigMap (TW-FIXED-*), plus the
 * type checks of `eni_conf` documents (TW-ENICONF-007 and later) and the capacity table
 * warning (TW-NODEPOOL-002). Spread into RULES by catalog.ts.
 */
export const NODE_MODE_RULES = {
  // --- Node pools --------------------------------------------------------------------------
  UNKNOWN_INSTANCE_TYPE: warning('TW-NODEPOOL-002',
    'Instance types must exist in the region; types the bundled ENI capacity table does not know are checked at plan time only (data source alicloud_instance_types)',
    `${DOC_NETWORK_FAQ} ("What determines the maximum number of Pods per node"); ${providerDoc('cs_kubernetes_node_pool')}`),
  // --- Exclusive ENI node pools --------------------------------------------------------------
  EXCL_ENI_COUNT: error('TW-EXCL-001',
    'An exclusive ENI node pool needs instance types with more than six ENIs (EniQuantity of 7 or more)',
    `${PLAN} ("A worker node must have more than six elastic network interfaces")`),
  EXCL_TERWAY_VERSION: error('TW-EXCL-002',
    'Exclusive ENI node pools need Terway v1.11.0 or later for ECS instances and v1.14.3 or later for Lingjun instances',
    LIMITS),
  EXCL_DUAL_STACK_PARITY: error('TW-EXCL-003',
    'In a dual-stack cluster an exclusive ENI node needs as many IPv6 as IPv4 addresses per ENI',
    LIMITS),
  LINGJUN_DUAL_STACK: error('TW-EXCL-004',
    'Lingjun instances do not support dual-stack',
    LIMITS),
  EXCL_NETWORK_POLICY: error('TW-EXCL-005',
    'Pods on exclusive ENIs do not support Kubernetes NetworkPolicy: no NetworkPolicy may select them',
    `${LIMITS}; ${DOC_NETWORK_FAQ} (shared vs exclusive ENI)`),
  EXCL_EXISTING_NODES: warning('TW-EXCL-006',
    'Existing ECS instances added to an exclusive ENI node pool keep their attached ENIs unused and cannot be switched from shared mode',
    LIMITS),
  EXCL_CUSTOM_CNI_CHAIN: error('TW-EXCL-007',
    'A custom CNI chain cannot be configured with exclusive ENI node pools',
    LIMITS),
  EXCL_UNTAINTED: warning('TW-EXCL-008',
    'An exclusive ENI node pool should be tainted so that pods which do not need an exclusive ENI stay off it',
    `${DOC_EXCLUSIVE_ENI} (2. Create an exclusive ENI node pool)`),
  EXCL_PLANE_UNTOLERATED: error('TW-EXCL-009',
    'Pods that a plane with eniType ENI selects must tolerate the taints of an exclusive ENI node pool, or they stay Pending',
    `${DOC_EXCLUSIVE_ENI} (2. Create an exclusive ENI node pool: taint; 3. Schedule pods to the ENI node pool)`),
  // --- Fixed vSwitch node pools (per-node Terway configuration) --------------------------------
  FIXED_VSWITCH_ZONE: error('TW-FIXED-001',
    'The dedicated vSwitches of a fixed-vSwitch configuration must be in the node pool\'s zones, one or more in every zone of the pool',
    `${ALLOWLIST}; ${DYNAMIC_CONFIG} (vswitches merge per zone)`),
  FIXED_VSWITCH_VPC: error('TW-FIXED-002',
    'The dedicated vSwitches must lie inside the cluster\'s VPC and must not overlap its other vSwitches',
    `${ALLOWLIST}; VPC vSwitch model`),
  FIXED_CONFIG_NAME: error('TW-FIXED-003',
    'The per-node ConfigMap name must be a valid ConfigMap name and a valid label value (it is the value of node label terway-config)',
    `${ALLOWLIST}; ${DYNAMIC_CONFIG}`),
  FIXED_POOL_LABEL: error('TW-FIXED-004',
    'A node pool labelled terway-config: <name> must exist for the ConfigMap <name>, and its label value must equal the ConfigMap name',
    `${ALLOWLIST} (2. Configure a Node Pool)`),
  FIXED_WORKLOAD_SCHEDULING: error('TW-FIXED-005',
    'Workloads that use a fixed-vSwitch node pool need both the node selector terway-config: <name> and a toleration for the pool\'s taint',
    `${ALLOWLIST} (3. Deploy Pods with Node Selector and Toleration)`),
  FIXED_PLANE_PRECEDENCE: error('TW-FIXED-006',
    'A workload on a fixed-vSwitch node pool must not match a PodNetworking: PodNetworking takes precedence over the per-node configuration, so its pods would get IPs outside the allowlisted block',
    `${terwaySource('docs/exclusive-eni-node-pool.md')} (priority: PodNetworking > node configuration > cluster default)`),
  FIXED_EXISTING_NODES: warning('TW-FIXED-007',
    'Existing nodes keep their attached ENIs and the old vSwitch until they are rotated',
    `${OLD_VSWITCH}; ${ALLOWLIST} (Note)`),
  FIXED_KEY_NOT_PER_NODE: error('TW-FIXED-008',
    'A per-node Terway ConfigMap takes only eni_conf keys that Terway accepts and that make sense per node; cluster-wide keys (credentials, IPAM type, trunking, Service CIDR) stay in eni-config',
    `${DYNAMIC_CONFIG}; ${DAEMON_CONFIG}`),
  FIXED_CONFIG_ORDER: warning('TW-FIXED-009',
    'The per-node ConfigMap must exist before the node pool\'s nodes start; otherwise Terway silently uses the cluster default and pods get IPs outside the allowlisted block',
    `${DYNAMIC_CONFIG} (read once at daemon start; falls back to the base config when the ConfigMap is missing)`),
  // --- eni_conf types -------------------------------------------------------------------------
  ENICONF_KEY_TYPE: error('TW-ENICONF-007',
    'Every eni_conf key must have the JSON type Terway\'s daemon config declares (a string where an integer or boolean is expected stops terwayd)',
    `${DAEMON_CONFIG}; ${DOC_TERWAY_CONFIG}`),
  ENICONF_KEY_VALUE: error('TW-ENICONF-008',
    'eni_conf values must be allowed values (e.g. ip_stack is ipv4 or dual; counts are not negative; durations are Go durations)',
    `${DAEMON_CONFIG} (Validate); ${DOC_TERWAY_CONFIG}`),
  ENICONF_REMOVED_KEY: warning('TW-ENICONF-009',
    'eni_conf keys removed from Terway are ignored by current versions',
    DAEMON_CONFIG),
} as const;
