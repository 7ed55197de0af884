import { EipInstanceChargeType, EipInternetChargeType, EipIsp } from '../domain/eip-enums';

/** EIP options of one workload; they become pod-template annotations. */
export interface PodEipOptions {
  /**
   * Bind this existing EIP (`pod-eip-instanceid`) instead of allocating one. Only for a
   * single-replica StatefulSet or a bare pod; the EIP's configuration is not changed and it is
   * never released by the controller.
   * @default - an EIP is allocated automatically (`pod-with-eip: "true"`)
   */
  readonly existingEipId?: string;
  /** Peak bandwidth in Mbit/s (`eip-bandwidth`), a positive whole number. @default - 5 Mbit/s */
  readonly bandwidth?: number;
  /** Metering method (`eip-internet-charge-type`). @default EipInternetChargeType.PAY_BY_TRAFFIC */
  readonly internetChargeType?: EipInternetChargeType;
  /** Billing method (`eip-instance-charge-type`; ack-extend-network-controller only). @default - PostPaid */
  readonly instanceChargeType?: EipInstanceChargeType;
  /** Internet Shared Bandwidth instance to add the EIP to (`eip-common-bandwidth-package-id`, `cbwp-…`). @default - none */
  readonly commonBandwidthPackageId?: string;
  /** Line type (`eip-isp`). @default EipIsp.BGP */
  readonly isp?: EipIsp;
  /** EIP address pool (`eip-public-ip-address-pool-id`, `pippool-…`). @default - none */
  readonly publicIpAddressPoolId?: string;
  /** Resource group of the EIP (`eip-resource-group-id`, `rg-…`; ack-extend-network-controller only). @default - the default group */
  readonly resourceGroupId?: string;
  /** EIP name (`eip-name`; ack-extend-network-controller only). @default - none */
  readonly name?: string;
  /** EIP description (`eip-description`; ack-extend-network-controller only). @default - none */
  readonly description?: string;
  /** Security protection levels (`eip-security-protection-types`, joined with commas; ack-extend-network-controller only). @default - none */
  readonly securityProtectionTypes?: string[];
  /** EIP tags (`eip-tags`, rendered as a JSON object; ack-extend-network-controller only). @default - none */
  readonly tags?: { [key: string]: string };
  /**
   * `pod-eip-release-strategy`: `Follow` (release with the pod), `Never` (keep the PodEIP until
   * deleted), or a Go duration such as `10m` (keep it that long; a pod with the same name reuses
   * it). Anything but Follow is a fixed EIP: stateful workloads and ack-extend-network-controller only.
   * @default - Follow
   */
  readonly releaseStrategy?: string;
  /**
   * Add the `k8s.aliyun.com/eip` readiness gate, so pods are not Ready before their EIP is
   * attached (ack-extend-network-controller only).
   * @default - true with ack-extend-network-controller, false with legacy Terway
   */
  readonly readinessGate?: boolean;
}
