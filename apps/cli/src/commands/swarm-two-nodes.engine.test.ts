import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { maskTimes, parity } from '../testing/parity';

// Two swarm engines, each alone in a network namespace (scripts/swarm-engine.sh), joined by a veth pair whose /30
// exists only inside those two namespaces: the second joins the first's swarm through berth swarm join, and a global
// service runs a task on each.
const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../../../scripts/swarm-engine.sh', import.meta.url));
const SUBNET = '10.231.77.';
const scope = `n${process.pid}`;
const names = [`${scope}a`, `${scope}b`] as const;
const addresses = [`${SUBNET}1`, `${SUBNET}2`] as const;
// each engine's DOCKER_HOST, filled in when it starts
const env: [Record<string, string>, Record<string, string>] = [{}, {}];

const stopAll = () => Promise.all(names.map((name) => run('bash', [SCRIPT, 'stop', name]).catch(() => undefined)));

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  const routes = (await run('ip', ['-4', 'route', 'show', 'table', 'all'])).stdout;
  expect(routes, `${SUBNET}0/30 is routed on this host: choose another`).not.toContain(SUBNET);
  for (const [index, name] of names.entries())
    env[index] = { DOCKER_HOST: (await run('bash', [SCRIPT, 'start', name])).stdout.trim() };
  const [a, b] = [`berth-swarm-${names[0]}`, `berth-swarm-${names[1]}`];
  const ip = (...args: string[]) => run('ip', args);
  await ip('link', 'add', `${scope}a0`, 'netns', a, 'type', 'veth', 'peer', 'name', `${scope}b0`, 'netns', b);
  await ip('-n', a, 'addr', 'add', `${addresses[0]}/30`, 'dev', `${scope}a0`);
  await ip('-n', b, 'addr', 'add', `${addresses[1]}/30`, 'dev', `${scope}b0`);
  await ip('-n', a, 'link', 'set', `${scope}a0`, 'up');
  await ip('-n', b, 'link', 'set', `${scope}b0`, 'up');
}, 180_000);
// removing a namespace removes its end of the veth pair, and the other end with it
afterAll(stopAll, 120_000);

describe('two swarm nodes in two network namespaces', () => {
  const manager = (...args: string[]) => berthCli(args, { env: env[0] });
  const worker = (...args: string[]) => berthCli(args, { env: env[1] });

  it('joins the second engine to the first’s swarm and runs a global service’s task on each', async () => {
    const init = await manager('swarm', 'init', '--advertise-addr', addresses[0]);
    expect(init.stdout).toMatch(/^Swarm initialized: current node \(\w{25}\) is now a manager\.\n/);
    const token = init.stdout.match(/--token (\S+) /)?.[1] ?? '';
    expect(init.stdout).toContain(`berth swarm join --token ${token} ${addresses[0]}:2377\n`);

    const joined = await worker(
      'swarm',
      'join',
      '--token',
      token,
      '--advertise-addr',
      addresses[1],
      `${addresses[0]}:2377`,
    );
    expect(joined).toEqual({ exitCode: 0, stdout: 'This node joined a swarm as a worker.\n', stderr: '' });

    const created = await manager(
      'service',
      'create',
      '-d',
      '-q',
      '--mode',
      'global',
      '--name',
      'everywhere',
      'busybox:1.29',
      'sh',
      '-c',
      'echo up-on-$(hostname); sleep 600',
    );
    expect(created.exitCode).toBe(0);
    const nodesOf = async () =>
      (await manager('service', 'ps', '--filter', 'desired-state=running', '--format', '{{.ID}}', 'everywhere')).stdout
        .split('\n')
        .filter(Boolean);
    expect(await waitFor(nodesOf, (tasks) => tasks.length === 2)).toHaveLength(2);
    const running = async () =>
      (await manager('service', 'ls', '--format', '{{.Replicas}}', '--filter', 'name=everywhere')).stdout;
    expect(await waitFor(running, (replicas) => replicas === '2/2\n')).toBe('2/2\n');

    const normalize = (text: string) => maskTimes(text).replace(/ +$/gm, '');
    for (const line of [
      ['service', 'ls'],
      ['service', 'ps', '--format', '{{.Node}} {{.DesiredState}}', 'everywhere'],
    ]) {
      const compared = await parity(line, { env: env[0], normalize });
      expect(compared.berth, line.join(' ')).toEqual(compared.docker);
    }
    // both tasks' lines reach the manager, the worker's through the swarm; their node ids are the swarm's two nodes
    const logs = await waitFor(
      () => parity(['service', 'logs', '--no-resolve', 'everywhere'], { env: env[0] }),
      (both) => both.berth.stdout.split('\n').filter(Boolean).length === 2,
    );
    const sorted = (text: string) => text.split('\n').sort();
    expect(sorted(logs.berth.stdout)).toEqual(sorted(logs.docker.stdout));
    const prefixes = sorted(logs.berth.stdout)
      .filter(Boolean)
      .map((line) => line.split('@')[1]?.split(' ')[0]);
    expect(new Set(prefixes).size).toBe(2);

    const left = await worker('swarm', 'leave');
    expect(left).toEqual({ exitCode: 0, stdout: 'Node left the swarm.\n', stderr: '' });
  }, 240_000);
});
