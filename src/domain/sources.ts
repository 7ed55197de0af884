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
