import { ITerraformDependable, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { libraryOutput } from './output-names';
import { eipControllerHelmRelease } from './pod-eip-helm-release';
import { BusinessPort, EipControllerHelmReleaseOptions, EipControllerRrsaOptions, EipControllerSettings } from './pod-eip-options';
import { eipControllerRrsaRole, podIdentityWebhook } from './pod-eip-rrsa';
import { TerwayCluster } from './terway-cluster';
import { TerwayClusterInfo } from '../core/cluster-info';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { isIpv4Block, parseIpv4Cidr } from '../domain/cidr';
import { EipControllerValues } from '../domain/eip-controller-values';
import { BusinessPortProtocol, PodEipImplementation } from '../domain/eip-enums';
import { violation } from '../domain/finding';
import { checkInputs, InputChecker, propsStructOf } from '../domain/input';
import { checkLegacyTerwayVersion, eipPolicyDocument, eipRamActions } from '../domain/pod-eip';
import { Finding } from '../domain/rules';
import { checkIngressRule } from '../domain/security-group-rules';
import { isUnresolved } from '../domain/tokens';
import { RamPolicy } from '../generated/alicloud/ram-policy';
import { RamRolePolicyAttachment } from '../generated/alicloud/ram-role-policy-attachment';
import { SecurityGroupRule } from '../generated/alicloud/security-group-rule';

/** The RAM role that ACK dedicated clusters and managed clusters created before June 2020 use for Terway. */
export const ACK_MANAGED_NETWORK_ROLE = 'AliyunCSManagedNetworkRole';

/** Properties of a {@link PodEipPolicy}. */
export interface PodEipPolicyProps {
  /** Which component attaches the EIPs. @default PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER */
  readonly implementation?: PodEipImplementation;
  /** The cluster created in this stack (worker role, cluster ID, VPC, node security group). @default - use clusterInfo */
  readonly cluster?: TerwayCluster;
  /**
   * A cluster managed elsewhere: `workerRamRoleName`, `clusterId`, `vpcId`, `securityGroupId`,
   * `terwayVersion`, `dedicatedCluster`, `createdBeforeJune2020` are used.
   * @default - use cluster
   */
  readonly clusterInfo?: TerwayClusterInfo;
  /**
   * Name of the custom policy (`policy_name`; unique in the account).
   * @default - `<construct-id>-pod-eip-<8 characters of the construct address>`
   */
  readonly policyName?: string;
  /**
   * ack-extend-network-controller chart settings; the values are always produced
   * ({@link PodEipPolicy.controllerValues}). Not for legacy Terway.
   * @default - required for ack-extend-network-controller
   */
  readonly controller?: EipControllerSettings;
  /**
   * Authenticate the controller with RRSA (chart v0.10.0+): the policy goes to this role and the
   * worker role gets nothing.
   * @default - the worker RAM role
   */
  readonly rrsa?: EipControllerRrsaOptions;
  /** Install the mirrored chart with a helm_release in this stack. @default - not installed */
  readonly helmRelease?: EipControllerHelmReleaseOptions;
  /**
   * The pods' business ports; traffic through a pod EIP is filtered by the node security group.
   * @default - none declared (warning TW-EIP-021)
   */
  readonly businessPorts?: BusinessPort[];
  /**
   * Open `businessPorts` on the node security group (`alicloud_security_group_rule`, ingress).
   * With false, a warning lists the ports you must open yourself.
   * @default true
   */
  readonly openBusinessPorts?: boolean;
}

const POLICY_MARK = Symbol.for('ack-terway-network.PodEipPolicy');

/**
 * Least-privilege RAM for pod EIPs: a custom policy with exactly the documented actions of the
 * chosen implementation, attached to the worker RAM role (legacy Terway on ACK dedicated clusters
 * and managed clusters created before June 2020: to AliyunCSManagedNetworkRole only, as documented),
 * or with RRSA to the controller's own role (and the ack-pod-identity-webhook add-on). Also produces the ack-extend-network-controller values (never with
 * AccessKeys), optionally a helm_release, and opens the pods' business ports on the node security group.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/associate-an-eip-with-a-pod-1
 */
export class PodEipPolicy extends Construct {
  /** Whether `x` is a PodEipPolicy. */
  public static isPodEipPolicy(x: unknown): x is PodEipPolicy {
    return typeof x === 'object' && x !== null && (x as any)[POLICY_MARK] === true;
  }

  /** The implementation (resolved default). */
  public readonly implementation: PodEipImplementation;
  /** The `alicloud_ram_policy`. */
  public readonly policy: RamPolicy;
  /** The RAM actions granted (exactly the documented set). */
  public readonly actions: string[];
  /** Roles the policy is attached to. */
  public readonly attachedRoleNames: string[];
  /** The controller values (ack-extend-network-controller only). */
  public readonly controllerValues?: EipControllerValues;
  /** The helm_release, when requested. */
  public readonly helmRelease?: TerraformResource;

  private readonly terwayVersion?: string;
  private readonly rrsaCluster?: TerwayCluster;
  private readonly portFindings: Finding[] = [];
  private readonly rrsaFindings: Finding[] = [];

  constructor(scope: Construct, id: string, props: PodEipPolicyProps = {}) {
    super(scope, id);
    Object.defineProperty(this, POLICY_MARK, { value: true });
    const c: InputChecker = checkInputs(this.node.path);
    c.object('props', props, { struct: propsStructOf(this) });
    this.implementation = c.enumValue('implementation', props.implementation, PodEipImplementation, { optional: true })
      ?? PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER;
    const legacy = this.implementation === PodEipImplementation.LEGACY_TERWAY;
    if (props.cluster !== undefined && !(props.cluster instanceof TerwayCluster)) c.fail('cluster', 'must be a TerwayCluster.');
    c.object('clusterInfo', props.clusterInfo, { optional: true });
    if (props.cluster !== undefined && props.clusterInfo !== undefined) c.fail('clusterInfo', 'cannot be combined with cluster; give one.');
    const info: TerwayClusterInfo = props.cluster?.clusterInfo ?? props.clusterInfo ?? {};
    const i: InputChecker = c.at('clusterInfo');
    i.string('workerRamRoleName', info.workerRamRoleName, { optional: true, minLength: 1 });
    i.string('clusterId', info.clusterId, { optional: true, minLength: 1 });
    i.string('vpcId', info.vpcId, { optional: true, minLength: 1 });
    i.string('securityGroupId', info.securityGroupId, { optional: true, pattern: /^sg-[a-z0-9]+$/, expected: 'a security group ID such as sg-bp1…' });
    i.string('terwayVersion', info.terwayVersion, { optional: true, minLength: 1 });
    i.boolean('dedicatedCluster', info.dedicatedCluster, { optional: true });
    i.boolean('createdBeforeJune2020', info.createdBeforeJune2020, { optional: true });
    const slug = id.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const policyName = c.string('policyName', props.policyName, { optional: true, pattern: /^[A-Za-z0-9-]{1,128}$/, expected: 'a policy name (letters, digits, hyphens; at most 128)' })
      ?? `${slug}-pod-eip-${this.node.addr.slice(0, 8)}`;
    c.object('controller', props.controller, { optional: true });
    c.boolean('openBusinessPorts', props.openBusinessPorts, { optional: true });
    if (legacy) {
      for (const key of ['controller', 'rrsa', 'helmRelease'] as const) {
        if (props[key] !== undefined) c.fail(key, 'belongs to ack-extend-network-controller; legacy Terway has no controller (rule TW-EIP-004).');
      }
    } else if (props.controller === undefined) {
      c.fail('controller', 'is required for ack-extend-network-controller (chartVersion and regionId; the values are always produced).');
    }
    this.terwayVersion = info.terwayVersion;

    this.actions = [...eipRamActions(this.implementation)];
    this.policy = new RamPolicy(this, 'Policy', {
      policyName,
      policyDocument: eipPolicyDocument(this.implementation),
      description: `Pod EIPs with ${this.implementation} (documented actions only)`,
    });

    const rrsaRole = props.rrsa === undefined ? undefined : eipControllerRrsaRole(this, c, props.rrsa, props.cluster, info.clusterId);
    const rrsaRoleName = rrsaRole?.name;
    const webhook: ITerraformDependable[] = [];
    if (rrsaRole !== undefined) {
      this.rrsaCluster = props.cluster;
      const addon = podIdentityWebhook(this, c, props.rrsa!, props.cluster, info.clusterId);
      if (addon.resource) webhook.push(addon.resource);
      this.rrsaFindings.push(...rrsaWebhookFindings(this.node.path, props.rrsa!));
    }
    if (rrsaRole !== undefined) {
      this.attachedRoleNames = [rrsaRole.attachTo];
    } else if (legacy && (info.dedicatedCluster === true || info.createdBeforeJune2020 === true)) {
      // "Associate an exclusive EIP with a pod", Terway (legacy): these clusters run Terway with
      // AliyunCSManagedNetworkRole, and the page grants the policy to that role only.
      this.attachedRoleNames = [ACK_MANAGED_NETWORK_ROLE];
    } else {
      if (info.workerRamRoleName === undefined) c.fail('clusterInfo.workerRamRoleName', 'is required: the policy is attached to the cluster\'s worker RAM role (or give rrsa).');
      this.attachedRoleNames = [info.workerRamRoleName];
    }
    const attachments = this.attachedRoleNames.map((roleName) => new RamRolePolicyAttachment(this, roleName === ACK_MANAGED_NETWORK_ROLE ? `Attachment-${roleName}` : 'Attachment', {
      policyName: this.policy.policyName,
      policyType: 'Custom',
      roleName,
    }));

    if (props.controller !== undefined) {
      if (info.clusterId === undefined) c.fail('clusterInfo.clusterId', 'is required for the controller values (clusterID).');
      if (info.vpcId === undefined) c.fail('clusterInfo.vpcId', 'is required for the controller values (VPC ID).');
      const s = props.controller;
      this.controllerValues = new EipControllerValues({
        chartVersion: s.chartVersion,
        clusterId: info.clusterId,
        regionId: s.regionId,
        vpcId: info.vpcId,
        maxConcurrentReconciles: s.maxConcurrentReconciles,
        garbageCollectionPeriodInMinutes: s.garbageCollectionPeriodInMinutes,
        customStatefulWorkloadKinds: s.customStatefulWorkloadKinds,
        enableVirtualNode: s.enableVirtualNode,
        enableRrsa: rrsaRoleName !== undefined ? true : undefined,
        rrsaRoleName,
        kubeClientQps: s.kubeClientQps,
        kubeClientBurst: s.kubeClientBurst,
        additionalValues: s.additionalValues,
      }, this.node.path);
      // Registered with the stack-wide output name check (TW-OUT-001): 'PodEip' and 'podeip' give the same name.
      libraryOutput(this, 'ValuesOutput', `${slug.replace(/-/g, '_')}_controller_values`, {
        value: this.controllerValuesYaml,
        description: 'ack-extend-network-controller values (EIP controller; authenticates with the worker RAM role or RRSA)',
      });
      if (props.helmRelease !== undefined) {
        // The controller starts allocating at once: its permissions (and the RRSA webhook) come first.
        const before = [...attachments, ...webhook];
        this.helmRelease = eipControllerHelmRelease(this, c, props.helmRelease, s.chartVersion, this.controllerValuesYaml, before);
      }
    }

    this.openPorts(c, props, info.securityGroupId);
    registerRuleCheck(this, POLICY_RULES, () => this.evaluate());
  }

  /** The controller values as a YAML values file (Terraform references inside resolve at apply). */
  public get controllerValuesYaml(): string {
    if (!this.controllerValues) throw new Error(`${this.node.path}: legacy Terway has no controller values.`);
    return this.controllerValues._renderYaml();
  }

  private openPorts(c: InputChecker, props: PodEipPolicyProps, securityGroupId: string | undefined): void {
    const ports = c.array('businessPorts', props.businessPorts, { optional: true }) as BusinessPort[] | undefined;
    if (ports === undefined) {
      this.portFindings.push(violation(RULES.EIP_PORTS_NOT_OPEN, 'No business ports are declared for the pods\' EIPs.',
        'List the ports clients reach on the pod EIPs in businessPorts (they are opened on the node security group), or acknowledge if the security group already allows them.'));
      return;
    }
    const open = props.openBusinessPorts ?? true;
    const rendered = ports.map((port, n) => {
      const p = c.at(`businessPorts[${n}]`);
      p.object('port', port);
      const protocol = p.enumValue('protocol', port.protocol, BusinessPortProtocol);
      const range = p.string('portRange', port.portRange, { pattern: /^\d{1,5}(\/\d{1,5})?$/, expected: 'a port or range such as 7777 or 7000/7100' });
      const [from, to = from] = range.split('/').map(Number);
      if (from < 1 || to > 65535 || from > to) p.fail('portRange', `must be ports 1 to 65535 with the first not above the last, got ${JSON.stringify(range)}.`);
      const cidr = p.string('sourceCidrIp', port.sourceCidrIp);
      if (!isUnresolved(cidr) && !isIpv4Block(parseIpv4Cidr(cidr))) p.fail('sourceCidrIp', `must be an IPv4 CIDR block such as 0.0.0.0/0, got ${JSON.stringify(cidr)}.`);
      const description = p.string('description', port.description, { optional: true, minLength: 1 });
      return { protocol, portRange: `${from}/${to}`, cidr, description };
    });
    if (!open || securityGroupId === undefined) {
      if (rendered.length > 0) {
        this.portFindings.push(violation(RULES.EIP_PORTS_NOT_OPEN,
          `${rendered.map((r) => `${r.protocol} ${r.portRange} from ${r.cidr}`).join(', ')} ${open ? 'cannot be opened: the node security group is not known' : 'are not opened (openBusinessPorts is false)'}.`,
          open ? 'Give clusterInfo.securityGroupId, or open the ports on the node security group yourself and acknowledge.'
            : 'Open them on the node security group yourself, then acknowledge.'));
      }
      return;
    }
    // The same ingress-rule check as plane security groups (22/3389 open to 0.0.0.0/0: TW-SG-004).
    rendered.forEach((r, n) => this.portFindings.push(...checkIngressRule(`${this.node.path} businessPorts[${n}] on ${securityGroupId}`,
      { protocol: r.protocol, portRange: r.portRange, sourceCidr: r.cidr })));
    rendered.forEach((r, n) => new SecurityGroupRule(this, `BusinessPort-${n + 1}`, {
      securityGroupId,
      type: 'ingress',
      ipProtocol: r.protocol,
      portRange: r.portRange,
      cidrIp: r.cidr,
      nicType: 'intranet',
      policy: 'accept',
      description: r.description ?? `pod EIP business port ${r.protocol} ${r.portRange}`,
    }));
  }

  private evaluate(): Finding[] {
    const findings: Finding[] = [...this.portFindings, ...this.rrsaFindings, ...(this.controllerValues?.findings() ?? []), ...policyNameReuse(this)];
    if (this.implementation === PodEipImplementation.LEGACY_TERWAY) findings.push(...checkLegacyTerwayVersion(this.node.path, this.terwayVersion));
    const stack = TerraformStack.of(this);
    const policies = stack.node.findAll().filter(PodEipPolicy.isPodEipPolicy);
    const impls = [...new Set(policies.map((p) => p.implementation))];
    if (policies[0] === this && impls.length > 1) {
      findings.push(violation(RULES.EIP_BOTH_IMPLEMENTATIONS, `The stack grants pod EIP permissions for both ${impls.join(' and ')} (${policies.map((p) => p.node.path).join(', ')}).`,
        'Choose one implementation per cluster; migrate legacy Terway EIPs to ack-extend-network-controller.'));
    }
    if (this.helmRelease) findings.push(...secretsInRelease(this.helmRelease));
    const rrsaCluster = this.rrsaCluster?.cluster;
    const rendered = rrsaCluster && (rrsaCluster.toTerraform() as any).resource.alicloud_cs_managed_kubernetes[rrsaCluster.friendlyUniqueId];
    if (this.rrsaCluster && rendered?.enable_rrsa === false) {
      findings.push(violation(RULES.EIP_RRSA_CLUSTER_DISABLED, `rrsa is set but ${this.rrsaCluster.node.path} has RRSA disabled (enable_rrsa false).`,
        'Enable RRSA on the cluster (TerwayCluster enableRrsa, the default), or leave rrsa out so the policy goes to the worker RAM role.'));
    }
    return findings;
  }
}

const POLICY_RULES = [
  RULES.EIP_BOTH_IMPLEMENTATIONS, RULES.EIP_LEGACY_TERWAY_VERSION, RULES.EIP_CONTROLLER_VERSION, RULES.EIP_ACCESS_KEYS, RULES.EIP_PORTS_NOT_OPEN,
  RULES.EIP_RRSA_CLUSTER_DISABLED, RULES.EIP_RRSA_WEBHOOK, RULES.EIP_POLICY_NAME_REUSED, RULES.SG_RULE_OPEN_ADMIN_PORT, RULES.SG_RULE_PROTOCOL,
  RULES.SG_RULE_PORT_RANGE, RULES.SG_RULE_SOURCE,
];

/** The literal policy_name of every alicloud_ram_policy in the app, reported on the later one (TW-EIP-026). */
function policyNameReuse(policy: PodEipPolicy): Finding[] {
  const name = policy.policy.policyNameInput;
  if (name === undefined || isUnresolved(name)) return [];
  const all = policy.node.root.node.findAll().filter((x): x is RamPolicy => x instanceof RamPolicy);
  const earlier = all.slice(0, all.indexOf(policy.policy)).filter((other) => other.policyNameInput === name);
  return earlier.length === 0 ? [] : [violation(RULES.EIP_POLICY_NAME_REUSED,
    `${policy.node.path} creates RAM policy ${JSON.stringify(name)}, which ${earlier.map((o) => o.node.path).join(', ')} also creates.`,
    'Give each policy its own policyName, or leave policyName out (the default includes the construct address).')];
}

/** The webhook add-on and the kube-system label RRSA needs (TW-EIP-025). */
function rrsaWebhookFindings(path: string, rrsa: EipControllerRrsaOptions): Finding[] {
  if (rrsa.kubeSystemInjectionLabel === true) return [];
  return [violation(RULES.EIP_RRSA_WEBHOOK, `${path}: the controller authenticates with RRSA but the label pod-identity.alibabacloud.com/injection=on on kube-system is not confirmed (rrsa.kubeSystemInjectionLabel), so ack-pod-identity-webhook injects nothing and the controller gets no credentials.`,
    'Run `kubectl label namespace kube-system pod-identity.alibabacloud.com/injection=on` (or apply that label from your GitOps repository), then set rrsa.kubeSystemInjectionLabel: true; '
    + 'keep rrsa.installPodIdentityWebhook on (the default) or install ack-pod-identity-webhook from the cluster\'s Add-ons page.')];
}

/** AccessKeys added to the helm_release through escape hatches (`set`, `set_sensitive`, values). */
function secretsInRelease(release: TerraformResource): Finding[] {
  const rendered = JSON.stringify((release.toTerraform() as any).resource ?? {});
  if (!/credential\.access(Key|Secret)|"credential"|accessKey|accessSecret/.test(rendered)) return [];
  return [violation(RULES.EIP_ACCESS_KEYS, `The helm_release at ${release.node.path} sets controller AccessKeys (credential.accessKey / credential.accessSecret).`,
    'Remove them; the policy is attached to the worker RAM role, or use rrsa (chart v0.10.0+).')];
}
