import * as fc from 'fast-check';
import { blockContains, blocksOverlap, findOverlaps, Ipv4Block, isIpv4Block, parseIpv4Cidr } from '../../src/domain/cidr';

const block = (c: string) => parseIpv4Cidr(c) as Ipv4Block;

describe('parseIpv4Cidr', () => {
  test('accepts network addresses', () => {
    const b = block('10.0.0.0/16');
    expect(b.prefix).toBe(16);
    expect(b.last - b.first + 1n).toBe(65536n);
  });
  test.each(['10.0.0.0', '10.0.0.0/33', '300.0.0.0/8', 'abc', '10.0.0.0/ 8', ''])('rejects %p', (text) => {
    expect(isIpv4Block(parseIpv4Cidr(text))).toBe(false);
  });
  test('rejects host bits and suggests the network address', () => {
    const r = parseIpv4Cidr('10.0.5.1/16');
    expect(isIpv4Block(r)).toBe(false);
    expect(r).toMatchObject({ suggestion: '10.0.0.0/16' });
  });
  test('containment and overlap', () => {
    expect(blockContains(block('10.0.0.0/8'), block('10.1.0.0/16'))).toBe(true);
    expect(blockContains(block('10.1.0.0/16'), block('10.0.0.0/8'))).toBe(false);
    expect(blocksOverlap(block('10.0.0.0/24'), block('10.0.0.128/25'))).toBe(true);
    expect(blocksOverlap(block('10.0.0.0/25'), block('10.0.0.128/25'))).toBe(false);
  });
});

describe('findOverlaps', () => {
  const arbBlock = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 28 }))
    .map(([a, b, p]) => {
      const raw = parseIpv4Cidr(`10.${a}.${b}.0/${p}`);
      return isIpv4Block(raw) ? raw : block(raw.suggestion!);
    });

  test('finds exactly the pairs a brute-force comparison finds', () => {
    fc.assert(fc.property(fc.array(arbBlock, { maxLength: 25 }), (blocks) => {
      const tagged = blocks.map((b, i) => ({ block: b, item: i }));
      const key = (x: number, y: number) => `${Math.min(x, y)}-${Math.max(x, y)}`;
      const expected = new Set<string>();
      for (let i = 0; i < tagged.length; i++) {
        for (let j = i + 1; j < tagged.length; j++) {
          if (blocksOverlap(tagged[i].block, tagged[j].block)) expected.add(key(i, j));
        }
      }
      const found = findOverlaps(tagged).map(([a, b]) => key(a.item, b.item));
      expect(new Set(found)).toEqual(expected);
      expect(found.length).toBe(expected.size);
    }));
  });
});
