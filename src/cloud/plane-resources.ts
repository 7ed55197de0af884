import { Construct } from 'constructs';
import { isTerwayCluster } from './cluster-inputs';
import { libraryOutput } from './output-names';
import { installSynthGate } from './synth-gate';
import { TerwayCluster } from './terway-cluster';
import { PlaneVSwitch } from '../core/cluster-info';
import { registerPlanFacts } from '../core/plan-facts';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { isIpv4Block, parseIpv4Cidr } from '../domain/cidr';
import { checkPodVSwitchSize } from '../domain/cluster-network';
import { violation } from '../domain/finding';
import { checkInputs, describeValue } from '../domain/input';
import { Finding } from '../domain/rules';
import { ALL_PORTS, checkIngressRules } from '../domain/security-group-rules';
import { ZONE_ID, ZONE_ID_EXPECTED } from '../domain/terraform-values';
import { SecurityGroup } from '../generated/alicloud/security-group';
import { SecurityGroupRule } from '../generated/alicloud/security-group-rule';
import { Vswitch } from '../generated/alicloud/vswitch';

/** A vSwitch to create for a plane. */
export interface PlaneVSwitchSpec {
  /**
   * Zone (`alicloud_vswitch` `zone_id`); must be one of the cluster's zones.
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vswitch
   */
  readonly zoneId: string;
  /**
   * CIDR block (`alicloud_vswitch` `cidr_block`) inside the cluster's VPC (use /19 or larger).
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/vswitch
   */
  readonly cidrBlock: string;
}

/**
 * An ingress rule of the plane's security group (`alicloud_security_group_rule`), checked
 * at synth time as the provider checks it at create (rules TW-SG-001 to TW-SG-004).
 * @see https://registry.terraform.io/providers/aliyun/alicloud/latest/docs/resources/security_group_rule
 */
export interface PlaneIngressRule {
  /**
   * `ip_protocol`: tcp, udp, icmp, icmpv6, gre or all (lowercase).
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule
   */
  readonly protocol: string;
  /**
   * `port_range`: for tcp and udp `from/to` with 1 <= from <= to <= 65535 (required),
   * e.g. `443/443`; icmp, icmpv6, gre and all take only `-1/-1`.
   * @default -1/-1 (valid only for icmp, icmpv6, gre and all)
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule
   */
  readonly portRange?: string;
  /**
   * `cidr_ip`: source IPv4 CIDR block.
   * @default - sourceSecurityGroupId is used
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule
   */
  readonly sourceCidr?: string;
  /**
   * `source_security_group_id`.
   * @default - sourceCidr is used
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule
   */
  readonly sourceSecurityGroupId?: string;
  /**
   * `description`.
   * @default - none
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/security_group_rule
   */
  readonly description?: string;
}

/** Properties of {@link PodNetworkingPlaneResources}. */
export interface PodNetworkingPlaneResourcesProps {
  /** The cluster whose VPC and NAT gateway the resources use. */
  readonly cluster: TerwayCluster;
  /** Plane name, used in resource names and output names (`<planeName>_vswitch_ids`, `<planeName>_security_group_ids`). */
  readonly planeName: string;
  /** vSwitches to create for the plane's pods. */
  readonly vSwitches: PlaneVSwitchSpec[];
  /**
   * Ingress rules of the plane's security group. A new security group allows all egress
   * and no ingress; cross-node traffic to the pods needs a rule.
   * @default - all protocols from the VPC CIDR when the cluster created the VPC, otherwise none
   */
  readonly ingressRules?: PlaneIngressRule[];
  /**
   * Give every plane vSwitch an SNAT entry (`alicloud_snat_entry`) on the cluster's NAT gateway.
   * @default true
   * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/snat_entry
   */
  readonly internetEgress?: boolean;
}

/**
 * The Terraform side of a PodNetworking plane whose vSwitches and security group should be
 * created: vSwitches in the cluster's VPC (checked with the cluster's address rules), a
 * security group with ingress rules, SNAT entries for Internet egress, and outputs for the
 * GitOps path. Pass {@link planeVSwitches} and {@link securityGroupIds} to a PodNetworkingPlane.
 */
