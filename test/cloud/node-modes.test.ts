// A CommonJS require: jest can spy on the core module object, not on an ES namespace import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import childProcess = require('child_process');
import { provider as k8s } from '@cdktf/provider-kubernetes';
import { App as Cdk8sApp, Chart } from 'cdk8s';
import { Testing } from 'cdktf';
import {
  Acknowledgements, ClusterObjectsStack, EniCapacity, ExclusiveEniNodePool, ExclusiveEniNodePoolProps, FixedVSwitchConfig, FixedVSwitchNodePool,
  IpStack, KubernetesManifests, NetworkAcceleration, NodeNetworkMode, TerwayClusterProps, TerwayNodePool,
  ValidationReport,
} from '../../src';
import { clusterStack, SHARED_STATE_PATH, synthError, validProps } from '../support/cluster-fixtures';
import { FIXED, FixedOptions } from '../support/node-mode-fixtures';
import { conformanceErrors } from '../support/terraform-schema';

const LINGJUN = { clusterId: 'i-lingjun-cluster-1', groupId: 'i-lingjun-group-1' };

type ExclOptions = Omit<ExclusiveEniNodePoolProps, 'cluster'>;

const EXCL: ExclOptions = { nodePoolName: 'excl', instanceTypes: ['ecs.g7.4xlarge'], autoScaling: { minSize: 1, maxSize: 5 } };

function exclusive(options: Partial<ExclOptions> = {}, cluster: Partial<TerwayClusterProps> = {}) {
  const s = clusterStack(validProps(cluster));
  const pool = new ExclusiveEniNodePool(s.stack, 'Excl', { cluster: s.cluster, ...EXCL, ...options });
  return { ...s, pool };
}

function fixed(options: Partial<FixedOptions> = {}, cluster: Partial<TerwayClusterProps> = {}) {
  const s = clusterStack(validProps(cluster));
  const pool = new FixedVSwitchNodePool(s.stack, 'Fixed', { cluster: s.cluster, ...FIXED, ...options });
  Acknowledgements.of(pool).add('TW-FIXED-009', 'GitOps: the ConfigMap is applied first');
  return { ...s, pool };
}

function ids(scope: Parameters<typeof ValidationReport.of>[0]) {
  const r = ValidationReport.of(scope);
  return { errors: r.errors.map((f) => f.ruleId), warnings: r.warnings.map((f) => f.ruleId), report: r };
}

