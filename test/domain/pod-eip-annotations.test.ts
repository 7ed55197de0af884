import { EipAnnotationPrefix, PodEipImplementation } from '../../src/domain/eip-enums';
import { eipAnnotations, EipOptionsModel } from '../../src/domain/pod-eip';
import { eipOptionsFromAnnotations } from '../../src/domain/pod-eip-annotations';

test('no EIP requested: undefined', () => {
  expect(eipOptionsFromAnnotations(undefined, 'w')).toBeUndefined();
  expect(eipOptionsFromAnnotations({ 'k8s.aliyun.com/pod-with-eip': 'false', 'k8s.aliyun.com/eip-bandwidth': '5' }, 'w')).toBeUndefined();
});

test.each([EipAnnotationPrefix.NETWORK_ALIBABACLOUD, EipAnnotationPrefix.K8S_ALIYUN])('reads back what eipAnnotations renders (%s)', (prefix) => {
  const options: EipOptionsModel = {
    bandwidth: 10,
    internetChargeType: 'PayByBandwidth',
    instanceChargeType: 'PostPaid',
    isp: 'BGP',
    commonBandwidthPackageId: 'cbwp-1',
    publicIpAddressPoolId: 'pippool-1',
    resourceGroupId: 'rg-1',
    name: 'n',
    description: 'd',
    securityProtectionTypes: ['AntiDDoS_Enhanced'],
    tags: { team: 'shop' },
    releaseStrategy: '10m',
    readinessGate: false,
  };
  const parsed = eipOptionsFromAnnotations(eipAnnotations(options, { implementation: PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER, prefix }), 'w')!;
  expect(parsed.prefix).toBe(prefix);
  expect(parsed.problems).toEqual([]);
  expect(parsed.options).toEqual({ ...options, existingEipId: undefined });
});

test('legacy charge-type key, existing EIP under the other prefix, unparseable values', () => {
  const parsed = eipOptionsFromAnnotations({
    'k8s.aliyun.com/pod-eip-instanceid': 'eip-1',
    'network.alibabacloud.com/eip-charge-type': 'PayByTraffic',
    'k8s.aliyun.com/eip-bandwidth': 'five',
    'k8s.aliyun.com/eip-tags': '[1]',
  }, 'Deployment a/b')!;
  expect(parsed.prefix).toBe(EipAnnotationPrefix.K8S_ALIYUN);
  expect(parsed.options).toMatchObject({ existingEipId: 'eip-1', internetChargeType: 'PayByTraffic', bandwidth: NaN, tags: undefined });
  expect(parsed.problems.map((f) => [f.rule.id, f.message])).toEqual([['TW-EIP-015', 'Deployment a/b: annotation eip-tags "[1]" is not a JSON object.']]);
});
