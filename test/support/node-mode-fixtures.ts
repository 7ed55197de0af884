import { FixedVSwitchNodePoolProps, FixedVSwitchPoolInfo } from '../../src';

/** A fixed-vSwitch pool description as FixedVSwitchNodePool.schedulingInfo gives it (cluster side). */
export const FIXED_POOL: FixedVSwitchPoolInfo = {
  configName: 'eni-config-fixed',
  nodePoolName: 'fixed',
  zoneIds: ['cn-hangzhou-h'],
  vSwitchIds: { 'cn-hangzhou-h': ['vsw-bp1fixed0000001'] },
  securityGroupIds: ['sg-bp1fixed0000001'],
  taints: [{ key: 'terway-config', value: 'eni-config-fixed', effect: 'NoSchedule' }],
  allowlistCidrs: ['192.168.200.0/24'],
};

/** FixedVSwitchNodePool options without the cluster. */
export type FixedOptions = Omit<FixedVSwitchNodePoolProps, 'cluster'>;

/** A valid fixed-vSwitch node pool (cloud side) for the fixture cluster. */
export const FIXED: FixedOptions = {
  nodePoolName: 'fixed',
  instanceTypes: ['ecs.g7.xlarge'],
  configName: 'eni-config-fixed',
  desiredSize: 2,
  vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.200.0/24' }],
};
