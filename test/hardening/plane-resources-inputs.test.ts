/** Issue 9 §2: PodNetworkingPlaneResources ingress rules as the provider checks them at create. */
import { Testing } from 'cdktf';
import { PlaneIngressRule, PodNetworkingPlaneResources, PodNetworkingPlaneResourcesProps, TerwayCluster, ValidationReport } from '../../src';
import { InputError } from '../../src/domain/input';
import { clusterStack, validProps } from '../support/cluster-fixtures';

function plane(overrides: Partial<PodNetworkingPlaneResourcesProps> | Record<string, unknown>, cluster?: (c: TerwayCluster) => void) {
  const { stack, cluster: c } = clusterStack(validProps());
  cluster?.(c);
  const resources = new PodNetworkingPlaneResources(stack, 'Db', {
    cluster: c, planeName: 'db', vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '192.168.128.0/19' }], ...overrides,
  } as PodNetworkingPlaneResourcesProps);
  const report = ValidationReport.of(resources);
  return { stack, report, errors: report.errors.map((f) => f.ruleId), warnings: report.warnings.map((f) => f.ruleId) };
}

const rule = (r: Partial<PlaneIngressRule>): PlaneIngressRule => ({ protocol: 'tcp', portRange: '5432/5432', sourceCidr: '192.168.0.0/16', ...r });

test.each([
  ['TW-SG-002', rule({ portRange: undefined }), /\(tcp\) has port range unset \(rendered as -1\/-1\)/],
  ['TW-SG-002', rule({ protocol: 'udp', portRange: '-1/-1' }), /\(udp\) has port range "-1\/-1"/],
  ['TW-SG-002', rule({ portRange: '0/65536' }), /port range "0\/65536"/],
  ['TW-SG-002', rule({ portRange: '443/80' }), /port range "443\/80"/],
  ['TW-SG-002', rule({ protocol: 'icmp', portRange: '1/1' }), /\(icmp\) has port range "1\/1"/],
  ['TW-SG-001', rule({ protocol: 'TCP' }), /protocol "TCP".*Fix: Write it in lowercase: "tcp"/],
  ['TW-SG-001', rule({ protocol: 'http' }), /protocol "http"/],
  ['TW-SG-003', rule({ sourceCidr: '10.0.0.0/33' }), /source: "10.0.0.0\/33" is not an IPv4 CIDR block/],
  ['TW-SG-003', rule({ sourceCidr: undefined, sourceSecurityGroupId: 'sg_bad' }), /source security group: "sg_bad" is not a security group ID/],
  ['TW-SG-003', rule({ sourceCidr: undefined }), /has no source/],
  ['TW-SG-003', rule({ sourceSecurityGroupId: 'sg-bp1abcd1234' }), /sets both sourceCidr and sourceSecurityGroupId/],
])('%s: %p', (ruleId, ingress, message) => {
  const { errors, report } = plane({ ingressRules: [ingress] });
  expect(errors).toEqual([ruleId]);
  expect(report.errors[0].text).toMatch(message);
});

test('valid rules pass: tcp with a range, icmp and all without one, a source group', () => {
  const { errors, warnings } = plane({
    ingressRules: [rule({}), rule({ protocol: 'icmp', portRange: undefined }), rule({ protocol: 'all', portRange: '-1/-1', sourceCidr: '10.0.0.0/8' }),
      rule({ sourceCidr: undefined, sourceSecurityGroupId: 'sg-bp1abcd1234' }), rule({ sourceCidr: '192.168.1.10' })],
  });
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
});

test('SSH or RDP open to 0.0.0.0/0 is warning TW-SG-004 (checkov CKV_ALI_2/3)', () => {
  const ssh = plane({ ingressRules: [rule({ portRange: '22/22', sourceCidr: '0.0.0.0/0' })] });
  expect(ssh.warnings).toEqual(['TW-SG-004']);
  expect(ssh.report.warnings[0].text).toMatch(/allows tcp from 0.0.0.0\/0 to port 22.*CKV_ALI_2/);
  expect(plane({ ingressRules: [rule({ portRange: '1/65535', sourceCidr: '0.0.0.0/0' })] }).report.warnings[0].message).toMatch(/to port 22 and 3389/);
  expect(plane({ ingressRules: [rule({ protocol: 'all', portRange: undefined, sourceCidr: '0.0.0.0/0' })] }).warnings).toEqual(['TW-SG-004']);
  expect(plane({ ingressRules: [rule({ portRange: '443/443', sourceCidr: '0.0.0.0/0' })] }).warnings).toEqual([]);
});

test('a created plane security group without ingress rules is warning TW-SG-005', () => {
  expect(plane({ ingressRules: [] }).warnings).toEqual(['TW-SG-005']);
  // The default rule (all traffic from the created VPC) is valid.
  expect(plane({}).warnings).toEqual([]);
});

test('shape: a plane vSwitch needs a CIDR block; rules need string fields', () => {
  const refused = (overrides: Record<string, unknown>, message: RegExp) => {
    let thrown: unknown;
    try {
      plane(overrides);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(/^test\/Db: /);
    expect((thrown as Error).message).toMatch(message);
  };
  refused({ vSwitches: [{ zoneId: 'cn-hangzhou-h' }] }, /vSwitches\[0\]\.cidrBlock is required/);
  refused({ ingressRules: [{ protocol: 6 }] }, /ingressRules\[0\]\.protocol must be a string, got 6/);
  refused({ internetEgress: 'false' }, /internetEgress must be true or false, got the string "false"/);
  refused({ cluster: undefined }, /cluster must be a TerwayCluster, got undefined/);
});

test('the synthesized rules carry the validated values', () => {
  const { stack } = plane({ ingressRules: [rule({ portRange: '5432/5432' })] });
  const rules = Object.values(JSON.parse(Testing.synth(stack)).resource.alicloud_security_group_rule) as Array<Record<string, unknown>>;
  expect(rules.map((r) => [r.ip_protocol, r.port_range, r.cidr_ip])).toEqual([['tcp', '5432/5432', '192.168.0.0/16']]);
});