export class PodNetworkingPlaneResources extends Construct {
  /** The created vSwitches with their zones, ready for `PodNetworkingPlaneProps.vSwitches`. */
  public readonly planeVSwitches: PlaneVSwitch[];
  /** The created security group IDs, ready for `PodNetworkingPlaneProps.securityGroupIds`. */
  public readonly securityGroupIds: string[];
  /** The created security group (escape hatch). */
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: PodNetworkingPlaneResourcesProps) {
    super(scope, id);
    checkPlaneResourcesProps(this.node.path, props);
    const { cluster, planeName } = props;
    const findings: Finding[] = [];
    const unknownZones = props.vSwitches.map((v) => v.zoneId).filter((z) => !cluster.zoneIds.includes(z));
    if (unknownZones.length > 0) {
      findings.push(violation(RULES.PLANE_VSWITCH_ZONE, `Plane ${planeName} vSwitches in ${[...new Set(unknownZones)].join(', ')} are outside the cluster's node zones (${cluster.zoneIds.join(', ')}).`,
        'Create plane vSwitches only in zones where the cluster has node vSwitches.'));
    }
    if (props.vSwitches.length === 0) {
      findings.push(violation(RULES.PLANE_NEEDS_VSWITCH, `Plane ${planeName} gets no vSwitch.`, 'List at least one vSwitch to create.'));
    }

    const labels: string[] = [];
    this.planeVSwitches = props.vSwitches.map((spec, i) => {
      const label = `plane ${planeName} vSwitch #${i + 1} in ${spec.zoneId}`;
      cluster._registerPlaneVSwitch(label, spec.zoneId, spec.cidrBlock);
      labels.push(label);
      const block = parseIpv4Cidr(spec.cidrBlock);
      if (isIpv4Block(block)) findings.push(...checkPodVSwitchSize(label, block));
      const vswitch = new Vswitch(this, `VSwitch-${spec.zoneId}-${i + 1}`, {
        vpcId: cluster.vpcId,
        zoneId: spec.zoneId,
        cidrBlock: spec.cidrBlock,
        vswitchName: `${planeName}-${spec.zoneId}-${i + 1}`,
      });
      if ((props.internetEgress ?? true) && !cluster._addSnatEntry(this, `Snat-${spec.zoneId}-${i + 1}`, vswitch.id)) {
        findings.push(violation(RULES.POD_VSWITCH_NO_SNAT, `${label} gets no SNAT entry because the cluster has no NAT gateway.`,
          'Enable the cluster\'s natGateway, add SNAT for this vSwitch yourself, or set internetEgress: false; then acknowledge.'));
      }
      return { vswitchId: vswitch.id, zoneId: spec.zoneId };
    });

    this.securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      vpcId: cluster.vpcId,
      securityGroupName: `${planeName}-pods`,
      description: `Pods of PodNetworking plane ${planeName}`,
    });
    this.securityGroupIds = [this.securityGroup.id];
    const vpcCidr = cluster.vpcResource?.cidrBlockInput;
    const ingress = props.ingressRules ?? (vpcCidr ? [{ protocol: 'all', sourceCidr: vpcCidr, description: 'all traffic from the cluster VPC' }] : []);
    findings.push(...checkIngressRules(`plane ${planeName} security group`, ingress));
    ingress.forEach((rule, i) => {
      new SecurityGroupRule(this, `Ingress-${i + 1}`, {
        securityGroupId: this.securityGroup.id,
        type: 'ingress',
        ipProtocol: rule.protocol,
        portRange: rule.portRange ?? ALL_PORTS,
        cidrIp: rule.sourceCidr,
        sourceSecurityGroupId: rule.sourceSecurityGroupId,
        policy: 'accept',
        nicType: 'intranet',
        description: rule.description,
      });
    });

    const zones = [...new Set(props.vSwitches.map((v) => v.zoneId))];
    const outputName = planeName.replace(/[^A-Za-z0-9_]/g, '_');
    libraryOutput(this, 'VSwitchIds', `${outputName}_vswitch_ids`, {
      value: Object.fromEntries(zones.map((zone) => [zone, this.planeVSwitches.filter((v) => v.zoneId === zone).map((v) => v.vswitchId)])),
      description: `vSwitch IDs per zone of plane ${planeName}`,
    });
    libraryOutput(this, 'SecurityGroupIds', `${outputName}_security_group_ids`, {
      value: this.securityGroupIds,
      description: `Security group IDs of plane ${planeName}`,
    });

    const rules = [
      RULES.PLANE_VSWITCH_ZONE, RULES.PLANE_NEEDS_VSWITCH, RULES.POD_VSWITCH_NO_SNAT, RULES.POD_VSWITCH_TOO_SMALL, RULES.POD_VSWITCH_SIZING,
      RULES.SG_RULE_PROTOCOL, RULES.SG_RULE_PORT_RANGE, RULES.SG_RULE_SOURCE, RULES.SG_RULE_OPEN_ADMIN_PORT, RULES.SG_NO_INGRESS,
    ];
    installSynthGate(this);
    registerRuleCheck(this, rules,
      () => findings);
    registerPlanFacts(this, () => ({
      kind: 'planeResources',
      path: this.node.path,
      clusterPath: cluster.node.path,
      planeName,
      securityGroupIds: this.securityGroupIds,
      vSwitches: props.vSwitches.map((spec, i) => ({ role: 'plane', zoneId: spec.zoneId, label: labels[i], cidr: spec.cidrBlock, vswitchId: this.planeVSwitches[i].vswitchId })),
    }));
  }
}

/** Shape checks of PodNetworkingPlaneResources props (values are rules, see checkIngressRules). */
function checkPlaneResourcesProps(where: string, props: unknown): void {
  const root = checkInputs(where);
  const p = root.object('props', props, { struct: 'PodNetworkingPlaneResourcesProps' });
  if (!isTerwayCluster(p.cluster)) root.fail('cluster', `must be a TerwayCluster, got ${describeValue(p.cluster)}.`);
  root.string('planeName', p.planeName, { minLength: 1 });
  root.array('vSwitches', p.vSwitches).forEach((v, i) => {
    const spec = root.object(`vSwitches[${i}]`, v);
    const at = root.at(`vSwitches[${i}]`);
    at.string('zoneId', spec.zoneId, { pattern: ZONE_ID, expected: ZONE_ID_EXPECTED });
    at.string('cidrBlock', spec.cidrBlock, { minLength: 1 });
  });
  root.array('ingressRules', p.ingressRules, { optional: true })?.forEach((r, i) => {
    const rule = root.object(`ingressRules[${i}]`, r);
    const at = root.at(`ingressRules[${i}]`);
    at.string('protocol', rule.protocol, { minLength: 1 });
    for (const key of ['portRange', 'sourceCidr', 'sourceSecurityGroupId', 'description']) at.string(key, rule[key], { optional: true });
  });
  root.boolean('internetEgress', p.internetEgress, { optional: true });
}
