import type { ContainerInspect } from '@berth/types';
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './parse-run-args';
import { toRunArgs } from './to-run-args';

const noFiles = { readFile: () => '', lookupEnv: () => undefined, cwd: '/work' };

/** An inspect document as the engine would return it for a parsed command line (defaults filled in). */
function inspectOf(argv: string[]): ContainerInspect {
  const { body, name } = parseRunArgs(argv, noFiles);
  const { HostConfig, NetworkingConfig, ...config } = body;
  return {
    Id: 'f'.repeat(64),
    Name: `/${name ?? 'example'}`,
    Image: 'sha256:0',
    Config: { Hostname: 'ffffffffffff', ...config },
    HostConfig: { NetworkMode: 'default', IpcMode: 'private', ShmSize: 67108864, Runtime: 'runc', ...HostConfig },
    NetworkSettings: { Networks: NetworkingConfig?.EndpointsConfig ?? {} },
    Mounts: [],
  } as unknown as ContainerInspect;
}

describe('toRunArgs', () => {
  it('rebuilds the book’s wordpress command line', () => {
    const argv = toRunArgs(
      inspectOf([
        '--name',
        'ch6_wordpress',
        '-d',
        '-P',
        '--memory',
        '512m',
        '--cpus',
        '0.75',
        '--cap-drop',
        'net_raw',
        '--link',
        'ch6_mariadb:mysql',
        '-e',
        'WORDPRESS_DB_PASSWORD=test',
        'wordpress:5.0.0-php7.2-apache',
      ]),
    );
    expect(argv).toEqual([
      '--name',
      'ch6_wordpress',
      '--detach',
      '--env',
      'WORDPRESS_DB_PASSWORD=test',
      '--publish-all',
      '--link',
      'ch6_mariadb:mysql',
      '--memory',
      '536870912',
      '--cpus',
      '0.75',
      '--cap-drop',
      'CAP_NET_RAW',
      'wordpress:5.0.0-php7.2-apache',
    ]);
  });

  it.each([
    [['-it', '--rm', 'busybox:1.29', 'sh']],
    [['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=16k,tmpfs-mode=1770', 'busybox']],
    [['--mount', 'type=volume,dst=/data,volume-label=a=b,volume-nocopy', 'busybox']],
    [['-p', '127.0.0.1:8080:80/tcp', '-p', '[::1]:53:53/udp', '--expose', '7000', 'busybox']],
    [['--restart', 'on-failure:2', '--health-cmd', 'true', '--health-interval', '1.5s', 'busybox']],
    [['--entrypoint', 'cat', '-u', 'nobody:nogroup', '-w', '/srv', 'busybox', '/etc/passwd']],
    [['--ulimit', 'nofile=1024:2048', '--device', '/dev/zero:/dev/z', '--pids-limit', '64', 'busybox']],
    [['--security-opt', 'systempaths=unconfined', '--ipc', 'shareable', '--sysctl', 'kernel.msgmax=1', 'busybox']],
  ])('round-trips %j through parseRunArgs', (argv) => {
    const first = parseRunArgs(argv, noFiles).body;
    const again = parseRunArgs(toRunArgs(inspectOf(argv)), noFiles).body;
    expect({ ...again, Hostname: first.Hostname }).toEqual(first);
  });
});
