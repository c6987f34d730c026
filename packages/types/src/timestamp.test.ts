import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timestampParam } from './timestamp';

describe('timestampParam', () => {
  it.each([
    [0, '0.000000000'],
    [1_700_000_000, '1700000000.000000000'],
    [1.5, '1.500000000'],
    [new Date('2026-01-02T03:04:05.678Z'), '1767323045.678000000'],
  ])('writes %j as %s', (value, expected) => {
    expect(timestampParam(value)).toBe(expected);
  });

  it('always writes SECONDS.NANOSECONDS with nine digits, within a microsecond of the value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 4e9, noNaN: true }), (seconds) => {
        const text = timestampParam(seconds);
        expect(text).toMatch(/^\d+\.\d{9}$/);
        expect(Math.abs(Number(text) - seconds)).toBeLessThan(1e-6);
      }),
    );
  });
});
