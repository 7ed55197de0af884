import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import {
  ExclusiveEniPlane, ExclusiveEniPoolInfo, ExclusiveEniScheduling, FixedVSwitchConfig, PodNetworkingPlane,
  TerwayClusterOutputs,
} from '../../src';
import { validateManifests } from '../support/k8s-schemas';
import { FIXED_POOL } from '../support/node-mode-fixtures';
import { chart, CLUSTER, deployment, findings, planeProps, rawPod, synthErrors } from '../support/plane-fixtures';

const POOL: ExclusiveEniPoolInfo = {
  nodePoolName: 'excl',
  nodeLabels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' },
  taints: [{ key: 'k8s.aliyun.com/exclusive-mode-eni-type', value: 'eniOnly', effect: 'NoSchedule' }],
  podsPerNode: { 'ecs.g7.4xlarge': 7 },
};

function networkPolicy(c: Chart, id: string, podSelector: Record<string, string>, namespace = 'default'): ApiObject {
  return new ApiObject(c, id, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: id.toLowerCase(), namespace },
    spec: { podSelector: { matchLabels: podSelector }, policyTypes: ['Ingress'] },
  });
}

const ids = (c: Chart) => findings(c).map((f) => f.ruleId);

describe('ExclusiveEniScheduling', () => {
  test('cdk8s-plus Deployment: required node affinity and toleration; valid Kubernetes', () => {
    const c = chart();
    const d = deployment(c, 'Fast', { app: 'fast' });
    ExclusiveEniScheduling.addWorkload(d, POOL);
    const [json] = Testing.synth(c);
    const spec = json.spec.template.spec;
    expect(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: 'k8s.aliyun.com/exclusive-mode-eni-type', operator: 'In', values: ['eniOnly'] }] },
    ]);
    expect(spec.tolerations).toEqual([{ key: 'k8s.aliyun.com/exclusive-mode-eni-type', operator: 'Equal', value: 'eniOnly', effect: 'NoSchedule' }]);
    expect(validateManifests(Testing.synth(c))).toEqual([]);
    expect(ids(c)).toEqual([]);
  });

  test('raw Pod: the same through JSON patches', () => {
    const c = chart();
    const pod = rawPod(c, 'Raw', { app: 'raw' });
    ExclusiveEniScheduling.addWorkload(pod, POOL);
    const [json] = Testing.synth(c);
    expect(json.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values).toEqual(['eniOnly']);
    expect(json.spec.tolerations).toHaveLength(1);
    expect(validateManifests(Testing.synth(c))).toEqual([]);
  });

  test('TW-EXCL-005: a NetworkPolicy selecting pods scheduled onto exclusive ENIs', () => {
    const c = chart();
    ExclusiveEniScheduling.addWorkload(deployment(c, 'Fast', { app: 'fast' }), POOL);
    networkPolicy(c, 'DenyAll', {});
    expect(ids(c)).toEqual(['TW-EXCL-005']);
    expect(synthErrors(c)).toMatch(/NetworkPolicy default\/denyall selects the pods of Deployment default\/fast/);
  });

  test('poolOf picks the pool from a cluster description', () => {
    expect(ExclusiveEniScheduling.poolOf({ exclusiveEniNodePools: [POOL] })).toBe(POOL);
    expect(() => ExclusiveEniScheduling.poolOf({ exclusiveEniNodePools: [POOL] }, 'other')).toThrow(/matches no exclusive ENI node pool; pools: excl/);
    expect(() => ExclusiveEniScheduling.addWorkload(deployment(chart(), 'X'), { ...POOL, nodeLabels: {} })).toThrow(/must contain k8s.aliyun.com\/exclusive-mode-eni-type: eniOnly/);
  });
});

