import { describe, expect, it } from 'vitest';
import { MountError, type MountErrorCode } from './errors';
import { parseVolumeSpec, type VolumeSpec } from './volume-spec';

const cwd = '/home/me/project';

describe('parseVolumeSpec (-v)', () => {
  it.each<[string, VolumeSpec]>([
    // ch. 2.4.1, 4.5.1: one field is an anonymous volume
    ['/run/apache2/', { kind: 'anonymous', target: '/run/apache2/' }],
    ['/library/ss', { kind: 'anonymous', target: '/library/ss' }],
    ['/a', { kind: 'anonymous', target: '/a' }],
    // ch. 4.4.2: a name is a named volume
    [
      'cass-shared:/var/lib/cassandra/data',
      {
        kind: 'volume',
        name: 'cass-shared',
        target: '/var/lib/cassandra/data',
        mode: '',
        readOnly: false,
        bind: 'cass-shared:/var/lib/cassandra/data',
      },
    ],
    ['ab:/x', { kind: 'volume', name: 'ab', target: '/x', mode: '', readOnly: false, bind: 'ab:/x' }],
    [
      'vol:/x:nocopy',
      { kind: 'volume', name: 'vol', target: '/x', mode: 'nocopy', readOnly: false, bind: 'vol:/x:nocopy' },
    ],
    [
      'vol:/x:nocopy,ro',
      { kind: 'volume', name: 'vol', target: '/x', mode: 'nocopy,ro', readOnly: true, bind: 'vol:/x:nocopy,ro' },
    ],
    ['vol:/x:z', { kind: 'volume', name: 'vol', target: '/x', mode: 'z', readOnly: false, bind: 'vol:/x:z' }],
    // host paths
    [
      '/tmp:/data:ro',
      { kind: 'bind', source: '/tmp', target: '/data', mode: 'ro', readOnly: true, bind: '/tmp:/data:ro' },
    ],
    ['/tmp:/x:rw', { kind: 'bind', source: '/tmp', target: '/x', mode: 'rw', readOnly: false, bind: '/tmp:/x:rw' }],
    [
      '/tmp:/x:ro,z',
      { kind: 'bind', source: '/tmp', target: '/x', mode: 'ro,z', readOnly: true, bind: '/tmp:/x:ro,z' },
    ],
    ['/tmp:/x:Z', { kind: 'bind', source: '/tmp', target: '/x', mode: 'Z', readOnly: false, bind: '/tmp:/x:Z' }],
    [
      '/tmp:/x:rshared',
      { kind: 'bind', source: '/tmp', target: '/x', mode: 'rshared', readOnly: false, bind: '/tmp:/x:rshared' },
    ],
    [
      '/tmp:/x:cached',
      { kind: 'bind', source: '/tmp', target: '/x', mode: 'cached', readOnly: false, bind: '/tmp:/x:cached' },
    ],
    [
      '/tmp:/x:ro,delegated,Z,rslave',
      {
        kind: 'bind',
        source: '/tmp',
        target: '/x',
        mode: 'ro,delegated,Z,rslave',
        readOnly: true,
        bind: '/tmp:/x:ro,delegated,Z,rslave',
      },
    ],
    ['/tmp/:/x/', { kind: 'bind', source: '/tmp/', target: '/x/', mode: '', readOnly: false, bind: '/tmp/:/x/' }],
    [
      '/nonexistent:/x',
      { kind: 'bind', source: '/nonexistent', target: '/x', mode: '', readOnly: false, bind: '/nonexistent:/x' },
    ],
    // `.`-relative host paths are made absolute, the rest of the spec is kept as typed
    ['.:/x', { kind: 'bind', source: cwd, target: '/x', mode: '', readOnly: false, bind: `${cwd}:/x` }],
    ['./:/x:ro', { kind: 'bind', source: cwd, target: '/x', mode: 'ro', readOnly: true, bind: `${cwd}:/x:ro` }],
    ['..:/x', { kind: 'bind', source: '/home/me', target: '/x', mode: '', readOnly: false, bind: '/home/me:/x' }],
    [
      '.hidden:/x',
      { kind: 'bind', source: `${cwd}/.hidden`, target: '/x', mode: '', readOnly: false, bind: `${cwd}/.hidden:/x` },
    ],
  ])('%j', (spec, parsed) => {
    expect(parseVolumeSpec(spec, { cwd })).toEqual(parsed);
  });

  it.each<[string, MountErrorCode, string]>([
    ['', 'empty-spec', 'invalid empty volume spec'],
    [':/x', 'invalid-spec', 'invalid spec: :/x: empty section between colons'],
    ['/tmp:/x:', 'invalid-spec', 'empty section between colons'],
    ['/x::ro', 'invalid-spec', 'empty section between colons'],
    ['/tmp:/x:ro:z', 'invalid-spec', 'invalid spec: /tmp:/x:ro:z: too many colons'],
    ['/x:rw', 'invalid-spec', "invalid volume specification: '/x:rw'"],
    ['/x:ro', 'invalid-spec', "invalid volume specification: '/x:ro'"],
    ['/tmp:relative', 'relative-path', "invalid mount path: 'relative' mount path must be absolute"],
    ['/tmp:/', 'root-target', "destination can't be '/'"],
    ['/tmp:/x:bogus', 'invalid-mode', 'invalid mode: bogus'],
    ['/tmp:/x:ro,rw', 'invalid-mode', 'invalid mode: ro,rw'],
    ['vol:/x:z,Z', 'invalid-mode', 'invalid mode: z,Z'],
    ['vol:/x:default', 'invalid-mode', 'invalid mode: default'],
    ['c:/foo:/x', 'invalid-mode', 'invalid mode: /x'],
    ['/tmp:/x:nocopy', 'invalid-option-for-type', 'nocopy applies to volumes'],
    ['vol:/x:rshared', 'invalid-option-for-type', 'applies to binds'],
    ['a b:/x', 'invalid-volume-name', 'includes invalid characters'],
    ['~/foo:/x', 'invalid-volume-name', 'does not expand ~'],
    ['~:/x', 'invalid-volume-name', 'too short'],
    ['\\\\server\\share:/x', 'invalid-volume-name', 'includes invalid characters'],
    // berth refuses relative anonymous targets, which the engine would mount under the container's root
    ['relative', 'relative-path', "invalid mount path: 'relative'"],
    ['ab', 'relative-path', "invalid mount path: 'ab'"],
    [':', 'relative-path', "invalid mount path: ':'"],
    ['a:/x', 'relative-path', 'Windows drive'],
    ['/', 'root-target', "destination can't be '/'"],
    ['//', 'root-target', "destination can't be '/'"],
  ])('%j is refused (%s)', (spec, code, message) => {
    const parse = () => parseVolumeSpec(spec, { cwd });
    expect(parse).toThrow(MountError);
    expect(parse).toThrow(expect.objectContaining({ code, input: spec, flag: '--volume' }));
    expect(parse).toThrow(message);
  });

  it('needs a cwd to resolve a relative host path', () => {
    expect(() => parseVolumeSpec('./conf:/etc/conf')).toThrow(
      expect.objectContaining({ code: 'relative-source-without-cwd' }),
    );
  });

  it('lets a volume plugin take names the local driver refuses', () => {
    expect(parseVolumeSpec('a b:/x', { volumeDriver: 'nfs-plugin' })).toMatchObject({ kind: 'volume', name: 'a b' });
    expect(() => parseVolumeSpec('a b:/x', { volumeDriver: 'local' })).toThrow(MountError);
  });
});
