import { describe, expect, it } from 'vitest';
import { parseGoFloat } from './go-float';
import { parseGoDecimalInt, parseGoInt, parseGoUint, underscoresWellPlaced } from './go-integer';

describe('parseGoInt (strconv.ParseInt with base 0)', () => {
  it.each([
    ['0', 0n],
    ['512', 512n],
    ['+7', 7n],
    ['-7', -7n],
    ['0x200', 512n],
    ['0X1f', 31n],
    ['0o17', 15n],
    ['017', 15n],
    ['0b101', 5n],
    ['1_000', 1000n],
    ['0x_1F', 31n],
    ['0_7', 7n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('%j → %s', (input, value) => {
    expect(parseGoInt(input)).toEqual({ ok: true, value });
  });

  it.each(['', '+', '-', '08', '0x', '0b2', '_1', '1_', '1__0', '1.5', ' 1', '1 ', '+-1', '0x1g', 'Ⅻ', '1e3'])(
    '%j is a syntax error',
    (input) => {
      expect(parseGoInt(input)).toEqual({ ok: false, reason: 'syntax' });
    },
  );

  it.each(['9223372036854775808', '-9223372036854775809', '0xffffffffffffffffff'])('%j is out of range', (input) => {
    expect(parseGoInt(input)).toEqual({ ok: false, reason: 'range' });
  });

  it('reads unsigned 16-bit values as pflag does for --blkio-weight', () => {
    expect(parseGoUint('65535', 16)).toEqual({ ok: true, value: 65535n });
    expect(parseGoUint('65536', 16)).toEqual({ ok: false, reason: 'range' });
    expect(parseGoUint('-1', 16)).toEqual({ ok: false, reason: 'syntax' });
  });

  it('reads base-10 integers as Atoi and ParseInt(s, 10, 64) do', () => {
    expect(parseGoDecimalInt('-1')).toEqual({ ok: true, value: -1n });
    expect(parseGoDecimalInt('007')).toEqual({ ok: true, value: 7n });
    expect(parseGoDecimalInt('0x10')).toEqual({ ok: false, reason: 'syntax' });
    expect(parseGoDecimalInt('1_0')).toEqual({ ok: false, reason: 'syntax' });
    expect(parseGoDecimalInt('99999999999999999999')).toEqual({ ok: false, reason: 'range' });
  });

  it.each([
    ['1_000', true],
    ['0x_1', true],
    ['0_7', true],
    ['-1_0', true],
    ['_1', false],
    ['1_', false],
    ['1__0', false],
    ['1_e5', false],
    ['1e1_0', true],
  ])('underscores in %j are well placed: %s', (input, expected) => {
    expect(underscoresWellPlaced(input)).toBe(expected);
  });
});

describe('parseGoFloat (strconv.ParseFloat)', () => {
  it.each([
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['5.e1', 50],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['-2', -2],
    ['1_000.5', 1000.5],
    ['0x1p4', 16],
    ['0x1.8p1', 3],
    ['0X.8P0', 0.5],
    ['0x1_0p0', 16],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['0.1', 0.1],
    ['9007199254740993', 9007199254740992],
    ['0x1fffffffffffff8p0', 2 ** 57],
  ])('%j → %d', (input, value) => {
    expect(parseGoFloat(input)).toEqual({ ok: true, value });
  });

  it('reads nan', () => {
    const result = parseGoFloat('NaN');
    expect(result.ok && Number.isNaN(result.value)).toBe(true);
  });

  it.each(['', '.', 'e5', '1e', '1e+', '0x1', '0x', '1.2.3', '1_', '_1', '1_.5', '1._5', 'infin', '+nan', '1 '])(
    '%j is a syntax error',
    (input) => {
      expect(parseGoFloat(input)).toEqual({ ok: false, reason: 'syntax' });
    },
  );

  it('reports overflow as a range failure', () => {
    expect(parseGoFloat('1e400')).toEqual({ ok: false, reason: 'range' });
    expect(parseGoFloat('0x1p2000')).toEqual({ ok: false, reason: 'range' });
  });
});
