import { error, warning } from './catalog-helpers';
import {
  CHECKOV_ALI_2_3, DOC_K8S_LABEL_SYNTAX, DOC_K8S_TAINTS, DOC_NETWORK_FAQ, DOC_REGIONS_ZONES, DOC_TRUNK_PODNETWORKING, providerDoc,
  providerSource, TERWAY_RELEASES,
} from './sources';

const CLUSTER_GO = providerSource('alicloud/resource_alicloud_cs_managed_kubernetes.go');
const NODE_POOL_GO = providerSource('alicloud/resource_alicloud_cs_kubernetes_node_pool.go');
const SG_RULE_GO = providerSource('alicloud/resource_alicloud_security_group_rule.go');

/**
 * Rules on values that reach Terraform or Terway (TW-TF-*), on security group rules
 * (TW-SG-*) and on where existing resources may be placed (TW-NET-014/015).
 * Spread into the catalogue in catalog.ts; IDs are stable and never reused.
 */
export const INPUT_RULES = {
  CLUSTER_NAME_LENGTH: error('TW-TF-001',
    'The cluster name (name) must have 1 to 63 characters',
    `${CLUSTER_GO} ("name": StringLenBetween(1, 63))`),
  SYSTEM_DISK_CATEGORY: error('TW-TF-002',
    'The node pool system disk category must be one the provider accepts: cloud_efficiency, cloud_ssd, cloud_essd, cloud_auto, cloud_essd_entry or cloud',
    `${NODE_POOL_GO} ("system_disk_category": StringInSlice)`),
  NODE_TAINT: error('TW-TF-003',
    'A node taint needs a valid Kubernetes key and an effect of NoSchedule, PreferNoSchedule or NoExecute',
    `${DOC_K8S_TAINTS}; ${providerDoc('cs_kubernetes_node_pool')} (taints)`),
  NODE_LABEL_SYNTAX: error('TW-TF-004',
    'Node pool labels must be valid Kubernetes label keys and values',
    `${DOC_K8S_LABEL_SYNTAX}; ${providerDoc('cs_kubernetes_node_pool')} (labels)`),
  SNAT_IP: error('TW-TF-005',
    'The SNAT IP (snat_ip) must be IPv4 addresses of EIPs bound to the NAT gateway, comma-separated',
    `${providerDoc('snat_entry')} (snat_ip)`),
  SNAT_TABLE_ID: error('TW-TF-006',
    'The SNAT table ID (snat_table_id) must be a SNAT table ID such as stb-bp1abc2def3ghi4jkl5m',
    `${providerDoc('snat_entry')} (snat_table_id); ${providerDoc('nat_gateway')} (snat_table_ids)`),
  TERWAY_VERSION: error('TW-TF-007',
    'The Terway version must be a release version such as v1.16.7 (major.minor.patch)',
    `${TERWAY_RELEASES}; ${providerDoc('cs_managed_kubernetes')} (addons.version)`),
  SG_RULE_PROTOCOL: error('TW-SG-001',
    'A security group rule protocol (ip_protocol) must be tcp, udp, icmp, icmpv6, gre or all, in lowercase',
    `${SG_RULE_GO} ("ip_protocol": StringInSlice)`),
  SG_RULE_PORT_RANGE: error('TW-SG-002',
    'tcp and udp rules need a port range "a/b" with 1 <= a <= b <= 65535; icmp, icmpv6, gre and all take only -1/-1',
    `${SG_RULE_GO} ("'tcp' and 'udp' can support port range: [1, 65535]", "'icmp', 'gre' and 'all' only support port range '-1/-1'")`),
  SG_RULE_SOURCE: error('TW-SG-003',
    'An ingress rule needs exactly one source: a valid IPv4 CIDR block (cidr_ip) or a security group ID (source_security_group_id, sg-…)',
    `${SG_RULE_GO} (cidr_ip conflicts with source_security_group_id; one source is required)`),
  SG_RULE_OPEN_ADMIN_PORT: warning('TW-SG-004',
    'Ingress from 0.0.0.0/0 to SSH (22) or RDP (3389) exposes the pods to the whole Internet',
    `${CHECKOV_ALI_2_3}; ${providerDoc('security_group_rule')}`),
  SG_NO_INGRESS: warning('TW-SG-005',
    'A created plane security group without ingress rules drops all inbound traffic to the plane\'s pods from other nodes',
    `${DOC_TRUNK_PODNETWORKING} (security groups of pods); ${providerDoc('security_group_rule')}`),
  VSWITCH_EXISTING_IN_NEW_VPC: error('TW-NET-014',
    'An existing vSwitch cannot be in a VPC that this stack creates: give the vSwitch a cidrBlock, or use the existing VPC with vpc.vpcId',
    `${providerDoc('vswitch')} (vpc_id is fixed at creation; a vSwitch belongs to exactly one VPC); ${DOC_NETWORK_FAQ}`),
  ZONE_OUTSIDE_REGION: error('TW-NET-015',
    'Zones must belong to the region of the alicloud provider (a zone ID starts with its region ID)',
    `${DOC_REGIONS_ZONES}; ${providerDoc('vswitch')} (zone_id)`),
} as const;
