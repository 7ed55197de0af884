import { TerraformVariable } from 'cdktf';
import { Acknowledgements, alicloud, IpStack, NetworkAcceleration, RuleCatalog, Severity, TerwayClusterProps, ValidationReport } from '../../src';
import { clusterStack, findingIds, synthError, validProps } from '../support/cluster-fixtures';

const zone = (zoneId: string, node: string[], pod: string[]) => ({
  zoneId, nodeVSwitches: node.map((cidrBlock) => ({ cidrBlock })), podVSwitches: pod.map((cidrBlock) => ({ cidrBlock })),
});

/** One failing input per rule: [rule ID, props, message pattern]. */
const PROP_CASES: Array<[string, Partial<TerwayClusterProps>, RegExp]> = [
  ['TW-CLUSTER-003', { kubernetesVersion: '1.33' }, /Kubernetes version "1.33" is not an ACK version string/],
  ['TW-CLUSTER-004', { clusterDomain: 'Bad_Domain' }, /Cluster domain "Bad_Domain" is not a valid DNS name/],
  ['TW-CLUSTER-005', { clusterDomain: 'corp.example' }, /Cluster domain "corp.example" is custom/],
  ['TW-ID-001', { vpc: { vpcId: 'vpc-', cidrBlock: '192.168.0.0/16' } }, /Existing VPC: "vpc-" is not a VPC ID/],
  ['TW-ID-001', { securityGroupId: 'vsw-abcd1234' }, /Existing security group: "vsw-abcd1234" is a vSwitch ID, but a security group ID/],
  ['TW-ID-001', { zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ vswitchId: 'vsw-' }], podVSwitches: [{ vswitchId: 'vsw-pod12345' }] }] }, /Existing node vSwitch #1 in cn-hangzhou-h: "vsw-" is not a vSwitch ID/],
  ['TW-NET-001', { zones: [zone('cn-hangzhou-h', ['192.168.0.1/24'], ['192.168.32.0/19'])] }, /node vSwitch #1 in cn-hangzhou-h: "192.168.0.1\/24" has host bits set; the network address is 192.168.0.0\/24.*Fix: Use 192.168.0.0\/24/],
  ['TW-NET-001', { serviceCidr: '172.21.0.0' }, /Service CIDR: "172.21.0.0" is not an IPv4 CIDR block/],
  ['TW-NET-002', { serviceCidr: '100.64.0.0/16' }, /Service CIDR 100.64.0.0\/16 is outside what ACK accepts/],
  ['TW-NET-002', { serviceCidr: '10.0.0.0/12' }, /Service CIDR 10.0.0.0\/12 is outside what ACK accepts/],
  ['TW-NET-003', { serviceCidr: '192.168.192.0/20' }, /Service CIDR 192.168.192.0\/20 overlaps the VPC CIDR 192.168.0.0\/16/],
  ['TW-NET-004', { zones: [zone('cn-hangzhou-h', ['10.0.0.0/24'], ['192.168.32.0/19'])] }, /node vSwitch #1 in cn-hangzhou-h 10.0.0.0\/24 is not inside the VPC CIDR 192.168.0.0\/16/],
  ['TW-NET-005', { zones: [zone('cn-hangzhou-h', ['192.168.32.0/24'], ['192.168.32.0/19'])] }, /node vSwitch #1 in cn-hangzhou-h 192.168.32.0\/24 overlaps pod vSwitch #1 in cn-hangzhou-h 192.168.32.0\/19/],
  ['TW-NET-006', { zones: [zone('cn-hangzhou-h', ['192.168.0.0/24'], ['192.168.32.0/19']), zone('cn-hangzhou-i', [], ['192.168.64.0/19'])] }, /Zone cn-hangzhou-i has pod vSwitches but no node vSwitch/],
  ['TW-NET-007', { zones: [zone('cn-hangzhou-h', ['192.168.0.0/24'], ['192.168.32.0/19']), zone('cn-hangzhou-i', ['192.168.1.0/24'], [])] }, /Zone cn-hangzhou-i has node vSwitches but no pod vSwitch/],
  ['TW-NET-008', { zones: [zone('cn-hangzhou-h', ['192.168.0.0/24'], ['192.168.32.0/19']), zone('cn-hangzhou-h', ['192.168.1.0/24'], ['192.168.64.0/19'])] }, /Zone cn-hangzhou-h is declared more than once/],
  ['TW-NET-009', { vpc: { vpcId: 'vpc-abcd1234' }, zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ vswitchId: 'vsw-same1234' }], podVSwitches: [{ vswitchId: 'vsw-same1234' }] }] }, /vSwitch vsw-same1234 is both a node and a pod vSwitch/],
  ['TW-NET-010', { expectedPodCount: 30000 }, /Pod vSwitches offer 24564 usable IPs but 30000 pods are expected/],
  ['TW-NET-011', { zones: [zone('cn-hangzhou-h', ['192.168.0.0/24'], ['192.168.32.0/26'])] }, /pod vSwitch #1 in cn-hangzhou-h 192.168.32.0\/26 is a \/26: only 60 usable pod IPs/],
  ['TW-NET-012', { zones: [zone('cn-hangzhou-h', ['192.168.0.0/24'], ['192.168.32.0/24'])] }, /pod vSwitch #1 in cn-hangzhou-h 192.168.32.0\/24 is a \/24 \(252 usable pod IPs\)/],
  ['TW-NET-013', { zones: [zone('cn-hangzhou-h', ['192.168.0.0/30'], ['192.168.32.0/19'])] }, /node vSwitch #1 in cn-hangzhou-h 192.168.0.0\/30 has prefix \/30/],
  ['TW-NET-013', { vpc: { cidrBlock: '10.0.0.0/7' } }, /VPC CIDR 10.0.0.0\/7 has prefix \/7/],
  ['TW-DUAL-001', { ipStack: IpStack.DUAL, kubernetesVersion: '1.20.11-aliyun.1', trunkEni: true, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } }, /Dual-stack was requested with Kubernetes 1.20.11-aliyun.1/],
  ['TW-DUAL-002', { ipStack: IpStack.DUAL }, /Dual-stack was requested but the VPC is created without IPv6/],
  ['TW-DUAL-002', { ipStack: IpStack.DUAL, vpc: { vpcId: 'vpc-abcd1234', cidrBlock: '192.168.0.0/16' } }, /existing VPC that is not declared IPv6-enabled/],
  ['TW-ACCEL-002', { acceleration: NetworkAcceleration.IPVLAN }, /Acceleration IPVLAN was requested for a new cluster/],
  ['TW-TRUNK-001', { trunkEni: false }, /Trunk ENI is disabled for Kubernetes 1.33.1-aliyun.1/],
  ['TW-NAT-001', { natGateway: { enabled: false } }, /pod vSwitches get no SNAT entry/],
  ['TW-SEC-002', { enableRrsa: false }, /RRSA \(RAM Roles for Service Accounts\) is disabled/],
];

describe('every cluster rule has a failing input', () => {
  test.each(PROP_CASES)('%s', (ruleId, overrides, message) => {
    const { report } = findingIds(validProps(overrides));
    const hit = [...report.errors, ...report.warnings].find((f) => f.ruleId === ruleId && message.test(f.text));
    expect(hit).toBeDefined();
    expect(hit!.path).toBe('test/Cluster');
    expect(hit!.severity).toBe(RuleCatalog.get(ruleId).severity);
    expect(hit!.text).toContain(`[${ruleId}]`);
    expect(hit!.text).toMatch(/Rule: .+ \(source: .+\)\. Fix: .+/);
  });

  test('errors stop synthesis with rule ID, construct path and fix', () => {
    const { stack } = clusterStack(validProps({ serviceCidr: '192.168.192.0/20' }));
    expect(synthError(stack)).toMatch(/\[test\/Cluster\] \[TW-NET-003\] Service CIDR 192.168.192.0\/20 overlaps .* Fix: Pick a Service CIDR outside the VPC/);
  });

  test('the valid baseline has no findings', () => {
    const { errors, warnings } = findingIds(validProps());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('rules on the final resource configuration (escape hatches)', () => {
  test('TW-CLUSTER-001: another CNI add-on via override', () => {
    const { stack, cluster } = clusterStack(validProps());
    cluster.cluster.addOverride('addons', [{ name: 'flannel' }]);
    expect(synthError(stack)).toMatch(/\[TW-CLUSTER-001\] The cluster's network add-ons are \[terway-eniip, terway-controlplane, flannel\]; ACK-009 requires terway-eniip and no flannel/);
  });
  test('TW-CLUSTER-001: terway-eniip replaced through the binding', () => {
    const { stack, cluster } = clusterStack(validProps());
    cluster.cluster.putAddons([{ name: 'flannel' }]);
    expect(synthError(stack)).toMatch(/\[TW-CLUSTER-001\] The cluster's network add-ons are \[flannel\]; ACK-009 requires terway-eniip and no flannel/);
  });
  test('TW-CLUSTER-001: no pod vSwitches at all', () => {
    const { stack } = clusterStack(validProps({ zones: [zone('cn-hangzhou-h', ['192.168.0.0/24'], [])] }));
    expect(synthError(stack)).toMatch(/\[TW-CLUSTER-001\] No pod vSwitches \(pod_vswitch_ids\) are set/);
  });
  test('TW-CLUSTER-002: Flannel pod CIDR set by override', () => {
    const { stack, cluster } = clusterStack(validProps());
    cluster.cluster.addOverride('pod_cidr', '172.20.0.0/16');
    expect(synthError(stack)).toMatch(/\[TW-CLUSTER-002\] pod_cidr "172.20.0.0\/16" is set on a Terway cluster/);
  });
  test('TW-TRUNK-002: terway-controlplane removed while trunking', () => {
    const { stack, cluster } = clusterStack(validProps());
    cluster.cluster.putAddons([{ name: 'terway-eniip', config: '{"ENITrunking":"true"}' }]);
    expect(synthError(stack)).toMatch(/\[TW-TRUNK-002\] Trunk ENI is requested but the terway-controlplane add-on is missing/);
  });
  test('TW-SEC-001: access keys on the provider', () => {
    const { stack } = clusterStack(validProps());
    new alicloud.provider.AlicloudProvider(stack, 'keyed', { region: 'cn-beijing', alias: 'keyed', accessKey: 'LTAIexample', secretKey: 'secret' });
    expect(synthError(stack)).toMatch(/\[TW-SEC-001\] The alicloud provider at test\/keyed sets access_key, secret_key/);
  });
});

describe('node pool rules', () => {
  test('TW-NODEPOOL-001: instance type too small for shared ENI', () => {
    const { stack, cluster } = clusterStack(validProps());
    cluster.addNodePool('Small', { nodePoolName: 'small', instanceTypes: ['ecs.g6.large'] });
    expect(synthError(stack)).toMatch(/\[test\/Cluster\/Small\] \[TW-NODEPOOL-001\] Instance type ecs.g6.large offers \(2 − 1\) × 6 = 6 pod IPs/);
  });
  test('TW-DUAL-003: IPv6 count below IPv4 count', () => {
    const { stack, cluster } = clusterStack(validProps({ ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } }));
    cluster.addNodePool('Mixed', { nodePoolName: 'mixed', instanceTypes: ['ecs.u1-c1m4.xlarge'] });
    const warnings = ValidationReport.of(stack).warnings;
    expect(warnings.map((w) => [w.ruleId, w.path])).toEqual([['TW-DUAL-003', 'test/Cluster/Mixed']]);
    expect(warnings[0].text).toMatch(/10 IPv4 but 1 IPv6 addresses per ENI/);
  });
  test('TW-ACCEL-001: acceleration with an exclusive ENI node pool', () => {
    const { stack, cluster } = clusterStack(validProps({ acceleration: NetworkAcceleration.DATAPATH_V2 }));
    cluster.addNodePool('Exclusive', {
      nodePoolName: 'exclusive', instanceTypes: ['ecs.g7.4xlarge'], labels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' },
    });
    expect(synthError(stack)).toMatch(/\[TW-ACCEL-001\] Network acceleration datapathv2 is enabled but node pools exclusive run in exclusive ENI mode/);
  });
  test('a node pool outside the cluster zones is refused at construction', () => {
    const { cluster } = clusterStack(validProps());
    expect(() => cluster.addNodePool('Far', { nodePoolName: 'far', instanceTypes: ['ecs.g7.xlarge'], zoneIds: ['cn-beijing-a'] }))
      .toThrow(/zoneIds lists zones cn-beijing-a that are not zones of cluster test\/Cluster/);
  });
});

describe('unresolved values are skipped, not crashed on', () => {
  test('existing VPC and vSwitches given as Terraform variables', () => {
    const { stack } = clusterStack(validProps());
    const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string' }).stringValue;
    const vsw = new TerraformVariable(stack, 'vsw', { type: 'string' }).stringValue;
    const pod = new TerraformVariable(stack, 'pod', { type: 'string' }).stringValue;
    const other = clusterStack(validProps({ vpc: { vpcId }, zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ vswitchId: vsw }], podVSwitches: [{ vswitchId: pod }] }] }));
    const report = ValidationReport.of(other.stack);
    expect(report.errors).toEqual([]);
    expect(synthError(other.stack)).toBeUndefined();
  });
});

describe('acknowledgements', () => {
  test('an acknowledged warning is reported with its reason and no longer warns', () => {
    const { stack, cluster } = clusterStack(validProps({ natGateway: { enabled: false } }));
    Acknowledgements.of(cluster).add('TW-NAT-001', 'egress goes through the transit VPC');
    const report = ValidationReport.of(stack);
    expect(report.warnings).toEqual([]);
    expect(report.acknowledged.map((a) => [a.ruleId, a.acknowledgedReason])).toEqual([['TW-NAT-001', 'egress goes through the transit VPC']]);
  });
  test('acknowledging on an ancestor covers descendants', () => {
    const { stack } = clusterStack(validProps({ enableRrsa: false }));
    Acknowledgements.of(stack).add('TW-SEC-002', 'legacy add-ons');
    expect(ValidationReport.of(stack).warnings).toEqual([]);
  });
  test('errors, unknown rules and empty reasons cannot be acknowledged', () => {
    const { cluster } = clusterStack(validProps());
    expect(() => Acknowledgements.of(cluster).add('TW-NET-003', 'because')).toThrow(/TW-NET-003 is an error and cannot be acknowledged/);
    expect(() => Acknowledgements.of(cluster).add('TW-NOPE-1', 'because')).toThrow(/unknown rule "TW-NOPE-1"/);
    expect(() => Acknowledgements.of(cluster).add('TW-NAT-001', '  ')).toThrow(/needs a reason/);
  });
  test('warnings reach cdktf annotations; acknowledged ones as info', () => {
    const { app, stack, cluster } = clusterStack(validProps({ natGateway: { enabled: false }, enableRrsa: false }));
    Acknowledgements.of(cluster).add('TW-NAT-001', 'transit VPC');
    app.synth();
    const annotations = app.manifest.forStack(stack).annotations;
    expect(annotations.filter((a) => a.message.includes('TW-')).map((a) => [a.level, a.message.slice(0, 40)])).toEqual([
      ['@cdktf/warn', expect.stringContaining('[TW-SEC-002]')],
      ['@cdktf/info', expect.stringContaining('[TW-NAT-001] acknowledged: transit VPC')],
    ]);
  });
});

describe('the rule catalogue', () => {
  test('IDs are unique, every rule cites a source and has a severity', () => {
    const rules = RuleCatalog.all();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^TW-[A-Z]+-\d{3}$/);
      expect(r.source.length).toBeGreaterThan(5);
      expect([Severity.ERROR, Severity.WARNING]).toContain(r.severity);
    }
  });
});
