import { RunArgsError } from './errors';

/**
 * Splits a command line into words as a POSIX shell would, without expansions: white space separates words,
 * single quotes keep everything, double quotes keep everything but `\"` and `\\`, a backslash escapes one character.
 * For writing argv tables and command lines in tests and tools; `toRunArgs` produces lines this splits back.
 */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let index = 0;
  const append = (text: string) => {
    word = (word ?? '') + text;
  };
  while (index < line.length) {
    const char = line.charAt(index);
    if (char === ' ' || char === '\t' || char === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
      index += 1;
    } else if (char === "'") {
      const end = line.indexOf("'", index + 1);
      if (end === -1) throw new RunArgsError('unterminated-quote', line, `unterminated ' quote in: ${line}`);
      append(line.slice(index + 1, end));
      index = end + 1;
    } else if (char === '"') {
      let text = '';
      index += 1;
      while (index < line.length && line.charAt(index) !== '"') {
        const next = line.charAt(index + 1);
        if (line.charAt(index) === '\\' && (next === '"' || next === '\\')) {
          text += next;
          index += 2;
        } else {
          text += line.charAt(index);
          index += 1;
        }
      }
      if (index >= line.length) throw new RunArgsError('unterminated-quote', line, `unterminated " quote in: ${line}`);
      append(text);
      index += 1;
    } else if (char === '\\' && index + 1 < line.length) {
      append(line.charAt(index + 1));
      index += 2;
    } else {
      append(char);
      index += 1;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a word so that `splitShellWords` (and a POSIX shell) reads it back unchanged. */
export function quoteShellWord(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
