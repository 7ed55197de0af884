import { RULES } from './catalog';
import { isIpv4Address, isIpv4Block, parseIpv4Cidr } from './cidr';
import { violation } from './finding';
import { resourceIdProblem, ResourceIdKind } from './ids';
import { Finding } from './rules';
import { known } from './tokens';

/** `ip_protocol` values the provider accepts (lowercase only). */
export const SG_PROTOCOLS: ReadonlyArray<string> = ['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'];
/** The provider's "all ports" range, the only one icmp, icmpv6, gre and all accept. */
export const ALL_PORTS = '-1/-1';
/** Ports checkov flags when open to the Internet (CKV_ALI_2: SSH, CKV_ALI_3: RDP). */
const ADMIN_PORTS: ReadonlyArray<number> = [22, 3389];

/** An ingress rule as the rules see it (strings may be unresolved tokens). */
export interface IngressRuleModel {
  readonly protocol: string;
  /** As written; undefined renders the provider default -1/-1. */
  readonly portRange?: string;
  readonly sourceCidr?: string;
  readonly sourceSecurityGroupId?: string;
}

/** Ports of a literal `a/b` range with 1 <= a <= b <= 65535, or undefined. */
export function parsePortRange(range: string): { from: number; to: number } | undefined {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(range);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from >= 1 && to <= 65535 && from <= to ? { from, to } : undefined;
}

/**
 * Findings for the ingress rules of a security group the library creates: what the
 * provider rejects at create (protocol, port range, source), admin ports open to the
 * Internet, and a group without any ingress rule.
 */
export function checkIngressRules(group: string, rules: ReadonlyArray<IngressRuleModel>): Finding[] {
  const out: Finding[] = [];
  if (rules.length === 0) {
    out.push(violation(RULES.SG_NO_INGRESS, `Security group ${group} is created without ingress rules, so pods of other nodes cannot reach its pods.`,
      'Add ingressRules (e.g. { protocol: "all", sourceCidr: <VPC CIDR> }), or acknowledge if the pods take no inbound traffic from other nodes.'));
  }
  rules.forEach((rule, i) => out.push(...checkIngressRule(`${group} ingress rule #${i + 1}`, rule)));
  return out;
}

/**
 * Findings for one ingress rule the library creates (plane security groups, PodEipPolicy business
 * ports): what the provider rejects at create (protocol, port range, source) and SSH/RDP open to
 * the Internet (warning TW-SG-004, as checkov's CKV_ALI_2/CKV_ALI_3). `label` names the rule.
 */
export function checkIngressRule(label: string, rule: IngressRuleModel): Finding[] {
  const out: Finding[] = [];
  const protocol = known(rule.protocol);
  if (protocol !== undefined && !SG_PROTOCOLS.includes(protocol)) {
    const lower = protocol.toLowerCase();
    out.push(violation(RULES.SG_RULE_PROTOCOL, `${label} has protocol ${JSON.stringify(protocol)}.`,
      SG_PROTOCOLS.includes(lower) ? `Write it in lowercase: "${lower}".` : `Use one of ${SG_PROTOCOLS.join(', ')}; application protocols such as http are tcp with a port range (e.g. 80/80).`));
  }
  const range = rule.portRange === undefined ? ALL_PORTS : known(rule.portRange);
  let ports: { from: number; to: number } | undefined;
  if (protocol !== undefined && range !== undefined && SG_PROTOCOLS.includes(protocol)) {
    if (protocol === 'tcp' || protocol === 'udp') {
      ports = parsePortRange(range);
      if (!ports) {
        out.push(violation(RULES.SG_RULE_PORT_RANGE, `${label} (${protocol}) has port range ${rule.portRange === undefined ? 'unset (rendered as -1/-1)' : JSON.stringify(range)}.`,
          'Give tcp and udp rules a port range "from/to" with 1 <= from <= to <= 65535, e.g. "443/443" or "1/65535".'));
      }
    } else if (range !== ALL_PORTS) {
      out.push(violation(RULES.SG_RULE_PORT_RANGE, `${label} (${protocol}) has port range ${JSON.stringify(range)}.`,
        `Leave portRange out (or "-1/-1") for ${protocol}; only tcp and udp rules take ports.`));
    } else {
      ports = protocol === 'all' ? { from: 1, to: 65535 } : undefined;
    }
  }
  const hasCidr = rule.sourceCidr !== undefined;
  const hasGroup = rule.sourceSecurityGroupId !== undefined;
  if (hasCidr === hasGroup) {
    out.push(violation(RULES.SG_RULE_SOURCE, `${label} ${hasCidr ? 'sets both sourceCidr and sourceSecurityGroupId' : 'has no source'}.`,
      'Give exactly one of sourceCidr (an IPv4 CIDR block) and sourceSecurityGroupId (sg-…).'));
  }
  const cidr = known(rule.sourceCidr);
  if (cidr !== undefined) {
    const parsed = parseIpv4Cidr(cidr);
    if (!isIpv4Block(parsed) && !isIpv4Address(cidr)) {
      out.push(violation(RULES.SG_RULE_SOURCE, `${label} source: ${parsed.problem}.`,
        parsed.suggestion ? `Use ${parsed.suggestion}.` : 'Write the source as an IPv4 CIDR block a.b.c.d/n, e.g. 10.0.0.0/8.'));
    }
  }
  const sourceGroup = known(rule.sourceSecurityGroupId);
  const groupProblem = sourceGroup === undefined ? undefined : resourceIdProblem(ResourceIdKind.SECURITY_GROUP, sourceGroup);
  if (groupProblem) {
    out.push(violation(RULES.SG_RULE_SOURCE, `${label} source security group: ${groupProblem}.`, 'Pass the security group ID exactly as the ECS console shows it (sg-…).'));
  }
  if (cidr === '0.0.0.0/0' && ports) {
    const open = ADMIN_PORTS.filter((p) => ports!.from <= p && p <= ports!.to);
    if (open.length > 0) {
      out.push(violation(RULES.SG_RULE_OPEN_ADMIN_PORT, `${label} allows ${protocol} from 0.0.0.0/0 to port ${open.join(' and ')}.`,
        'Restrict the source to the networks that need access (e.g. the VPC CIDR or a bastion security group), or acknowledge with the reason.'));
    }
  }
  return out;
}
