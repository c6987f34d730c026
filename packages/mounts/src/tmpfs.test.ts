import { describe, expect, it } from 'vitest';
import { MountError, type MountErrorCode } from './errors';
import { parseTmpfsSpec, type TmpfsSpec } from './tmpfs';
import { parseVolumesFrom, type VolumesFromSpec } from './volumes-from';

describe('parseTmpfsSpec (--tmpfs)', () => {
  it.each<[string, TmpfsSpec]>([
    ['/tmp', { target: '/tmp', options: '' }],
    ['/tmp:', { target: '/tmp', options: '' }],
    ['/tmp:size=64m,mode=1770', { target: '/tmp', options: 'size=64m,mode=1770' }],
    ['/x:rw,exec,uid=1000,gid=1000,nr_inodes=1k', { target: '/x', options: 'rw,exec,uid=1000,gid=1000,nr_inodes=1k' }],
    ['/x:defaults,noatime,=x', { target: '/x', options: 'defaults,noatime,=x' }],
    // The engine checks the path with `\` read as `/`, as for -v and --mount (and then mounts on `/\x`).
    ['\\x', { target: '\\x', options: '' }],
  ])('%j', (spec, parsed) => {
    expect(parseTmpfsSpec(spec)).toEqual(parsed);
  });

  it.each<[string, MountErrorCode]>([
    ['', 'empty-spec'],
    ['relative', 'relative-path'],
    ['/', 'root-target'],
    ['\\', 'root-target'],
    ['/x\\..', 'root-target'],
    ['C:\\x', 'relative-path'],
    ['/x:bogus', 'invalid-tmpfs-option'],
    ['/x:size', 'invalid-tmpfs-option'],
    ['/x:a:b', 'invalid-tmpfs-option'],
    ['/run/a:b', 'invalid-tmpfs-option'],
    ['/x:size=1k,,mode=700', 'invalid-tmpfs-option'],
    ['/x:color=blue', 'invalid-tmpfs-option'],
  ])('%j is refused (%s)', (spec, code) => {
    expect(() => parseTmpfsSpec(spec)).toThrow(MountError);
    expect(() => parseTmpfsSpec(spec)).toThrow(expect.objectContaining({ code, input: spec, flag: '--tmpfs' }));
  });
});

describe('parseVolumesFrom (--volumes-from)', () => {
  it.each<[string, VolumesFromSpec]>([
    ['fowler', { container: 'fowler', mode: '' }],
    ['knuth:ro', { container: 'knuth', mode: 'ro' }],
    ['knuth:rw', { container: 'knuth', mode: 'rw' }],
    ['knuth:ro,z', { container: 'knuth', mode: 'ro,z' }],
    ['knuth:', { container: 'knuth', mode: '' }],
  ])('%j', (spec, parsed) => {
    expect(parseVolumesFrom(spec)).toEqual(parsed);
  });

  it.each<[string, MountErrorCode]>([
    ['', 'empty-spec'],
    [':ro', 'invalid-volumes-from'],
    ['knuth:bogus', 'invalid-mode'],
    ['knuth:ro,rw', 'invalid-mode'],
    ['knuth:rshared', 'invalid-mode'],
    ['knuth:nocopy', 'invalid-mode'],
  ])('%j is refused (%s)', (spec, code) => {
    expect(() => parseVolumesFrom(spec)).toThrow(
      expect.objectContaining({ code, input: spec, flag: '--volumes-from' }),
    );
  });
});
