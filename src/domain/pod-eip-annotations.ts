import { RULES } from './catalog';
import { EipAnnotationPrefix } from './eip-enums';
import { violation } from './finding';
import { EipOptionsModel } from './pod-eip';
import { Finding } from './rules';

/** EIP options read back from pod-template annotations (the inverse of `eipAnnotations`). */
export interface EipAnnotationOptions {
  readonly options: EipOptionsModel;
  /** The prefix the EIP is requested with (`network.alibabacloud.com/` wins when both are given). */
  readonly prefix: EipAnnotationPrefix;
  /** Annotation values that cannot become options (tags that are not a JSON object). */
  readonly problems: ReadonlyArray<Finding>;
}

const PREFIXES: ReadonlyArray<EipAnnotationPrefix> = [EipAnnotationPrefix.NETWORK_ALIBABACLOUD, EipAnnotationPrefix.K8S_ALIYUN];

/**
 * The EIP options of a pod template's annotations, under either prefix; undefined when the pods
 * request no EIP (neither `pod-with-eip: "true"` nor `pod-eip-instanceid`). Values are taken as
 * written: the EIP rules (`checkEipWorkload`) judge them. `where` names the workload in messages.
 */
export function eipOptionsFromAnnotations(
  annotations: Readonly<Record<string, unknown>> | undefined,
  where: string,
): EipAnnotationOptions | undefined {
  const a = annotations ?? {};
  const requests = (p: string) => a[`${p}pod-with-eip`] === 'true' || typeof a[`${p}pod-eip-instanceid`] === 'string';
  const prefix = PREFIXES.find(requests);
  if (prefix === undefined) return undefined;
  const get = (...suffixes: string[]): string | undefined => {
    for (const p of [prefix, ...PREFIXES.filter((x) => x !== prefix)]) {
      for (const s of suffixes) if (typeof a[`${p}${s}`] === 'string') return a[`${p}${s}`] as string;
    }
    return undefined;
  };
  const problems: Finding[] = [];
  const bandwidth = get('eip-bandwidth');
  const tagsText = get('eip-tags');
  let tags: Record<string, unknown> | undefined;
  if (tagsText !== undefined) {
    try {
      const parsed = JSON.parse(tagsText);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) tags = parsed;
    } catch {
      // reported below
    }
    if (tags === undefined) {
      problems.push(violation(RULES.EIP_TAGS, `${where}: annotation eip-tags ${JSON.stringify(tagsText)} is not a JSON object.`,
        'Give the tags as a JSON object of string pairs, e.g. {"team":"shop"}.'));
    }
  }
  const protection = get('eip-security-protection-types');
  return {
    prefix,
    problems,
    options: {
      existingEipId: get('pod-eip-instanceid'),
      bandwidth: bandwidth === undefined ? undefined : bandwidth.trim() === '' ? NaN : Number(bandwidth),
      internetChargeType: get('eip-internet-charge-type', 'eip-charge-type'),
      instanceChargeType: get('eip-instance-charge-type'),
      commonBandwidthPackageId: get('eip-common-bandwidth-package-id'),
      isp: get('eip-isp'),
      publicIpAddressPoolId: get('eip-public-ip-address-pool-id'),
      resourceGroupId: get('eip-resource-group-id'),
      name: get('eip-name'),
      description: get('eip-description'),
      securityProtectionTypes: protection === undefined ? undefined : protection.split(','),
      tags,
      releaseStrategy: get('pod-eip-release-strategy'),
      readinessGate: false,
    },
  };
}
