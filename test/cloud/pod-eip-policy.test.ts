import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { parse } from 'yaml';
import {
  ACK_MANAGED_NETWORK_ROLE, Acknowledgements, alicloud, BusinessPortProtocol, PodEipImplementation, PodEipPolicy, PodEipPolicyProps,
  RuleCatalog, ValidationReport,
} from '../../src';
import { clusterStack, synthError, validProps } from '../support/cluster-fixtures';
import { conformanceErrors } from '../support/terraform-schema';

/** The documented action sets, copied from "Associate an exclusive EIP with a pod" (Configure RAM permissions). */
const DOCUMENTED_ACK_EXTEND = [
  'vpc:DescribeVSwitches', 'vpc:AllocateEipAddress', 'vpc:AllocateEipAddressPro', 'vpc:DescribeEipAddresses', 'vpc:AssociateEipAddress',
  'vpc:UnassociateEipAddress', 'vpc:ReleaseEipAddress', 'vpc:AddCommonBandwidthPackageIp', 'vpc:RemoveCommonBandwidthPackageIp',
  'vpc:TagResources', 'ecs:DescribeNetworkInterfaces',
];
const DOCUMENTED_LEGACY = [
  'vpc:DescribeVSwitches', 'vpc:AllocateEipAddress', 'vpc:DescribeEipAddresses', 'vpc:AssociateEipAddress', 'vpc:UnassociateEipAddress',
  'vpc:ReleaseEipAddress', 'vpc:AddCommonBandwidthPackageIp', 'vpc:RemoveCommonBandwidthPackageIp',
];

const CONTROLLER = { chartVersion: 'v0.12.2', regionId: 'cn-hangzhou' };
const PORTS = [{ protocol: BusinessPortProtocol.UDP, portRange: '7000/7100', sourceCidrIp: '0.0.0.0/0' }];
const EXISTING = {
  clusterId: 'c0123456789abcdef0123456789abcdef',
  vpcId: 'vpc-bp1abc000000',
  workerRamRoleName: 'KubernetesWorkerRole-abc',
  securityGroupId: 'sg-bp1abc000000',
  terwayVersion: 'v1.6.4',
};

