import { TerraformProvider } from 'cdktf';
import { BusinessPortProtocol } from '../domain/eip-enums';

/** Settings of the ack-extend-network-controller chart (the cluster ID and VPC come from the cluster). */
export interface EipControllerSettings {
  /** Chart version you install, e.g. `v0.12.2` (`version` of the helm_release; version gates). */
  readonly chartVersion: string;
  /** `regionID`: the cluster's region, e.g. `cn-hangzhou`. */
  readonly regionId: string;
  /** `networkController.eipController.maxConcurrentReconciles`. @default - the chart default */
  readonly maxConcurrentReconciles?: number;
  /** `networkController.eipController.garbageCollectionPeriodInMinutes`. @default - the chart default */
  readonly garbageCollectionPeriodInMinutes?: number;
  /** `networkController.customStatefulWorkloadKinds` (custom controllers only; built-in kinds are refused). @default [] */
  readonly customStatefulWorkloadKinds?: string[];
  /** `enableVirtualNode`. @default false */
  readonly enableVirtualNode?: boolean;
  /** `kubeClientQPS` (v0.12.2+). @default - the chart default */
  readonly kubeClientQps?: number;
  /** `kubeClientBurst` (v0.12.2+). @default - the chart default */
  readonly kubeClientBurst?: number;
  /** Further chart values (JSON only; keys of the typed settings are refused; `credential` is an error). @default {} */
  readonly additionalValues?: { [key: string]: any };
}

/** A port the pods serve on their EIP, opened on the node security group. */
export interface BusinessPort {
  /** Protocol (`ip_protocol`). */
  readonly protocol: BusinessPortProtocol;
  /** Port or range, `7777` or `7000/7100` (`port_range`). */
  readonly portRange: string;
  /** Clients allowed (`cidr_ip`), e.g. `0.0.0.0/0` for everyone. */
  readonly sourceCidrIp: string;
  /** Rule description (`description`). @default - generated */
  readonly description?: string;
}

/** The RAM role ack-extend-network-controller assumes with RRSA (chart v0.10.0 or later). */
export interface EipControllerRrsaOptions {
  /** Name of the RAM role (`rrsaRoleName` in the chart values; `role_name`). */
  readonly roleName: string;
  /**
   * Create the role with a trust policy on the cluster's OIDC provider. With false, the role
   * must exist (its trust policy is yours to manage); the EIP policy is attached to it.
   * @default true
   */
  readonly createRole?: boolean;
  /**
   * ARN of the cluster's RAM OIDC provider, `acs:ram::<account ID>:oidc-provider/ack-rrsa-<cluster ID>`.
   * @default - from the TerwayCluster's `rrsa_metadata`, or built from `accountId` and the cluster ID
   */
  readonly oidcProviderArn?: string;
  /** Alibaba Cloud account ID, used to build `oidcProviderArn`. @default - not needed with a TerwayCluster or oidcProviderArn */
  readonly accountId?: string;
  /**
   * The cluster's OIDC issuer URL (`oidc:iss`; cluster details, Basic Information).
   * @default - from the TerwayCluster's `rrsa_metadata`; required otherwise when the role is created
   */
  readonly oidcIssuerUrl?: string;
  /** Namespace of the controller's service account (`oidc:sub`). @default kube-system */
  readonly serviceAccountNamespace?: string;
  /**
   * Name of the controller's service account (`oidc:sub`); check it with
   * `kubectl get sa -n kube-system` after installing the chart.
   * @default ack-extend-network-controller
   */
  readonly serviceAccountName?: string;
  /**
   * Install the ack-pod-identity-webhook add-on (`alicloud_cs_kubernetes_addon`), the only RRSA
   * injection the controller supports. With false, the add-on must already run in the cluster.
   * Skipped when the TerwayCluster lists it (enabled) in `additionalAddons`.
   * @default true
   * @see https://www.alibabacloud.com/help/en/ack/product-overview/ack-pod-identity-webhook
   */
  readonly installPodIdentityWebhook?: boolean;
  /**
   * Confirms that `kube-system` carries the label `pod-identity.alibabacloud.com/injection: "on"`
   * (`kubectl label namespace kube-system pod-identity.alibabacloud.com/injection=on`, or from your
   * GitOps repository); without it the webhook injects nothing and the controller has no credentials.
   * Terraform cannot label a namespace without a Kubernetes provider, so you confirm it here.
   * @default false - error TW-EIP-025 until confirmed
   * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1
   */
  readonly kubeSystemInjectionLabel?: boolean;
}

/**
 * Opt-in `helm_release` for users who mirror the ack-extend-network-controller chart (it is
 * installed from the ACK App Marketplace and is not in a public Helm repository).
 * Needs the optional peer dependency `@cdktf/provider-helm` and a configured `HelmProvider`.
 */
export interface EipControllerHelmReleaseOptions {
  /** Helm repository URL of your mirror of the chart (`repository`), e.g. an ACR Helm repository. */
  readonly repository: string;
  /** Namespace to install into (`namespace`); ACK installs it in kube-system. */
  readonly namespace: string;
  /** Chart name in the mirror (`chart`). @default ack-extend-network-controller */
  readonly chart?: string;
  /** Release name (`name`). @default ack-extend-network-controller */
  readonly releaseName?: string;
  /** The Helm provider to use (`provider`). @default - the stack's default helm provider */
  readonly provider?: TerraformProvider;
}
