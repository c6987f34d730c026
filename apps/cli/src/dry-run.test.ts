import { previewCreateRequest } from '@berth/run-args';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './captured-main';

const berth = (...argv: string[]) => runCaptured(argv);

// no engine answers here: a dry run must not need one
const saved = process.env.DOCKER_HOST;
beforeEach(() => {
  process.env.DOCKER_HOST = 'unix:///nonexistent/berth-dry-run.sock';
});
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('berth run/create --dry-run', () => {
  const line = ['--name', 'web', '-p', '127.0.0.1:8080:80', '--memory', '64m', 'berth-fixtures/web'];

  it.each(['run', 'create'] as const)('%s prints the create request as JSON and sends nothing', async (command) => {
    const result = await berth(command, '--dry-run', ...line);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(previewCreateRequest(line, { command }))));
    expect(JSON.parse(result.stdout)).toMatchObject({
      method: 'POST',
      path: '/containers/create',
      query: { name: 'web' },
      body: { Image: 'berth-fixtures/web', HostConfig: { Memory: 67108864 } },
    });
  });

  it('is an option like the others: anywhere before the image, and its last value counts', async () => {
    const late = await berth('run', '--name', 'web', '--dry-run', 'berth-fixtures/web');
    expect(late.exitCode).toBe(0);
    const off = await berth('run', '--dry-run', '--dry-run=false', '--rm', 'busybox:1.29');
    // not a dry run: it goes to the engine, which is not there
    expect(off.exitCode).toBe(125);
    expect(off.stderr).toContain('/nonexistent/berth-dry-run.sock');
    // after the image it belongs to the container's command
    const command = await berth('run', '--dry-run', 'busybox:1.29', 'echo', '--dry-run');
    expect(JSON.parse(command.stdout).body.Cmd).toEqual(['echo', '--dry-run']);
  });

  it('refuses what docker refuses with 125, as a real run would', async () => {
    const result = await berth('run', '--dry-run', '--rm', '--restart', 'always', 'busybox:1.29');
    expect(result.exitCode).toBe(125);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cannot specify both --restart and --rm');
  });

  it('is listed by --help', async () => {
    expect((await berth('run', '--help')).stdout).toContain('    --dry-run');
  });
});

/** The JSON documents a dry run printed, one per request. */
function requests(stdout: string): unknown[] {
  return stdout
    .split(/\n(?=\{)/)
    .filter((part) => part.startsWith('{'))
    .map((part) => JSON.parse(part.slice(0, part.lastIndexOf('}') + 1)));
}

describe('--dry-run on the commands that change containers', () => {
  it.each([
    [
      ['stop', '-t', '3', '-s', 'USR1', 'web'],
      { method: 'POST', path: '/containers/web/stop', query: { t: 3, signal: 'USR1' } },
    ],
    [['restart', 'web'], { method: 'POST', path: '/containers/web/restart', query: {} }],
    [['kill', '-s', 'HUP', 'web'], { method: 'POST', path: '/containers/web/kill', query: { signal: 'HUP' } }],
    [['rm', '-fv', 'web'], { method: 'DELETE', path: '/containers/web', query: { force: true, v: true, link: false } }],
    [['pause', 'web'], { method: 'POST', path: '/containers/web/pause', query: {} }],
    [['unpause', 'web'], { method: 'POST', path: '/containers/web/unpause', query: {} }],
    [['rename', 'web', 'site'], { method: 'POST', path: '/containers/web/rename', query: { name: 'site' } }],
    [['start', 'web'], { method: 'POST', path: '/containers/web/start', query: {} }],
    [
      ['container', 'prune', '-f', '--filter', 'label=a'],
      { method: 'POST', path: '/containers/prune', query: { filters: { label: ['a'] } } },
    ],
  ])('berth %j prints the request and sends none', async (argv, request) => {
    const result = await berth(...argv, '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(requests(result.stdout)).toEqual([request]);
    expect(result.stdout).not.toContain('nonexistent');
  });

  it('prints one request per object, in the order they were named', async () => {
    const result = await berth('stop', '--dry-run', 'a', 'b', 'c');
    expect(requests(result.stdout).map((request) => (request as { path: string }).path)).toEqual([
      '/containers/a/stop',
      '/containers/b/stop',
      '/containers/c/stop',
    ]);
  });

  it('without it the request goes to the engine', async () => {
    const result = await berth('stop', 'web');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('/nonexistent/berth-dry-run.sock');
  });

  it('is listed by --help', async () => {
    expect((await berth('stop', '--help')).stdout).toContain('--dry-run');
  });
});
