import { describe, expect, it } from 'vitest';
import { ellipsis, shortId } from './ids';

describe('shortId', () => {
  it('keeps 12 characters after an algorithm prefix', () => {
    expect(shortId('sha256:839632924e97aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe('839632924e97');
    expect(shortId('35e351ddf6c0ffffffffffff')).toBe('35e351ddf6c0');
    expect(shortId('abc')).toBe('abc');
  });
});

describe('ellipsis', () => {
  it.each([
    ['sh -c "sleep 1000"', 20, 'sh -c "sleep 1000"'],
    ['sh -c "while true; do sleep 1; done"', 20, 'sh -c "while true; …'],
    ['abc', 1, 'a'],
    ['abc', 0, ''],
    ['日本語のコマンド', 7, '日本語…'],
  ])('%s in %d columns → %s', (text, width, cut) => {
    expect(ellipsis(text, width)).toBe(cut);
  });
});
