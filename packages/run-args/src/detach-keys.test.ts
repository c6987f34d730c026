import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETACH_KEYS, parseDetachKeys } from './detach-keys';
import { RunArgsError } from './errors';

describe('parseDetachKeys', () => {
  it.each([
    ['ctrl-p,ctrl-q', [16, 17]],
    ['a', [97]],
    ['ctrl-@', [0]],
    ['ctrl-a', [1]],
    ['ctrl-z', [26]],
    ['ctrl-[', [27]],
    ['ctrl-\\', [28]],
    ['ctrl-]', [29]],
    ['ctrl-^', [30]],
    ['ctrl-_', [31]],
    ['DEL', [127]],
    ['a,b,c', [97, 98, 99]],
    ['ctrl-x,x', [24, 120]],
  ])('%s is %j', (spec, bytes) => {
    expect(parseDetachKeys(spec)).toEqual(bytes);
  });

  it.each([
    ['ctrl-P', "unknown character: 'ctrl-P'"],
    ['ab', "unknown character: 'ab'"],
    ['', "unknown character: ''"],
    ['a,,b', "unknown character: ''"],
    ['ctrl-p,', "unknown character: ''"],
    ['del', "unknown character: 'del'"],
    ['é', "unknown character: 'é'"],
    [',', "unknown character: ''"],
  ])('%j is refused: %s', (spec, message) => {
    expect(() => parseDetachKeys(spec)).toThrow(RunArgsError);
    expect(() => parseDetachKeys(spec)).toThrow(message);
  });

  it('names the default sequence as ctrl-p,ctrl-q', () => {
    expect(parseDetachKeys('ctrl-p,ctrl-q')).toEqual(DEFAULT_DETACH_KEYS);
  });

  it('reads any list of spelled keys back to their codes, one byte per key', () => {
    const key = fc.oneof(
      fc
        .integer({ min: 0, max: 31 })
        .map((code) => ({ code, word: `ctrl-${String.fromCharCode(code + 64).toLowerCase()}` })),
      fc.integer({ min: 32, max: 126 }).map((code) => ({ code, word: String.fromCharCode(code) })),
      fc.constant({ code: 127, word: 'DEL' }),
    );
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 6 }), (keys) => {
        // a lone ',' would split the list: the property spells the keys it can join
        fc.pre(keys.every(({ word }) => word !== ','));
        expect(parseDetachKeys(keys.map(({ word }) => word).join(','))).toEqual(keys.map(({ code }) => code));
      }),
    );
  });
});
