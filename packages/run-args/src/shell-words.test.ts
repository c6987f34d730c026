import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunArgsError } from './errors';
import { quoteShellWord, splitShellWords } from './shell-words';

describe('shell words', () => {
  it.each([
    ['a b  c', ['a', 'b', 'c']],
    ['--entrypoint "" busybox', ['--entrypoint', '', 'busybox']],
    [`-c "echo \\"hi\\"" 'it''s'`, ['-c', 'echo "hi"', 'its']],
    [`'a b'\\ c`, ['a b c']],
    ["x='1 2'", ['x=1 2']],
  ])('%s', (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  it('refuses an unterminated quote', () => {
    expect(() => splitShellWords('"abc')).toThrow(RunArgsError);
    expect(() => splitShellWords("'abc")).toThrow(RunArgsError);
  });

  it('quotes any words so that they split back unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (words) => {
        expect(splitShellWords(words.map(quoteShellWord).join(' '))).toEqual(words);
      }),
    );
  });
});
