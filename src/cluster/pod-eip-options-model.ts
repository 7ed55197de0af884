import { PodEipOptions } from './pod-eip-options';
import { InputChecker } from '../domain/input';
import { EipOptionsModel } from '../domain/pod-eip';

/**
 * Checks the shape of one workload's EIP options (types only: documented value sets, ID forms
 * and durations are rules, TW-EIP-*) and returns the model the rules and the renderer use.
 */
export function eipOptionsModel(c: InputChecker, options: PodEipOptions, readinessGateByDefault: boolean): EipOptionsModel {
  c.object('options', options, { struct: 'PodEipOptions' });
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
