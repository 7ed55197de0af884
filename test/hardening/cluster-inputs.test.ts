/**
 * Issue 9 §1/§2 on the cloud side: every defect below failed (or passed silently) before.
 * Each case either throws an InputError naming the construct path, the property and the
 * value, or ends in the named rule.
 */
import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { alicloud, TerwayCluster, TerwayClusterProps, ValidationReport } from '../../src';
import { InputError } from '../../src/domain/input';
import { findingIds, validProps } from '../support/cluster-fixtures';

function construct(props: unknown, region = 'cn-hangzhou'): { stack: TerraformStack; cluster: TerwayCluster } {
  const stack = new TerraformStack(Testing.app(), 'test');
  new LocalBackend(stack, { path: 'terraform.test.tfstate' });
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region });
  return { stack, cluster: new TerwayCluster(stack, 'Cluster', props as TerwayClusterProps) };
}

function refused(props: unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    construct(props);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as Error).message).toMatch(/^test\/Cluster: /);
  expect((thrown as Error).message).toMatch(message);
}

function resourcesOf(stack: TerraformStack): Record<string, Record<string, any>> {
  return JSON.parse(Testing.synth(stack)).resource ?? {};
}

describe('wrong JavaScript types are refused, never read as "on"', () => {
  test.each([
    ['trunkEni', 'false', /trunkEni must be true or false, got the string "false"/],
    ['networkPolicy', 'false', /networkPolicy must be true or false, got the string "false"/],
    ['acceleration', 'NONE', /acceleration must be one of "none", "datapathv2", "ipvlan", got "NONE"/],
    ['clusterSpec', 'ack.pro', /clusterSpec must be one of "ack.standard", "ack.pro.small", got "ack.pro"/],
    ['proxyMode', 'IPVS', /proxyMode must be one of "ipvs", "iptables", got "IPVS"/],
    ['ipStack', 'ipv6', /ipStack must be one of "ipv4", "dual", got "ipv6"/],
    ['deletionProtection', 0, /deletionProtection must be true or false, got 0 \(number\)/],
    ['expectedPodCount', NaN, /expectedPodCount must be a whole number, got NaN/],
    ['tags', { team: undefined }, /tags\["team"\] is required/],
    ['tags', { team: 7 }, /tags\["team"\] must be a string, got 7/],
    ['kubernetesVersion', 1.33, /kubernetesVersion must be a string, got 1.33 \(number\)/],
  ])('%s: %p', (key, value, message) => {
    refused(validProps({ [key]: value } as Partial<TerwayClusterProps>), message);
  });

  test('missing or null structure', () => {
    refused(null, /props is required, got null/);
    refused({ ...validProps(), zones: 'cn-hangzhou-h' }, /zones must be an array, got the string "cn-hangzhou-h"/);
    refused({ ...validProps(), zones: [] }, /zones must have at least 1 entry, got 0/);
    refused({ ...validProps(), vpc: {} }, /vpc needs either cidrBlock .* or vpcId/);
    refused({ ...validProps(), zones: [{ zoneId: 'Hangzhou H', nodeVSwitches: [], podVSwitches: [] }] }, /zones\[0\]\.zoneId must be a zone ID such as cn-hangzhou-h/);
    refused({ ...validProps(), zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{}], podVSwitches: [] }] }, /zones\[0\]\.nodeVSwitches\[0\] needs cidrBlock .* or vswitchId/);
    refused({ ...validProps(), zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ cidrBlock: null }], podVSwitches: [] }] }, /zones\[0\]\.nodeVSwitches\[0\]\.cidrBlock is null/);
    refused({ ...validProps(), additionalAddons: [{ name: 'csi-plugin', disabled: 'true' }] }, /additionalAddons\[0\]\.disabled must be true or false/);
    refused({ ...validProps(), additionalAddons: [{ name: 'csi-plugin', config: 'disk=true' }] }, /additionalAddons\[0\]\.config must be a JSON object as a string/);
    refused({ ...validProps(), outputPrefix: 'blue cluster ' }, /outputPrefix must be a Terraform identifier prefix/);
  });

  test('EIP bandwidth must be a positive whole number; an existing NAT gateway needs its SNAT table and IP', () => {
    refused(validProps({ natGateway: { eipBandwidth: -5 } }), /natGateway\.eipBandwidth must be at least 1, got -5/);
    refused(validProps({ natGateway: { eipBandwidth: 2.5 } }), /natGateway\.eipBandwidth must be a whole number, got 2.5/);
    refused(validProps({ natGateway: { natGatewayId: 'ngw-bp1abcd1234', snatTableId: '', snatIp: '47.0.0.1' } }), /natGateway\.snatTableId must not be empty/);
  });
});

