import { Duration } from '@icholy/duration';

/**
 * Grammar of Go's `time.ParseDuration`: an optional sign, then one or more decimal
 * numbers each followed by a unit (ns, us, µs, μs, ms, s, m, h); the bare string "0"
 * is also valid. Lenient parsers accept `1d` or `1h30`; Go (and so Terway) does not.
 */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

/** Milliseconds of a Go duration string, or undefined when Go would reject it. */
export function parseGoDuration(text: string): number | undefined {
  if (!GO_DURATION.test(text)) return undefined;
  if (/^[-+]?0$/.test(text)) return 0;
  // The library understands the same units; normalise the micro sign for it.
  return new Duration(text.replace(/[µμ]s/g, 'us')).milliseconds();
}
