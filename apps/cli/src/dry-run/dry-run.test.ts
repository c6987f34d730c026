import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../captured-main';

const berth = (...argv: string[]) => runCaptured(argv);

// no engine answers here: what changes something is recorded, not sent, so none is needed
const saved = process.env.DOCKER_HOST;
beforeEach(() => {
  process.env.DOCKER_HOST = 'unix:///nonexistent/berth-dry-run.sock';
});
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
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