function standalone(props: PodEipPolicyProps): { stack: TerraformStack; policy: PodEipPolicy } {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  if (props.helmRelease) new HelmProvider(stack, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
  return { stack, policy: new PodEipPolicy(stack, 'PodEip', props) };
}

function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

function documents(json: any): string[][] {
  return Object.values(json.resource.alicloud_ram_policy).map((p: any) => {
    const doc = JSON.parse(p.policy_document);
    expect(doc.Statement).toHaveLength(1);
    expect(doc.Statement[0].Effect).toBe('Allow');
    expect(doc.Statement[0].Resource).toEqual(['*']);
    return doc.Statement[0].Action;
  });
}

describe('PodEipPolicy RAM', () => {
  test('the action lists equal the documented sets exactly, without wildcards', () => {
    const ack = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS });
    const legacy = standalone({ implementation: PodEipImplementation.LEGACY_TERWAY, clusterInfo: EXISTING, businessPorts: PORTS });
    expect(documents(synthJson(ack.stack))).toEqual([DOCUMENTED_ACK_EXTEND]);
    expect(documents(synthJson(legacy.stack))).toEqual([DOCUMENTED_LEGACY]);
    expect(ack.policy.actions).toEqual(DOCUMENTED_ACK_EXTEND);
    expect([...ack.policy.actions, ...legacy.policy.actions].some((a) => a.includes('*'))).toBe(false);
  });

  test('with a TerwayCluster the policy goes to the worker role; output conforms to the pinned schema', () => {
    const { stack, cluster } = clusterStack(validProps());
    new PodEipPolicy(stack, 'PodEip', { cluster, controller: CONTROLLER, businessPorts: PORTS });
    const json = synthJson(stack);
    expect(conformanceErrors(json)).toEqual([]);
    const attachments = Object.values(json.resource.alicloud_ram_role_policy_attachment) as any[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ policy_type: 'Custom', role_name: expect.stringMatching(/worker_ram_role_name/) });
    const rule = Object.values(json.resource.alicloud_security_group_rule)[0] as any;
    expect(rule).toMatchObject({ type: 'ingress', ip_protocol: 'udp', port_range: '7000/7100', cidr_ip: '0.0.0.0/0', nic_type: 'intranet', security_group_id: expect.stringMatching(/security_group_id/) });
    expect(json.resource.alicloud_ram_role).toBeUndefined();
  });

  // "Associate an exclusive EIP with a pod", Terway (legacy): for an ACK dedicated cluster or a managed cluster created
  // before June 2020 the page grants the policy on the AliyunCSManagedNetworkRole page only (not the worker role).
  test('legacy Terway on an ACK dedicated or pre-June-2020 cluster attaches AliyunCSManagedNetworkRole only', () => {
    for (const flag of [{ dedicatedCluster: true }, { createdBeforeJune2020: true }]) {
      const legacy = { implementation: PodEipImplementation.LEGACY_TERWAY, clusterInfo: { ...EXISTING, ...flag }, businessPorts: PORTS };
      const { stack, policy } = standalone(legacy);
      const roles = (Object.values(synthJson(stack).resource.alicloud_ram_role_policy_attachment) as any[]).map((a) => a.role_name);
      expect(roles).toEqual([ACK_MANAGED_NETWORK_ROLE]);
      expect(policy.attachedRoleNames).toEqual([ACK_MANAGED_NETWORK_ROLE]);
      // The worker role is not needed there.
      expect(() => standalone({ ...legacy, clusterInfo: { ...legacy.clusterInfo, workerRamRoleName: undefined } })).not.toThrow();
    }
    const { stack } = standalone({ clusterInfo: { ...EXISTING, dedicatedCluster: true }, controller: CONTROLLER, businessPorts: PORTS });
    expect((Object.values(synthJson(stack).resource.alicloud_ram_role_policy_attachment) as any[]).map((a) => a.role_name)).toEqual(['KubernetesWorkerRole-abc']);
  });

  test('with RRSA the policy goes to a created RRSA role with an OIDC trust policy; the worker role gets nothing', () => {
    const { stack, policy } = standalone({
      clusterInfo: EXISTING,
      controller: CONTROLLER,
      businessPorts: PORTS,
      rrsa: { roleName: 'eip-controller', accountId: '1234567890', oidcIssuerUrl: 'https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123', kubeSystemInjectionLabel: true },
    });
    const json = synthJson(stack);
    expect(conformanceErrors(json)).toEqual([]);
    const role = Object.values(json.resource.alicloud_ram_role)[0] as any;
    expect(role.role_name).toBe('eip-controller');
    expect(JSON.parse(role.assume_role_policy_document)).toEqual({
      Version: '1',
      Statement: [{
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Federated: [`acs:ram::1234567890:oidc-provider/ack-rrsa-${EXISTING.clusterId}`] },
        Condition: { StringEquals: { 'oidc:aud': 'sts.aliyuncs.com', 'oidc:iss': 'https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123', 'oidc:sub': 'system:serviceaccount:kube-system:ack-extend-network-controller' } },
      }],
    });
    const attachments = Object.values(json.resource.alicloud_ram_role_policy_attachment) as any[];
    expect(attachments.map((a) => a.role_name)).toEqual([expect.stringMatching(/alicloud_ram_role\..*\.role_name/)]);
    expect(policy.controllerValues!.values).toMatchObject({ enableRRSA: true, rrsaRoleName: 'eip-controller' });
  });

  test('an existing RRSA role is taken by name; a TerwayCluster supplies the OIDC provider and issuer', () => {
    const byName = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS, rrsa: { roleName: 'mine', createRole: false, kubeSystemInjectionLabel: true } });
    const json = synthJson(byName.stack);
    expect(json.resource.alicloud_ram_role).toBeUndefined();
    expect((Object.values(json.resource.alicloud_ram_role_policy_attachment) as any[]).map((a) => a.role_name)).toEqual(['mine']);

    const { stack, cluster } = clusterStack(validProps());
    new PodEipPolicy(stack, 'PodEip', { cluster, controller: CONTROLLER, businessPorts: PORTS, rrsa: { roleName: 'eip-controller', kubeSystemInjectionLabel: true } });
    const trust = (Object.values(synthJson(stack).resource.alicloud_ram_role)[0] as any).assume_role_policy_document as string;
    expect(trust).toMatch(/rrsa_metadata\[0\]\.ram_oidc_provider_arn/);
    expect(trust).toMatch(/rrsa_metadata\[0\]\.rrsa_oidc_issuer_url/);
  });

  test('values: both VPC keys, no credential, as a Terraform output and an opt-in helm_release', () => {
    const { stack, policy } = standalone({
      clusterInfo: EXISTING,
      businessPorts: PORTS,
      controller: { ...CONTROLLER, customStatefulWorkloadKinds: ['GameServerSet'], maxConcurrentReconciles: 2, garbageCollectionPeriodInMinutes: 5 },
      helmRelease: { repository: 'oci://registry.example.com/charts', namespace: 'kube-system' },
    });
    const json = synthJson(stack);
    const values = parse(policy.controllerValuesYaml);
    expect(values).toEqual({
      clusterID: EXISTING.clusterId,
      regionID: 'cn-hangzhou',
      vpcID: EXISTING.vpcId,
      enableControllers: ['eip'],
      networkController: { vpcid: EXISTING.vpcId, customStatefulWorkloadKinds: ['GameServerSet'], eipController: { maxConcurrentReconciles: 2, garbageCollectionPeriodInMinutes: 5 } },
    });
    const release = Object.values(json.resource.helm_release)[0] as any;
    expect(release).toMatchObject({ chart: 'ack-extend-network-controller', repository: 'oci://registry.example.com/charts', version: 'v0.12.2', namespace: 'kube-system' });
    expect(release.depends_on).toEqual([expect.stringMatching(/^alicloud_ram_role_policy_attachment\./)]);
    expect(parse(release.values[0])).toEqual(values);
    expect(Object.keys(json.output)).toContain('podeip_controller_values');
    expect(Object.values(json.resource.alicloud_ram_policy).map((p: any) => p.policy_name)).toEqual([expect.stringMatching(/^podeip-pod-eip-[0-9a-f]{8}$/)]);
    expect(JSON.stringify(json)).not.toMatch(/credential|accessKey|accessSecret/i);
  });
});

