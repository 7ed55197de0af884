import { compareCodePoints } from './order';

/**
 * JSON of a flat record with its keys in code-point order, so the text is byte-stable
 * whatever order the keys were given in (add-on configs, EIP tag annotations). Values that
 * are not strings are written as their text, so the result is always a string map.
 */
export function jsonWithSortedKeys(record: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(record).sort(compareCodePoints);
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, typeof record[k] === 'string' ? record[k] : String(record[k])])));
}

/** The JSON text of `value`, or undefined when it has none (a cycle, a BigInt, undefined itself). */
export function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
