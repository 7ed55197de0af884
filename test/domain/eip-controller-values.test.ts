import { parse } from 'yaml';
import { EipControllerValues, EipControllerValuesProps } from '../../src';

const BASE: EipControllerValuesProps = { chartVersion: 'v0.12.2', clusterId: 'c11ba338192', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1rkq0z' };

describe('EipControllerValues', () => {
  test('renders the documented keys, the VPC under both documented places, custom kinds once beside eipController, sorted and byte-stable', () => {
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
      'enableControllers:',
      '  - eip',
      'enableRRSA: true',
      'enableVirtualNode: false',
      'kubeClientBurst: 40',
      'kubeClientQPS: 20.5',
      'networkController:',
      '  customStatefulWorkloadKinds:',
      '    - GameServerSet',
      '  eipController:',
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

  test('additional values merge with the typed ones; AccessKeys are refused and never rendered', () => {
    const merged = new EipControllerValues({ ...BASE, additionalValues: { image: { tag: 'x' }, networkController: { extra: 1 } } });
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

  // The documented parameter table and sample configuration of "Associate an exclusive EIP with a pod"
  // (https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1):
  // clusterID, regionID, enableControllers, networkController.vpcid,
  // networkController.eipController.{maxConcurrentReconciles, garbageCollectionPeriodInMinutes},
  // enableVirtualNode, enableRRSA, rrsaRoleName, kubeClientQPS, kubeClientBurst; the sample adds top-level vpcID
  // and puts customStatefulWorkloadKinds under networkController, beside eipController.
  const DOCUMENTED_PATHS = [
    'clusterID', 'regionID', 'vpcID', 'enableControllers', 'networkController.vpcid', 'networkController.customStatefulWorkloadKinds',
    'networkController.eipController.maxConcurrentReconciles', 'networkController.eipController.garbageCollectionPeriodInMinutes',
    'enableVirtualNode', 'enableRRSA', 'rrsaRoleName', 'kubeClientQPS', 'kubeClientBurst',
  ];
  const leafPaths = (v: unknown, prefix = ''): string[] => (typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix === '' ? k : `${prefix}.${k}`)) : [prefix]);

  test('every rendered key is one the chart documents, and customStatefulWorkloadKinds appears exactly once', () => {
    const values = new EipControllerValues({
      ...BASE,
      maxConcurrentReconciles: 3,
      garbageCollectionPeriodInMinutes: 5,
      customStatefulWorkloadKinds: ['GameServerSet'],
      enableVirtualNode: true,
      enableRrsa: true,
      rrsaRoleName: 'r',
      kubeClientQps: 5,
      kubeClientBurst: 10,
    });
    const paths = leafPaths(parse(values.toYaml()));
    expect(paths.filter((p) => !DOCUMENTED_PATHS.includes(p))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('customStatefulWorkloadKinds'))).toEqual(['networkController.customStatefulWorkloadKinds']);
  });

  test('numbers are bounded: no 1e+21 or beyond-float32 values reach the values file', () => {
    for (const key of ['maxConcurrentReconciles', 'garbageCollectionPeriodInMinutes', 'kubeClientBurst'] as const) {
      expect(() => new EipControllerValues({ ...BASE, [key]: 1e21 })).toThrow(new RegExp(`${key} must be at most 2147483647`));
      expect(() => new EipControllerValues({ ...BASE, [key]: 2 ** 53 })).toThrow(/at most 2147483647/);
      expect(new EipControllerValues({ ...BASE, [key]: 2147483647 }).toYaml()).toContain(': 2147483647');
    }
    expect(() => new EipControllerValues({ ...BASE, kubeClientQps: 1e39 })).toThrow(/kubeClientQps must be at most 3.4028234663852886e\+38/);
    expect(() => new EipControllerValues({ ...BASE, kubeClientQps: Infinity })).toThrow(/kubeClientQps must be a finite number/);
  });

  test('additionalValues cannot bypass the typed rules; cycles, functions and BigInt are clear errors', () => {
    expect(() => new EipControllerValues({ ...BASE, chartVersion: 'v0.3.0', additionalValues: { enableRRSA: true } }))
      .toThrow(/additionalValues.enableRRSA is set by a typed property/);
    expect(() => new EipControllerValues({ ...BASE, additionalValues: { kubeClientQPS: '5' } })).toThrow(/additionalValues.kubeClientQPS is set by a typed property/);
    expect(() => new EipControllerValues({ ...BASE, additionalValues: { networkController: { eipController: { maxConcurrentReconciles: 1e21 } } } }))
      .toThrow(/additionalValues.networkController.eipController.maxConcurrentReconciles/);
    expect(() => new EipControllerValues({ ...BASE, additionalValues: { customStatefulWorkloadKinds: ['Deployment'] } })).toThrow(/typed property/);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => new EipControllerValues({ ...BASE, additionalValues: { image: cyclic } })).toThrow(/additionalValues\["image"\]\["self"\] refers back to an enclosing object \(a cycle\)/);
    expect(() => new EipControllerValues({ ...BASE, additionalValues: { hook: () => 1 } })).toThrow(/additionalValues\["hook"\] must be a JSON value .* a function/);
    expect(() => new EipControllerValues({ ...BASE, additionalValues: { n: BigInt(1) } })).toThrow(/must be a JSON value/);
    expect(() => new EipControllerValues({ ...BASE, additionalValues: JSON.parse('{"__proto__": {"x": 1}}') })).toThrow(/"__proto__"/);
  });

  test('a built-in kind in customStatefulWorkloadKinds is refused (it would switch off the fixed-EIP rule)', () => {
    expect(() => new EipControllerValues({ ...BASE, customStatefulWorkloadKinds: ['Deployment'] }))
      .toThrow(/customStatefulWorkloadKinds\[0\] is "Deployment", a built-in controller whose pods get new names/);
    expect(() => new EipControllerValues({ ...BASE, customStatefulWorkloadKinds: ['GameServerSet', 'GameServerSet'] })).toThrow(/repeats "GameServerSet"/);
  });
});