describe('malformed versions are rule errors, not TypeErrors', () => {
  test('kubernetesVersion 1.33.01-aliyun.1 is TW-CLUSTER-003 (was TypeError: Invalid Version)', () => {
    const { errors, report } = findingIds(validProps({ kubernetesVersion: '1.33.01-aliyun.1' }));
    expect(errors).toContain('TW-CLUSTER-003');
    expect(report.errors.find((f) => f.ruleId === 'TW-CLUSTER-003')!.message).toMatch(/"1.33.01-aliyun.1" is not an ACK version string/);
  });

  test('a version with huge numbers is TW-CLUSTER-003 too', () => {
    expect(findingIds(validProps({ kubernetesVersion: '1.99999999999999999999.1-aliyun.1' })).errors).toContain('TW-CLUSTER-003');
  });

  test('terwayVersion that is not major.minor.patch is TW-TF-007', () => {
    const { errors, report } = findingIds(validProps({ terwayVersion: 'latest' }));
    expect(errors).toEqual(['TW-TF-007']);
    expect(report.errors[0].text).toMatch(/terwayVersion "latest" is not a Terway version/);
    expect(findingIds(validProps({ terwayVersion: 'v1.16.7' })).errors).toEqual([]);
  });
});

describe('values that reached Terraform unchecked', () => {
  test('cluster name length 1-63 (provider StringLenBetween(1, 63)): TW-TF-001', () => {
    expect(findingIds(validProps({ clusterName: 'x'.repeat(64) })).errors).toEqual(['TW-TF-001']);
    expect(findingIds(validProps({ clusterName: '' })).errors).toEqual(['TW-TF-001']);
    expect(findingIds(validProps({ clusterName: 'x'.repeat(63) })).errors).toEqual([]);
  });

  test('SNAT IP must be IPv4 and the SNAT table ID well formed: TW-TF-005, TW-TF-006', () => {
    const nat = { natGatewayId: 'ngw-bp1abcd1234', snatTableId: 'stb-bp1abcd1234', snatIp: '47.96.1.10' };
    expect(findingIds(validProps({ natGateway: nat })).errors).toEqual([]);
    expect(findingIds(validProps({ natGateway: { ...nat, snatIp: '47.96.1.10,47.96.1.11' } })).errors).toEqual([]);
    expect(findingIds(validProps({ natGateway: { ...nat, snatIp: 'eip-bp1abcd1234' } })).errors).toEqual(['TW-TF-005']);
    expect(findingIds(validProps({ natGateway: { ...nat, snatIp: '300.1.1.1' } })).errors).toEqual(['TW-TF-005']);
    expect(findingIds(validProps({ natGateway: { ...nat, snatTableId: 'table-1' } })).errors).toEqual(['TW-TF-006']);
  });

  test('the resource group ID is checked like the other IDs: TW-ID-001', () => {
    expect(findingIds(validProps({ resourceGroupId: 'default' })).errors).toEqual(['TW-ID-001']);
    expect(findingIds(validProps({ resourceGroupId: 'rg-acfmabcd1234' })).errors).toEqual([]);
  });
});

