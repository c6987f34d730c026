import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration';

describe('parseGoDuration (time.ParseDuration)', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['1s', 1_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['300ms', 300_000_000n],
    ['1h2m3s4ms5us6ns', 3_723_004_005_006n],
    ['2µs', 2_000n],
    ['2μs', 2_000n],
    ['0.0000000019s', 1n],
    ['-1s', -1_000_000_000n],
    ['+2m', 120_000_000_000n],
    ['2562047h47m16.854775807s', 2n ** 63n - 1n],
  ])('%s → %d ns', (text, nanoseconds) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, nanoseconds });
  });

  it.each([
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['.s', 'time: invalid duration ".s"'],
    ['s', 'time: invalid duration "s"'],
    ['9999999999h', 'time: invalid duration "9999999999h"'],
  ])('refuses %j', (text, message) => {
    expect(parseGoDuration(text)).toEqual({ ok: false, message });
  });

  it('answers every text with a result, never an exception', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseGoDuration(text);
        expect(result.ok ? typeof result.nanoseconds : result.message).toMatch(/^(bigint|time: )/);
      }),
    );
  });
});
