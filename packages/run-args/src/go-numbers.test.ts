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

describe('parseGoDuration (a duration flag)', () => {
  it('reads Go durations in nanoseconds', () => {
    expect(parseGoDuration('--health-interval', '1h2m3s4ms5us6ns')).toBe(3723004005006);
    expect(parseGoDuration('--health-interval', '0')).toBe(0);
  });

  it("refuses with pflag's line around Go's reason", () => {
    expect(() => parseGoDuration('--health-interval', '1d')).toThrowError(
      expect.objectContaining({
        code: 'invalid-duration',
        input: '1d',
        message: 'invalid argument "1d" for "--health-interval" flag: time: unknown unit "d" in duration "1d"',
      }),
    );
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
