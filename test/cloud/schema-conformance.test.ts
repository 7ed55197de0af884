/**
 * Everything the cloud constructs synthesize must be accepted by the aliyun/alicloud provider
 * schema the bindings were generated from: no unknown, computed-only or mistyped arguments,
 * no missing required ones. Each stack is synthesized with validations on, as `cdktf synth` does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LocalBackend, TerraformStack, Testing } from 'cdktf';
import { buildApp } from '../../examples/terway-cluster/main';
import {
  Acknowledgements, alicloud, IpStack, NetworkAcceleration, TerwayCluster, TerwayClusterProps, TerwayNodePoolOptions, ValidationReport,
} from '../../src';
import { conformanceErrors, loadPinnedSchema, terraformTypesIn } from '../support/terraform-schema';

const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'];

/** Three zones with one created node and one created pod vSwitch each. */
function createdZones(): TerwayClusterProps['zones'] {
  return ZONES.map((zoneId, i) => ({
    zoneId,
    nodeVSwitches: [{ cidrBlock: `192.168.${i}.0/24` }],
    podVSwitches: [{ cidrBlock: `192.168.${32 * (i + 1)}.0/19` }],
  }));
}

const BASE: TerwayClusterProps = {
  clusterName: 'conformance',
  kubernetesVersion: '1.33.1-aliyun.1',
  vpc: { cidrBlock: '192.168.0.0/16' },
  zones: createdZones(),
  serviceCidr: '172.21.0.0/20',
};

const WORKERS: TerwayNodePoolOptions = { nodePoolName: 'workers', instanceTypes: ['ecs.g7.xlarge', 'ecs.g8i.xlarge'], desiredSize: 3 };

interface Variant {
  readonly props: TerwayClusterProps;
  readonly nodePools?: TerwayNodePoolOptions[];
  readonly configure?: (cluster: TerwayCluster) => void;
  /** Resource types the variant must (true) or must not (false) produce. */
  readonly expectTypes: { readonly [type: string]: boolean };
  /** Warnings the variant acknowledges (they must be raised, and acknowledged). */
  readonly expectAcknowledged?: string[];
  /** A resource the variant must render, with (a subset of) its properties. */
  readonly expectResource?: { readonly type: string; readonly properties: { readonly [key: string]: unknown } };
}

const VARIANTS: { readonly [name: string]: Variant } = {
  'existing VPC and vSwitches': {
    props: {
      ...BASE,
      vpc: { vpcId: 'vpc-bp1conformance01', cidrBlock: '192.168.0.0/16' },
      zones: ZONES.map((zoneId, i) => ({
        zoneId,
        nodeVSwitches: [{ vswitchId: `vsw-bp1node0${i}`, cidrBlock: `192.168.${i}.0/24` }],
        podVSwitches: [{ vswitchId: `vsw-bp1pod0${i}`, cidrBlock: `192.168.${32 * (i + 1)}.0/19` }],
      })),
      securityGroupId: 'sg-bp1conformance01',
    },
    nodePools: [WORKERS],
    // Nothing billable is created in a VPC the user brought without being asked.
    expectTypes: {
      alicloud_vpc: false, alicloud_vswitch: false, alicloud_nat_gateway: false, alicloud_eip_address: false, alicloud_snat_entry: false,
    },
  },
  'existing VPC, NAT gateway asked for': {
    props: {
      ...BASE,
      vpc: { vpcId: 'vpc-bp1conformance01', cidrBlock: '192.168.0.0/16' },
      natGateway: { enabled: true },
    },
    expectTypes: { alicloud_vpc: false, alicloud_vswitch: true, alicloud_nat_gateway: true, alicloud_eip_address: true, alicloud_snat_entry: true },
  },
  'dual stack': {
    props: { ...BASE, ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } },
    nodePools: [{ nodePoolName: 'dual', instanceTypes: ['ecs.g8i.xlarge'] }],
    expectTypes: { alicloud_vpc: true, alicloud_vswitch: true, alicloud_cs_kubernetes_node_pool: true },
    expectResource: { type: 'alicloud_cs_managed_kubernetes', properties: { ip_stack: 'dual' } },
  },
  'existing NAT gateway': {
    props: { ...BASE, natGateway: { natGatewayId: 'ngw-bp1conformance01', snatTableId: 'stb-bp1conformance01', snatIp: '47.96.1.10' } },
    expectTypes: { alicloud_nat_gateway: false, alicloud_eip_address: false, alicloud_eip_association: false, alicloud_snat_entry: true },
    expectResource: { type: 'alicloud_snat_entry', properties: { snat_table_id: 'stb-bp1conformance01', snat_ip: '47.96.1.10' } },
  },
  'NAT disabled, warning acknowledged': {
    props: { ...BASE, natGateway: { enabled: false } },
    configure: (cluster) => Acknowledgements.of(cluster).add('TW-NAT-001', 'egress goes through a transit router'),
    expectAcknowledged: ['TW-NAT-001'],
    expectTypes: { alicloud_nat_gateway: false, alicloud_snat_entry: false },
  },
  'node pool with labels and taints': {
    props: { ...BASE, acceleration: NetworkAcceleration.DATAPATH_V2 },
    nodePools: [WORKERS, {
      nodePoolName: 'gateways',
      instanceTypes: ['ecs.g7.2xlarge'],
      zoneIds: [ZONES[0]],
      labels: { 'node-role/gateway': 'true', 'team': 'net' },
      taints: [{ key: 'dedicated', value: 'gateway', effect: 'NoExecute' }, { key: 'no-value' }],
      systemDiskCategory: 'cloud_auto',
      systemDiskSize: 80,
    }],
    expectTypes: { alicloud_cs_kubernetes_node_pool: true },
    expectResource: {
      type: 'alicloud_cs_kubernetes_node_pool',
      properties: {
        labels: [{ key: 'node-role/gateway', value: 'true' }, { key: 'team', value: 'net' }],
        taints: [{ key: 'dedicated', value: 'gateway', effect: 'NoExecute' }, { key: 'no-value', effect: 'NoSchedule' }],
      },
    },
  },
  'additional add-ons': {
    props: {
      ...BASE,
      trunkEni: true,
      terwayVersion: 'v1.9.0',
      additionalAddons: [
        { name: 'csi-plugin' },
        { name: 'ack-node-problem-detector', config: '{"sls_project_name":"npd"}', version: '1.2.20' },
        { name: 'logtail-ds', disabled: true },
      ],
      resourceGroupId: 'rg-acfmconformance01',
      tags: { 'managed-by': 'ack-terway-network' },
    },
    expectTypes: { alicloud_cs_managed_kubernetes: true },
    expectResource: {
      type: 'alicloud_cs_managed_kubernetes',
      properties: { addons: expect.arrayContaining([{ name: 'logtail-ds', disabled: true }]) },
    },
  },
};