describe('ExclusiveEniPlane (PodNetworking with eniType ENI)', () => {
  test('renders eniType ENI; added workloads get the plane label and the toleration', () => {
    const c = chart();
    const plane = new ExclusiveEniPlane(c, 'Plane', { ...planeProps({ name: 'enionly', podSelector: { matchLabels: { network: 'enionly' } } }), pool: POOL });
    const d = deployment(c, 'Db', {});
    plane.addWorkload(d);
    const objs = Testing.synth(c);
    expect(objs[0].spec.eniOptions).toEqual({ eniType: 'ENI' });
    expect(objs[1].spec.template.metadata.labels.network).toBe('enionly');
    expect(objs[1].spec.template.spec.tolerations).toHaveLength(1);
    expect(validateManifests(objs)).toEqual([]);
  });

  test('TW-EXCL-005: a NetworkPolicy selecting the pods of an eniType ENI plane (also a plain PodNetworkingPlane)', () => {
    const c = chart();
    const plane = new PodNetworkingPlane(c, 'Plane', planeProps({ eniType: 'ENI' as any, name: 'enionly', podSelector: { matchLabels: { network: 'enionly' } } }));
    plane.addWorkload(deployment(c, 'Db'));
    networkPolicy(c, 'Np', { network: 'enionly' });
    const hits = findings(c).filter((f) => f.ruleId === 'TW-EXCL-005');
    expect(hits).toHaveLength(1);
    expect(hits[0].text).toMatch(/plane enionly \(eniType ENI\) selects them/);
  });

  test('TW-EXCL-009: a workload the ENI plane selects must tolerate an exclusive pool\'s taints', () => {
    const c = chart();
    const plane = new PodNetworkingPlane(c, 'Plane', planeProps({
      eniType: 'ENI' as any, name: 'enionly', podSelector: { matchLabels: { network: 'enionly' } }, cluster: { ...CLUSTER, exclusiveEniNodePools: [POOL] },
    }));
    plane.addWorkload(deployment(c, 'Db'));
    const hit = findings(c).find((f) => f.ruleId === 'TW-EXCL-009');
    expect(hit?.text).toMatch(/tolerates the taints of no exclusive ENI node pool \(excl\)/);
    const ok = chart();
    new ExclusiveEniPlane(ok, 'Plane', { ...planeProps({ name: 'enionly', podSelector: { matchLabels: { network: 'enionly' } }, cluster: { ...CLUSTER, exclusiveEniNodePools: [POOL] } }), pool: POOL })
      .addWorkload(deployment(ok, 'Db'));
    expect(findings(ok).map((f) => f.ruleId)).not.toContain('TW-EXCL-009');
  });

  test('eniType other than ENI is refused', () => {
    expect(() => new ExclusiveEniPlane(chart(), 'P', planeProps({ eniType: 'Trunk' as any }))).toThrow(/eniType must be one of "ENI"/);
  });
});

