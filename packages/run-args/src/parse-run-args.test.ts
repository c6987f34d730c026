import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunArgs } from './parse-run-args';
import { formatCreateRequest, previewCreateRequest } from './preview';
import { RUN_FLAGS } from './run-flags';
import { splitShellWords } from './shell-words';

const noFiles = { readFile: () => '', lookupEnv: () => undefined, cwd: '/work' };
const parse = (line: string, command: 'run' | 'create' = 'run') =>
  parseRunArgs(splitShellWords(line), { ...noFiles, command });

describe('parseRunArgs', () => {
  it('reads the book’s first command: a detached, named web server', () => {
    const run = parse('--detach --name web nginx:latest');
    expect(run).toMatchObject({ image: 'nginx:latest', name: 'web', detach: true, pull: 'missing', sigProxy: true });
    expect(run.body).toMatchObject({
      Image: 'nginx:latest',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      HostConfig: { AutoRemove: false, RestartPolicy: { Name: 'no' }, NetworkMode: 'default' },
    });
    expect(run.body.Cmd).toBeUndefined();
  });

  it('puts everything after the image in the command, options included', () => {
    const run = parse('-it --rm busybox:1.29 /bin/sh -c "echo hi" --rm');
    expect(run.body.Cmd).toEqual(['/bin/sh', '-c', 'echo hi', '--rm']);
    expect(run).toMatchObject({ interactive: true, tty: true, autoRemove: true });
    expect(run.body).toMatchObject({ OpenStdin: true, StdinOnce: true, Tty: true, AttachStdin: true });
  });

  it('composes every domain package into one request', () => {
    const run = parse(
      '-d -P --name ch6_wordpress --memory 512m --cpus 0.75 --cap-drop net_raw --link ch6_mariadb:mysql ' +
        '-e WORDPRESS_DB_PASSWORD=test -v /tmp:/data:ro --tmpfs /tmp2 --restart on-failure:3 wordpress:5.0.0',
    );
    expect(run.body.Env).toEqual(['WORDPRESS_DB_PASSWORD=test']);
    expect(run.body.HostConfig).toMatchObject({
      Memory: 536870912,
      NanoCpus: 750000000,
      CapDrop: ['CAP_NET_RAW'],
      Links: ['ch6_mariadb:mysql'],
      PublishAllPorts: true,
      Binds: ['/tmp:/data:ro'],
      Tmpfs: { '/tmp2': '' },
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
    });
  });

  it('reads entrypoint, workdir, labels, stop and health options', () => {
    const run = parse(
      '--entrypoint "" -w /srv -l a=b --label c --stop-signal SIGUSR1 --stop-timeout 0x10 ' +
        '--health-cmd "echo hi" --health-interval 1s --init busybox',
    );
    expect(run.body).toMatchObject({
      Entrypoint: [''],
      WorkingDir: '/srv',
      Labels: { a: 'b', c: '' },
      StopSignal: 'SIGUSR1',
      StopTimeout: 16,
      Healthcheck: { Test: ['CMD-SHELL', 'echo hi'], Interval: 1e9 },
      HostConfig: { Init: true },
    });
  });

  it.each([
    ['--rm --restart always busybox', 'conflicting options: cannot specify both --restart and --rm'],
    ['-d -a stdout busybox', 'conflicting options: cannot specify both --attach and --detach'],
    ['--annotation a=b busybox', 'requires API version 1.43'],
    ['--cpu-count 1 busybox', 'only supported on a Docker daemon running on windows'],
    ['--gpus all busybox', '--gpus is not supported by berth'],
    ['--pull sometimes busybox', 'invalid pull option'],
    ['--name x busybox', 'Invalid container name (x)'],
    ['--platform "a b" busybox', 'is an invalid OS component'],
    ['--platform foo busybox', 'unknown operating system or architecture'],
    ['--name busybox', 'requires at least 1 argument'],
    ['--name', 'flag needs an argument: --name'],
    ['BusyBox', 'must be lowercase'],
    ['--storage-opt size busybox', 'invalid storage option: size'],
    ['--health-retries 9007199254740993 --health-cmd x busybox', 'out of range'],
  ])('refuses %s', (line, message) => {
    const attempt = () => parseRunArgs(splitShellWords(line), { ...noFiles, apiVersion: '1.41' });
    expect(attempt).toThrow(BerthError);
    expect(attempt).toThrow(message);
  });

  it('sends --platform as the docker CLI does: normalized, a lone OS or architecture completed by the client', () => {
    const sent = (value: string) =>
      parseRunArgs(['--platform', value, 'busybox'], { ...noFiles, clientPlatform: { os: 'darwin', arch: 'arm64' } })
        .platform;
    expect(sent('linux/x86_64')).toBe('linux/amd64');
    expect(sent('linux')).toBe('linux/arm64');
    expect(sent('amd64')).toBe('darwin/amd64');
    expect(parseRunArgs(['busybox'], noFiles).platform).toBeUndefined();
  });

  it("reads argv with a tool's extended grammar, leaving the tool's flags to it", () => {
    const flags = RUN_FLAGS.with([{ long: 'dry-run', kind: 'bool' }]);
    const withFlag = parseRunArgs(['--dry-run', '--name', 'web', '-p', '80', 'busybox'], { ...noFiles, flags });
    expect(withFlag).toEqual(parseRunArgs(['--name', 'web', '-p', '80', 'busybox'], noFiles));
  });

  it('has no -d, --detach-keys or --sig-proxy for create', () => {
    expect(() => parse('-d busybox', 'create')).toThrow("unknown shorthand flag: 'd' in -d");
    expect(parse('--rm busybox', 'create').autoRemove).toBe(true);
  });

  it('previews the request without an engine', () => {
    expect(previewCreateRequest(['--name', 'web', 'nginx'], noFiles)).toMatchObject({
      method: 'POST',
      path: '/containers/create',
      query: { name: 'web' },
      body: { Image: 'nginx' },
    });
    expect(JSON.parse(formatCreateRequest(['nginx'], noFiles)).body.Image).toBe('nginx');
  });

  it('returns a request or a BerthError for any command line', () => {
    const word = fc.oneof(
      fc.string(),
      fc.constantFrom('-d', '--rm', '-p', '80:80', '-v', '/a:/b', '--name', 'web', '-e', 'A=1', '--', 'busybox'),
      fc.constantFrom('--memory', '1g', '--cpus', '0.5', '--restart', 'always', '--mount', 'type=tmpfs,dst=/t'),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        try {
          expect(parseRunArgs(argv, noFiles).body.Image).toBeTypeOf('string');
        } catch (error) {
          expect(error).toBeInstanceOf(BerthError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
