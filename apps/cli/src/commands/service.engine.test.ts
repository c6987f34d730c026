import { useSwarmEngine } from '@berth/testkit';
import { describe, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { maskTimes, parity } from '../testing/parity';

// Swarm services through the berth binary, on a single-node swarm of the file's own (an engine in a network
// namespace: its ingress network and published ports never meet the shared engine's tests).
const swarm = await useSwarmEngine();
const env = swarm.env;
const berth = (...args: string[]) => berthCli(args, { env });
const docker = (...args: string[]) => parity(args, { env, normalize: maskTimes }).then((run) => run.docker);

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const runningTasks = async (service: string) =>
  (await berth('service', 'ps', '-q', '--filter', 'desired-state=running', service)).stdout.split('\n').filter(Boolean);

describe.skipIf(!swarm.available)('berth service on a single-node swarm', () => {
  it('creates a service from a run line; it reaches its replicas, is scaled, updated rolling, and removed', async () => {
    const created = await berth(
      'service',
      'create',
      '-d',
      '--name',
      'web',
      '--replicas',
      '2',
      '--update-parallelism',
      '2',
      '--from-run',
      'docker run -e GREETING=hi -p 18080:80 berth-fixtures/web',
    );
    expect(created).toMatchObject({ exitCode: 0, stderr: '' });
    expect(created.stdout).toMatch(/^[0-9a-z]{25}\n$/);
    expect(
      (
        await waitFor(
          () => runningTasks('web'),
          (tasks) => tasks.length === 2,
        )
      ).length,
    ).toBe(2);

    const scaled = await berth('service', 'scale', 'web=3');
    expect(scaled.stdout).toMatch(
      /^web scaled to 3\n(overall progress: \d out of 3 tasks\n)+verify: Service \w+ converged\n$/,
    );
    expect(await runningTasks('web')).toHaveLength(3);

    const updated = await berth('service', 'update', '--env-add', 'GREETING=hello', 'web');
    expect(updated.stdout).toMatch(/^web\n[\s\S]*verify: Service \w+ converged\n$/);
    const env = await berth(
      'service',
      'inspect',
      '-f',
      '{{json .Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.UpdateConfig.Parallelism}}',
      'web',
    );
    expect(env.stdout).toBe('["GREETING=hello"] 2\n');
    // the rolling update replaced every task: three running, three shut down
    const all = await berth('service', 'ps', '--format', '{{.DesiredState}}', 'web');
    expect(all.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'Running',
      'Running',
      'Running',
      'Shutdown',
      'Shutdown',
      'Shutdown',
    ]);

    const runline = await berth('service', 'runline', 'web');
    expect(runline.stdout).toBe('berth run -d --restart always -e GREETING=hello -p 18080:80/tcp berth-fixtures/web\n');

    expect(await berth('service', 'rm', 'web')).toEqual({ exitCode: 0, stdout: 'web\n', stderr: '' });
    expect((await berth('service', 'ls', '-q')).stdout).toBe('');
  });

  it('lists services and tasks as docker does', async () => {
    await berth(
      'service',
      'create',
      '-d',
      '--name',
      'alpha',
      '--replicas',
      '2',
      '-p',
      '18081:80',
      'berth-fixtures/web',
    );
    await berth('service', 'create', '-d', '--name', 'beta', '--mode', 'global', 'busybox:1.29', 'sleep', '1000');
    await waitFor(
      () => runningTasks('alpha'),
      (tasks) => tasks.length === 2,
    );
    await waitFor(
      () => runningTasks('beta'),
      (tasks) => tasks.length === 1,
    );
    const lines = [
      ['service', 'ls'],
      ['service', 'ls', '-q'],
      ['service', 'ls', '--format', '{{.Name}} {{.Mode}} {{.Replicas}}'],
      ['service', 'ls', '--format', 'json'],
      ['service', 'ls', '--format', '{{.Foo}}'],
      ['service', 'ls', '--filter', 'name=alpha'],
      ['service', 'ls', '--filter', 'mode=global'],
      ['service', 'ls', '--filter', 'bogus=1'],
      ['service', 'ls', '--filter', 'nosep'],
      ['service', 'ps', '--filter', 'desired-state=running', 'alpha'],
      ['service', 'ps', '--filter', 'bogus=1', 'alpha'],
      ['service', 'ps', '--filter', 'nosep', 'nosuch'],
      ['service', 'ps', 'alpha', 'beta'],
      ['service', 'ps', '-q', 'alpha'],
      ['service', 'ps', '--no-trunc', 'alpha'],
      ['service', 'ps', '--format', '{{.Name}}\t{{.DesiredState}}', 'alpha'],
      ['service', 'ps', 'nosuch'],
      ['service', 'inspect', '-f', '{{.Spec.Name}} {{.Spec.Mode.Replicated.Replicas}}', 'alpha', 'nosuch'],
      ['service', 'inspect', 'nosuch'],
      ['service', 'inspect', '-f', '{{.Bad', 'alpha'],
      ['service', 'rm', 'nosuch'],
    ];
    let compared = 0;
    for (const line of lines) {
      // What ticks is masked: `Running 9 seconds ago` (and the padding it shifts), and the running count of REPLICAS,
      // which the engine recounts from its node's heartbeats (on a loaded machine it dips between two readings).
      const normalize = (text: string) =>
        maskTimes(text)
          .replace(/ {3,}/g, '   ')
          .replace(/ +$/gm, '')
          .replace(/\b\d+\/(\d+)\b/g, 'N/$1');
      const run = await parity(line, { env, normalize });
      expect(run.berth, line.join(' ')).toEqual(run.docker);
      compared += 1;
    }
    expect(compared).toBe(lines.length);
    await berth('service', 'rm', 'alpha', 'beta');
  });

  it('inspects a service as docker does when both made it from the same flags', async () => {
    const flags = [
      '--replicas',
      '1',
      '--limit-memory',
      '64m',
      '--restart-condition',
      'on-failure',
      'busybox:1.29',
      'sleep',
      '1000',
    ];
    await docker('service', 'create', '-d', '--no-resolve-image', '--name', 'by-docker', ...flags);
    await berth('service', 'create', '-d', '--name', 'by-berth', ...flags);
    const spec = async (name: string) => {
      const { stdout } = await berth('service', 'inspect', '-f', '{{json .Spec}}', name);
      const { Name: _, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
      return rest;
    };
    expect(await spec('by-berth')).toEqual(await spec('by-docker'));
    await berth('service', 'rm', 'by-docker', 'by-berth');
  });

  it('refuses what a service cannot carry before calling the engine', async () => {
    const nowhere = { DOCKER_HOST: 'unix:///nonexistent/berth-swarm.sock' };
    for (const line of [
      'docker run --link db:db busybox:1.29',
      'docker run --rm busybox:1.29',
      'docker run --volumes-from x busybox:1.29',
    ]) {
      const refused = await berthCli(['service', 'create', '--from-run', line], { env: nowhere });
      expect(refused.exitCode).toBe(125);
      expect(refused.stderr).toMatch(/has no place in a service/);
      expect(refused.stderr).not.toMatch(/connect/);
    }
    const docker28 = await parity(['service', 'create', '-p', '127.0.0.1:18082:80', 'busybox:1.29'], { env: nowhere });
    expect(docker28.berth).toEqual(docker28.docker);
  });

  it("leaves the swarm and joins none with a bad token, with docker's words", async () => {
    const rejoin = await parity(['swarm', 'join', '--token', 'SWMTKN-1-bad', '127.0.0.1:2377'], { env });
    expect(rejoin.berth).toEqual(rejoin.docker);
  });
});
