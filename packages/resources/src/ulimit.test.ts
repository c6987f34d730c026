import { describe, expect, it } from 'vitest';
import { parseUlimit, parseUlimits } from './ulimit';

describe('parseUlimit', () => {
  it.each([
    ['nofile=1024', 1024, 1024],
    ['nofile=1024:2048', 1024, 2048],
    ['core=0', 0, 0],
    ['nproc=-1', -1, -1],
    ['nproc=-1:-1', -1, -1],
    ['core=100:-1', 100, -1],
    ['core=-5:-1', -5, -1],
    ['core=-10:-5', -10, -5],
    ['stack=+8', 8, 8],
    ['fsize=007:8', 7, 8],
  ])('%j → soft %d, hard %d', (input, Soft, Hard) => {
    expect(parseUlimit(input)).toEqual({ Name: input.slice(0, input.indexOf('=')), Soft, Hard });
  });

  it.each([
    ['nofile', 'invalid-ulimit'],
    ['nofile=', 'invalid-ulimit'],
    ['nofile=:5', 'invalid-ulimit'],
    ['nofile=1:2:3', 'invalid-ulimit'],
    ['nofile=0x10', 'invalid-ulimit'],
    ['nofile=1_0', 'invalid-ulimit'],
    ['nofile=1.5', 'invalid-ulimit'],
    ['nofile=99999999999999999999', 'invalid-ulimit'],
    ['nofile=9007199254740993', 'invalid-ulimit'],
    ['as=1', 'unknown-ulimit'],
    ['NOFILE=1', 'unknown-ulimit'],
    ['=1', 'unknown-ulimit'],
    ['nofile=2048:1024', 'ulimit-soft-above-hard'],
    ['nofile=-1:1024', 'ulimit-soft-above-hard'],
    ['nofile=1:-5', 'ulimit-soft-above-hard'],
    // docker accepts this; the kernel refuses it at start (soft -5 is 2^64-5 unsigned)
    ['nofile=-5:10', 'ulimit-soft-above-hard'],
  ])('%j is refused: %s', (input, code) => {
    expect(() => parseUlimit(input)).toThrow(expect.objectContaining({ code, input, flag: '--ulimit' }));
  });

  it('keeps the last value per name and sorts by name, as docker sends them', () => {
    expect(parseUlimits(['nofile=1', 'core=0', 'nofile=2', 'cpu=5:6'])).toEqual([
      { Name: 'core', Soft: 0, Hard: 0 },
      { Name: 'cpu', Soft: 5, Hard: 6 },
      { Name: 'nofile', Soft: 2, Hard: 2 },
    ]);
  });
});
