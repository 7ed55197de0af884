import { TerraformStack, Testing } from 'cdktf';
import { conformanceErrors, loadPinnedSchema, ProviderSchemasJson, terraformTypesIn } from './terraform-schema';
import { alicloud } from '../../src';

const CLUSTER = 'alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA';

/** A small, valid configuration that tests change one thing at a time. */
function minimalConfig() {
  return {
    terraform: { required_providers: { alicloud: { source: 'aliyun/alicloud', version: '1.289.0' } } },
    provider: { alicloud: [{ region: 'cn-hangzhou' }] },
    data: { alicloud_zones: { Zones: { available_resource_creation: 'VSwitch' } } },
    resource: {
      alicloud_vpc: { Vpc: { '//': { metadata: { path: 'stack/Vpc' } }, 'cidr_block': '192.168.0.0/16', 'tags': { 'managed-by': 'test' } } },
      alicloud_cs_managed_kubernetes: {
        Cluster_3DA9CCBA: {
          name: 'demo',
          cluster_spec: 'ack.pro.small',
          deletion_protection: true,
          vswitch_ids: ['${alicloud_vswitch.Node.id}'],
          pod_vswitch_ids: '${local.pod_vswitch_ids}',
          addons: [
            { '//': 'Terway first', 'name': 'terway-eniip', 'config': '{"IPVlan":"false"}' },
            { name: 'csi-plugin', disabled: false },
          ],
          timeouts: { create: '60m' },
        },
      },
      alicloud_cs_kubernetes_node_pool: {
        Pool: {
          cluster_id: '${alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA.id}',
          desired_size: '3',
          system_disk_size: 120,
          labels: [{ key: 'pool', value: 'workers' }],
          taints: [],
          scaling_config: { min_size: 1, max_size: 3 },
          depends_on: ['alicloud_vpc.Vpc'],
          lifecycle: { ignore_changes: ['desired_size'] },
        },
      },
      alicloud_snat_entry: {
        Snat: { snat_table_id: 'stb-123', snat_ip: '${alicloud_eip_address.Eip.ip_address}', source_vswitch_id: 'vsw-123', count: 2 },
      },
    },
  };
}

type Config = ReturnType<typeof minimalConfig>;

/** The errors for the minimal config after `edit`. */
function errorsAfter(edit: (config: Config) => void): string[] {
  const config = minimalConfig();
  edit(config);
  return conformanceErrors(config);
}