/** Synthesizes one variant in its own stack, with validations; returns the cdk.tf.json text and its stack. */
function synthVariant(variant: Variant): { json: string; stack: TerraformStack } {
  const stack = new TerraformStack(Testing.app(), 'conformance');
  new LocalBackend(stack, { path: 'terraform.conformance.tfstate' });
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const cluster = new TerwayCluster(stack, 'Cluster', variant.props);
  variant.configure?.(cluster);
  (variant.nodePools ?? []).forEach((pool, i) => cluster.addNodePool(`Pool${i}`, pool));
  return { json: Testing.synth(stack, true), stack };
}

/** alicloud_* resource and data source types in a synthesized stack. */
function alicloudTypes(synthesized: object): string[] {
  const { resources, dataSources } = terraformTypesIn(synthesized);
  return [...resources, ...dataSources.map((t) => `data.${t}`)].filter((t) => t.replace(/^data\./, '').startsWith('alicloud_'));
}

const ALICLOUD = loadPinnedSchema().provider_schemas['registry.terraform.io/aliyun/alicloud'];
const KNOWN_TYPES = new Set([
  ...Object.keys(ALICLOUD.resource_schemas ?? {}),
  ...Object.keys(ALICLOUD.data_source_schemas ?? {}).map((t) => `data.${t}`),
]);

describe('the example app conforms to the pinned alicloud schema', () => {
  let outdir: string;
  beforeAll(() => { outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-example-')); });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('every stack cdktf writes conforms', () => {
    const app = buildApp(outdir);
    app.synth(); // validates every stack, then writes cdk.tf.json
    const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
    expect(stacks).toEqual(['terway-cluster']);
    for (const stack of stacks) {
      const synthesized = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf-8')) as object;
      expect({ stack, errors: conformanceErrors(synthesized) }).toEqual({ stack, errors: [] });
      const types = alicloudTypes(synthesized);
      expect(types).toEqual(expect.arrayContaining(['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes_node_pool', 'alicloud_vswitch']));
      expect(types.filter((t) => !KNOWN_TYPES.has(t))).toEqual([]);
    }
  });
});

describe.each(Object.entries(VARIANTS))('TerwayCluster variant: %s', (_name, variant) => {
  let synthesized: { json: string; stack: TerraformStack };
  beforeAll(() => { synthesized = synthVariant(variant); });

  test('conforms to the pinned alicloud schema', () => {
    expect(conformanceErrors(synthesized.json)).toEqual([]);
  });

  test('renders what the variant is about', () => {
    if (variant.expectResource !== undefined) {
      const { type, properties } = variant.expectResource;
      const config = JSON.parse(synthesized.json) as { resource?: { [type: string]: { [name: string]: unknown } } };
      expect(Object.values(config.resource?.[type] ?? {})).toContainEqual(expect.objectContaining(properties));
    }
    const report = ValidationReport.of(synthesized.stack);
    expect(report.errors).toEqual([]);
    expect(report.acknowledged.map((f) => f.ruleId)).toEqual(variant.expectAcknowledged ?? []);
  });

  test('uses only alicloud types of the pinned schema, and the ones the variant is about', () => {
    const types = alicloudTypes(JSON.parse(synthesized.json) as object);
    expect(types.filter((t) => !KNOWN_TYPES.has(t))).toEqual([]);
    for (const [type, present] of Object.entries(variant.expectTypes)) {
      expect({ type, present: types.includes(type) }).toEqual({ type, present });
    }
  });
});
