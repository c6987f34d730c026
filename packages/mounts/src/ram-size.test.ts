import { describe, expect, it } from 'vitest';
import { parseRamSize } from './ram-size';

describe('parseRamSize (go-units RAMInBytes)', () => {
  it.each<[string, number | undefined]>([
    ['0', 0],
    ['1000', 1000],
    ['16k', 16384],
    ['16K', 16384],
    ['16kb', 16384],
    ['16KiB', 16384],
    ['1m', 1048576],
    ['1MB', 1048576],
    ['1.5k', 1536],
    ['0.1k', 102],
    ['2g', 2 * 1024 ** 3],
    ['1t', 1024 ** 4],
    ['1p', 1024 ** 5],
    ['16 k', 16384],
    ['12b', 12],
    ['1e3', 1000],
    ['.5k', 512],
    ['5.k', 5120],
    ['+1k', 1024],
    ['0x1p4', 16],
    ['k', undefined],
    ['', undefined],
    ['-1', undefined],
    ['1x', undefined],
    ['1kk', undefined],
    ['1kib2', undefined],
    ['1kx', undefined],
    ['1bb', undefined],
    ['1 6k', undefined],
    ['0x10', undefined],
    ['1e400', undefined],
    ['9p9', undefined],
    ['100000p', undefined],
    // within go-units' int64 but beyond what a JSON number carries exactly
    ['8191t', 8191 * 1024 ** 4],
    ['8192t', undefined],
  ])('%j → %j', (size, bytes) => {
    expect(parseRamSize(size)).toBe(bytes);
  });
});
