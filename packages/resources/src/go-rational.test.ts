import { describe, expect, it } from 'vitest';
import { parseGoRational } from './go-rational';

describe('parseGoRational (big.Rat SetString)', () => {
  const value = (text: string) => {
    const rational = parseGoRational(text);
    if (!rational) return undefined;
    const scale = 2 ** rational.exp2 * 5 ** rational.exp5;
    return ((rational.negative ? -1 : 1) * Number(rational.mantissa) * scale) / Number(rational.divisor);
  };

  it.each([
    ['0.75', 0.75],
    ['.5', 0.5],
    ['5.', 5],
    ['07', 7],
    ['010', 10],
    ['1e-1', 0.1],
    ['1p1', 2],
    ['3/4', 0.75],
    ['-1/2', -0.5],
    ['010/8', 1],
    ['0x10/0x4', 4],
    ['1_000/1_000', 1],
    ['0x1p-1', 0.5],
    ['0x1e', 30],
    ['0b1.1', 1.5],
    ['0o7', 7],
    ['0.7_5', 0.75],
    ['0', 0],
    ['0e99999999', 0],
  ])('%j → %d', (input, expected) => {
    expect(value(input)).toBeCloseTo(expected, 12);
  });

  it.each([
    '',
    '/',
    '1/',
    '/2',
    '1/0',
    '1/-2',
    '1/+2',
    '08/1',
    '1.5/2',
    '_1',
    '1_',
    '1_.5',
    '.',
    '1e',
    '1 /2',
    'inf',
    '1e1000001',
  ])('%j fails', (input) => {
    expect(parseGoRational(input)).toBeUndefined();
  });
});
