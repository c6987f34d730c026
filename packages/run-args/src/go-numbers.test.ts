import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunArgsError } from './errors';
import { parseGoDuration, parseGoInt } from './go-numbers';

describe('parseGoInt (strconv.ParseInt base 0)', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    ['-1', -1],
    ['+7', 7],
    ['0x10', 16],
    ['0X1f', 31],
    ['0o17', 15],
    ['0b11', 3],
    ['010', 8],
    ['1_0', 10],
    ['0x_1', 1],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%s → %d', (word, value) => {
    expect(parseGoInt('--stop-timeout', word)).toBe(value);
  });

  it.each(['', 'x', '1.5', '08', '1__0', '_1', '1_', '0x', '9223372036854775808', ' 1', '1e3'])(
    'refuses %j',
    (word) => {
      expect(() => parseGoInt('--stop-timeout', word)).toThrow(RunArgsError);
    },
  );
});

describe('parseGoDuration (time.ParseDuration)', () => {
  it.each([
    ['0', 0],
    ['1s', 1e9],
    ['1.5h', 5.4e12],
    ['.5s', 5e8],
    ['1.s', 1e9],
    ['300ms', 3e8],
    ['1h2m3s4ms5us6ns', 3723004005006],
    ['2µs', 2000],
    ['-1s', -1e9],
    ['+2m', 1.2e11],
  ])('%s → %d ns', (word, value) => {
    expect(parseGoDuration('--health-interval', word)).toBe(value);
  });

  it.each([
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['', 'time: invalid duration ""'],
    ['.s', 'time: invalid duration ".s"'],
    ['s', 'time: invalid duration "s"'],
    ['9999999999h', 'time: invalid duration "9999999999h"'],
  ])('refuses %j', (word, message) => {
    expect(() => parseGoDuration('--health-interval', word)).toThrow(message);
  });

  it('returns a number or its own error for any input', () => {
    fc.assert(
      fc.property(fc.string(), (word) => {
        try {
          expect(Number.isFinite(parseGoDuration('--x', word))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(RunArgsError);
        }
        try {
          expect(Number.isInteger(parseGoInt('--x', word))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(RunArgsError);
        }
      }),
    );
  });
});