describe('ExclusiveEniNodePool output', () => {
  test('label, default taint, auto scaling, mode resource and plan-time checks; conforms to the pinned schema', () => {
    const { stack, pool } = exclusive();
    expect(synthError(stack)).toBeUndefined();
    const tf = JSON.parse(Testing.synth(stack));
    expect(conformanceErrors(tf)).toEqual([]);
    const np = tf.resource.alicloud_cs_kubernetes_node_pool.Excl_NodePool_13394B9C;
    expect(np.labels).toEqual([{ key: 'k8s.aliyun.com/exclusive-mode-eni-type', value: 'eniOnly' }]);
    expect(np.taints).toEqual([{ key: 'k8s.aliyun.com/exclusive-mode-eni-type', value: 'eniOnly', effect: 'NoSchedule' }]);
    expect(np.scaling_config).toEqual({ enable: true, min_size: 1, max_size: 5 });
    expect(np.desired_size).toBeUndefined();
    expect(np.lifecycle.replace_triggered_by).toEqual(['terraform_data.Excl_NetworkMode_03B5D8B6']);
    expect(tf.resource.terraform_data.Excl_NetworkMode_03B5D8B6.triggers_replace).toEqual({ 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly', 'mode': 'exclusive' });
    expect(tf.data.alicloud_instance_types.Excl_InstanceType1_9C4CC98C).toEqual({ instance_type: 'ecs.g7.4xlarge', instance_type_family: 'ecs.g7' });
    const conditions = np.lifecycle.precondition.map((p: any) => p.condition);
    expect(conditions).toContain('${alltrue([for t in data.alicloud_instance_types.Excl_InstanceType1_9C4CC98C.instance_types : t.eni_quantity >= 7 if t.id == "ecs.g7.4xlarge"])}');
    expect(np.lifecycle.precondition[1].error_message).toContain('[TW-EXCL-001] Instance type ecs.g7.4xlarge has ${try([for t in data.alicloud_instance_types.Excl_InstanceType1_9C4CC98C.instance_types : t.eni_quantity if t.id == "ecs.g7.4xlarge"][0], "?")} ENIs');
    expect(pool.schedulingInfo.podsPerNode).toEqual({ 'ecs.g7.4xlarge': 7 });
    expect(tf.output.exclusive_eni_node_pools.value[0].nodePoolName).toBe('excl');
  });

  test('synth with validations runs no child process (works with no terraform binary on the PATH)', () => {
    // cdktf's DataResource runs `terraform version` at validation, once per instance: synth then
    // fails on OpenTofu-only and synth-only machines. The mode record must not spawn anything.
    const { stack, cluster } = exclusive();
    new TerwayNodePool(stack, 'Shared', { cluster, nodePoolName: 'shared', instanceTypes: ['ecs.g7.xlarge'] });
    const spawned = [jest.spyOn(childProcess, 'execSync'), jest.spyOn(childProcess, 'spawnSync'), jest.spyOn(childProcess, 'execFileSync')];
    try {
      expect(synthError(stack)).toBeUndefined();
      expect(spawned.map((s) => s.mock.calls.length)).toEqual([0, 0, 0]);
    } finally {
      spawned.forEach((s) => s.mockRestore());
    }
  });

  test('shared pools get the join-threshold precondition and mode shared', () => {
    const s = clusterStack(validProps());
    new TerwayNodePool(s.stack, 'Shared', { cluster: s.cluster, nodePoolName: 'shared', instanceTypes: ['ecs.g7.xlarge'] });
    const tf = JSON.parse(Testing.synth(s.stack));
    const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
    expect(np.lifecycle.precondition[1].condition).toContain('(t.eni_quantity - 1) * t.eni_private_ip_address_quantity > 11');
    expect(Object.values(tf.resource.terraform_data as object)[0].triggers_replace.mode).toBe('shared');
  });

  test('dual-stack exclusive pools get the IPv4/IPv6 parity precondition', () => {
    const { stack } = exclusive({ instanceTypes: ['ecs.g8i.4xlarge'] }, { ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } });
    const tf = JSON.parse(Testing.synth(stack));
    const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
    expect(np.lifecycle.precondition.map((p: any) => p.error_message.slice(0, 14))).toEqual(['[TW-NODEPOOL-0', '[TW-EXCL-001] ', '[TW-EXCL-003] ']);
  });

  test('a Lingjun pool renders type lingjun with eflo_node_group and skips the ECS plan-time checks', () => {
    const { stack } = exclusive({ lingjun: LINGJUN, instanceTypes: ['ecs.ebmgn7ex.32xlarge'] }, { terwayVersion: 'v1.14.3' });
    const tf = JSON.parse(Testing.synth(stack, true));
    expect(conformanceErrors(tf)).toEqual([]);
    const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
    expect(np.type).toBe('lingjun');
    expect(np.eflo_node_group).toEqual({ cluster_id: LINGJUN.clusterId, group_id: LINGJUN.groupId });
    expect(np.lifecycle.precondition).toBeUndefined();
    expect(tf.data).toBeUndefined();
  });

  test('taint is configurable and can be turned off (TW-EXCL-008 warns)', () => {
    const custom = exclusive({ exclusiveTaint: { key: 'dedicated', value: 'eni', effect: 'NoExecute' } });
    expect(custom.pool.nodeTaints).toEqual([{ key: 'dedicated', value: 'eni', effect: 'NoExecute' }]);
    const off = exclusive({ taintEnabled: false });
    expect(off.pool.nodeTaints).toEqual([]);
    expect(ids(off.stack).warnings).toContain('TW-EXCL-008');
  });
});

describe('exclusive ENI rules: one failing input each', () => {
  const cases: Array<[string, Partial<ExclOptions>, Partial<TerwayClusterProps>, RegExp]> = [
    ['TW-EXCL-001', { instanceTypes: ['ecs.g7.xlarge'] }, {}, /Instance type ecs.g7.xlarge has 4 ENIs/],
    ['TW-EXCL-002', {}, { terwayVersion: 'v1.10.0' }, /needs Terway v1.11.0 or later for ECS instances; the cluster pins v1.10.0/],
    ['TW-EXCL-002', { lingjun: LINGJUN }, { terwayVersion: 'v1.13.0' }, /needs Terway v1.14.3 or later for Lingjun instances/],
    ['TW-EXCL-003', { instanceTypes: ['ecs.ebmre7p.32xlarge'] }, { ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } }, /has 15 IPv4 but 1 IPv6 addresses per ENI/],
    ['TW-EXCL-004', { lingjun: LINGJUN }, { ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } }, /Lingjun node pool in a dual-stack cluster/],
    ['TW-ACCEL-001', {}, { acceleration: NetworkAcceleration.DATAPATH_V2 }, /exclusive/i],
  ];
  test.each(cases)('%s', (id, options, cluster, message) => {
    const { stack } = exclusive(options, cluster);
    const { errors, report } = ids(stack);
    expect(errors).toContain(id);
    expect(report.errors.find((f) => f.ruleId === id)!.text).toMatch(message);
    expect(synthError(stack)).toContain(`[${id}]`);
  });

  test('TW-EXCL-006: existing instances warn, and the warning can be acknowledged', () => {
    const { stack, pool } = exclusive({ autoScaling: undefined, existingInstanceIds: ['i-bp1abc'] });
    expect(ids(stack).warnings).toEqual(['TW-EXCL-006']);
    expect(JSON.parse(Testing.synth(stack)).resource.alicloud_cs_kubernetes_node_pool.Excl_NodePool_13394B9C.instances).toEqual(['i-bp1abc']);
    Acknowledgements.of(pool).add('TW-EXCL-006', 'fresh instances without secondary ENIs');
    expect(ids(stack).warnings).toEqual([]);
  });

  test('TW-NODEPOOL-002: an unknown instance type (a typo) warns at synth time', () => {
    const { stack } = exclusive({ instanceTypes: ['ecs.g7.4xlarge', 'ecs.g7.xlarg'] });
    const { warnings, report } = ids(stack);
    expect(warnings).toEqual(['TW-NODEPOOL-002']);
    expect(report.warnings[0].text).toContain('ecs.g7.xlarg');
  });

  test('input shapes are refused with the property name', () => {
    expect(() => exclusive({ autoScaling: { minSize: 5, maxSize: 5 } })).toThrow(/autoScaling.maxSize must be greater than minSize \(5\), got 5/);
    expect(() => exclusive({ desiredSize: 3 })).toThrow(/desiredSize cannot be combined with autoScaling/);
    expect(() => exclusive({ labels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'shared' } })).toThrow(/must be eniOnly/);
    expect(() => exclusive({ instanceTypes: [] })).toThrow(/instanceTypes must have at least 1 entry/);
    expect(() => exclusive({ taintEnabled: 'true' as any })).toThrow(/taintEnabled must be true or false/);
  });
});

