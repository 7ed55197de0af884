import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { buildApp, TerwayClusterStack } from '../../examples/terway-cluster/main';
import { alicloud, TerwayCluster } from '../../src';
import { validProps } from '../support/cluster-fixtures';
import { filesUnder, tmpdir } from '../support/files';

function synthExample(): any {
  const app = Testing.app();
  const stack = new TerwayClusterStack(app, 'terway-cluster');
  return JSON.parse(Testing.synth(stack, true));
}

const only = (tf: any, type: string) => Object.values(tf.resource[type]) as any[];

describe('flagship example: three-zone Terway cluster', () => {
  const tf = synthExample();

  test('snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('the cluster is ACK-009 compliant: terway-eniip, pod vSwitches in all three zones, no pod_cidr', () => {
    const [cluster] = only(tf, 'alicloud_cs_managed_kubernetes');
    expect(cluster.addons).toEqual([
      { name: 'terway-eniip', config: JSON.stringify({ ENITrunking: 'true', IPVlan: 'true', NetworkPolicy: 'true' }) },
      { name: 'terway-controlplane', config: JSON.stringify({ ENITrunking: 'true' }) },
    ]);
    expect(cluster.pod_vswitch_ids).toHaveLength(3);
    expect(cluster.vswitch_ids).toHaveLength(3);
    expect(cluster.pod_cidr).toBeUndefined();
    expect(cluster).toMatchObject({
      version: '1.33.1-aliyun.1',
      service_cidr: '172.21.0.0/20',
      proxy_mode: 'ipvs',
      ip_stack: 'ipv4',
      enable_rrsa: true,
      deletion_protection: true,
      new_nat_gateway: false,
      cluster_spec: 'ack.pro.small',
    });
  });

  test('vSwitches: one node and one /19 pod vSwitch per zone', () => {
    const vswitches = only(tf, 'alicloud_vswitch');
    expect(vswitches.map((v) => [v.zone_id, v.cidr_block]).sort()).toEqual([
      ['cn-hangzhou-h', '192.168.0.0/24'], ['cn-hangzhou-h', '192.168.32.0/19'],
      ['cn-hangzhou-i', '192.168.1.0/24'], ['cn-hangzhou-i', '192.168.64.0/19'],
      ['cn-hangzhou-j', '192.168.2.0/24'], ['cn-hangzhou-j', '192.168.96.0/19'],
    ]);
  });

  test('every vSwitch gets an SNAT entry through the NAT gateway EIP, after the EIP is bound', () => {
    const snat = only(tf, 'alicloud_snat_entry');
    expect(snat).toHaveLength(6);
    for (const entry of snat) {
      expect(entry.snat_ip).toMatch(/^\$\{alicloud_eip_address\..+\.ip_address\}$/);
      expect(entry.snat_table_id).toMatch(/^\$\{alicloud_nat_gateway\..+\.snat_table_ids\}$/);
      expect(entry.depends_on).toEqual([expect.stringMatching(/^alicloud_eip_association\./)]);
    }
    const [assoc] = only(tf, 'alicloud_eip_association');
    expect(assoc.instance_type).toBe('Nat');
  });

  test('outputs expose IDs for later stacks and the GitOps reader', () => {
    expect(Object.keys(tf.output).sort()).toEqual([
      'cluster_id', 'network_policy_enabled', 'node_vswitch_ids', 'pod_vswitch_ids', 'security_group_id',
      'trunk_eni_enabled', 'vpc_id', 'worker_ram_role_name', 'zone_ids',
    ]);
    expect(tf.output.zone_ids.value).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']);
    expect(Object.keys(tf.output.pod_vswitch_ids.value)).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j']);
  });

  test('the provider is pinned and carries no credentials', () => {
    expect(tf.terraform.required_providers.alicloud).toEqual({ source: 'aliyun/alicloud', version: '1.289.0' });
    expect(tf.provider.alicloud).toEqual([{ region: 'cn-hangzhou' }]);
    expect(JSON.stringify(tf)).not.toMatch(/access_key|secret_key/);
  });
});

describe('existing resources instead of created ones', () => {
  test('existing VPC, vSwitches, security group and NAT gateway create nothing but the cluster and SNAT', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'existing');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
    new TerwayCluster(stack, 'Cluster', validProps({
      vpc: { vpcId: 'vpc-bp1existing01', cidrBlock: '192.168.0.0/16' },
      securityGroupId: 'sg-bp1existing01',
      natGateway: { natGatewayId: 'ngw-bp1existing01', snatTableId: 'stb-bp1existing01', snatIp: '47.0.0.10' },
      zones: [{ zoneId: 'cn-hangzhou-h', nodeVSwitches: [{ vswitchId: 'vsw-bp1node00001' }], podVSwitches: [{ vswitchId: 'vsw-bp1pod000001', cidrBlock: '192.168.32.0/19' }] }],
    }));
    const tf = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(tf.resource).sort()).toEqual(['alicloud_cs_managed_kubernetes', 'alicloud_snat_entry']);
    const [cluster] = only(tf, 'alicloud_cs_managed_kubernetes');
    expect(cluster).toMatchObject({ vswitch_ids: ['vsw-bp1node00001'], pod_vswitch_ids: ['vsw-bp1pod000001'], security_group_id: 'sg-bp1existing01' });
    expect(cluster.is_enterprise_security_group).toBeUndefined();
    expect(only(tf, 'alicloud_snat_entry').map((e) => [e.source_vswitch_id, e.snat_table_id, e.snat_ip])).toEqual([
      ['vsw-bp1node00001', 'stb-bp1existing01', '47.0.0.10'], ['vsw-bp1pod000001', 'stb-bp1existing01', '47.0.0.10'],
    ]);
    expect(tf.output.vpc_id.value).toBe('vpc-bp1existing01');
  });

  test('an existing NAT gateway without its SNAT table is refused at once', () => {
    const stack = new TerraformStack(Testing.app(), 'x');
    expect(() => new TerwayCluster(stack, 'Cluster', validProps({ natGateway: { natGatewayId: 'ngw-bp1existing01' } })))
      .toThrow(/natGateway.natGatewayId needs snatTableId and snatIp/);
  });
});

describe('synthesis is deterministic and all-or-nothing', () => {
  test('two synths of the example are byte-identical', () => {
    const [a, b] = [tmpdir(), tmpdir()];
    buildApp(a).synth();
    buildApp(b).synth();
    const file = (d: string) => fs.readFileSync(path.join(d, 'stacks', 'terway-cluster', 'cdk.tf.json'));
    expect(file(a).equals(file(b))).toBe(true);
  });

  test('a failing rule in a later stack writes no stack at all', () => {
    const outdir = tmpdir();
    const app = new App({ outdir });
    new TerwayClusterStack(app, 'first-valid');
    const broken = new TerraformStack(app, 'second-broken');
    new alicloud.provider.AlicloudProvider(broken, 'alicloud', { region: 'cn-hangzhou' });
    new TerwayCluster(broken, 'Cluster', validProps({ serviceCidr: '192.168.0.0/20' }));
    expect(() => app.synth()).toThrow(/\[second-broken\/Cluster\] \[TW-NET-003\]/);
    // cdktf's App constructor creates the empty outdir/stacks folder; no file may be written.
    expect(filesUnder(outdir)).toEqual([]);
  });
});
