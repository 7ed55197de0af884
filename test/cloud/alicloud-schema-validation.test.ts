import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { buildOneDeployApp } from '../../examples/pod-networking/one-deploy';
import { buildApp as buildClusterApp } from '../../examples/terway-cluster/main';
import { alicloud, AlicloudSchemaValidation, ValidationReport } from '../../src';
import { ALICLOUD_PINNED_SCHEMA } from '../../src/generated/alicloud/schema';
import { clusterStack, synthError, validProps } from '../support/cluster-fixtures';
import { tmpdir } from '../support/files';
import { loadPinnedSchema } from '../support/terraform-schema';

/** A stack with an alicloud provider, in a fresh app. */
function stack(app: App = Testing.app(), id = 'user'): TerraformStack {
  const s = new TerraformStack(app, id);
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: 'cn-hangzhou' });
  return s;
}

/** Findings of the schema rules in the app of `scope`, as "RULE text". */
function schemaFindings(scope: TerraformStack): string[] {
  const report = ValidationReport.of(scope.node.root);
  return [...report.errors, ...report.warnings].filter((f) => f.ruleId.startsWith('TW-SCHEMA-')).map((f) => `${f.ruleId} ${f.text}`);
}

const vpc = (s: TerraformStack, id = 'Vpc') => new alicloud.vpc.Vpc(s, id, { cidrBlock: '10.0.0.0/16' });

describe('AlicloudSchemaValidation: the pinned provider schema for every alicloud resource in the app', () => {
  test('TW-SCHEMA-001: an unknown argument on a user\'s own resource (escape hatch)', () => {
    const s = stack();
    vpc(s).addOverride('cidr_blok', '10.0.0.0/8');
    AlicloudSchemaValidation.enable(s);
    expect(schemaFindings(s)).toEqual([expect.stringMatching(/^TW-SCHEMA-001 \[TW-SCHEMA-001\] user\/Vpc \(alicloud_vpc\.Vpc\): unknown argument "cidr_blok"/)]);
    expect(synthError(s)).toMatch(/TW-SCHEMA-001/);
  });

  test.each([
    ['worker_number on the cluster', (s: TerraformStack) => new alicloud.csManagedKubernetes.CsManagedKubernetes(s, 'C', { workerNumber: 3 }), /argument "worker_number" was removed from the provider: Field 'worker_number' has been removed from provider version 1.212.0/],
    ['rollout_policy on a node pool', (s: TerraformStack) => new alicloud.csKubernetesNodePool.CsKubernetesNodePool(s, 'P', { clusterId: 'c123', rolloutPolicy: { maxUnavailable: 1 } }), /block "rollout_policy" was removed from the provider: .*rolling_policy/],
    ['spec on the NAT gateway', (s: TerraformStack) => new alicloud.natGateway.NatGateway(s, 'N', { vpcId: 'vpc-1', spec: 'Small' }), /argument "spec" was removed from the provider: .*specification/],
  ])('TW-SCHEMA-002: %s', (_, make, message) => {
    const s = stack();
    make(s);
    AlicloudSchemaValidation.enable(s);
    const found = schemaFindings(s).filter((f) => f.startsWith('TW-SCHEMA-002'));
    expect(found).toEqual([expect.stringMatching(message)]);
  });

  test('TW-SCHEMA-003: a required argument set to null', () => {
    const s = stack();
    new alicloud.securityGroupRule.SecurityGroupRule(s, 'R', { securityGroupId: 'sg-1', type: 'ingress', ipProtocol: 'tcp', portRange: '22/22', cidrIp: '10.0.0.0/8' })
      .addOverride('security_group_id', null);
    AlicloudSchemaValidation.enable(s);
    expect(schemaFindings(s)).toEqual([expect.stringContaining('TW-SCHEMA-003 [TW-SCHEMA-003] user/R (alicloud_security_group_rule.R): missing required argument "security_group_id"')]);
  });

  test('TW-SCHEMA-004: values the provider\'s validation rejects', () => {
    const s = stack();
    new alicloud.securityGroupRule.SecurityGroupRule(s, 'R', { securityGroupId: 'sg-1', type: 'ingress', ipProtocol: 'TCP', portRange: '22/22', cidrIp: '10.0.0.0/8', priority: 101 });
    new alicloud.csManagedKubernetes.CsManagedKubernetes(s, 'C', { name: 'x'.repeat(64), clusterSpec: 'ack.pro', podVswitchIds: ['vsw-ok1', 'sw-bad'] });
    AlicloudSchemaValidation.enable(s);
    const found = schemaFindings(s);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringContaining('"ip_protocol" is string "TCP"; the provider accepts only "tcp", "udp", "icmp", "icmpv6", "gre", "all"'),
      expect.stringContaining('"priority" is number 101; the provider accepts whole numbers from 1 to 100'),
      expect.stringContaining('"name" is string'),
      expect.stringContaining('"cluster_spec" is string "ack.pro"'),
      expect.stringContaining('"pod_vswitch_ids[1]" is string "sw-bad"; the provider accepts strings matching ^vsw-[a-z0-9]*$'),
    ]));
    expect(found.every((f) => f.startsWith('TW-SCHEMA-004'))).toBe(true);
  });

  test('TW-SCHEMA-005: a wrong type, a computed-only attribute, another provider version', () => {
    const s = stack();
    const v = vpc(s);
    v.addOverride('cidr_block', 5);
    v.addOverride('router_table_id', 'vtb-1');
    s.addOverride('terraform.required_providers.alicloud.version', '1.200.0');
    AlicloudSchemaValidation.enable(s);
    const found = schemaFindings(s);
    expect(found).toEqual([
      expect.stringContaining('user/Vpc (alicloud_vpc.Vpc): "cidr_block" must be string, got number 5'),
      expect.stringContaining('"router_table_id" is computed-only and cannot be set'),
      expect.stringContaining('(terraform.required_providers.alicloud): version "1.200.0" differs from the schema\'s provider version 1.289.0'),
    ]);
    expect(found.every((f) => f.startsWith('TW-SCHEMA-005'))).toBe(true);
  });

  test('TW-SCHEMA-006 (warning): a deprecated argument; the synth still passes', () => {
    const s = stack();
    new alicloud.vpc.Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16', name: 'old-style' });
    AlicloudSchemaValidation.enable(s);
    expect(schemaFindings(s)).toEqual([expect.stringContaining('TW-SCHEMA-006 [TW-SCHEMA-006] user/Vpc (alicloud_vpc.Vpc): argument "name" is deprecated by the provider')]);
    expect(synthError(s)).toBeUndefined();
  });

  test('every stack of the app, also stacks created after enable, and data sources and provider blocks', () => {
    const app = Testing.app();
    const first = stack(app, 'first');
    AlicloudSchemaValidation.enable(app);
    const later = stack(app, 'later');
    new alicloud.natGateway.NatGateway(later, 'N', { vpcId: 'vpc-1', spec: 'Small' });
    new alicloud.dataAlicloudZones.DataAlicloudZones(later, 'Z', {}).addOverride('available_resource_creatio', 'VSwitch');
    expect(schemaFindings(first)).toEqual([
      expect.stringContaining('later/N (alicloud_nat_gateway.N): argument "spec" was removed'),
      expect.stringContaining('later/Z (data.alicloud_zones.Z): unknown argument "available_resource_creatio"'),
    ]);
    expect(() => app.synth()).toThrow(/TW-SCHEMA-002/);
  });

  test('the library\'s own cluster stack conforms; without enable nothing is checked', () => {
    const { stack: s } = clusterStack(validProps());
    AlicloudSchemaValidation.enable(s);
    expect(schemaFindings(s)).toEqual([]);
    const off = stack();
    new alicloud.natGateway.NatGateway(off, 'N', { vpcId: 'vpc-1', spec: 'Small' });
    expect(schemaFindings(off)).toEqual([]);
  });

  test.each([
    ['terway-cluster', () => buildClusterApp(tmpdir())],
    ['pod-networking one-deploy', () => buildOneDeployApp(tmpdir())],
  ])('the %s example has no schema finding, not even a deprecation', (_, build) => {
    const app = build();
    AlicloudSchemaValidation.enable(app);
    const report = ValidationReport.of(app);
    expect([...report.errors, ...report.warnings].filter((f) => f.ruleId.startsWith('TW-SCHEMA-'))).toEqual([]);
    expect(report.rulesChecked).toBeGreaterThan(0);
  });

  test('enable() checks its input', () => {
    expect(() => AlicloudSchemaValidation.enable(undefined as any)).toThrow(/AlicloudSchemaValidation.enable: scope must be a construct/);
    expect(() => AlicloudSchemaValidation.enable(Testing.app())).toThrow(/has no TerraformStack/);
  });
});

