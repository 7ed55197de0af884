import { Duration } from '@icholy/duration';

/**
 * Grammar of Go's `time.ParseDuration`: an optional sign, then one or more decimal
 * numbers each followed by a unit (ns, us, µs, μs, ms, s, m, h); the bare string "0"
 * is also valid. Lenient parsers accept `1d` or `1h30`; Go (and so Terway) does not.
 */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;
const COMPONENT = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g;

/** Nanoseconds per unit, as Go's time package defines them. */
const UNIT_NS: Record<string, bigint> = {
  ns: 1n, us: 1000n, µs: 1000n, μs: 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n,
};

/** Go's largest duration, 2562047h47m16.854775807s (math.MaxInt64 nanoseconds). */
export const GO_MAX_DURATION_NS = 2n ** 63n - 1n;

/** Milliseconds of a Go duration string, or undefined when Go would reject it (including overflow). */
export function parseGoDuration(text: string): number | undefined {
  if (typeof text !== 'string' || !GO_DURATION.test(text)) return undefined;
  if (/^[-+]?0$/.test(text)) return 0;
  // Go fails with "invalid duration" when the total leaves the int64 range.
  let total = 0n;
  for (const m of text.matchAll(COMPONENT)) {
    const unit = UNIT_NS[m[3]];
    const fraction = m[2] ?? '';
    total += BigInt(m[1] || '0') * unit + (fraction === '' ? 0n : (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length));
    if (total > GO_MAX_DURATION_NS + 1n) return undefined;
  }
  // The negative range reaches one nanosecond further (math.MinInt64).
  if (total > GO_MAX_DURATION_NS + (text.startsWith('-') ? 1n : 0n)) return undefined;
  // The library understands the same units; normalise the micro sign for it.
  return new Duration(text.replace(/[µμ]s/g, 'us')).milliseconds();
}