/** One failing input per PodEipPolicy rule: [rule ID, props, message]. */
const CASES: Array<[string, PodEipPolicyProps, RegExp]> = [
  ['TW-EIP-002', { implementation: PodEipImplementation.LEGACY_TERWAY, clusterInfo: { ...EXISTING, terwayVersion: 'v1.8.0' }, businessPorts: PORTS }, /legacy Terway EIP feature is chosen on Terway v1.8.0, which no longer has it/],
  ['TW-EIP-002', { implementation: PodEipImplementation.LEGACY_TERWAY, clusterInfo: { ...EXISTING, terwayVersion: undefined }, businessPorts: PORTS }, /Terway version is not known/],
  ['TW-EIP-018', { clusterInfo: EXISTING, businessPorts: PORTS, controller: { ...CONTROLLER, chartVersion: 'v0.9.0' }, rrsa: { roleName: 'r', createRole: false } }, /enableRRSA, rrsaRoleName need ack-extend-network-controller v0.10.0/],
  ['TW-EIP-018', { clusterInfo: EXISTING, businessPorts: PORTS, controller: { ...CONTROLLER, chartVersion: 'v0.12.1', kubeClientQps: 50 } }, /kubeClientQPS need ack-extend-network-controller v0.12.2/],
  ['TW-EIP-018', { clusterInfo: EXISTING, businessPorts: PORTS, controller: { ...CONTROLLER, chartVersion: 'v0.1.0' } }, /the EIP controller need ack-extend-network-controller v0.2.0/],
  ['TW-EIP-019', { clusterInfo: EXISTING, businessPorts: PORTS, controller: { ...CONTROLLER, additionalValues: { credential: { accessKey: 'LTAI', accessSecret: 'x' } } } }, /additionalValues set credential/],
  ['TW-EIP-021', { clusterInfo: EXISTING, controller: CONTROLLER }, /No business ports are declared/],
  ['TW-EIP-021', { clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS, openBusinessPorts: false }, /udp 7000\/7100 from 0.0.0.0\/0 are not opened/],
  ['TW-EIP-021', { clusterInfo: { ...EXISTING, securityGroupId: undefined }, controller: CONTROLLER, businessPorts: PORTS }, /the node security group is not known/],
];

