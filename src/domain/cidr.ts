// Only the IPv4 module: the package root also loads the IPv6 one (the library has no IPv6 CIDRs).
import { Address4 } from 'ip-address/dist/ipv4';

/** A parsed IPv4 CIDR block with its first and last address as integers. */
export interface Ipv4Block {
  /** The CIDR as written by the user. */
  readonly text: string;
  /** Prefix length (0–32). */
  readonly prefix: number;
  /** First address of the block. */
  readonly first: bigint;
  /** Last address of the block. */
  readonly last: bigint;
}

/** Why a string is not a usable IPv4 CIDR block. */
export interface CidrProblem {
  readonly problem: string;
  /** The normalized network form, when the only problem is host bits being set. */
  readonly suggestion?: string;
}

const CIDR_SHAPE = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/**
 * Parses a strict IPv4 CIDR (`a.b.c.d/n`, network address only).
 * Returns the block, or a problem description.
 */
export function parseIpv4Cidr(text: string): Ipv4Block | CidrProblem {
  if (!CIDR_SHAPE.test(text) || !Address4.isValid(text)) {
    return { problem: `"${text}" is not an IPv4 CIDR block of the form a.b.c.d/n (n from 0 to 32)` };
  }
  const address = new Address4(text);
  const start = address.startAddress();
  if (start.correctForm() !== address.correctForm()) {
    const suggestion = `${start.correctForm()}/${address.subnetMask}`;
    return { problem: `"${text}" has host bits set; the network address is ${suggestion}`, suggestion };
  }
  return {
    text,
    prefix: address.subnetMask,
    first: start.bigInt(),
    last: address.endAddress().bigInt(),
  };
}

/** Type guard for a successfully parsed block. */
export function isIpv4Block(value: Ipv4Block | CidrProblem): value is Ipv4Block {
  return (value as Ipv4Block).first !== undefined;
}

/** Number of addresses in the block. */
export function blockSize(block: Ipv4Block): number {
  return Number(block.last - block.first + 1n);
}

/** True when the two blocks share at least one address. */
export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** True when `inner` lies entirely inside `outer`. */
export function blockContains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** A block tagged with the caller's item, for overlap reports. */
export interface Tagged<T> {
  readonly block: Ipv4Block;
  readonly item: T;
}

/**
 * All overlapping pairs among the given blocks, found with a sweep over the
 * blocks sorted by first address (O(n log n + k) rather than comparing every pair).
 */
export function findOverlaps<T>(blocks: ReadonlyArray<Tagged<T>>): Array<[Tagged<T>, Tagged<T>]> {
  const sorted = [...blocks].sort((x, y) => (x.block.first < y.block.first ? -1 : x.block.first > y.block.first ? 1 : 0));
  const pairs: Array<[Tagged<T>, Tagged<T>]> = [];
  const open: Array<Tagged<T>> = [];
  for (const current of sorted) {
    // Drop blocks that end before this one starts; the rest all overlap it.
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].block.last < current.block.first) open.splice(i, 1);
    }
    for (const earlier of open) pairs.push([earlier, current]);
    open.push(current);
  }
  return pairs;
}

/** True for a plain IPv4 address `a.b.c.d` (each part 0–255), without a prefix. */
export function isIpv4Address(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && Address4.isValid(text);
}
