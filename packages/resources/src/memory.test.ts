import { describe, expect, it } from 'vitest';
import {
  parseKernelMemory,
  parseMemory,
  parseMemoryReservation,
  parseMemorySwap,
  parseMemorySwappiness,
  parseOomKillDisable,
  parseOomScoreAdj,
  parseShmSize,
} from './memory';

describe('memory flags', () => {
  it('reads the book’s memory limits (ch.6.1.1)', () => {
    expect(parseMemory('256m')).toBe(268_435_456);
    expect(parseMemory('512m')).toBe(536_870_912);
    expect(parseMemory('1g')).toBe(1_073_741_824);
    expect(parseMemory('0')).toBe(0);
  });

  it('refuses limits below the daemon’s 6 MiB floor', () => {
    expect(parseMemory('6m')).toBe(6_291_456);
    for (const [parse, flag] of [
      [parseMemory, '--memory'],
      [parseMemoryReservation, '--memory-reservation'],
      [parseKernelMemory, '--kernel-memory'],
    ] as const) {
      expect(() => parse('6291455')).toThrow(
        expect.objectContaining({ code: 'memory-too-small', flag, input: '6291455' }),
      );
      expect(() => parse('4m')).toThrow(expect.objectContaining({ code: 'memory-too-small' }));
    }
  });

  it('takes -1 for unlimited swap, and sizes otherwise', () => {
    expect(parseMemorySwap('-1')).toBe(-1);
    expect(parseMemorySwap('1g')).toBe(1_073_741_824);
    expect(() => parseMemorySwap('-2')).toThrow(
      expect.objectContaining({ code: 'invalid-size', flag: '--memory-swap' }),
    );
    expect(() => parseMemorySwap('-1m')).toThrow(expect.objectContaining({ code: 'invalid-size' }));
  });

  it('takes any shm size, 0 meaning the daemon default', () => {
    expect(parseShmSize('64m')).toBe(67_108_864);
    expect(parseShmSize('1')).toBe(1);
    expect(parseShmSize('0')).toBe(0);
  });

  it.each([
    ['-1', -1],
    ['0', 0],
    ['60', 60],
    ['100', 100],
    ['0x64', 100],
  ])('--memory-swappiness %j → %d', (input, swappiness) => {
    expect(parseMemorySwappiness(input)).toBe(swappiness);
  });

  it.each(['101', '-2', '1000'])('--memory-swappiness %j is out of range', (input) => {
    expect(() => parseMemorySwappiness(input)).toThrow(
      expect.objectContaining({ code: 'swappiness-out-of-range', input }),
    );
  });

  it.each([
    ['-1000', -1000],
    ['1000', 1000],
    ['0', 0],
    ['-500', -500],
  ])('--oom-score-adj %j → %d', (input, adjustment) => {
    expect(parseOomScoreAdj(input)).toBe(adjustment);
  });

  it.each(['1001', '-1001'])('--oom-score-adj %j is out of range', (input) => {
    expect(() => parseOomScoreAdj(input)).toThrow(
      expect.objectContaining({ code: 'oom-score-adj-out-of-range', input }),
    );
  });

  it('reads --oom-kill-disable as a Go boolean', () => {
    expect(parseOomKillDisable()).toBe(true);
    expect(parseOomKillDisable(false)).toBe(false);
    for (const word of ['1', 't', 'T', 'TRUE', 'true', 'True']) expect(parseOomKillDisable(word)).toBe(true);
    for (const word of ['0', 'f', 'F', 'FALSE', 'false', 'False']) expect(parseOomKillDisable(word)).toBe(false);
    for (const word of ['yes', 'tRUE', '', ' true']) {
      expect(() => parseOomKillDisable(word)).toThrow(
        expect.objectContaining({ code: 'invalid-boolean', input: word }),
      );
    }
  });
});
