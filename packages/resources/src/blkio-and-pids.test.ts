import { describe, expect, it } from 'vitest';
import { parseBlkioWeight } from './blkio';
import { parsePidsLimit } from './pids';

describe('--blkio-weight (a uint16 flag, 10 to 1000 or 0)', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    ['500', 500],
    ['1000', 1000],
    ['0x1f4', 500],
  ])('%j → %d', (input, weight) => {
    expect(parseBlkioWeight(input)).toBe(weight);
  });

  it.each([
    ['5', 'blkio-weight-out-of-range'],
    ['1001', 'blkio-weight-out-of-range'],
    ['-1', 'invalid-integer'],
    ['65536', 'integer-out-of-range'],
    ['x', 'invalid-integer'],
  ])('%j is refused: %s', (input, code) => {
    expect(() => parseBlkioWeight(input)).toThrow(expect.objectContaining({ code, input, flag: '--blkio-weight' }));
  });
});

describe('--pids-limit (0 or negative: unlimited)', () => {
  it.each([
    ['100', 100],
    ['0', 0],
    ['-1', -1],
    ['-5', -5],
    ['4194304', 4_194_304],
  ])('%j → %d', (input, limit) => {
    expect(parsePidsLimit(input)).toBe(limit);
  });

  it.each([
    ['4194305', 'pids-limit-out-of-range'],
    ['1.5', 'invalid-integer'],
    ['x', 'invalid-integer'],
  ])('%j is refused: %s', (input, code) => {
    expect(() => parsePidsLimit(input)).toThrow(expect.objectContaining({ code, input, flag: '--pids-limit' }));
  });
});
