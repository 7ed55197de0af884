import { Testing } from 'cdk8s';
import { EniConfig, EniConfigProps, ValidationReport } from '../../src';

const EXISTING = {
  'eni_conf': JSON.stringify({ version: '1', max_pool_size: 5, min_pool_size: 0, vswitches: { 'cn-hangzhou-h': ['vsw-bp1pod00000001'] }, security_group: 'sg-bp1node0000001', ipam_type: 'crd' }),
  '10-terway.conf': '{"cniVersion":"0.4.0","name":"terway","type":"terway"}',
  'disable_network_policy': 'false',
};

function render(props: EniConfigProps) {
  const c = Testing.chart();
  const eniConfig = new EniConfig(c, 'EniConfig', props);
  const cm = eniConfig.apiObject.toJson(); // rendered without validation, so error cases can be inspected
  const report = ValidationReport.of(c);
  return { cm, eniConf: JSON.parse(cm.data.eni_conf), report, ids: [...report.errors, ...report.warnings].map((f) => f.ruleId) };
}

describe('EniConfig: kube-system/eni-config with Trunk ENI', () => {
  test('preserves every existing key and sets enable_eni_trunking and credential_path', () => {
    const { cm, eniConf, ids } = render({ existingData: EXISTING });
    expect(cm.metadata).toEqual({ name: 'eni-config', namespace: 'kube-system' });
    expect(Object.keys(cm.data).sort()).toEqual(['10-terway.conf', 'disable_network_policy', 'eni_conf']);
    expect(cm.data['10-terway.conf']).toBe(EXISTING['10-terway.conf']);
    expect(eniConf).toEqual({ ...JSON.parse(EXISTING.eni_conf), enable_eni_trunking: true, credential_path: '/var/addon/token-config' });
    expect(ids).toEqual([]);
  });

  test('dedicated clusters get no credential_path; data keys are set outside eni_conf', () => {
    const { cm, eniConf } = render({ existingData: EXISTING, managedCluster: false, disableNetworkPolicy: true, inClusterLoadBalance: true });
    expect(eniConf.credential_path).toBeUndefined();
    expect(cm.data.disable_network_policy).toBe('true');
    expect(cm.data.in_cluster_loadbalance).toBe('true');
  });

  test('a valid configuration synthesizes; an invalid one stops cdk8s', () => {
    const ok = Testing.chart();
    new EniConfig(ok, 'EniConfig', { existingData: EXISTING });
    expect(Testing.synth(ok)).toHaveLength(1);
    const bad = Testing.chart();
    new EniConfig(bad, 'EniConfig', { existingData: { eni_conf: JSON.stringify({ enable_eni_trunking: true }) }, enableTrunking: false });
    expect(() => Testing.synth(bad)).toThrow(/\[test\/EniConfig\] \[TW-ENICONF-002\]/);
  });

  test('rendering is byte-stable (sorted keys)', () => {
    expect(render({ existingData: EXISTING }).cm.data.eni_conf).toBe(render({ existingData: EXISTING }).cm.data.eni_conf);
  });

  test('TW-ENICONF-001: a different credential path on a managed cluster', () => {
    const { report } = render({ existingData: { eni_conf: JSON.stringify({ credential_path: '/etc/creds', vswitches: { z: ['vsw-bp1pod00000001'] } }) } });
    expect(report.warnings[0].text).toMatch(/\[TW-ENICONF-001\] eni_conf sets credential_path "\/etc\/creds"/);
  });
  test('TW-ENICONF-002: turning Trunk ENI off', () => {
    const { report } = render({ existingData: { eni_conf: JSON.stringify({ enable_eni_trunking: true }) }, enableTrunking: false });
    expect(report.errors[0].text).toMatch(/\[TW-ENICONF-002\] The existing eni_conf has enable_eni_trunking true and this configuration turns it off/);
  });
  test('TW-ENICONF-003: more than 10 security groups in total', () => {
    const groups = Array.from({ length: 10 }, (_, i) => `sg-bp1abc${i}0000`);
    const { report } = render({ existingData: { eni_conf: JSON.stringify({ security_group: 'sg-bp1other00001', security_groups: groups }) } });
    expect(report.errors[0].text).toMatch(/\[TW-ENICONF-003\] eni_conf names 11 security groups/);
  });
  test('TW-ENICONF-004: a key the FAQ puts inside eni_conf but Terway reads elsewhere', () => {
    const base = { ...JSON.parse(EXISTING.eni_conf), disable_network_policy: 'true' };
    const { report } = render({ existingData: { ...EXISTING, eni_conf: JSON.stringify(base) } });
    expect(report.warnings[0].text).toMatch(/\[TW-ENICONF-004\] eni_conf contains "disable_network_policy", which Terway does not read there/);
    // Issue 18: the library does not write such keys itself: eniConfOverrides refuses them.
    expect(() => render({ existingData: EXISTING, eniConfOverrides: { disable_network_policy: 'true' } }))
      .toThrow(/eniConfOverrides\["disable_network_policy"\] is not an eni_conf key: Terway reads it as a top-level data key/);
    expect(() => render({ existingData: EXISTING, eniConfOverrides: { eniip_virtual_type: 'datapathv2' } }))
      .toThrow(/eniConfOverrides\["eniip_virtual_type"\] is not an eni_conf key: Terway reads it as a key of the 10-terway.conf/);
  });
  test('TW-ENICONF-005: eni_conf that is not a JSON object', () => {
    for (const bad of ['{not json', '[1,2]', 'null']) {
      const { report } = render({ existingData: { eni_conf: bad } });
      expect(report.errors.map((e) => e.ruleId)).toEqual(['TW-ENICONF-005']);
    }
  });
  test('TW-ENICONF-006: no pod vSwitches in eni_conf (e.g. existingData forgotten)', () => {
    const { report } = render({});
    expect(report.warnings.map((w) => w.ruleId)).toEqual(['TW-ENICONF-006']);
    expect(report.warnings[0].text).toMatch(/The rendered eni_conf has no vswitches map.*Fix: Pass the cluster's current eni-config as existingData/);
    const fixed = render({ eniConfOverrides: { vswitches: { 'cn-hangzhou-h': ['vsw-bp1pod00000001'] } } });
    expect(fixed.ids).toEqual([]);
  });
});
