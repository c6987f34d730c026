import { describe, expect, it } from 'vitest';
import { type FileAccess, parseEnv, parseLabels } from './env-and-labels';
import { RunArgsError } from './errors';
import { parseKeyValueFile } from './key-value-file';

const files = (contents: Record<string, string>, env: Record<string, string> = {}): FileAccess => ({
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

  it('refuses a missing env file with the path', () => {
    expect(() => parseEnv([], ['/nope'], files({}))).toThrow(RunArgsError);
    expect(() => parseEnv([], ['/nope'], files({}))).toThrow('/nope');
  });
});

describe('parseLabels', () => {
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
