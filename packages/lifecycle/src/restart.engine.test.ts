// Restart policies on the engine: the backoff measured against the model, the guard in front of exec while a
// container waits to restart, on-failure's retry limit, and --restart parsed as the docker CLI and engine do.
import { dockerodeEventSource, SCOPE_LABEL, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest } from '@berth/types';
import { expect, it } from 'vitest';
import { assertCan } from './commands';
import { CommandRefusedError, RestartPolicyError } from './errors';
import { restartSchedule } from './restart-manager';
import { parseRestartPolicy } from './restart-policy';
import { type ContainerWatcher, watchContainers } from './watcher';

const kit = await useEngine();
const IMAGE = 'busybox:1.29';
const filters = { label: [`${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`] };

async function watcherFor(finished: (cleanup: () => Promise<void>) => void): Promise<ContainerWatcher> {
  const watcher = watchContainers(dockerodeEventSource(kit.docker), { filters });
  finished(() => watcher.close());
  await watcher.ready;
  return watcher;
}

async function run(body: ContainerCreateRequest, prefix: string): Promise<{ name: string; id: string }> {
  const name = kit.name(prefix);
  const { Id } = await kit.createViaApi(body, name);
  await kit.docker.getContainer(Id).start();
  return { name, id: Id };
}

kit.describe('restart policies on the engine', () => {
  // ch.2.5.1: `docker run -d --name backoff-detector --restart always busybox:1.29 date`
  it.concurrent('--restart always restarts `date` with the model’s growing waits; exec is refused meanwhile', async ({
    onTestFinished,
  }) => {
    const watcher = await watcherFor(onTestFinished);
    const { name, id } = await run(
      { Image: IMAGE, Cmd: ['date'], HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } },
      'backoff-detector',
    );
    const restarts = 6;
    const counts: number[] = [];
    await watcher.waitFor(
      name,
      (container) => {
        counts.push(container.restartCount);
        return container.restartCount >= restarts && container.state === 'restarting';
      },
      { timeout: 40_000 },
    );

    // the wait before each restart: from the die event to the next start event, both timed by the engine
    const history = watcher.history(name);
    const measured: { model: number; predicted: number | undefined; gap: number }[] = [];
    const model = restartSchedule(restarts);
    history.forEach((transition, index) => {
      const next = history[index + 1];
      if (transition.to === 'restarting' && next?.to === 'running') {
        measured.push({
          model: model[measured.length] as number,
          predicted: transition.restartDelayMs,
          gap: Math.round(next.time - transition.time),
        });
      }
    });
    console.info(`backoff of ${name}: ${JSON.stringify(measured)}`);
    expect(measured).toHaveLength(restarts - 1);
    for (const { model: wait, predicted, gap } of measured) {
      expect(predicted).toBe(wait);
      // never earlier than the wait; later by the time a start takes (slow on a loaded machine)
      expect(gap).toBeGreaterThanOrEqual(wait - 20);
      expect(gap).toBeLessThan(wait + 5000);
    }
    // what remains after the model's wait is the start itself, about the same each time — but a start may be slowed
    // by the rest of the suite sharing the machine (the first one often is, by 2 s), so two gaps may stand out
    const close = measured.filter(({ model: wait, gap }) => gap < wait + 1500);
    expect(close.length).toBeGreaterThanOrEqual(measured.length - 2);
    const excess = close.map(({ model: wait, gap }) => gap - wait);
    expect(Math.max(...excess) - Math.min(...excess)).toBeLessThan(1000);
    // and the waits grow: at least half of what the model adds shows in the gaps, whatever the start's own noise
    const [first, last] = [close[0], close.at(-1)];
    expect((last?.gap ?? 0) - (first?.gap ?? 0)).toBeGreaterThan(((last?.model ?? 0) - (first?.model ?? 0)) / 2);
    const inspect = await kit.inspect(id);
    expect(inspect.RestartCount).toBeGreaterThanOrEqual(restarts);
    expect(counts.at(-1)).toBe(restarts);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);

    // exec while it waits (3.2 s now, then 6.4 s): the guard refuses with docker's words, and no call is made
    let engineCalls = 0;
    const guardedExec = async (cmd: string[]) => {
      assertCan('exec', watcher.state(name), { name, id });
      engineCalls++;
      return kit.exec(name, cmd);
    };
    await watcher.waitFor(name, 'restarting', { timeout: 20_000 });
    const refusal = await guardedExec(['echo', 'Just a Test']).catch((error: unknown) => error);
    expect(engineCalls).toBe(0);
    expect(refusal).toBeInstanceOf(CommandRefusedError);
    expect(refusal).toMatchObject({
      code: 'container-restarting',
      message: `Container ${id} is restarting, wait until the container is running`,
    });
    // the engine agrees, in the same words, when asked in the same state
    await watcher.waitFor(name, (c) => c.state === 'restarting' && c.restartCount >= restarts + 1, {
      timeout: 20_000,
    });
    const cli = await kit.cli(['exec', name, 'echo', 'Just a Test']);
    expect(cli.stderr).toBe(`Error response from daemon: ${(refusal as Error).message}\n`);
    expect(cli.exitCode).not.toBe(0);
  });

  it.concurrent('on-failure:2 stops after two retries', async ({ onTestFinished }) => {
    const watcher = await watcherFor(onTestFinished);
    const { name, id } = await run(
      {
        Image: IMAGE,
        Cmd: ['sh', '-c', 'exit 1'],
        HostConfig: { RestartPolicy: parseRestartPolicy('on-failure:2') },
      },
      'on-failure',
    );
    const final = await watcher.waitFor(name, (c) => c.state === 'exited' && c.restartCount === 2, {
      timeout: 30_000,
    });
    expect(final).toMatchObject({ exitCode: 1, restartCount: 2 });
    // and it stays down: no restart comes after the third exit (the next wait would have been 400 ms)
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const inspect = await kit.inspect(id);
    expect(inspect.State.Status).toBe('exited');
    expect(inspect.RestartCount).toBe(2);
    expect(watcher.history(name).map((t) => t.to)).toEqual([
      'created',
      'running',
      'restarting',
      'running',
      'restarting',
      'running',
      'exited',
    ]);
  });
});

