import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSize, goPrecision, humanSize } from './sizes';

describe('humanSize', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [1024, '1.02kB'],
    [1_983_000, '1.98MB'],
    [2_750_000, '2.75MB'],
    [999_500, '1e+03kB'],
    [1_125_000, '1.12MB'],
    [1_135_000, '1.14MB'],
    [12_345_678_901, '12.3GB'],
  ])('%d bytes → %s', (size, text) => {
    expect(humanSize(size)).toBe(text);
  });

  it('keeps 4 digits when asked, as HumanSize does', () => {
    expect(humanSize(2_746_000, 4)).toBe('2.746MB');
  });

  it('never prints more than the significant digits asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), (size) => {
        const digits = humanSize(size)
          .replace(/e\+\d+/, '')
          .replace(/[^0-9]/g, '');
        expect(digits.replace(/^0+/, '').length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('bytesSize', () => {
  it.each([
    [0, '0B'],
    [1024, '1KiB'],
    [2_087_202_816, '1.944GiB'],
  ])('%d bytes → %s', (size, text) => {
    expect(bytesSize(size)).toBe(text);
  });
});

describe('goPrecision', () => {
  it.each([
    [2.5, 1, '2'],
    [3.5, 1, '4'],
    [0.000123, 3, '0.000123'],
    [1234.5, 3, '1.23e+03'],
  ])('%d with %d digits → %s', (value, precision, text) => {
    expect(goPrecision(value, precision)).toBe(text);
  });
});
