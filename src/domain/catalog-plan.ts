import { error, warning } from './catalog-helpers';
import {
  COMPLIANCE_ACK_009, DOC_EXCLUSIVE_ENI, DOC_NETWORK_FAQ, DOC_POD_EIP, DOC_TRUNK_PODNETWORKING, providerDoc, terwaySource,
} from './sources';

/** Terraform's JSON output format (`terraform show -json <planfile>`): resource_changes, actions, replace_paths. */
export const DOC_TERRAFORM_PLAN_JSON = 'https://developer.hashicorp.com/terraform/internals/json-format';
/** The Go types of that format (field names), at the tag the plan guard was checked against. */
export const TERRAFORM_JSON_TYPES = 'https://github.com/hashicorp/terraform-json/blob/v0.28.0/plan.go';

const CLUSTER = providerDoc('cs_managed_kubernetes');
const ADDON = providerDoc('cs_kubernetes_addon');
const NODE_POOL = providerDoc('cs_kubernetes_node_pool');
const MULTI_NETWORK = terwaySource('docs/multi-network.md');
const DYNAMIC_CONFIG = terwaySource('docs/dynamic-config.md');

/**
 * Rules of the plan guard (`terway-audit plan`, `PlanGuard.check`): destructive changes in a
 * Terraform plan (`terraform show -json`) that synth-time rules cannot see, because they
 * come from the change, not from the desired state. Spread into RULES by catalog.ts.
 */
export const PLAN_RULES = {
  PLAN_CLUSTER_REPLACED: error('TW-PLAN-001',
    'An ACK cluster must not be deleted or replaced by a plan: every node and pod goes with it, and its network plug-in, pod vSwitches and Service CIDR can only be set by re-creating it',
    `${COMPLIANCE_ACK_009} (re-create the cluster to change the network plug-in); ${DOC_NETWORK_FAQ} (the network plug-in and Service CIDR cannot be changed after creation); ${CLUSTER}; ${DOC_TERRAFORM_PLAN_JSON} (actions, replace_paths)`),
  PLAN_CLUSTER_NETWORK_CHANGED: error('TW-PLAN-002',
    'A plan must not change the network add-on, pod vSwitches or Service CIDR of an existing ACK cluster: ACK cannot change them in place',
    `${DOC_NETWORK_FAQ} (the network plug-in and Service CIDR cannot be changed after creation); ${CLUSTER} (addons work at creation only; service_cidr, pod_vswitch_ids)`),
  PLAN_TRUNK_DISABLED: error('TW-PLAN-003',
    'A plan must not turn Trunk ENI off (ENITrunking of the terway-eniip add-on, enable_eni_trunking of eni_conf) once it is on',
    `${DOC_TRUNK_PODNETWORKING} (Trunk ENI cannot be disabled after it is enabled); ${ADDON} (config)`),
  PLAN_CONTROLPLANE_REMOVED: error('TW-PLAN-004',
    'A plan must not remove or disable the terway-controlplane add-on while PodNetworking planes exist: their pods lose member ENI management',
    `${DOC_TRUNK_PODNETWORKING} (terway-controlplane is required for Trunk ENI and PodNetworking); ${ADDON}`),
  PLAN_NODE_POOL_REPLACED: error('TW-PLAN-005',
    'A plan must not replace a node pool unnoticed: its nodes are drained and deleted, and pods are rescheduled',
    `${NODE_POOL}; ${DOC_EXCLUSIVE_ENI} (a node pool whose network mode is wrong must be deleted and re-created); ${DOC_TERRAFORM_PLAN_JSON} (actions, action_reason)`),
  PLAN_EXCLUSIVE_LABEL_CHANGED: error('TW-PLAN-006',
    'The exclusive ENI label k8s.aliyun.com/exclusive-mode-eni-type of an existing node pool must not change: it is read when a node is created, so existing nodes keep their old mode',
    `${DOC_EXCLUSIVE_ENI} (Limitations: the label cannot be added to or changed on an existing node pool; existing nodes cannot switch from shared mode)`),
  PLAN_FIXED_CONFIG_CHANGED: warning('TW-PLAN-007',
    'A change of the terway-config label or taint of an existing node pool applies to nodes that join afterwards: existing nodes keep their ENIs on the old vSwitch until they are rotated',
    `${DOC_NETWORK_FAQ} (fixed vSwitch per node pool; "Why are my Pods getting IPs from an old vSwitch CIDR block"); ${DYNAMIC_CONFIG} (read at daemon start)`),
  PLAN_POD_VSWITCH_REMOVED: error('TW-PLAN-008',
    'A plan must not delete or replace a vSwitch that pods use: a cluster\'s pod vSwitch, a PodNetworking plane\'s vSwitch or a vSwitch of an eni_conf (cluster-wide or per node pool)',
    `${COMPLIANCE_ACK_009} (pod vSwitches); ${DOC_TRUNK_PODNETWORKING} (vSwitchOptions); ${DOC_NETWORK_FAQ} (fixed vSwitch per node pool)`),
  PLAN_SECURITY_GROUP_REMOVED: error('TW-PLAN-009',
    'A plan must not delete or replace a security group that a PodNetworking plane or an eni_conf references: the ENIs of running pods carry it',
    `${DOC_TRUNK_PODNETWORKING} (securityGroupIDs); ${DOC_NETWORK_FAQ} (security_group, security_groups of eni_conf)`),
  PLAN_SNAT_REMOVED: error('TW-PLAN-010',
    'A plan must not delete or replace the SNAT entry of a pod vSwitch: its pods lose Internet egress',
    `${DOC_NETWORK_FAQ} (pods on a pod vSwitch reach the Internet through an SNAT entry of a NAT gateway); ${providerDoc('snat_entry')}`),
  PLAN_NAT_GATEWAY_REMOVED: error('TW-PLAN-011',
    'A plan must not delete or replace the NAT gateway whose SNAT table pod vSwitches egress through',
    `${DOC_NETWORK_FAQ} (SNAT entries for pod vSwitches); ${providerDoc('nat_gateway')}`),
  PLAN_RAM_ACTIONS_REMOVED: error('TW-PLAN-012',
    'A RAM policy change must not remove actions that ack-extend-network-controller, legacy Terway EIP, terwayd or terway-controlplane need',
    `${DOC_POD_EIP} (RAM policies); ${terwaySource('docs/terway-trunk.md')} (terway-controlplane RAM); ${terwaySource('docs/ecs.md')} (Terway RAM); ${providerDoc('ram_policy')}`),
  PLAN_MANIFEST_DELETED: error('TW-PLAN-013',
    'A plan must not delete a PodNetworking, the kube-system/eni-config ConfigMap or a per-node-pool Terway ConfigMap (a kube-system ConfigMap with eni_conf)',
    `${DOC_TRUNK_PODNETWORKING} (PodNetworking, eni-config); ${DOC_NETWORK_FAQ} (custom eni-config per node pool); ${DYNAMIC_CONFIG} (falls back to the base config when the ConfigMap is missing)`),
  PLAN_PLANE_MOVES_PODS: warning('TW-PLAN-014',
    'A change of a PodNetworking plane\'s allocation type, ENI type, selector, vSwitches or security groups moves pods when they are next created: running pods keep their network, recreated ones get the new one',
    `${MULTI_NETWORK} (a PodNetworking is applied at pod creation); ${DOC_TRUNK_PODNETWORKING} (allocationType, selectors); ${terwaySource('pkg/controller/webhook/validate.go')} (updates are not validated)`),
} as const;
