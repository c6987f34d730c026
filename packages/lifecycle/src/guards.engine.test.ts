// The command table against the docker CLI 28 on the engine: for each state the engine can be put in on demand,
// every command. A refusal must come with the table's reason, word for word; an allowed command must succeed and
// leave the container in the table's state. (`removing` and `dead` cannot be produced on demand: their rows come
// from the engine's source at v20.10.24.)
import { type CliResult, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest, ContainerInspect } from '@berth/types';
import { expect, it } from 'vitest';
import { COMMANDS, type Command, can } from './commands';
import type { LifecycleState } from './states';
import { statusText } from './status-text';

const kit = await useEngine();
const IMAGE = 'busybox:1.29';
const BLOCKS = 'blocks';

type Producible = Exclude<LifecycleState, 'removing' | 'dead'>;

async function inspectOrGone(name: string): Promise<ContainerInspect | undefined> {
  try {
    return await kit.inspect(name);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

async function stateOfContainer(name: string): Promise<LifecycleState> {
  return (await inspectOrGone(name))?.State.Status ?? 'gone';
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 40_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// `sleep` keeps a started container up; the crash loop stays up once /flag/go exists on its volume
const SLEEPER: ContainerCreateRequest = { Image: IMAGE, Cmd: ['sleep', '3600'] };

async function crashLoop(name: string, volume: string): Promise<string> {
  await kit.docker.createVolume({ Name: volume, Labels: kit.labels });
  const body: ContainerCreateRequest = {
    Image: IMAGE,
    Cmd: ['sh', '-c', 'test -e /flag/go && exec sleep 3600; exit 3'],
    HostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 }, Binds: [`${volume}:/flag`] },
  };
  return (await kit.createViaApi(body, name)).Id;
}

interface Target {
  name: string;
  id: string;
  /** For a crash loop: makes its next start stay up. */
  release?: () => Promise<void>;
}

/** A new container in `state`; a restarting one has restarted `restarts` times (its wait is 100·2^n ms). */
async function containerIn(state: Producible, restarts = 5): Promise<Target> {
  const name = kit.name(`guard-${state}`);
  if (state === 'gone') return { name, id: name };
  const volume = kit.name('guard-flag');
  const id = state === 'restarting' ? await crashLoop(name, volume) : (await kit.createViaApi(SLEEPER, name)).Id;
  const container = kit.docker.getContainer(id);
  if (state !== 'created') await container.start();
  if (state === 'paused') await container.pause();
  if (state === 'exited') await container.kill();
  await until(
    `${name} to be ${state}`,
    () => kit.inspect(id),
    (inspect) => inspect.State.Status === state && (state !== 'restarting' || inspect.RestartCount >= restarts),
  );
  const release = async () => {
    const { stderr } = await kit.labelledCli(['run', '--rm', '-v', `${volume}:/flag`], [IMAGE, 'touch', '/flag/go']);
    expect(stderr).toBe('');
  };
  return state === 'restarting' ? { name, id, release } : { name, id };
}

function cliArgs(command: Command, name: string): { sub: string[]; args: string[] } {
  switch (command) {
    case 'create':
      return { sub: ['create'], args: ['--name', name, IMAGE] };
    case 'stop':
    case 'restart':
      return { sub: [command], args: ['-t', '1', name] };
    case 'rm -f':
      return { sub: ['rm'], args: ['-f', name] };
    case 'exec':
      return { sub: ['exec'], args: [name, 'true'] };
    case 'attach':
      return { sub: ['attach'], args: ['--no-stdin', name] };
    default:
      return { sub: [command], args: [name] };
  }
}

/** Runs the command with the CLI; `wait` or `attach` still running after 2.5 s is reported as blocking. */
async function run(command: Command, name: string): Promise<CliResult | typeof BLOCKS> {
  const { sub, args } = cliArgs(command, name);
  try {
    const options = { signal: AbortSignal.timeout(['wait', 'attach'].includes(command) ? 2500 : 30_000) };
    return command === 'create' ? await kit.labelledCli(sub, args, options) : await kit.cli([...sub, ...args], options);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return BLOCKS;
    throw error;
  }
}

/** The refusal's text as docker printed it: the daemon's message, or the CLI's own. */
function printedReason(stderr: string): string {
  return (stderr.split('\n')[0] ?? '').replace(/^Error response from daemon: /, '');
}

// commands that neither change the container nor fail can share one container per state
function sharesContainer(command: Command, state: Producible): boolean {
  const verdict = can(command, state);
  return !verdict.allowed || verdict.noop || ['exec', 'attach', 'wait'].includes(command);
}

async function outcome(command: Command, state: Producible, target: Target) {
  const verdict = can(command, state, target);
  const result = await run(command, target.name);
  return { command, verdict, result, after: await stateOfContainer(target.name) };
}

async function checkState(state: Producible): Promise<void> {
  const sharing = COMMANDS.filter((command) => sharesContainer(command, state));
  const changing = COMMANDS.filter((command) => !sharing.includes(command));
  const [shared, changed] = await Promise.all([
    (async () => {
      // the shared restarting container must stay in its wait while its commands run: 6.4 s after seven restarts
      const target = await containerIn(state, 7);
      const outcomes = await Promise.all(sharing.map((command) => outcome(command, state, target)));
      return { outcomes, after: await stateOfContainer(target.name) };
    })(),
    Promise.all(
      changing.map(async (command) => {
        const target = await containerIn(state);
        // `restart` of a crash loop: the restarted process must stay up to be seen running
        if (command === 'restart') await target.release?.();
        return outcome(command, state, target);
      }),
    ),
  ]);
  const outcomes = [...shared.outcomes, ...changed];

  const observed = outcomes.map(({ command, result, after }) => {
    if (result === BLOCKS) return { command, blocks: true, after };
    if (result.exitCode !== 0) return { command, refused: printedReason(result.stderr) };
    return { command, after };
  });
  const expected = outcomes.map(({ command, verdict, after }) => {
    if (!verdict.allowed) return { command, refused: verdict.reason };
    const blocks =
      (command === 'wait' && ['running', 'paused', 'restarting'].includes(state)) ||
      (command === 'attach' && state === 'running');
    // create makes a new container: the one holding the name stays as it was
    return blocks ? { command, blocks: true, after } : { command, after: verdict.to };
  });
  expect(observed).toEqual(expected);
  expect(shared.after).toBe(state);
}

kit.describe('the command table against docker', () => {
  it.concurrent.for<Producible>(['created', 'running', 'paused', 'exited', 'restarting', 'gone'])(
    'every command on a %s container',
    async (state) => {
      await checkState(state);
    },
  );
});

kit.describe('statusText against docker ps', () => {
  async function psStatus(name: string): Promise<{ status: string; before: number; after: number }> {
    const before = Date.now();
    const result = await kit.cli(['ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.Status}}']);
    return { status: result.stdout.trim(), before, after: Date.now() };
  }

  it.concurrent('matches for created, running, paused, exited and healthy containers', async () => {
    const make = async (state: 'created' | 'running' | 'paused' | 'exited' | 'healthy') => {
      const name = kit.name(`status-${state}`);
      const body: ContainerCreateRequest =
        state === 'healthy'
          ? { ...SLEEPER, Healthcheck: { Test: ['CMD', 'true'], Interval: 200_000_000, StartPeriod: 0 } }
          : SLEEPER;
      const { Id } = await kit.createViaApi(body, name);
      const container = kit.docker.getContainer(Id);
      if (state !== 'created') await container.start();
      if (state === 'paused') await container.pause();
      if (state === 'exited') await container.kill();
      if (state === 'healthy') {
        await until(
          'healthy',
          () => kit.inspect(Id),
          (inspect) => inspect.State.Health?.Status === 'healthy',
        );
      }
      await until(
        'settled',
        () => kit.inspect(Id),
        (inspect) => inspect.State.Status !== 'removing',
      );
      return name;
    };
    const names = await Promise.all((['created', 'running', 'paused', 'exited', 'healthy'] as const).map(make));
    const statuses = await Promise.all(
      names.map(async (name) => {
        const { status, before, after } = await psStatus(name);
        const { State } = await kit.inspect(name);
        // the clock moves while docker ps runs: either side of the call may be the one docker used
        return { status, model: [statusText(State, before), statusText(State, after)] };
      }),
    );
    for (const { status, model } of statuses) expect(model).toContain(status);
    expect(statuses.map((s) => s.status.replace(/\d+ seconds?|Less than a second/, 'N'))).toEqual([
      'Created',
      'Up N',
      'Up N (Paused)',
      'Exited (137) N ago',
      'Up N (healthy)',
    ]);
  });
});