describe('placements the provider rejects', () => {
  test('an existing vSwitch in a VPC the stack creates is TW-NET-014 (the README example did this)', () => {
    const { errors, report } = findingIds(validProps({
      zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ cidrBlock: '192.168.0.0/24' }], podVSwitches: [{ vswitchId: 'vsw-bp1pod0000001' }] }],
    }));
    expect(errors).toEqual(['TW-NET-014']);
    expect(report.errors[0].message).toMatch(/pod vSwitch #1 in cn-hangzhou-h \(vsw-bp1pod0000001\) is an existing vSwitch, but the VPC is created by this stack/);
  });

  test('zones outside the provider region are TW-NET-015', () => {
    const { stack } = construct(validProps(), 'cn-shanghai');
    const report = ValidationReport.of(stack);
    expect(report.errors.map((f) => f.ruleId)).toEqual(['TW-NET-015', 'TW-NET-015', 'TW-NET-015']);
    expect(report.errors[0].message).toMatch(/Zone cn-hangzhou-h is not a zone of region cn-shanghai/);
    expect(ValidationReport.of(construct(validProps({
      zones: [{ zoneId: 'ap-southeast-1a', nodeVSwitches: [{ cidrBlock: '192.168.0.0/24' }], podVSwitches: [{ cidrBlock: '192.168.32.0/19' }] }],
    }), 'ap-southeast-1').stack).errors).toEqual([]);
  });
});

describe('an existing VPC gets no billable gateway unless asked', () => {
  const existing = (natGateway?: TerwayClusterProps['natGateway']) => validProps({
    vpc: { vpcId: 'vpc-bp1existing0001', cidrBlock: '192.168.0.0/16' },
    ...(natGateway ? { natGateway } : {}),
  });

  test('no NAT gateway, EIP or SNAT entry; new pod vSwitches are warning TW-NAT-001', () => {
    const { stack } = construct(existing());
    const resources = resourcesOf(stack);
    expect(Object.keys(resources).filter((t) => /nat_gateway|eip|snat/.test(t))).toEqual([]);
    const report = ValidationReport.of(stack);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((f) => f.ruleId)).toEqual(['TW-NAT-001']);
    expect(report.warnings[0].message).toMatch(/new pod vSwitch #1 in cn-hangzhou-h, .* in existing VPC vpc-bp1existing0001 get no SNAT entry/);
  });

  test('existing pod vSwitches in an existing VPC: nothing created, nothing to warn about', () => {
    const { stack } = construct(validProps({
      vpc: { vpcId: 'vpc-bp1existing0001' },
      zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ vswitchId: 'vsw-bp1node000001' }], podVSwitches: [{ vswitchId: 'vsw-bp1pod0000001' }] }],
    }));
    expect(Object.keys(resourcesOf(stack)).filter((t) => /nat_gateway|eip|snat/.test(t))).toEqual([]);
    expect(ValidationReport.of(stack).warnings.map((f) => f.ruleId)).toEqual([]);
  });

  test('natGateway.enabled: true or an existing natGatewayId asks for SNAT', () => {
    expect(Object.keys(resourcesOf(construct(existing({ enabled: true })).stack))).toEqual(expect.arrayContaining(['alicloud_nat_gateway', 'alicloud_eip_address', 'alicloud_snat_entry']));
    const types = Object.keys(resourcesOf(construct(existing({ natGatewayId: 'ngw-bp1abcd1234', snatTableId: 'stb-bp1abcd1234', snatIp: '47.96.1.10' })).stack));
    expect(types).toContain('alicloud_snat_entry');
    expect(types).not.toContain('alicloud_nat_gateway');
    expect(types).not.toContain('alicloud_eip_address');
  });

  test('a created VPC still gets its NAT gateway by default', () => {
    expect(Object.keys(resourcesOf(construct(validProps()).stack))).toEqual(expect.arrayContaining(['alicloud_nat_gateway', 'alicloud_snat_entry']));
  });
});

test('the App itself is untouched by a refused construct (no partial resources)', () => {
  const app = new App({ outdir: 'cdktf.out.test' });
  const stack = new TerraformStack(app, 's');
  expect(() => new TerwayCluster(stack, 'C', validProps({ trunkEni: 'no' as unknown as boolean }))).toThrow(InputError);
  expect(stack.node.findAll().some((c) => c.node.id === 'Cluster')).toBe(false);
});