describe('FixedVSwitchNodePool', () => {
  test('dedicated vSwitch with SNAT, label, taint, allowlist output; conforms to the schema', () => {
    const { stack, pool } = fixed();
    expect(synthError(stack)).toBeUndefined();
    const tf = JSON.parse(Testing.synth(stack));
    expect(conformanceErrors(tf)).toEqual([]);
    const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
    expect(np.labels).toEqual([{ key: 'terway-config', value: 'eni-config-fixed' }]);
    expect(np.taints).toEqual([{ key: 'terway-config', value: 'eni-config-fixed', effect: 'NoSchedule' }]);
    expect(Object.values(tf.resource.alicloud_vswitch as Record<string, any>).filter((v) => v.cidr_block === '192.168.200.0/24')).toHaveLength(1);
    expect(Object.values(tf.resource.alicloud_snat_entry as Record<string, any>).some((e) => String(e.source_vswitch_id).includes('Fixed_VSwitch'))).toBe(true);
    expect(tf.output.eni_config_fixed_allowlist_cidrs.value).toEqual(['192.168.200.0/24']);
    expect(pool.allowlistCidrs).toEqual(['192.168.200.0/24']);
    expect(tf.output.fixed_vswitch_node_pools.value[0].configName).toBe('eni-config-fixed');
  });

  test('one deploy: the pool in the ClusterObjectsStack depends on the ConfigMap manifest', () => {
    const s = clusterStack(validProps(), undefined, SHARED_STATE_PATH);
    const objects = new ClusterObjectsStack(s.app, 'objects', { cluster: s.cluster });
    const pool = new FixedVSwitchNodePool(objects, 'Fixed', { cluster: s.cluster, ...FIXED, configMapManifests: objects.manifests });
    new FixedVSwitchConfig(new Chart(objects.cdk8sApp, 'cluster'), 'Fixed', { name: 'eni-config-fixed', pool: pool.schedulingInfo });
    expect(synthError(s.stack)).toBeUndefined();
    const tf = JSON.parse(Testing.synth(objects));
    const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
    expect(np.depends_on).toHaveLength(1);
    expect(np.depends_on[0]).toMatch(/^kubernetes_manifest\.Manifests_ConfigMap-kube-system-eni-config-fixed/);
    expect(ids(objects).warnings).not.toContain('TW-FIXED-009');
    // The cloud stack's output lists only its own pools: it cannot refer to a stack applied after it.
    expect(JSON.parse(Testing.synth(s.stack)).output?.fixed_vswitch_node_pools).toBeUndefined();
  });

  test('one deploy in the stack of the cluster: TW-DEPLOY-001 names the manifests and the fix', () => {
    const s = clusterStack(validProps());
    const cdk8sApp = new Cdk8sApp();
    const manifests = new KubernetesManifests(s.stack, 'Manifests', { cdk8sApp, provider: new k8s.KubernetesProvider(s.stack, 'k8s', {}) });
    const pool = new FixedVSwitchNodePool(s.stack, 'Fixed', { cluster: s.cluster, ...FIXED, configMapManifests: manifests });
    new FixedVSwitchConfig(new Chart(cdk8sApp, 'cluster'), 'Fixed', { name: 'eni-config-fixed', pool: pool.schedulingInfo });
    expect(synthError(s.stack)).toMatch(/\[TW-DEPLOY-001\] Stack \S+ creates cluster \S+ and also holds \S+\/Manifests \(kubernetes_manifest\)[\s\S]*Fix: Create the TerwayCluster in one stack and the cluster objects in a ClusterObjectsStack[\s\S]*terraform state mv/);
  });

  const cases: Array<[string, Partial<FixedOptions>, RegExp]> = [
    ['TW-FIXED-001', { vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.200.0/24' }], zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i'] }, /pool's zones are cn-hangzhou-h, cn-hangzhou-i/],
    ['TW-FIXED-002', { vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '10.1.0.0/24' }] }, /outside the VPC/],
    ['TW-FIXED-002', { vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.32.0/24' }] }, /overlaps pod vSwitch #1 in cn-hangzhou-h/],
    ['TW-FIXED-003', { configName: 'Eni_Config' }, /Per-node ConfigMap name/],
    ['TW-FIXED-004', { labels: { 'terway-config': 'other' } }, /sets terway-config: other, but its ConfigMap is eni-config-fixed/],
    ['TW-NAT-001', {}, /gets no SNAT entry/],
  ];
  test.each(cases)('%s', (id, options, message) => {
    const { stack } = fixed(options, id === 'TW-NAT-001' ? { natGateway: { enabled: false } } : {});
    const r = ValidationReport.of(stack);
    const found = [...r.errors, ...r.warnings].filter((f) => f.ruleId === id && f.path.endsWith('/Fixed'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].text).toMatch(message);
  });

  test('TW-FIXED-007 (existing instances) and TW-FIXED-009 (GitOps order) warn', () => {
    const s = clusterStack(validProps());
    new FixedVSwitchNodePool(s.stack, 'Fixed', { cluster: s.cluster, ...FIXED, desiredSize: undefined, existingInstanceIds: ['i-bp1abc'] });
    expect(ids(s.stack).warnings.sort()).toEqual(['TW-FIXED-007', 'TW-FIXED-009']);
  });
});

describe('EniCapacity (public capacity model)', () => {
  test('the documented formulas', () => {
    expect(EniCapacity.podsPerNode('ecs.g7.4xlarge', NodeNetworkMode.SHARED)).toBe(210);
    expect(EniCapacity.podsPerNode('ecs.g7.4xlarge', NodeNetworkMode.EXCLUSIVE)).toBe(7);
    expect(EniCapacity.podsPerNode('ecs.g7.xlarge', NodeNetworkMode.TRUNK)).toBe(16);
    expect(EniCapacity.podsPerNode('ecs.g7.4xlarge', NodeNetworkMode.TRUNK)).toBeUndefined();
    expect(EniCapacity.podsPerNode('ecs.g7.xlarg', NodeNetworkMode.SHARED)).toBeUndefined();
    for (const t of EniCapacity.knownInstanceTypes()) expect(EniCapacity.of(t)!.source.length).toBeGreaterThan(10);
  });
});
