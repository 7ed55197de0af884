import { jsonText, jsonWithSortedKeys } from '../../src/domain/json';

describe('JSON text helpers', () => {
  test('keys in code-point order, whatever order they came in; non-strings written as text', () => {
    // U+1F600 sorts after U+FF5E by code point, before it by UTF-16 unit.
    expect(jsonWithSortedKeys({ '\u{1F600}': 'a', 'b': 'x', '\uFF5E': 'c', 'a': 1 as unknown as string })).toBe('{"a":"1","b":"x","\uFF5E":"c","\u{1F600}":"a"}');
    expect(jsonWithSortedKeys({ IPVlan: 'false', ENITrunking: 'true' })).toBe(jsonWithSortedKeys({ ENITrunking: 'true', IPVlan: 'false' }));
  });

  test('jsonText: the JSON, or undefined for a value without JSON text', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(jsonText({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(jsonText(cycle)).toBeUndefined();
    expect(jsonText(10n)).toBeUndefined();
  });
});
