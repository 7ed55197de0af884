import { parse } from 'yaml';
import { EipControllerValues, EipControllerValuesProps } from '../../src';

const BASE: EipControllerValuesProps = { chartVersion: 'v0.12.2', clusterId: 'c11ba338192', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1rkq0z' };

describe('EipControllerValues', () => {
  test('renders the documented keys, the VPC under both documented places, sorted and byte-stable', () => {
    const values = new EipControllerValues({
      ...BASE,
      maxConcurrentReconciles: 1,
      garbageCollectionPeriodInMinutes: 1,
      customStatefulWorkloadKinds: ['GameServerSet'],
      enableVirtualNode: false,
      enableRrsa: true,
      rrsaRoleName: 'eip-controller',
      kubeClientQps: 20.5,
      kubeClientBurst: 40,
    });
    expect(values.toYaml()).toBe([
      'clusterID: c11ba338192',
      'customStatefulWorkloadKinds:',
      '  - GameServerSet',
      'enableControllers:',
      '  - eip',
      'enableRRSA: true',
      'enableVirtualNode: false',
      'kubeClientBurst: 40',
      'kubeClientQPS: 20.5',
      'networkController:',
      '  eipController:',
      '    customStatefulWorkloadKinds:',
      '      - GameServerSet',
      '    garbageCollectionPeriodInMinutes: 1',
      '    maxConcurrentReconciles: 1',
      '  vpcid: vpc-bp1rkq0z',
      'regionID: cn-hangzhou',
      'rrsaRoleName: eip-controller',
      'vpcID: vpc-bp1rkq0z',
      '',
    ].join('\n'));
    expect(parse(values.toYaml())).toEqual(values.values);
  });

  test('additional values merge under the typed ones; AccessKeys are refused and never rendered', () => {
    const merged = new EipControllerValues({ ...BASE, additionalValues: { image: { tag: 'x' }, networkController: { vpcid: 'other', extra: 1 } } });
    expect(merged.values.networkController).toEqual({ extra: 1, vpcid: 'vpc-bp1rkq0z' });
    const secret = new EipControllerValues({ ...BASE, additionalValues: { nested: { accessKeySecret: 's' }, credential: { accessKey: 'LTAI' } } });
    expect(secret.findings().map((f) => f.rule.id)).toEqual(['TW-EIP-019']);
    expect(() => secret.toYaml()).toThrow(/\[TW-EIP-019\] additionalValues set nested.accessKeySecret, credential/);
    expect(secret._renderYaml()).not.toMatch(/LTAI|credential|accessKey/);
  });

  test('version gates and input shapes', () => {
    expect(new EipControllerValues({ ...BASE, chartVersion: 'v0.9.9', enableRrsa: true, rrsaRoleName: 'r' }).findings().map((f) => f.message))
      .toEqual(['enableRRSA, rrsaRoleName need ack-extend-network-controller v0.10.0 or later; chartVersion is v0.9.9.']);
    expect(new EipControllerValues({ ...BASE, chartVersion: 'latest' }).findings()[0].rule.id).toBe('TW-EIP-018');
    expect(() => new EipControllerValues({ ...BASE, enableRrsa: true })).toThrow(/rrsaRoleName is required when enableRrsa is true/);
    expect(() => new EipControllerValues({ ...BASE, rrsaRoleName: 'r' })).toThrow(/rrsaRoleName is set but enableRrsa is not true/);
    expect(() => new EipControllerValues({ ...BASE, kubeClientBurst: 1.5 })).toThrow(/kubeClientBurst must be a whole number/);
    expect(() => new EipControllerValues({ ...BASE, vpcId: 'vsw-1' })).toThrow(/vpcId must be a VPC ID/);
    expect(() => new EipControllerValues({ ...BASE, enableVirtualNode: 'true' as any })).toThrow(/enableVirtualNode must be true or false/);
  });
});
