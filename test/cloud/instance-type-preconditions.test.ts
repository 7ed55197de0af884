/**
 * Issue 17: the plan-time checks of node pools must be right whatever DescribeInstanceTypes
 * returns. Provider 1.289.0 sends `instance_type` as the request parameter `InstanceType`
 * (aliyun/terraform-provider-alicloud alicloud/data_source_alicloud_instance_types.go), which
 * the ECS API reference of DescribeInstanceTypes does not document; if the API ignores it, the
 * data source lists every type of the region.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { ExclusiveEniNodePool, IpStack, TerwayNodePool } from '../../src';
import { instanceTypeFamily, instanceTypePreconditions } from '../../src/cloud/instance-type-preconditions';
import { clusterStack, validProps } from '../support/cluster-fixtures';

/**
 * `instance_types` elements as the provider maps them (`id` ← InstanceTypeId, `eni_quantity` ←
 * EniQuantity, …; data_source_alicloud_instance_types.go). Values: ecs.u1-c1m4.xlarge from the
 * DescribeInstanceTypes response fixture of kubernetes-sigs/alibaba-cloud-csi-driver (pkg/disk
 * tests: EniQuantity 3, EniPrivateIpAddressQuantity 10, EniIpv6AddressQuantity 1); ecs.g6.large
 * and ecs.g7.4xlarge from the ECS instance family pages (2 ENIs × 6 IPv4; 8 ENIs × 30 IPv4).
 * The list is what the data source holds when the API ignores `InstanceType`: the whole region,
 * with another type first.
 */
const REGION = [
  { id: 'ecs.g6.large', eni_quantity: 2, eni_private_ip_address_quantity: 6, eni_ipv6_address_quantity: 1 },
  { id: 'ecs.u1-c1m4.xlarge', eni_quantity: 3, eni_private_ip_address_quantity: 10, eni_ipv6_address_quantity: 1 },
  { id: 'ecs.g7.4xlarge', eni_quantity: 8, eni_private_ip_address_quantity: 30, eni_ipv6_address_quantity: 30 },
];

const terraform = spawnSync('terraform', ['version'], { encoding: 'utf-8' }).status === 0;

/** The `${…}` interpolations of a template (brace-balanced). */
function interpolations(template: string): string[] {
  const out: string[] = [];
  for (let i = template.indexOf('${'); i >= 0; i = template.indexOf('${', i + 1)) {
    let depth = 0;
    for (let j = i + 1; j < template.length; j++) {
      if (template[j] === '{') depth++;
      if (template[j] === '}' && --depth === 0) {
        out.push(template.slice(i + 2, j));
        i = j;
        break;
      }
    }
  }
  return out;
}

/** Evaluates HCL expressions with `terraform console`, the data source's list replaced by `list`. */
function evaluate(expressions: string[], list: object[]): unknown[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-console-'));
  try {
    fs.writeFileSync(path.join(dir, 'types.json'), JSON.stringify(list));
    fs.writeFileSync(path.join(dir, 'main.tf'), 'locals {\n  types = jsondecode(file("${path.module}/types.json"))\n}\n');
    const local = expressions.map((e) => e.replace(/data\.alicloud_instance_types\.[A-Za-z0-9_]+\.instance_types/g, 'local.types'));
    const r = spawnSync('terraform', ['console'], { cwd: dir, input: `jsonencode([${local.join(', ')}])\n`, encoding: 'utf-8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(JSON.parse(r.stdout.trim()));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function preconditions(exclusive: boolean, type: string) {
  const s = exclusive
    ? clusterStack(validProps({ ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } }))
    : clusterStack(validProps());
  if (exclusive) new ExclusiveEniNodePool(s.stack, 'Pool', { cluster: s.cluster, nodePoolName: 'pool', instanceTypes: [type] });
  else new TerwayNodePool(s.stack, 'Pool', { cluster: s.cluster, nodePoolName: 'pool', instanceTypes: [type] });
  const tf = JSON.parse(Testing.synth(s.stack));
  const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
  return { checks: np.lifecycle.precondition as Array<{ condition: string; error_message: string }>, data: tf.data.alicloud_instance_types };
}

describe('instance type preconditions select the pool\'s own type', () => {
  test('every list comprehension filters on the type and every index in a message is inside try()', () => {
    const { checks } = preconditions(true, 'ecs.g7.4xlarge');
    for (const c of checks) {
      for (const text of [c.condition, c.error_message]) {
        for (const m of text.matchAll(/\[for t in [^\]]*\]/g)) expect(m[0]).toMatch(/ if t\.id == "ecs\.g7\.4xlarge"\]$/);
      }
      for (const expr of interpolations(c.error_message)) expect(expr).toMatch(/^try\(.*, "\?"\)$/);
    }
  });

  test('the data source uses the documented InstanceTypeFamily filter', () => {
    const { data } = preconditions(false, 'ecs.u1-c1m4.xlarge');
    expect(Object.values(data)).toEqual([{ instance_type: 'ecs.u1-c1m4.xlarge', instance_type_family: 'ecs.u1' }]);
    // InstanceTypeFamily values of DescribeInstanceTypes responses: ecs.u1 for ecs.u1-c1m4.xlarge
    // (the csi-driver fixture above), ecs.g6 for ecs.g6 types.
    expect(['ecs.g7.4xlarge', 'ecs.g6.large', 'ecs.u1-c1m4.xlarge', 'weird'].map(instanceTypeFamily)).toEqual(['ecs.g7', 'ecs.g6', 'ecs.u1', undefined]);
  });

  (terraform ? test : test.skip)('terraform console: a region-wide list passes a good type and fails a bad one, with the right numbers', () => {
    const shared = preconditions(false, 'ecs.u1-c1m4.xlarge').checks;
    const sharedConditions = evaluate(shared.map((c) => interpolations(c.condition)[0]), REGION);
    expect(sharedConditions).toEqual([true, true]);
    // The synth-time rules refuse ecs.g6.large in a pool: the module's own output for it.
    const stack = new TerraformStack(Testing.app(), 'bare');
    const bad = instanceTypePreconditions(stack, { poolName: 'pool', instanceTypes: ['ecs.g6.large'], exclusive: false, dualStack: false })
      .map((c) => ({ condition: c.condition, error_message: c.errorMessage }));
    expect(evaluate(bad.map((c) => interpolations(c.condition)[0]), REGION)).toEqual([true, false]);
    expect(evaluate(interpolations(bad[1].error_message), REGION)).toEqual([2, 6, 6]);
    // A type missing from the list: the existence check fails and the messages still evaluate.
    expect(evaluate([...shared.map((c) => interpolations(c.condition)[0]), ...interpolations(shared[1].error_message)], REGION.slice(0, 1)))
      .toEqual([false, true, '?', '?', '?']);
    const exclusive = preconditions(true, 'ecs.g7.4xlarge').checks;
    expect(evaluate(exclusive.map((c) => interpolations(c.condition)[0]), REGION)).toEqual([true, true, true]);
  });
});
