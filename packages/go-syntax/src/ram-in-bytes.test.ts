import { describe, expect, it } from 'vitest';
import { ramInBytes } from './ram-in-bytes';

describe('ramInBytes (go-units RAMInBytes)', () => {
  it.each([
    ['0', 0],
    ['1048576', 1048576],
    ['16k', 16384],
    ['16KiB', 16384],
    ['1.5k', 1536],
    ['256m', 268435456],
    ['512 MiB', 536870912],
    ['2g', 2 * 1024 ** 3],
    ['1p', 1024 ** 5],
    ['1e3', 1000],
    ['0x1p4', 16],
    ['1_0m', 10485760],
    ['1\u212a', 1024],
  ])('%j → %d bytes', (text, bytes) => {
    expect(ramInBytes(text)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ['', { ok: false, reason: 'no-digits' }],
    ['k', { ok: false, reason: 'no-digits' }],
    ['-1', { ok: false, reason: 'negative' }],
    ['12q', { ok: false, reason: 'bad-unit', unit: 'q' }],
    ['1kk', { ok: false, reason: 'bad-unit', unit: 'kk' }],
    ['1 6k', { ok: false, reason: 'not-a-number', number: '1 6' }],
    ['1e400', { ok: false, reason: 'too-large' }],
    ['9p9', { ok: false, reason: 'not-a-number', number: '9p9' }],
    ['100000p', { ok: false, reason: 'too-large' }],
  ])('%j is refused', (text, failure) => {
    expect(ramInBytes(text)).toEqual(failure);
  });
});