describe('every PodEipPolicy rule has a failing input', () => {
  test.each(CASES)('%s', (ruleId, props, message) => {
    const { stack } = standalone(props);
    const report = ValidationReport.of(stack);
    const hit = [...report.errors, ...report.warnings].find((f) => f.ruleId === ruleId && message.test(f.text));
    expect(hit).toBeDefined();
    expect(hit!.severity).toBe(RuleCatalog.get(ruleId).severity);
    if (hit!.severity === 'error') expect(synthError(stack)).toContain(`[${ruleId}]`);
  });

  test('TW-EIP-001: both implementations in one stack', () => {
    const { stack } = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS });
    new PodEipPolicy(stack, 'Legacy', { implementation: PodEipImplementation.LEGACY_TERWAY, clusterInfo: EXISTING, businessPorts: PORTS });
    expect(synthError(stack)).toMatch(/\[TW-EIP-001\] The stack grants pod EIP permissions for both ack-extend-network-controller and legacy-terway/);
  });

  test('TW-EIP-019: AccessKeys added to the helm_release through an escape hatch', () => {
    const { stack, policy } = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS, helmRelease: { repository: 'https://charts.example.com', namespace: 'kube-system' } });
    policy.helmRelease!.addOverride('set', [{ name: 'credential.accessKey', value: 'LTAI' }]);
    expect(synthError(stack)).toMatch(/\[TW-EIP-019\] The helm_release .* sets controller AccessKeys/);
  });

  test('TW-EIP-023: RRSA for the controller on a cluster with RRSA disabled', () => {
    const { stack, cluster } = clusterStack(validProps({ enableRrsa: false }));
    Acknowledgements.of(cluster).add('TW-SEC-002', 'test');
    new PodEipPolicy(stack, 'PodEip', { cluster, controller: CONTROLLER, businessPorts: PORTS, rrsa: { roleName: 'eip-controller' } });
    expect(synthError(stack)).toMatch(/\[TW-EIP-023\] rrsa is set but test\/Cluster has RRSA disabled/);
  });

  test('warnings can be acknowledged', () => {
    const { stack, policy } = standalone({ clusterInfo: EXISTING, controller: CONTROLLER });
    Acknowledgements.of(policy).add('TW-EIP-021', 'the node security group is managed by the network team');
    expect(ValidationReport.of(stack).warnings).toEqual([]);
    expect(synthError(stack)).toBeUndefined();
  });
});

describe('PodEipPolicy input shapes', () => {
  const cases: Array<[string, PodEipPolicyProps, RegExp]> = [
    ['legacy with controller settings', { implementation: PodEipImplementation.LEGACY_TERWAY, clusterInfo: EXISTING, controller: CONTROLLER }, /controller belongs to ack-extend-network-controller/],
    ['ack-extend without controller', { clusterInfo: EXISTING }, /controller is required/],
    ['no worker role', { clusterInfo: { ...EXISTING, workerRamRoleName: undefined }, controller: CONTROLLER }, /workerRamRoleName is required/],
    ['bad port range', { clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: [{ ...PORTS[0], portRange: '9000/80' }] }, /portRange must be ports 1 to 65535/],
    ['bad CIDR', { clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: [{ ...PORTS[0], sourceCidrIp: '0.0.0.0' }] }, /sourceCidrIp must be an IPv4 CIDR block/],
    ['string boolean', { clusterInfo: EXISTING, controller: CONTROLLER, openBusinessPorts: 'false' as any }, /openBusinessPorts must be true or false/],
    ['RRSA role without OIDC facts', { clusterInfo: EXISTING, controller: CONTROLLER, rrsa: { roleName: 'r' } }, /rrsa.oidcProviderArn is required/],
    ['missing helm provider package is reported, not a TypeError', { clusterInfo: EXISTING, controller: CONTROLLER, helmRelease: { repository: 'ftp://x', namespace: 'kube-system' } }, /helmRelease.repository must be a repository URL/],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(() => standalone(props)).toThrow(message);
  });
});

