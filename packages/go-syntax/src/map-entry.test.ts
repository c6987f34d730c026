import { describe, expect, it } from 'vitest';
import { setMapEntry } from './map-entry';

describe('setMapEntry (Go map assignment)', () => {
  it('keeps __proto__ as data, like any other key, and leaves the prototype alone', () => {
    const map = setMapEntry(setMapEntry<string>({}, '__proto__', 'x'), 'a', '1');
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.entries(map)).toEqual([
      ['__proto__', 'x'],
      ['a', '1'],
    ]);
    expect(JSON.stringify(map)).toBe('{"__proto__":"x","a":"1"}');
  });

  it('replaces the value of a key given again, keeping its first place', () => {
    expect(Object.entries(setMapEntry(setMapEntry({ a: '1', b: '2' }, 'a', '3'), 'c', '4'))).toEqual([
      ['a', '3'],
      ['b', '2'],
      ['c', '4'],
    ]);
  });
});