describe('FixedVSwitchConfig', () => {
  test('the ConfigMap and a workload with node selector and toleration (the FAQ recipe); valid Kubernetes', () => {
    const c = chart();
    const cfg = new FixedVSwitchConfig(c, 'Fixed', { name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { max_pool_size: 10 } });
    cfg.addWorkload(deployment(c, 'Nginx', { app: 'nginx-fixed' }));
    cfg.addWorkload(rawPod(c, 'Raw', { app: 'raw' }));
    const objs = Testing.synth(c);
    expect(objs[0].metadata).toEqual({ name: 'eni-config-fixed', namespace: 'kube-system' });
    expect(JSON.parse(objs[0].data.eni_conf)).toEqual({
      max_pool_size: 10, security_group: null, security_groups: ['sg-bp1fixed0000001'], vswitches: { 'cn-hangzhou-h': ['vsw-bp1fixed0000001'] },
    });
    expect(objs[2].spec.nodeSelector).toEqual({ 'terway-config': 'eni-config-fixed' });
    expect(objs[2].spec.tolerations).toEqual([{ key: 'terway-config', operator: 'Equal', value: 'eni-config-fixed', effect: 'NoSchedule' }]);
    expect(validateManifests(objs)).toEqual([]);
    expect(ids(c)).toEqual([]);
  });

  const cases: Array<[string, (c: Chart) => void, RegExp]> = [
    ['TW-FIXED-001', (c) => new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: { ...FIXED_POOL, zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i'] } }), /no vSwitch for cn-hangzhou-i/],
    ['TW-FIXED-003', (c) => new FixedVSwitchConfig(c, 'F', { name: 'ENI_Fixed', vSwitchIds: { 'cn-hangzhou-h': ['vsw-bp1a'] } }), /Per-node ConfigMap name/],
    ['TW-FIXED-004', (c) => new FixedVSwitchConfig(c, 'F', { name: 'other', pool: FIXED_POOL }), /labelled terway-config: eni-config-fixed, not other/],
    ['TW-FIXED-004', (c) => new FixedVSwitchConfig(c, 'F', { name: 'other', vSwitchIds: { 'cn-hangzhou-h': ['vsw-bp1a'] }, cluster: { ...CLUSTER, fixedVSwitchNodePools: [FIXED_POOL] } }), /No node pool of the cluster is labelled terway-config: other/],
    ['TW-FIXED-005', (c) => {
      new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: FIXED_POOL });
      const d = deployment(c, 'Bad');
      d.scheduling.attract(kplus.Node.labeled(kplus.NodeLabelQuery.is('terway-config', 'eni-config-fixed')));
    }, /does not tolerate terway-config=eni-config-fixed:NoSchedule/],
    ['TW-FIXED-005', (c) => {
      new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: FIXED_POOL });
      const d = deployment(c, 'Loose');
      d.scheduling.tolerate(kplus.Node.tainted(kplus.NodeTaintQuery.is('terway-config', 'eni-config-fixed')));
    }, /tolerates the taint of fixed-vSwitch configuration eni-config-fixed but does not select its nodes/],
    ['TW-FIXED-006', (c) => {
      const cfg = new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: FIXED_POOL });
      const plane = new PodNetworkingPlane(c, 'Plane', planeProps());
      const d = deployment(c, 'Both');
      cfg.addWorkload(d);
      plane.addWorkload(d);
    }, /plane web selects its pods; the plane wins/],
    ['TW-FIXED-008', (c) => new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { ip_stack: 'dual' } }), /"ip_stack": the IP family is cluster-wide/],
    ['TW-FIXED-008', (c) => new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { max_pool: 5 } }), /"max_pool", which is not a key/],
    ['TW-ENICONF-007', (c) => new FixedVSwitchConfig(c, 'F', { name: 'eni-config-fixed', pool: FIXED_POOL, eniConfOverrides: { max_pool_size: '5' } }), /max_pool_size is the string "5"/],
  ];
  test.each(cases)('%s', (id, build, message) => {
    const c = chart();
    build(c);
    const hit = findings(c).find((f) => f.ruleId === id);
    expect(hit).toBeDefined();
    expect(hit!.text).toMatch(message);
  });

  test('vSwitchIds are required without a pool', () => {
    expect(() => new FixedVSwitchConfig(chart(), 'F', { name: 'x' })).toThrow(/vSwitchIds is required when no pool is given/);
  });
});

describe('TerwayClusterOutputs: pools for the GitOps path', () => {
  test('reads both pool outputs into clusterInfo', () => {
    const outputs = TerwayClusterOutputs.fromJson(JSON.stringify({
      cluster_id: { value: 'c0123456789abcdef0123456789abcdef' },
      zone_ids: { value: ['cn-hangzhou-h'] },
      node_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1node0000000000'] } },
      pod_vswitch_ids: { value: { 'cn-hangzhou-h': ['vsw-bp1pod00000000000'] } },
      exclusive_eni_node_pools: { value: [POOL] },
      fixed_vswitch_node_pools: { value: [FIXED_POOL] },
    }));
    expect(outputs.clusterInfo.exclusiveEniNodePools).toEqual([POOL]);
    expect(outputs.clusterInfo.fixedVSwitchNodePools).toEqual([FIXED_POOL]);
    const bad = TerwayClusterOutputs.fromJson(JSON.stringify({ exclusive_eni_node_pools: { value: [{ ...POOL, taints: [{ key: 'k', effect: 'Never' }] }] } }));
    expect(() => bad.exclusiveEniNodePools).toThrow(/taints\[0\].effect must be one of/);
  });
});
