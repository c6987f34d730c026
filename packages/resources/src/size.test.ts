import { describe, expect, it } from 'vitest';
import { ResourceError } from './errors';
import { parseBytes } from './size';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('parseBytes (go-units RAMInBytes)', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['1b', 1],
    ['1B', 1],
    ['1k', KiB],
    ['1K', KiB],
    ['1kb', KiB],
    ['1KiB', KiB],
    ['1kib', KiB],
    ['1 k', KiB],
    ['1 KiB', KiB],
    ['1 ', 1],
    ['256m', 256 * MiB],
    ['512m', 512 * MiB],
    ['1g', GiB],
    ['1024k', MiB],
    ['1048576b', MiB],
    ['1t', 1024 * GiB],
    ['1p', 1024 * 1024 * GiB],
    ['1.5g', 1.5 * GiB],
    ['0.1m', 104857],
    ['0.1g', 107374182],
    ['6.5m', 6815744],
    ['.5k', 512],
    ['5.k', 5 * KiB],
    ['1e3', 1000],
    ['1E3k', 1000 * KiB],
    ['1e8', 100_000_000],
    ['+5m', 5 * MiB],
    ['-0', 0],
    ['0x1p4', 16],
    ['0x1p4m', 16 * MiB],
    ['0x1p24', 16 * MiB],
    ['0x1.8p1', 3],
    ['0x1p-1k', 512],
    ['1_0m', 10 * MiB],
    ['1_000.5', 1000],
    ['1mib', MiB],
    ['1\u212a', KiB],
    ['8e18', 8e18],
  ])('%j → %d', (input, bytes) => {
    expect(parseBytes(input)).toBe(bytes);
  });

  it.each([
    '',
    'm',
    ' ',
    'K',
    '-1',
    '-1m',
    '-0.5',
    '1x',
    '1mm',
    '1bb',
    '1bi',
    '1mi',
    '1kibb',
    '1  m',
    ' 1',
    '1m b',
    '1.2.3',
    '1_',
    '_1',
    '1__0',
    '1_.5',
    '0x1',
    '0x',
    '1e',
    '1e+',
    '+-1',
    '1\u212aB',
    '1,5m',
    'inf',
    'infinity',
    '1 inf',
  ])('%j is refused as invalid-size', (input) => {
    const error = (() => {
      try {
        parseBytes(input, '--shm-size');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ResourceError);
    expect(error).toMatchObject({ code: 'invalid-size', input, flag: '--shm-size' });
    expect((error as ResourceError).message).toContain(`"${input}"`);
  });

  it.each(['1e400', 'inf ', 'Infinity ', 'nan ', '1e19', '8192p', '99999999999999999999'])(
    '%j is refused as size-out-of-range',
    (input) => {
      expect(() => parseBytes(input)).toThrow(expect.objectContaining({ code: 'size-out-of-range', input }));
    },
  );

  it('truncates fractions of a byte as docker does, after float multiplication', () => {
    expect(parseBytes('1.1m')).toBe(Math.trunc(1.1 * MiB));
    expect(parseBytes('0.3k')).toBe(307);
  });
});