describe('conformanceErrors', () => {
  test('a correct configuration conforms, as an object or as a JSON string', () => {
    expect(conformanceErrors(minimalConfig())).toEqual([]);
    expect(conformanceErrors(JSON.stringify(minimalConfig()))).toEqual([]);
  });

  test('resources of other providers are not checked', () => {
    expect(conformanceErrors({ resource: { kubernetes_namespace: { Ns: { anything: 1 } } } })).toEqual([]);
  });

  test('an unknown argument', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA, { pod_cidrs: ['10.0.0.0/8'] })))
      .toEqual([`${CLUSTER}: unknown argument "pod_cidrs"`]);
  });

  test('a missing required argument', () => {
    expect(errorsAfter((c) => { delete (c.resource.alicloud_snat_entry.Snat as Partial<typeof c.resource.alicloud_snat_entry.Snat>).snat_table_id; }))
      .toEqual(['alicloud_snat_entry.Snat: missing required argument "snat_table_id"']);
    // null is no value in Terraform JSON
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_snat_entry.Snat, { snat_ip: null })))
      .toEqual(['alicloud_snat_entry.Snat: missing required argument "snat_ip"']);
  });

  test('a missing required argument in a nested block', () => {
    expect(errorsAfter((c) => { c.resource.alicloud_cs_kubernetes_node_pool.Pool.labels = [{ value: 'x' } as { key: string; value: string }]; }))
      .toEqual(['alicloud_cs_kubernetes_node_pool.Pool: missing required argument "labels[0].key"']);
  });

  test('a computed-only attribute that is set', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA, { worker_ram_role_name: 'KubernetesWorkerRole' })))
      .toEqual([`${CLUSTER}: "worker_ram_role_name" is computed-only and cannot be set`]);
  });

  test('a value of the wrong type', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA, { deletion_protection: 'yes' })))
      .toEqual([`${CLUSTER}: "deletion_protection" must be bool, got string "yes"`]);
  });

  test('wrong types inside lists, maps and nested blocks', () => {
    expect(errorsAfter((c) => {
      Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA, { vswitch_ids: ['vsw-1', 7], tags: 'a=b' });
      Object.assign(c.resource.alicloud_vpc.Vpc.tags, { owner: { team: 'net' } });
      Object.assign(c.resource.alicloud_cs_kubernetes_node_pool.Pool, { desired_size: 3 });
      Object.assign(c.resource.alicloud_cs_kubernetes_node_pool.Pool.scaling_config, { max_size: '3' });
    })).toEqual([
      'alicloud_vpc.Vpc: "tags.owner" must be string, got object',
      `${CLUSTER}: "vswitch_ids[1]" must be string, got number 7`,
      `${CLUSTER}: "tags" must be map(string), got string "a=b"`,
      'alicloud_cs_kubernetes_node_pool.Pool: "desired_size" must be string, got number 3',
      'alicloud_cs_kubernetes_node_pool.Pool: "scaling_config.max_size" must be number, got string "3"',
    ]);
  });

  test('an unknown key nested in the addons block', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA.addons[1], { nmae: 'csi-plugin' })))
      .toEqual([`${CLUSTER}: unknown argument "addons[1].nmae"`]);
  });

  test('a block with more than max_items items', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_kubernetes_node_pool.Pool, {
      scaling_config: [{ min_size: 1, max_size: 3 }, { min_size: 2, max_size: 4 }],
    }))).toEqual(['alicloud_cs_kubernetes_node_pool.Pool: block "scaling_config" allows at most 1 item, got 2']);
  });

  test('blocks in the wrong JSON shape', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA, {
      addons: { name: 'terway-eniip' }, // list block without max_items: must be an array
      timeouts: [{ create: '60m' }], // single block: must be an object
    }))).toEqual([
      `${CLUSTER}: block "addons" must be an array of objects (nesting mode list), got object`,
      `${CLUSTER}: block "timeouts" must be an object (nesting mode single), got array`,
    ]);
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_kubernetes_node_pool.Pool, { labels: ['pool=workers'] })))
      .toEqual(['alicloud_cs_kubernetes_node_pool.Pool: block "labels[0]" must be an object, got string']);
  });

  test('an unknown resource or data source type', () => {
    expect(errorsAfter((c) => Object.assign(c.resource, { alicloud_cs_kubernetes_cluster: { Old: { name: 'x' } } })))
      .toEqual(['alicloud_cs_kubernetes_cluster.Old: unknown resource type "alicloud_cs_kubernetes_cluster" (not in the registry.terraform.io/aliyun/alicloud schema)']);
    // alicloud_vpc is a resource, not a data source
    expect(errorsAfter((c) => Object.assign(c.data, { alicloud_vpc: { Vpc: {} } })))
      .toEqual(['data.alicloud_vpc.Vpc: unknown data source type "alicloud_vpc" (not in the registry.terraform.io/aliyun/alicloud schema)']);
  });

  test('meta-arguments: timeouts only where the schema has them, provisioners only on resources', () => {
    expect(errorsAfter((c) => Object.assign(c.resource, {
      alicloud_security_group_rule: {
        Rule: { type: 'ingress', ip_protocol: 'tcp', security_group_id: 'sg-1', timeouts: { create: '5m' }, provisioner: [] },
      },
    }))).toEqual(['alicloud_security_group_rule.Rule: unknown argument "timeouts"']);
    expect(errorsAfter((c) => Object.assign(c.data.alicloud_zones.Zones, { provisioner: [], count: 1 })))
      .toEqual(['data.alicloud_zones.Zones: unknown argument "provisioner"']);
  });

  test('the provider configuration is checked too', () => {
    expect(errorsAfter((c) => {
      c.provider.alicloud.push({ alias: 'beijing', region: 'cn-beijing', regoin: 'x', assume_role: [{ session_name: 's' }] } as { region: string });
    })).toEqual([
      'provider.alicloud[1]: unknown argument "regoin"',
      'provider.alicloud[1]: missing required argument "assume_role[0].role_arn"',
    ]);
  });

  test('the required_providers version must match the schema', () => {
    expect(errorsAfter((c) => { c.terraform.required_providers.alicloud.version = '= 1.288.0'; }))
      .toEqual(['terraform.required_providers.alicloud: version "= 1.288.0" differs from the schema\'s provider version 1.289.0']);
    expect(errorsAfter((c) => { c.terraform.required_providers.alicloud.version = '~> 1.289'; })).toEqual([]);
  });

  test('dynamic blocks are checked by their content', () => {
    expect(errorsAfter((c) => Object.assign(c.resource.alicloud_cs_managed_kubernetes.Cluster_3DA9CCBA, {
      dynamic: {
        addons: { for_each: '${var.addons}', content: { name: '${addons.value.name}', versoin: '1' } },
        addon: { for_each: '${var.addons}', content: {} },
      },
    }))).toEqual([
      `${CLUSTER}: unknown argument "dynamic.addons.content.versoin"`,
      `${CLUSTER}: unknown block "dynamic.addon" in dynamic`,
    ]);
  });

  test('min_items and object-typed attributes (with a custom schema)', () => {
    const schema: ProviderSchemasJson = {
      format_version: '1.0',
      provider_schemas: {
        'registry.terraform.io/example/demo': {
          resource_schemas: {
            demo_thing: {
              block: {
                attributes: { point: { type: ['object', { x: 'number', y: 'number' }], optional: true } },
                block_types: { rule: { nesting_mode: 'set', min_items: 1, block: { attributes: { port: { type: 'number', required: true } } } } },
              },
            },
          },
        },
      },
    };
    expect(conformanceErrors({ resource: { demo_thing: { A: { rule: [{ port: 80 }], point: { x: 1, y: 2 } } } } }, schema)).toEqual([]);
    expect(conformanceErrors({ resource: { demo_thing: { A: { point: { x: '1', z: 3 } }, B: { rule: [] } } } }, schema)).toEqual([
      'demo_thing.A: "point.x" must be number, got string "1"',
      'demo_thing.A: unknown argument "point.z"',
      'demo_thing.A: "point" is missing object attribute "y"',
      'demo_thing.A: missing required block "rule" (at least 1 item)',
      'demo_thing.B: block "rule" needs at least 1 item, got 0',
    ]);
  });

  test('catches a wrong escape-hatch override in real cdktf output', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    const vpc = new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/8', enableIpv6: true });
    const synthesized = Testing.synth(stack, true);
    expect(conformanceErrors(synthesized)).toEqual([]);

    vpc.addOverride('enable_ipv6', 'true');
    vpc.addOverride('ipv6_cidr_blocks', [{ ipv6_cidr_block: '2408::/56' }]);
    expect(conformanceErrors(Testing.synth(stack, true))).toEqual([
      'alicloud_vpc.Vpc: "enable_ipv6" must be bool, got string "true"',
      'alicloud_vpc.Vpc: "ipv6_cidr_blocks" is computed-only and cannot be set',
    ]);
  });
});

describe('helpers', () => {
  test('loadPinnedSchema has the alicloud provider and its version', () => {
    const schema = loadPinnedSchema();
    expect(schema.provider_versions).toEqual({ 'registry.terraform.io/aliyun/alicloud': '1.289.0' });
    expect(Object.keys(schema.provider_schemas['registry.terraform.io/aliyun/alicloud'].resource_schemas ?? {})).toContain('alicloud_cs_managed_kubernetes');
    expect(loadPinnedSchema()).toBe(schema);
  });

  test('terraformTypesIn lists resource and data source types', () => {
    expect(terraformTypesIn(minimalConfig())).toEqual({
      resources: ['alicloud_cs_kubernetes_node_pool', 'alicloud_cs_managed_kubernetes', 'alicloud_snat_entry', 'alicloud_vpc'],
      dataSources: ['alicloud_zones'],
    });
  });
});
