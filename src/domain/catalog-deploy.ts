import { error, warning } from './catalog-helpers';

/** The Kubernetes provider's `kubernetes_manifest` page (it needs API access during planning). */
export const DOC_K8S_MANIFEST = 'https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest';
/** The upstream issue about planning manifests for a cluster created in the same apply. */
export const ISSUE_K8S_ALPHA_199 = 'https://github.com/hashicorp/terraform-provider-kubernetes-alpha/issues/199';
/** cdktf: several stacks in one app, cross-stack references and `cdktf deploy` order. */
export const DOC_CDKTF_STACKS = 'https://developer.hashicorp.com/terraform/cdktf/concepts/stacks';

/** Rules of the one-`cdktf deploy` layout (cluster stack first, cluster objects in a later stack). */
export const DEPLOY_RULES = {
  DEPLOY_SAME_STACK: error('TW-DEPLOY-001',
    'kubernetes_manifest resources and the Kubernetes/Helm provider that applies them must not be in the stack that creates their cluster or node pool: the provider reads the API server while planning, before anything of that stack exists',
    `${DOC_K8S_MANIFEST} ("requires API access during planning"); ${ISSUE_K8S_ALPHA_199}; ${DOC_CDKTF_STACKS}`),
  DEPLOY_PRIVATE_ENDPOINT: warning('TW-DEPLOY-002',
    'The cluster-objects stack reaches the API server through the cluster\'s kubeconfig; without a public endpoint the machine running cdktf deploy must be inside the VPC (or connected to it)',
    `${DOC_K8S_MANIFEST}; https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/data-sources/cs_cluster_credential (kube_config)`),
  DEPLOY_REMOTE_STATE_PATH: error('TW-DEPLOY-003',
    'A stack read through cross-stack references must keep its local state where the reading stack looks: a relative local backend path is resolved from each stack\'s own working directory (cdktf.out/stacks/<stack>)',
    'https://developer.hashicorp.com/terraform/cdktf/concepts/stacks (cross-stack references, terraform_remote_state); https://developer.hashicorp.com/terraform/language/backend/local (path is relative to the working directory)'),
  DEPLOY_PREEXISTING_OBJECT: error('TW-DEPLOY-004',
    'kubernetes_manifest creates its object; an object the cluster already has (kube-system/eni-config, written by ACK with the Terway add-on, and the namespaces Kubernetes creates) cannot be created again and must be updated another way or imported first',
    `${DOC_K8S_MANIFEST} (import); https://github.com/hashicorp/terraform-provider-kubernetes/issues/2003 ("Cannot create resource that already exists"); https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters (eni-config)`),
} as const;