describe('PodEipPolicy: runtime requirements and collisions (issues 17 and 18)', () => {
  const RRSA = { roleName: 'eip-controller', accountId: '1234567890', oidcIssuerUrl: 'https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0123' };

  // "Associate an exclusive EIP with a pod", enableRRSA: "Only the ack-pod-identity-webhook injection method is supported.
  // Configure the corresponding label for the kube-system namespace"; the label is pod-identity.alibabacloud.com/injection: on
  // (https://www.alibabacloud.com/help/en/ack/product-overview/ack-pod-identity-webhook, namespace configuration).
  test('RRSA installs ack-pod-identity-webhook before the release and refuses until the kube-system label is confirmed', () => {
    const unconfirmed = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS, rrsa: RRSA });
    expect(synthError(unconfirmed.stack)).toMatch(/\[TW-EIP-025\] .*pod-identity.alibabacloud.com\/injection=on on kube-system/);

    const { stack } = standalone({
      clusterInfo: EXISTING,
      controller: CONTROLLER,
      businessPorts: PORTS,
      rrsa: { ...RRSA, kubeSystemInjectionLabel: true },
      helmRelease: { repository: 'oci://registry.example.com/charts', namespace: 'kube-system' },
    });
    const json = synthJson(stack);
    expect(conformanceErrors(json)).toEqual([]);
    const addons = Object.values(json.resource.alicloud_cs_kubernetes_addon) as any[];
    expect(addons).toEqual([{ cluster_id: EXISTING.clusterId, name: 'ack-pod-identity-webhook' }]);
    const release = Object.values(json.resource.helm_release)[0] as any;
    expect(release.depends_on).toContainEqual(expect.stringMatching(/^alicloud_cs_kubernetes_addon\./));

    const own = standalone({
      clusterInfo: EXISTING,
      controller: CONTROLLER,
      businessPorts: PORTS,
      rrsa: { ...RRSA, kubeSystemInjectionLabel: true, installPodIdentityWebhook: false },
    });
    expect(synthJson(own.stack).resource.alicloud_cs_kubernetes_addon).toBeUndefined();

    const listed = clusterStack(validProps({ additionalAddons: [{ name: 'ack-pod-identity-webhook' }] }));
    new PodEipPolicy(listed.stack, 'PodEip', { cluster: listed.cluster, controller: CONTROLLER, businessPorts: PORTS, rrsa: { roleName: 'eip-controller', kubeSystemInjectionLabel: true } });
    expect(synthJson(listed.stack).resource.alicloud_cs_kubernetes_addon).toBeUndefined();
  });

  test('business ports opening 22 or 3389 to 0.0.0.0/0 get the plane security-group finding (TW-SG-004), also inside a UDP range', () => {
    for (const port of [
      { protocol: BusinessPortProtocol.TCP, portRange: '22', sourceCidrIp: '0.0.0.0/0' },
      { protocol: BusinessPortProtocol.UDP, portRange: '3000/4000', sourceCidrIp: '0.0.0.0/0' },
    ]) {
      const { stack } = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: [port] });
      const hits = ValidationReport.of(stack).warnings.filter((f) => f.ruleId === 'TW-SG-004');
      expect(hits.map((f) => f.text)).toEqual([expect.stringMatching(new RegExp(`businessPorts\\[0\\] on sg-bp1abc000000 allows ${port.protocol} from 0.0.0.0/0 to port ${port.portRange === '22' ? 22 : 3389}`))]);
    }
    const closed = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: [{ protocol: BusinessPortProtocol.TCP, portRange: '22', sourceCidrIp: '10.0.0.0/8' }] });
    expect(ValidationReport.of(closed.stack).warnings.filter((f) => f.ruleId === 'TW-SG-004')).toEqual([]);
  });

  test('PodEip and podeip in one stack: the colliding output name is TW-OUT-001', () => {
    const { stack } = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS });
    new PodEipPolicy(stack, 'podeip', { clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS });
    expect(synthError(stack)).toMatch(/\[TW-OUT-001\] Output name podeip_controller_values of test\/podeip is also claimed by the library construct test\/PodEip/);
  });

  test('two policies with the same policyName are TW-EIP-026', () => {
    const { stack } = standalone({ clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS, policyName: 'pod-eip' });
    new alicloud.ramPolicy.RamPolicy(stack, 'Mine', { policyName: 'other', policyDocument: '{}' });
    new PodEipPolicy(stack, 'Second', { clusterInfo: EXISTING, controller: CONTROLLER, businessPorts: PORTS, policyName: 'pod-eip' });
    expect(synthError(stack)).toMatch(/\[TW-EIP-026\] test\/Second creates RAM policy "pod-eip", which test\/PodEip\/Policy also creates/);
  });

  test('300-character namespace, service account and release names are refused', () => {
    const long = 'a'.repeat(300);
    expect(() => standalone({ clusterInfo: EXISTING, controller: CONTROLLER, rrsa: { ...RRSA, serviceAccountNamespace: long } })).toThrow(/rrsa.serviceAccountNamespace must be a namespace name \(RFC 1123 label, at most 63/);
    expect(() => standalone({ clusterInfo: EXISTING, controller: CONTROLLER, rrsa: { ...RRSA, serviceAccountName: long } })).toThrow(/rrsa.serviceAccountName must be a service account name/);
    const release = { repository: 'oci://registry.example.com/charts', namespace: 'kube-system' };
    expect(() => standalone({ clusterInfo: EXISTING, controller: CONTROLLER, helmRelease: { ...release, namespace: long } })).toThrow(/helmRelease.namespace must be a namespace name/);
    expect(() => standalone({ clusterInfo: EXISTING, controller: CONTROLLER, helmRelease: { ...release, releaseName: 'r'.repeat(54) } })).toThrow(/helmRelease.releaseName must be a Helm release name/);
  });
});
