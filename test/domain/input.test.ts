import { Lazy, Token } from 'cdktf';
import * as fc from 'fast-check';
import { checkInputs, describeValue, InputError, isNumberToken } from '../../src/domain/input';

enum Mode { A = 'a', B = 'b' }

describe('input shape checks', () => {
  const check = checkInputs('Stack/Thing');

  test('booleans are never coerced from strings', () => {
    expect(() => check.boolean('trunkEni', 'false')).toThrow('Stack/Thing: trunkEni must be true or false, got the string "false".');
    expect(check.boolean('trunkEni', false)).toBe(false);
    expect(check.boolean('trunkEni', undefined, { optional: true })).toBeUndefined();
    expect(() => check.boolean('trunkEni', null, { optional: true })).toThrow(/is null; leave it out/);
  });

  test('enums list the allowed values', () => {
    expect(() => check.enumValue('mode', 'NONE', Mode)).toThrow('mode must be one of "a", "b", got "NONE".');
    expect(check.enumValue('mode', 'b', Mode)).toBe('b');
  });

  test('numbers must be finite and within bounds; tokens pass', () => {
    expect(() => check.integer('desiredSize', NaN)).toThrow('desiredSize must be a whole number, got NaN.');
    expect(() => check.integer('desiredSize', 1.5)).toThrow(/whole number, got 1.5/);
    expect(() => check.integer('desiredSize', -1, { min: 0 })).toThrow(/at least 0, got -1/);
    expect(() => check.number('qps', Infinity)).toThrow(/finite number/);
    const token = Token.asNumber(Lazy.numberValue({ produce: () => 1 }));
    expect(isNumberToken(token)).toBe(true);
    expect(check.integer('desiredSize', token, { min: 0 })).toBe(token);
  });

  test('string maps refuse undefined values and non-string values', () => {
    expect(() => check.stringMap('labels', { app: undefined })).toThrow('labels["app"] is required.');
    expect(() => check.stringMap('labels', { app: 1 })).toThrow(/labels\["app"\] must be a string, got 1 \(number\)/);
    expect(check.stringMap('labels', { app: 'web' })).toEqual({ app: 'web' });
  });

  test('nested checkers prefix the property path', () => {
    expect(() => check.at('zones[1]').string('zoneId', 3)).toThrow('Stack/Thing: zones[1].zoneId must be a string, got 3 (number).');
    expect(() => check.stringArray('ids', ['a', 2])).toThrow('ids[1] must be a string');
  });

  test('string patterns apply to literals, not to tokens', () => {
    expect(() => check.string('zoneId', 'x', { pattern: /^cn-/, expected: 'a zone ID' })).toThrow('zoneId must be a zone ID, got "x".');
    expect(check.string('zoneId', '${TfToken[TOKEN.1]}', { pattern: /^cn-/ })).toBe('${TfToken[TOKEN.1]}');
  });

  test('any value gives an InputError or a value, never another exception', () => {
    const checks = [
      (v: unknown) => check.string('p', v, { optional: true, maxLength: 5 }),
      (v: unknown) => check.boolean('p', v, { optional: true }),
      (v: unknown) => check.integer('p', v, { optional: true, min: 0, max: 10 }),
      (v: unknown) => check.enumValue('p', v, Mode, { optional: true }),
      (v: unknown) => check.stringArray('p', v, { optional: true }),
      (v: unknown) => check.stringMap('p', v, { optional: true }),
    ];
    const anything = fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withDate: true });
    fc.assert(fc.property(anything, fc.nat(checks.length - 1), (value, i) => {
      try {
        checks[i](value);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect(String((e as Error).message)).toMatch(/^Stack\/Thing: p/);
      }
      expect(typeof describeValue(value)).toBe('string');
    }), { numRuns: 600 });
  });
});
