import { EipInstanceChargeType, EipInternetChargeType, EipIsp } from '../domain/eip-enums';
import { InputChecker } from '../domain/input';
import { EipOptionsModel } from '../domain/pod-eip';

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

/**
 * Checks the shape of one workload's EIP options (types only: documented value sets, ID forms
 * and durations are rules, TW-EIP-*) and returns the model the rules and the renderer use.
 */
export function eipOptionsModel(c: InputChecker, options: PodEipOptions, readinessGateByDefault: boolean): EipOptionsModel {
  c.object('options', options);
  const optional = { optional: true } as const;
  const nonEmpty = { optional: true, minLength: 1 } as const;
  return {
    existingEipId: c.string('existingEipId', options.existingEipId, nonEmpty),
    bandwidth: c.number('bandwidth', options.bandwidth, optional),
    internetChargeType: c.string('internetChargeType', options.internetChargeType, optional),
    instanceChargeType: c.string('instanceChargeType', options.instanceChargeType, optional),
    commonBandwidthPackageId: c.string('commonBandwidthPackageId', options.commonBandwidthPackageId, nonEmpty),
    isp: c.string('isp', options.isp, optional),
    publicIpAddressPoolId: c.string('publicIpAddressPoolId', options.publicIpAddressPoolId, nonEmpty),
    resourceGroupId: c.string('resourceGroupId', options.resourceGroupId, nonEmpty),
    name: c.string('name', options.name, nonEmpty),
    description: c.string('description', options.description, nonEmpty),
    securityProtectionTypes: c.stringArray('securityProtectionTypes', options.securityProtectionTypes, { optional: true, minLength: 1 },
      { minLength: 1, pattern: /^[^,]+$/, expected: 'a protection level without commas' }),
    tags: c.object('tags', options.tags, optional),
    releaseStrategy: c.string('releaseStrategy', options.releaseStrategy, nonEmpty),
    readinessGate: c.boolean('readinessGate', options.readinessGate, optional) ?? readinessGateByDefault,
  };
}
