/**
 * Public sources that rules and doc comments cite. Users cannot see the library's
 * internal notes, so every rule names one of these pages, or Terway's source at a tag.
 */

/** "Work with Terway" (ACK-009 background, pods per node). */
export const DOC_WORK_WITH_TERWAY = 'https://www.alibabacloud.com/help/doc-detail/97467.htm';
/** "Configure a fixed IP address, an independent virtual switch, and a security group for a pod" (Trunk ENI, PodNetworking). */
export const DOC_TRUNK_PODNETWORKING = 'https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod';
/** "Configure exclusive ENI mode for a node pool". */
export const DOC_EXCLUSIVE_ENI = 'https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-node-pool-level-container-network';
/** "Container network FAQ". */
export const DOC_NETWORK_FAQ = 'https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/faq-about-container-networks';
/** "Associate an exclusive EIP with a pod". */
export const DOC_POD_EIP = 'https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1';
/** "Customize Terway configuration parameters" (eni-config keys). */
export const DOC_TERWAY_CONFIG = 'https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters';
/** Compliance rule AlibabaCloud-ACK-009 "ENI Multiple IP Mode" (cite the rule ID). */
export const COMPLIANCE_ACK_009 = 'compliance rule AlibabaCloud-ACK-009 "ENI Multiple IP Mode"';
/** Terway's source repository; cite a path at a tag with {@link terwaySource}. */
export const TERWAY_REPO = 'https://github.com/AliyunContainerService/terway';
/** The Terway release the library's facts were checked against. */
export const TERWAY_TAG = 'v1.17.5';
/** The alicloud Terraform provider version the bindings are pinned to. */
export const ALICLOUD_PROVIDER_VERSION = '1.289.0';

/** A link to a file in Terway's source at a tag, e.g. `terwaySource('pkg/apis/…')`. */
export function terwaySource(path: string, tag: string = TERWAY_TAG): string {
  return `${TERWAY_REPO}/blob/${tag}/${path}`;
}

/** A link to a file of the alicloud provider at the pinned tag (Go source or website docs). */
export function providerSource(path: string): string {
  return `https://github.com/aliyun/terraform-provider-alicloud/blob/v${ALICLOUD_PROVIDER_VERSION}/${path}`;
}

/** The provider's documentation page of a resource, e.g. `providerDoc('cs_kubernetes_node_pool')`. */
export function providerDoc(resource: string): string {
  return `https://registry.terraform.io/providers/aliyun/alicloud/${ALICLOUD_PROVIDER_VERSION}/docs/resources/${resource}`;
}

/** Terraform "Output values": output names are unique within a module (a root module is one cdktf stack). */
export const DOC_TERRAFORM_OUTPUTS = 'https://developer.hashicorp.com/terraform/language/values/outputs';
/** Terraform's `providers schema -json` format: attribute types, required/optional/computed, block nesting. */
export const TERRAFORM_SCHEMA_JSON = 'https://developer.hashicorp.com/terraform/cli/commands/providers/schema';
/** "Regions and zones" (a zone ID starts with the ID of its region, e.g. cn-hangzhou-h in cn-hangzhou). */
export const DOC_REGIONS_ZONES = 'https://www.alibabacloud.com/help/en/ecs/user-guide/regions-and-zones';
/** Kubernetes label syntax (keys, values). */
export const DOC_K8S_LABEL_SYNTAX = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set';
/** Kubernetes taints and tolerations (effects NoSchedule, PreferNoSchedule, NoExecute). */
export const DOC_K8S_TAINTS = 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/';
/** Terway's releases (version names such as v1.16.7). */
export const TERWAY_RELEASES = `${TERWAY_REPO}/releases`;
/** checkov's alicloud checks CKV_ALI_2 (port 22) and CKV_ALI_3 (port 3389) open to 0.0.0.0/0. */
export const CHECKOV_ALI_2_3 = 'checkov CKV_ALI_2 / CKV_ALI_3 (https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/alicloud/SecurityGroupUnrestrictedIngress22.py, …Ingress3389.py)';
/** "Manage pod capacity on nodes" (pods per node per Terway mode). */
export const DOC_POD_CAPACITY = 'https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/adjusting-the-number-of-node-pods';
/** The provider's documentation index (authentication: environment, profile, RAM role, RRSA). */
export const PROVIDER_AUTH_DOC = `https://registry.terraform.io/providers/aliyun/alicloud/${ALICLOUD_PROVIDER_VERSION}/docs#authentication`;
/** Kubernetes object names (DNS-1123). */
export const K8S_NAMES_DOC = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/';
/** Kubernetes labels and selectors (label key/value syntax, LabelSelector semantics). */
export const K8S_LABELS_DOC = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/';
/** CS API "CreateCluster" (request parameters such as pod_vswitch_ids and service_cidr). */
export const DOC_CREATE_CLUSTER_API = 'https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/developer-reference/api-cs-2015-12-15-createcluster';
