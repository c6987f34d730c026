import { describe, expect, it } from 'vitest';
import { MountError } from './errors';
import { parseStorage } from './storage';

describe('parseStorage', () => {
  it('puts each flag where the docker CLI puts it (ch. 2.4.1: wp2)', () => {
    expect(parseStorage({ readOnly: true, volume: ['/run/apache2/'], tmpfs: ['/tmp'] })).toEqual({
      Volumes: { '/run/apache2/': {} },
      HostConfig: { Tmpfs: { '/tmp': '' }, ReadonlyRootfs: true },
    });
  });

  it('combines binds, named volumes, mounts and volumes-from', () => {
    expect(
      parseStorage(
        {
          volume: ['cass-shared:/var/lib/cassandra/data', './logs:/logs:ro', '/data'],
          mount: ['type=bind,src=/etc/nginx,dst=/etc/nginx,readonly', 'type=tmpfs,dst=/cache,tmpfs-size=16k'],
          volumesFrom: ['fowler', 'knuth:ro'],
          volumeDriver: 'local',
        },
        { cwd: '/srv/app' },
      ),
    ).toEqual({
      Volumes: { '/data': {} },
      HostConfig: {
        Binds: ['cass-shared:/var/lib/cassandra/data', '/srv/app/logs:/logs:ro'],
        Mounts: [
          { Type: 'bind', Source: '/etc/nginx', Target: '/etc/nginx', ReadOnly: true },
          { Type: 'tmpfs', Target: '/cache', TmpfsOptions: { SizeBytes: 16384 } },
        ],
        VolumesFrom: ['fowler', 'knuth:ro'],
        VolumeDriver: 'local',
      },
    });
  });

  it('returns an empty HostConfig for no flags', () => {
    expect(parseStorage({})).toEqual({ HostConfig: {} });
  });

  it('sends a repeated -v or --tmpfs value once, as the docker CLI does', () => {
    expect(parseStorage({ volume: ['/tmp:/x', '/tmp:/x', '/data', '/data'], tmpfs: ['/t', '/t'] })).toEqual({
      Volumes: { '/data': {} },
      HostConfig: { Binds: ['/tmp:/x'], Tmpfs: { '/t': '' } },
    });
  });

  // ch. 4.2: "Real Docker rejects a duplicated destination with Duplicate mount point".
  it.each<[Parameters<typeof parseStorage>[0], string, string]>([
    [{ volume: ['/tmp:/data', '/var:/data'] }, '--volume', '/var:/data'],
    [{ volume: ['/tmp:/data'], mount: ['type=volume,dst=/data'] }, '--mount', 'type=volume,dst=/data'],
    [{ mount: ['type=volume,dst=/data', 'type=tmpfs,dst=/data/'] }, '--mount', 'type=tmpfs,dst=/data/'],
    [{ mount: ['type=tmpfs,dst=/data', 'type=tmpfs,dst=/data'] }, '--mount', 'type=tmpfs,dst=/data'],
    [{ tmpfs: ['/data'], mount: ['type=tmpfs,dst=/data'] }, '--mount', 'type=tmpfs,dst=/data'],
    [{ volume: ['/tmp:/data'], tmpfs: ['/data'] }, '--tmpfs', '/data'],
    // the engine lets these resolve silently; berth refuses them
    [{ volume: ['/data', '/tmp:/data'] }, '--volume', '/tmp:/data'],
    [{ volume: ['/data', '/data/'] }, '--volume', '/data/'],
    [{ volume: ['/data'], tmpfs: ['/data'] }, '--tmpfs', '/data'],
    [{ tmpfs: ['/data', '/data:size=1k'] }, '--tmpfs', '/data:size=1k'],
    [{ volume: ['/tmp:/x/../data'], tmpfs: ['/data'] }, '--tmpfs', '/data'],
  ])('refuses two mounts on one path: %j', (flags, flag, token) => {
    const parse = () => parseStorage(flags);
    expect(parse).toThrow(MountError);
    expect(parse).toThrow(expect.objectContaining({ code: 'duplicate-mount-point', flag, input: token }));
    expect(parse).toThrow('Duplicate mount point: /data');
  });

  it('reports the first bad value of any flag', () => {
    expect(() => parseStorage({ volume: ['/ok'], volumesFrom: ['c:bogus'] })).toThrow(
      expect.objectContaining({ code: 'invalid-mode', flag: '--volumes-from' }),
    );
    expect(() => parseStorage({ mount: ['type=bind,src=/nope,dst=/x'] }, { pathExists: () => false })).toThrow(
      expect.objectContaining({ code: 'bind-source-not-found' }),
    );
  });
});
