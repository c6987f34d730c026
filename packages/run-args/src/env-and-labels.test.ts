import { describe, expect, it } from 'vitest';
import { type FileAccess, parseEnv, parseLabels } from './env-and-labels';
import { RunArgsError } from './errors';
import { type FileContent, parseKeyValueFile } from './key-value-file';

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(text, encoding));
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const utf16be = (text: string) => bytes(text, 'utf16le').map((_, i, all) => all[i ^ 1] ?? 0);

const files = (contents: Record<string, FileContent>, env: Record<string, string> = {}): FileAccess => ({
  readFile: (path) => {
    const content = contents[path];
    if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return content;
  },
  lookupEnv: (key) => env[key],
});

describe('key-value files', () => {
  it('reads them as the docker CLI does', () => {
    const content = '\uFEFFA=1\n  B=two words \n# comment\n\nC\nD=\nE="q"\r\nF=x=y\n';
    expect(parseKeyValueFile('f', content, (key) => (key === 'C' ? '3' : undefined))).toEqual([
      'A=1',
      'B=two words ',
      'C=3',
      'D=',
      'E="q"',
      'F=x=y',
    ]);
    expect(parseKeyValueFile('f', 'C\n')).toEqual([]);
  });

  it.each([
    ['B =2\n', "variable 'B ' contains whitespaces"],
    ['BAD KEY=1\n', "variable 'BAD KEY' contains whitespaces"],
    ['=x\n', "no variable name on line '=x'"],
  ])('refuses %j', (content, message) => {
    expect(() => parseKeyValueFile('/tmp/env', content)).toThrow(`invalid env file (/tmp/env): ${message}`);
  });

  it('reads the bytes of a file as the text did: UTF-8, its BOM dropped, CRLF or LF', () => {
    const content = '\uFEFFA=1\r\n  B=two words \n# comment\nC\r';
    expect(parseKeyValueFile('f', bytes(content), () => '3')).toEqual(['A=1', 'B=two words ', 'C=3']);
    expect(parseKeyValueFile('f', bytes(content), () => '3')).toEqual(parseKeyValueFile('f', content, () => '3'));
  });

  // docker/cli kvfile checks each line's bytes before dropping a UTF-8 BOM; these are the messages docker CLI 28 printed
  it.each([
    ['UTF-16LE with its BOM', [...UTF16LE_BOM, ...bytes('A=1\nB=2\n', 'utf16le')], 1, '255 254 65 0 61 0 49 0'],
    ['UTF-16BE with its BOM', [...UTF16BE_BOM, ...utf16be('A=1\nB=2\n')], 1, '254 255 0 65 0 61 0 49 0'],
    ['Latin-1 on line 2', [...bytes('A=1\n'), ...bytes('B=caf\u00e9\r\n', 'latin1')], 2, '66 61 99 97 102 233'],
  ])('refuses %s, naming the line and its bytes', (_, content, line, shown) => {
    expect(() => parseKeyValueFile('/tmp/env', new Uint8Array(content))).toThrowError(
      expect.objectContaining({
        code: 'invalid-key-value-file',
        input: '/tmp/env',
        message: `invalid env file (/tmp/env): invalid utf8 bytes at line ${line}: [${shown}]`,
      }),
    );
  });

  it('reads UTF-16 without a BOM as docker does: valid UTF-8, NULs between the characters', () => {
    expect(parseKeyValueFile('f', bytes('A=1\nB=2\n', 'utf16le'))).toEqual(['A\0=\x001\0', '\0B\0=\x002\0']);
  });
});

describe('parseEnv', () => {
  it('puts files first and flags after, passing bare names through from the environment', () => {
    const access = files({ '/e': 'A=1\nC\n' }, { C: '3', FOO: 'bar' });
    expect(parseEnv(['A=9', 'FOO', 'UNSET', 'A B=1', ' A=1'], ['/e'], access)).toEqual([
      'A=1',
      'C=3',
      'A=9',
      'FOO=bar',
      'UNSET',
      'A B=1',
      ' A=1',
    ]);
  });

  it.each(['=x', ''])('refuses -e %j', (entry) => {
    expect(() => parseEnv([entry], [], files({}))).toThrow(`invalid environment variable: ${entry}`);
  });

  it('refuses, before the runtime would, an env file of UTF-16 without a BOM (NULs in the variables)', () => {
    const access = files({ '/u16': bytes('A=1\n', 'utf16le') });
    expect(() => parseEnv([], ['/u16'], access)).toThrowError(
      expect.objectContaining({ code: 'nul-in-env-file', input: '/u16', message: expect.stringContaining('UTF-16') }),
    );
  });

  it('refuses a missing env file with the path', () => {
    expect(() => parseEnv([], ['/nope'], files({}))).toThrow(RunArgsError);
    expect(() => parseEnv([], ['/nope'], files({}))).toThrow('/nope');
  });
});

describe('parseLabels', () => {
  it('takes a --label-file of UTF-16 without a BOM as docker does, and refuses one with its BOM', () => {
    const access = files({ '/u16': bytes('A=1\n', 'utf16le'), '/bom': new Uint8Array([...UTF16LE_BOM, 0x41, 0]) });
    expect(parseLabels([], ['/u16'], access)).toEqual({ 'A\0': '\x001\0' });
    expect(() => parseLabels([], ['/bom'], access)).toThrow('invalid env file (/bom): invalid utf8 bytes at line 1');
  });

  it('keeps blanks before a name, as docker does, and other white space inside it', () => {
    expect(parseLabels([' padded=1', '\ttab=2', 'line\nfeed=3'], [], files({}))).toEqual({
      ' padded': '1',
      '\ttab': '2',
      'line\nfeed': '3',
    });
  });

  it('merges files and flags; a bare flag key is an empty label, a bare file key is dropped', () => {
    const access = files({ '/l': '\uFEFFL1=a\nL2\n L3=x y \nL5=\n' });
    expect(parseLabels(['L2=z', 'L4', 'a=b=c'], ['/l'], access)).toEqual({
      L1: 'a',
      L3: 'x y ',
      L5: '',
      L2: 'z',
      L4: '',
      a: 'b=c',
    });
  });

  it.each([
    ['=x', "invalid label '=x': empty name"],
    ['', "invalid label '': empty name"],
    ['a b=1', "label 'a b' contains whitespaces"],
    ['x\ty=1', "label 'x\ty' contains whitespaces"],
    [' \t=1', "invalid label ' \t=1': empty name"],
  ])('refuses -l %j', (label, message) => {
    expect(() => parseLabels([label], [], files({}))).toThrow(message);
  });
});
