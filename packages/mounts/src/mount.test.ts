import type { Mount } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { MountError, type MountErrorCode } from './errors';
import { parseMount } from './mount';

const cwd = '/home/me/project';

describe('parseMount', () => {
  it.each<[string, Mount]>([
    // ch. 4.2: bind mounts, with every spelling of source and target
    ['type=bind,src=/tmp,dst=/x', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    ['type=bind,source=/tmp,target=/x', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    ['type=bind,source=/tmp,destination=/x', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    ['TYPE=BIND,SRC=/tmp,DST=/x', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    ['type=bind,src=/tmp,dst=/x,readonly=true', { Type: 'bind', Source: '/tmp', Target: '/x', ReadOnly: true }],
    ['type=bind,src=/tmp,dst=/x,readonly', { Type: 'bind', Source: '/tmp', Target: '/x', ReadOnly: true }],
    ['type=bind,src=/tmp,dst=/x,ro=1', { Type: 'bind', Source: '/tmp', Target: '/x', ReadOnly: true }],
    ['type=bind,src=/tmp,dst=/x,ro=0', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    ['type=bind,src=/tmp,dst=/x,readonly=false', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    ['type=bind,src=.,dst=/x', { Type: 'bind', Source: cwd, Target: '/x' }],
    ['type=bind,src=./,dst=/x', { Type: 'bind', Source: cwd, Target: '/x' }],
    ['type=bind,src=..,dst=/x', { Type: 'bind', Source: '/home/me', Target: '/x' }],
    ['type=bind,src=./conf/../logs/,dst=/x', { Type: 'bind', Source: `${cwd}/logs`, Target: '/x' }],
    ['type=bind,src=.hidden,dst=/x', { Type: 'bind', Source: `${cwd}/.hidden`, Target: '/x' }],
    [
      'type=bind,src=/tmp,dst=/x,bind-propagation=RSHARED',
      { Type: 'bind', Source: '/tmp', Target: '/x', BindOptions: { Propagation: 'rshared' } },
    ],
    ['type=bind,src=/tmp,dst=/x,bind-recursive=enabled', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    [
      'type=bind,src=/tmp,dst=/x,bind-recursive=disabled',
      { Type: 'bind', Source: '/tmp', Target: '/x', BindOptions: { NonRecursive: true } },
    ],
    [
      'type=bind,src=/tmp,dst=/x,bind-recursive=writable,readonly',
      { Type: 'bind', Source: '/tmp', Target: '/x', ReadOnly: true, BindOptions: { ReadOnlyNonRecursive: true } },
    ],
    [
      'type=bind,src=/tmp,dst=/x,bind-recursive=readonly,readonly,bind-propagation=rprivate',
      {
        Type: 'bind',
        Source: '/tmp',
        Target: '/x',
        ReadOnly: true,
        BindOptions: { ReadOnlyForceRecursive: true, Propagation: 'rprivate' },
      },
    ],
    [
      'type=bind,src=/tmp,dst=/x,bind-create-src',
      { Type: 'bind', Source: '/tmp', Target: '/x', BindOptions: { CreateMountpoint: true } },
    ],
    [
      'type=bind,src=/tmp,dst=/x,bind-create-src=false',
      { Type: 'bind', Source: '/tmp', Target: '/x', BindOptions: {} },
    ],
    [
      'type=bind,src=/tmp,dst=/x,consistency=Cached',
      { Type: 'bind', Source: '/tmp', Target: '/x', Consistency: 'cached' },
    ],
    ['type=bind,src=/tmp,dst=/x/../y/', { Type: 'bind', Source: '/tmp', Target: '/x/../y/' }],
    ['type=bind,"src=/t,mp",dst=/x', { Type: 'bind', Source: '/t,mp', Target: '/x' }],
    ['type=tmpfs,type=bind,src=/tmp,dst=/x', { Type: 'bind', Source: '/tmp', Target: '/x' }],
    // ch. 4.4, 4.5: named and anonymous volumes; volume is the default type
    [
      'src=cass-shared,dst=/var/lib/cassandra/data',
      { Type: 'volume', Source: 'cass-shared', Target: '/var/lib/cassandra/data' },
    ],
    ['type=volume,dst=/library/PoEAA', { Type: 'volume', Target: '/library/PoEAA' }],
    [
      'type=volume,src=logging-example,dst=/data,ro',
      { Type: 'volume', Source: 'logging-example', Target: '/data', ReadOnly: true },
    ],
    [
      'type=volume,dst=/x,volume-nocopy',
      { Type: 'volume', Target: '/x', VolumeOptions: { NoCopy: true, DriverConfig: {} } },
    ],
    ['type=volume,dst=/x,volume-nocopy=false', { Type: 'volume', Target: '/x', VolumeOptions: { DriverConfig: {} } }],
    [
      'type=volume,dst=/x,volume-label=a=b,volume-label=c',
      { Type: 'volume', Target: '/x', VolumeOptions: { Labels: { a: 'b', c: '' }, DriverConfig: {} } },
    ],
    ['type=volume,dst=/x,volume-label==v', { Type: 'volume', Target: '/x', VolumeOptions: { DriverConfig: {} } }],
    [
      'type=volume,src=vv,dst=/x,volume-driver=local,volume-opt=type=tmpfs,volume-opt=device=tmpfs',
      {
        Type: 'volume',
        Source: 'vv',
        Target: '/x',
        VolumeOptions: { DriverConfig: { Name: 'local', Options: { type: 'tmpfs', device: 'tmpfs' } } },
      },
    ],
    [
      '"type=volume","src=vv","dst=/x","volume-opt=o=size=1m,uid=1000"',
      {
        Type: 'volume',
        Source: 'vv',
        Target: '/x',
        VolumeOptions: { DriverConfig: { Options: { o: 'size=1m,uid=1000' } } },
      },
    ],
    [
      'type=volume,dst=/x,volume-opt=type=tmpfs,volume-opt=device=tmpfs,volume-opt=o=size=1m',
      {
        Type: 'volume',
        Target: '/x',
        VolumeOptions: { DriverConfig: { Options: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' } } },
      },
    ],
    [
      'type=volume,src=vv,dst=/x,volume-subpath=sub/dir',
      { Type: 'volume', Source: 'vv', Target: '/x', VolumeOptions: { DriverConfig: {}, Subpath: 'sub/dir' } },
    ],
    [
      'type=volume,src=/not/a/name,dst=/x,volume-driver=nfs-plugin',
      { Type: 'volume', Source: '/not/a/name', Target: '/x', VolumeOptions: { DriverConfig: { Name: 'nfs-plugin' } } },
    ],
    // ch. 4.3: tmpfs
    ['type=tmpfs,dst=/tmp', { Type: 'tmpfs', Target: '/tmp' }],
    [
      'type=tmpfs,dst=/tmp,tmpfs-size=16k,tmpfs-mode=1770',
      { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 16384, Mode: 0o1770 } },
    ],
    [
      'type=tmpfs,dst=/tmp,tmpfs-size=1MB,tmpfs-mode=700',
      { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 1048576, Mode: 0o700 } },
    ],
    ['type=tmpfs,dst=/tmp,tmpfs-size=1.5k', { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 1536 } }],
    ['type=tmpfs,dst=/tmp,tmpfs-size=16 k', { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 16384 } }],
    ['type=tmpfs,dst=/tmp,tmpfs-size=0,tmpfs-mode=0', { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: {} }],
    ['type=tmpfs,dst=/tmp,readonly', { Type: 'tmpfs', Target: '/tmp', ReadOnly: true }],
    ['type=tmpfs,dst=/x\nignored=line', { Type: 'tmpfs', Target: '/x' }],
    ['type=tmpfs,"dst=/x\ny"', { Type: 'tmpfs', Target: '/x\ny' }],
  ])('%j', (value, mount) => {
    expect(parseMount(value, { cwd })).toEqual(mount);
  });

  it.each<[string, MountErrorCode, string]>([
    ['', 'empty-spec', 'value is empty'],
    ['  ', 'empty-spec', 'value is empty'],
    ['type=bind,src=/tmp,dst=/x"', 'csv-syntax', 'parse error on line 1, column 26: bare " in non-quoted-field'],
    ['"type=bind', 'csv-syntax', 'extraneous or missing " in quoted-field'],
    ['type=volume,target=/foo,bogus=foo', 'unknown-option', "unknown option 'bogus' in 'bogus=foo'"],
    ['type=image,src=busybox,dst=/x,image-subpath=/etc', 'unknown-mount-type', 'mount type unknown: image'],
    [
      'type=volume, src=/foo,target=/foo',
      'whitespace',
      "invalid option 'src' in ' src=/foo': option should not have whitespace",
    ],
    ['type=volume,src =/foo,target=/foo', 'whitespace', "invalid option 'src' in 'src =/foo'"],
    [' type=tmpfs,dst=/x', 'whitespace', "invalid option 'type' in ' type=tmpfs'"],
    ['type=tmpfs,dst=/x ', 'whitespace', "invalid value for 'dst' in 'dst=/x ': value should not have whitespace"],
    ['type=volume,src=,target=/foo', 'empty-value', "invalid value for 'src': value is empty"],
    ['type=volume,src= /foo,target=/foo', 'whitespace', "invalid value for 'src' in 'src= /foo'"],
    ['type=volume,target=/foo,bogus', 'not-key-value', "invalid field 'bogus' must be a key=value pair"],
    ['type=tmpfs,dst=/x,', 'not-key-value', "invalid field '' must be a key=value pair"],
    ['type=bind,src=/tmp,dst=/x,readonly=no', 'invalid-boolean', 'invalid boolean value ("no")'],
    ['type=bind,src=/tmp,dst=/x,readonly=TRUE', 'invalid-boolean', 'invalid boolean value ("TRUE")'],
    ['type=volume,dst=/x,volume-nocopy=yes', 'invalid-boolean', "invalid value for 'volume-nocopy'"],
    ['type=bind,src=/tmp,dst=/x,bind-create-src=no', 'invalid-boolean', "invalid value for 'bind-create-src'"],
    ['type=tmpfs,target=/foo,tmpfs-size=foo', 'invalid-value', 'invalid value for tmpfs-size: foo'],
    ['type=tmpfs,target=/foo,tmpfs-size=-1', 'invalid-value', 'invalid value for tmpfs-size: -1'],
    ['type=tmpfs,target=/foo,tmpfs-mode=foo', 'invalid-value', 'invalid value for tmpfs-mode: foo'],
    ['type=tmpfs,target=/foo,tmpfs-mode=1779', 'invalid-value', 'invalid value for tmpfs-mode: 1779'],
    ['type=tmpfs,target=/foo,tmpfs-mode=77777777777', 'invalid-value', 'invalid value for tmpfs-mode'],
    ['type=bind,src=/tmp,dst=/x,bind-recursive=yes', 'invalid-value', 'invalid value for bind-recursive: yes'],
    ['type=bind,src=/tmp,dst=/x,bind-nonrecursive', 'deprecated-option', 'use bind-recursive=disabled instead'],
    [
      'type=volume,target=/foo,source=/foo,bind-propagation=rprivate',
      'option-type-mismatch',
      "cannot mix 'bind-*' options with mount type 'volume'",
    ],
    [
      'type=bind,target=/foo,source=/foo,volume-nocopy=true',
      'option-type-mismatch',
      "cannot mix 'volume-*' options with mount type 'bind'",
    ],
    ['type=bind,target=/foo,source=/foo,tmpfs-size=1k', 'option-type-mismatch', "cannot mix 'tmpfs-*' options"],
    ['type=tmpfs,target=/foo,image-subpath=/a', 'option-type-mismatch', "cannot mix 'image-*' options"],
    ['type=bind,src=/tmp,dst=/x,bind-recursive=writable', 'missing-companion-option', "requires 'readonly'"],
    ['type=bind,src=/tmp,dst=/x,bind-recursive=readonly', 'missing-companion-option', "requires 'readonly'"],
    [
      'type=bind,src=/tmp,dst=/x,bind-recursive=readonly,ro',
      'missing-companion-option',
      "requires 'bind-propagation=rprivate'",
    ],
    ['type=volume,src=foo', 'missing-target', 'target is required'],
    ['"type=bind,src=/tmp,dst=/x"', 'missing-target', 'target is required'],
    ['type=bind,src=/tmp,dst=/', 'root-target', "destination can't be '/'"],
    ['type=tmpfs,dst=//', 'root-target', "destination can't be '/'"],
    ['type=bind,src=/tmp,dst=relative', 'relative-path', "invalid mount path: 'relative' mount path must be absolute"],
    ['type=bind,dst=/x', 'missing-source', 'field Source must not be empty'],
    ['type=bind,src=relative,dst=/x', 'relative-path', "invalid mount path: 'relative'"],
    ['type=bind,src=~/foo,dst=/x', 'relative-path', "invalid mount path: '~/foo'"],
    ['type=bind,src=/tmp,dst=/x,bind-propagation=bogus', 'invalid-propagation', 'invalid propagation mode: bogus'],
    [
      'type=volume,dst=/x,readonly',
      'readonly-anonymous-volume',
      'must not set ReadOnly mode when using anonymous volumes',
    ],
    ['type=volume,src=a,dst=/x', 'invalid-volume-name', 'volume name is too short'],
    ['type=volume,src=/abs,dst=/x', 'invalid-volume-name', 'includes invalid characters'],
    ['type=volume,src=.vol,dst=/x', 'invalid-volume-name', 'includes invalid characters'],
    ['type=volume,src=a b,dst=/x,volume-driver=local', 'invalid-volume-name', 'includes invalid characters'],
    ['type=volume,dst=/x,volume-opt=bogus=1', 'invalid-driver-option', 'invalid option: "bogus"'],
    ['type=volume,dst=/x,volume-opt=type=tmpfs', 'invalid-driver-option', 'missing required option: "device"'],
    ['type=tmpfs,src=foo,dst=/x', 'source-not-allowed', 'field Source must not be specified'],
    ['type=bogus,dst=/x', 'unknown-mount-type', 'mount type unknown: bogus'],
    ['type=npipe,src=/x,dst=/x', 'unknown-mount-type', 'mount type unknown: npipe'],
  ])('%j is refused (%s)', (value, code, message) => {
    const parse = () => parseMount(value, { cwd });
    expect(parse).toThrow(MountError);
    expect(parse).toThrow(
      expect.objectContaining({
        code,
        input: value,
        flag: '--mount',
        message: expect.stringContaining(message),
      }),
    );
    expect(parse).toThrow(`--mount ${JSON.stringify(value)}: `);
  });

  it('needs a cwd to resolve a relative source', () => {
    expect(() => parseMount('type=bind,src=./conf,dst=/x')).toThrow(
      expect.objectContaining({ code: 'relative-source-without-cwd' }),
    );
  });

  it('checks that a bind source exists through the injected pathExists, unless bind-create-src', () => {
    const pathExists = (path: string) => path === '/etc/nginx';
    expect(parseMount('type=bind,src=/etc/nginx,dst=/x', { pathExists })).toEqual({
      Type: 'bind',
      Source: '/etc/nginx',
      Target: '/x',
    });
    expect(() => parseMount('type=bind,src=/nonexistent,dst=/x', { pathExists })).toThrow(
      expect.objectContaining({ code: 'bind-source-not-found', message: expect.stringContaining('/nonexistent') }),
    );
    expect(parseMount('type=bind,src=/nonexistent,dst=/x,bind-create-src', { pathExists }).Source).toBe('/nonexistent');
    expect(
      parseMount('type=bind,src=./logs,dst=/x', { cwd: '/etc', pathExists: (path) => path === '/etc/logs' }),
    ).toEqual({
      Type: 'bind',
      Source: '/etc/logs',
      Target: '/x',
    });
  });

  it('keeps keys such as __proto__ as plain labels', () => {
    const mount = parseMount('type=volume,dst=/x,volume-label=__proto__=polluted');
    expect(Object.keys(mount.VolumeOptions?.Labels ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