// --restart values: what docker makes of them (docker create = CLI parsing + engine validation) against the parser
const POLICIES = [
  '',
  'no',
  'always',
  'unless-stopped',
  'on-failure',
  'on-failure:3',
  'on-failure:+3',
  'on-failure:007',
  'on-failure:',
  'on-failure:0',
  'always:0',
  'no:0',
  'on-failure:-1',
  'always:1',
  'unless-stopped:2',
  'no:-1',
  'foo',
  'On-Failure',
  ':1',
  ':',
  'on-failure:1.5',
  'on-failure: 2',
  'on-failure:2:3',
  'unless-stopped:x',
  'on-failure:9223372036854775808',
];
const WITH_RM = ['', 'no', 'always', 'foo', 'on-failure:x', 'no:3'];

kit.describe('parseRestartPolicy against docker create', () => {
  const cases = [
    ...POLICIES.map((policy) => ({ policy, autoRemove: false })),
    ...WITH_RM.map((policy) => ({ policy, autoRemove: true })),
  ];
  it.concurrent.for(
    cases.map((c) => [`${c.autoRemove ? '--rm ' : ''}--restart ${JSON.stringify(c.policy)}`, c] as const),
  )('%s', async ([, { policy, autoRemove }], { expect }) => {
    const flags = [...(autoRemove ? ['--rm'] : []), '--restart', policy, IMAGE];
    const docker = await kit.labelledCli(['create'], flags);
    if (docker.exitCode !== 0) {
      expect(() => parseRestartPolicy(policy, { autoRemove })).toThrow(RestartPolicyError);
      return;
    }
    const viaCli = await kit.inspect(docker.stdout.trim());
    const viaApi = await kit.createViaApi({
      Image: IMAGE,
      HostConfig: { RestartPolicy: parseRestartPolicy(policy, { autoRemove }), AutoRemove: autoRemove },
    });
    expect(viaApi.HostConfig.RestartPolicy).toEqual(viaCli.HostConfig.RestartPolicy);
    expect(viaApi.HostConfig.AutoRemove).toBe(viaCli.HostConfig.AutoRemove);
  });

  it('docker takes a retry count beyond 2^53 that berth refuses rather than round', async () => {
    const docker = await kit.labelledCli(['create'], ['--restart', 'on-failure:9223372036854775807', IMAGE]);
    expect(docker.exitCode).toBe(0);
    expect(() => parseRestartPolicy('on-failure:9223372036854775807')).toThrow(
      expect.objectContaining({ code: 'retry-count-out-of-range' }),
    );
  });
});
