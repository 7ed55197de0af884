import { blockSize, blocksOverlap, Ipv4Block, isIpv4Block, parseIpv4Cidr } from '../cidr';
import { usableAddresses } from '../cluster-network';
import { known } from '../tokens';

/**
 * Idle pod IPs Terway keeps per shared-ENI node (`max_pool_size` in eni-config; ACK writes 5).
 * The report reserves them in the zone's pod vSwitches for every planned node.
 * @see https://help.aliyun.com/en/ack/ack-managed-and-ack-dedicated/user-guide/terway-configuration-parameters
 */
export const IDLE_IPS_PER_NODE = 5;

/** A literal CIDR parsed, or undefined for a token or a malformed block (the rules report those). */
export function literalBlock(cidr: string | undefined): Ipv4Block | undefined {
  const text = known(cidr);
  if (text === undefined) return undefined;
  const parsed = parseIpv4Cidr(text);
  return isIpv4Block(parsed) ? parsed : undefined;
}

/** Size and usable addresses of a block, when it is a literal. */
export function blockNumbers(cidr: string | undefined): { size?: number; usable?: number } {
  const block = literalBlock(cidr);
  return block ? { size: blockSize(block), usable: usableAddresses(block) } : {};
}

/** What of `others` a block overlaps (labels), for the Service CIDR. */
export function overlapsOf(cidr: string | undefined, others: ReadonlyArray<{ readonly label: string; readonly cidr?: string }>): string[] {
  const block = literalBlock(cidr);
  if (!block) return [];
  return others.filter((o) => {
    const b = literalBlock(o.cidr);
    return b !== undefined && blocksOverlap(b, block);
  }).map((o) => `${o.label} ${o.cidr}`);
}

/** `total` spread over `parts` (rounded up), or undefined when there is nothing to spread over. */
export function share(total: number | undefined, parts: number): number | undefined {
  return total === undefined || parts <= 0 ? undefined : Math.ceil(total / parts);
}
