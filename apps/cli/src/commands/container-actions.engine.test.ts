import { useEngine } from '@berth/testkit';
import { afterAll, expect, it } from 'vitest';
import { parity } from '../testing/parity';
import { twinContainers, twinParity } from '../testing/twin-objects';

const kit = await useEngine();
let comparedLines = 0;
afterAll(() => console.info(`container actions: ${comparedLines} command lines compared equal with docker`));

/** Asserts both sides alike and counts the line. */
function same(run: { docker: unknown; berth: unknown }): void {
  expect(run.berth).toEqual(run.docker);
  comparedLines += 1;
}

async function ids(names: readonly string[]): Promise<string[]> {
  return Promise.all(names.map(async (name) => (await kit.inspect(name)).Id));
}

const SLEEPER = ['busybox:1.29', 'sleep', '300'];

kit.describe('start, stop, restart, kill, pause, unpause, rm, rename, wait against docker', () => {
  it('start: several containers, one missing, in order, the failure named again at the end', async () => {
    const twins = await twinContainers(kit, 'start', 2, ['create', ...SLEEPER]);
    same(await twinParity(twins, ([a = '', b = '']) => ['start', a, 'no-such-container-h4', b]));
    // already running is no failure
    same(await twinParity(twins, ([a = '']) => ['start', a]));
  });

  it('stop and restart: -t, -s, several containers, one missing', async () => {
    const twins = await twinContainers(kit, 'stop', 2, ['run', '-d', ...SLEEPER]);
    same(await twinParity(twins, ([a = '', b = '']) => ['restart', '-t', '1', a, b, 'no-such-container-h4']));
    same(
      await twinParity(twins, ([a = '', b = '']) => ['stop', '-t', '1', '-s', 'TERM', a, 'no-such-container-h4', b]),
    );
    // already stopped is no failure
    same(await twinParity(twins, ([a = '']) => ['stop', a]));
    for (const name of [...twins.docker, ...twins.berth]) expect((await kit.inspect(name)).State.Running).toBe(false);
  });

  it('kill: -s, a missing container, one that is not running', async () => {
    const twins = await twinContainers(kit, 'kill', 2, ['run', '-d', ...SLEEPER]);
    same(await twinParity(twins, ([a = '']) => ['kill', '-s', 'KILL', a, 'no-such-container-h4']));
    const sideIds = { docker: await ids(twins.docker), berth: await ids(twins.berth) };
    same(await twinParity(twins, ([a = '', b = '']) => ['kill', a, b], sideIds));
  });

  it('pause and unpause, several containers, one missing; unpause of a running one is refused', async () => {
    const twins = await twinContainers(kit, 'pause', 2, ['run', '-d', ...SLEEPER]);
    same(await twinParity(twins, ([a = '', b = '']) => ['pause', a, b, 'no-such-container-h4']));
    expect((await kit.inspect(twins.berth[0] ?? '')).State.Paused).toBe(true);
    same(await twinParity(twins, ([a = '', b = '']) => ['unpause', a, 'no-such-container-h4', b]));
    const sideIds = { docker: await ids(twins.docker), berth: await ids(twins.berth) };
    same(await twinParity(twins, ([a = '']) => ['unpause', a], sideIds));
  });

  it('rename: renamed quietly; a missing container and blank names refused in docker words', async () => {
    const twins = await twinContainers(kit, 'rename', 1, ['create', ...SLEEPER]);
    same(await twinParity(twins, ([a = '']) => ['rename', a, `${a}-renamed`]));
    expect((await kit.inspect(`${twins.berth[0]}-renamed`)).Name).toBe(`/${twins.berth[0]}-renamed`);
    same(await parity(['rename', 'no-such-container-h4', 'x']));
    same(await parity(['rename', 'no-such-container-h4', ' ']));
    same(await parity(['rename', 'only-one']));
  });

  it('wait: exit codes in the order named, a missing container at the end', async () => {
    const twins = await twinContainers(kit, 'wait', 2, ['run', '-d', 'busybox:1.29', 'sh', '-c', 'sleep 1; exit 3']);
    same(await twinParity(twins, ([a = '', b = '']) => ['wait', a, 'no-such-container-h4', b]));
  });

  it('rm: several, one missing; a running one refused; -f removes it and only reports a missing one; -v', async () => {
    const twins = await twinContainers(kit, 'rm', 3, ['run', '-d', '-v', '/data', ...SLEEPER]);
    const sideIds = { docker: await ids(twins.docker), berth: await ids(twins.berth) };
    same(await twinParity(twins, ([a = '']) => ['rm', a], sideIds));
    same(await twinParity(twins, ([a = '', b = '']) => ['rm', '-f', a, 'no-such-container-h4', b]));
    same(await twinParity(twins, ([, , c = '']) => ['rm', '-fv', c, 'no-such-container-h4']));
    same(await parity(['rm', 'no-such-container-h4', 'no-such-container-h5']));
    same(await parity(['container', 'rm', '/']));
  });

  it('refuses argument counts and unknown flags as docker does', async () => {
    for (const line of [['stop'], ['start'], ['kill', '--bogus', 'x'], ['wait'], ['pause'], ['rm', '-x', 'a']]) {
      same(await parity(line));
    }
  });

  it.each(['start', 'stop', 'restart', 'kill', 'rm', 'pause', 'unpause', 'rename', 'wait'])(
    '%s --help is docker page, plus the --dry-run line',
    async (command) => {
      const run = await parity([command, '--help']);
      const withoutDryRun = run.berth.stdout
        .split('\n')
        .filter((line) => !line.includes('--dry-run'))
        .join('\n');
      // a command whose only flag is --dry-run has an Options section docker's page does not
      const page = withoutDryRun.replace(/\n\nOptions:\n$/, '\n');
      expect({ ...run.berth, stdout: page }).toEqual(run.docker);
      comparedLines += 1;
    },
  );
});
