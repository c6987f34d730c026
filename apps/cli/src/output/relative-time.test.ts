import { describe, expect, it } from 'vitest';
import { goTimeString, rfc3339NanoFixed, timeAgo } from './relative-time';

describe('relative and absolute times (TZ=UTC)', () => {
  it('says how long ago', () => {
    expect(timeAgo(1000, 1000_000)).toBe('Less than a second ago');
    expect(timeAgo(1000, 1_090_000)).toBe('About a minute ago');
  });

  it.runIf(new Date().getTimezoneOffset() === 0)('writes Go times in UTC', () => {
    expect(goTimeString(1_796_223_845)).toBe('2026-12-02 15:04:05 +0000 UTC');
    expect(rfc3339NanoFixed(1_796_223_845_000_000_123n)).toBe('2026-12-02T15:04:05.000000123Z');
  });
});