describe('what ships: bindings and the runtime schema', () => {
  test('the runtime schema is the annotated pinned schema without descriptions', () => {
    const strip = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => ((k === 'description' && typeof x === 'string') || k === 'description_kind' ? undefined : x)));
    expect(ALICLOUD_PINNED_SCHEMA).toEqual(strip(loadPinnedSchema()));
    // Attributes named "description" are arguments, not doc text: they stay.
    const sg = ALICLOUD_PINNED_SCHEMA.provider_schemas['registry.terraform.io/aliyun/alicloud'].resource_schemas!.alicloud_security_group;
    expect(sg.block.attributes!.description).toEqual({ type: 'string', optional: true });
  });

  test('removed arguments are @deprecated in the generated bindings', () => {
    const file = fs.readFileSync(path.resolve(__dirname, '../../src/generated/alicloud/cs-managed-kubernetes/index.ts'), 'utf-8');
    expect(file).toMatch(/@deprecated Removed from the aliyun\/alicloud provider; Terraform rejects it\. Field 'worker_number'.*\n {2}\*\/\n {2}readonly workerNumber\?: number;/);
    const pool = fs.readFileSync(path.resolve(__dirname, '../../src/generated/alicloud/cs-kubernetes-node-pool/index.ts'), 'utf-8');
    expect(pool).toMatch(/@deprecated Removed .*rollout_policy.*\n {2}\*\/\n {2}readonly rolloutPolicy\?:/);
  });
});
