import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors';
import { planCopy, rebaseName, renameEntry, resolveLocalPath, splitPathDirEntry } from './copy-paths';

describe('splitPathDirEntry', () => {
  it.each([
    ['/d/a', ['/d', 'a']],
    ['/d/a/', ['/d', 'a']],
    ['/d/.', ['/d', '.']],
    ['/d/./', ['/', 'd']],
    ['a', ['.', 'a']],
    ['/', ['/', '/']],
  ])('%s', (path, split) => expect(splitPathDirEntry(path)).toEqual(split));
});

describe('resolveLocalPath keeps the /. or / the user wrote', () => {
  it.each([
    ['x', '/w/x'],
    ['x/', '/w/x/'],
    ['x/.', '/w/x/.'],
    ['.', '/w/.'],
    ['/abs/', '/abs/'],
    ['../y', '/y'],
  ])('%s', (path, resolved) => expect(resolveLocalPath(path, '/w')).toBe(resolved));
});

describe('rebaseName', () => {
  it('names the copy after the link when the target is named otherwise', () => {
    expect(rebaseName('/lnk', '/d/a')).toEqual({ path: '/d/a', rebaseName: 'lnk' });
    expect(rebaseName('/x/a', '/d/a')).toEqual({ path: '/d/a' });
    expect(rebaseName('/lnk/.', '/d')).toEqual({ path: '/d/.' });
  });
});

describe('planCopy: docker rules', () => {
  const file = { path: '/s/f', exists: true, isDir: false };
  const dir = { path: '/s/d', exists: true, isDir: true };
  it.each([
    [file, { path: '/t', exists: true, isDir: true }, { dir: '/t' }],
    [file, { path: '/t/g', exists: true, isDir: false }, { dir: '/t', rename: { from: 'f', to: 'g' } }],
    [file, { path: '/t/new', exists: false, isDir: false }, { dir: '/t', rename: { from: 'f', to: 'new' } }],
    [dir, { path: '/t/new', exists: false, isDir: false }, { dir: '/t', rename: { from: 'd', to: 'new' } }],
    [dir, { path: '/t/new/', exists: false, isDir: false }, { dir: '/t', rename: { from: 'd', to: 'new' } }],
    [
      { ...dir, path: '/s/d/.' },
      { path: '/t/new', exists: false, isDir: false },
      { dir: '/t', rename: { from: '.', to: 'new' } },
    ],
    [
      { ...file, rebaseName: 'lnk' },
      { path: '/t/n', exists: false, isDir: false },
      { dir: '/t', rename: { from: 'lnk', to: 'n' } },
    ],
  ])('%j into %j', (source, destination, plan) => expect(planCopy(source, destination)).toEqual(plan));

  it.each([
    [dir, { path: '/t/g', exists: true, isDir: false }, 'cannot copy directory'],
    [file, { path: '/t/new/', exists: false, isDir: false }, 'no such directory'],
    [file, { path: '/t/new/.', exists: false, isDir: false }, 'no such directory'],
  ])('%j into %j refused', (source, destination, message) => {
    expect(() => planCopy(source, destination)).toThrow(CliError);
    expect(() => planCopy(source, destination)).toThrow(message);
  });
});

describe('renameEntry', () => {
  it.each([
    ['d', 'd', 'e', 'e'],
    ['d/', 'd', 'e', 'e'],
    ['d/sub/b', 'd', 'e', 'e/sub/b'],
    ['dd/x', 'd', 'e', 'dd/x'],
    ['.', '.', 'e', 'e'],
    ['./a', '.', 'e', 'e/a'],
    ['a', '.', 'e', 'e/a'],
  ])('%s (%s → %s)', (name, from, to, renamed) => expect(renameEntry(name, from, to)).toBe(renamed));

  const segment = fc.stringMatching(/^[a-z0-9_-]{1,8}$/);
  it('renaming the top and renaming it back gives the entry again', () => {
    fc.assert(
      fc.property(segment, segment, fc.array(segment, { maxLength: 3 }), (from, to, rest) => {
        fc.pre(from !== to);
        const name = [from, ...rest].join('/');
        expect(renameEntry(renameEntry(name, from, to), to, from)).toBe(name);
      }),
    );
  });
  it('an entry outside the top is left as it is', () => {
    fc.assert(
      fc.property(segment, segment, segment, (from, to, other) => {
        fc.pre(other !== from);
        expect(renameEntry(`${other}/x`, from, to)).toBe(`${other}/x`);
      }),
    );
  });
});
