// The watcher on the engine's own event stream (through the test kit's dockerode source), including a stream cut
// in the middle of a container's life.
import { dockerodeEventSource, SCOPE_LABEL, useEngine } from '@berth/testkit';
import { it } from 'vitest';
import type { ContainerEventSource } from './event-source';
import { stateOf } from './states';
import { type ContainerWatcher, type WatchOptions, watchContainers } from './watcher';

const kit = await useEngine();
const IMAGE = 'busybox:1.29';
const filters = { label: [`${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`] };

type Finished = (cleanup: () => Promise<void>) => void;

/** A watcher of this file's containers, closed when the (concurrent) test that made it finishes. */
async function watch(source: ContainerEventSource, finished: Finished, options: WatchOptions = {}) {
  const watcher = watchContainers(source, { filters, ...options });
  finished(() => watcher.close());
  await watcher.ready;
  return watcher;
}

/**
 * A container's transitions as `cause:state`. Under load, engine 20.10 can report one pause/unpause pair twice (it
 * also applies containerd's own paused/resumed events, which may come after the API call's); the watcher records
 * what the engine says, so a repeated pair is folded here.
 */
function transitions(watcher: ContainerWatcher, name: string): string[] {
  const history = watcher.history(name).map((t) => `${t.cause}:${t.to}`);
  return history.filter((entry, index) => entry !== history[index - 2] || !entry.includes('pause'));
}

/** The kit's source, with a switch that cuts the open streams, and one that makes the replay after a cut empty. */
function cuttable(source: ContainerEventSource) {
  const open = new Set<AbortController>();
  const control = {
    loseReplay: false,
    cut: () => {
      for (const stream of open) stream.abort();
    },
  };
  const wrapped: ContainerEventSource = {
    async *events(options) {
      if (control.loseReplay && options.until !== undefined) return;
      const stream = new AbortController();
      open.add(stream);
      try {
        const signal = options.signal ? AbortSignal.any([options.signal, stream.signal]) : stream.signal;
        yield* source.events({ ...options, signal });
      } finally {
        open.delete(stream);
      }
    },
    inspect: (id) => source.inspect(id),
    list: (options) => source.list(options),
  };
  return { source: wrapped, control };
}

kit.describe('watchContainers on the engine', () => {
  it.concurrent('sees a container go created → running → paused → running → exited → gone', async ({
    expect,
    onTestFinished,
  }) => {
    const watcher = await watch(dockerodeEventSource(kit.docker), onTestFinished);
    const name = kit.name('watched');
    const seen: string[] = [];
    const step = async (state: string, act: () => Promise<unknown>) => {
      await act();
      const snapshot = await watcher.waitFor(name, state as never, { timeout: 20_000 });
      seen.push(snapshot.state);
      if (state === 'gone') return;
      // engine 20.10 handles containerd's own paused/resumed events after the API call returned: a late "paused"
      // puts a container it just unpaused back to paused for a moment (and reports that too). Once it settles, the
      // engine and the watcher agree.
      await expect
        .poll(async () => [watcher.get(name)?.state, stateOf(await kit.inspect(name))], { timeout: 10_000 })
        .toEqual([state, state]);
    };

    const { Id } = await kit.createViaApi({ Image: IMAGE, Cmd: ['sleep', '3600'] }, name);
    await step('created', async () => undefined);
    const container = kit.docker.getContainer(Id);
    await step('running', () => container.start());
    await step('paused', () => container.pause());
    await step('running', () => container.unpause());
    await step('exited', () => container.stop({ t: 1 }));
    await step('gone', () => container.remove());

    expect(seen).toEqual(['created', 'running', 'paused', 'running', 'exited', 'gone']);
    expect(transitions(watcher, name)).toEqual([
      'create:created',
      'start:running',
      'pause:paused',
      'unpause:running',
      'die:exited',
      'destroy:gone',
    ]);
    expect(watcher.get(name)).toMatchObject({ id: Id, exitCode: 137, state: 'gone' });
    expect(watcher.reconnects).toBe(0);
  });

  it.concurrent('reconnects after a cut and replays the transitions made while it was away', async ({
    expect,
    onTestFinished,
  }) => {
    const { source, control } = cuttable(dockerodeEventSource(kit.docker));
    const watcher = await watch(source, onTestFinished, { reconnectDelayMs: 1500 });
    const name = kit.name('cut');
    const { Id } = await kit.createViaApi({ Image: IMAGE, Cmd: ['sleep', '3600'] }, name);
    const container = kit.docker.getContainer(Id);
    await container.start();
    await watcher.waitFor(name, 'running', { timeout: 20_000 });

    control.cut();
    await container.pause();
    await container.unpause();
    // a late "paused" from containerd can pause it again for a moment (see the first test), and a paused container
    // cannot be killed: let that settle first
    await expect.poll(async () => stateOf(await kit.inspect(name)), { timeout: 10_000 }).toBe('running');
    await container.kill();
    await watcher.waitFor(name, 'exited', { timeout: 20_000 });

    expect(watcher.reconnects).toBe(1);
    expect(transitions(watcher, name)).toEqual([
      'create:created',
      'start:running',
      'pause:paused',
      'unpause:running',
      'die:exited',
    ]);
  });

  it.concurrent('re-reads the containers by inspect when the missed events cannot be replayed', async ({
    expect,
    onTestFinished,
  }) => {
    const { source, control } = cuttable(dockerodeEventSource(kit.docker));
    const watcher = await watch(source, onTestFinished, { reconnectDelayMs: 1500 });
    const kept = kit.name('kept');
    const added = kit.name('added');
    const { Id } = await kit.createViaApi({ Image: IMAGE, Cmd: ['sleep', '3600'] }, kept);
    await kit.docker.getContainer(Id).start();
    await watcher.waitFor(kept, 'running', { timeout: 20_000 });

    control.loseReplay = true;
    control.cut();
    await kit.docker.getContainer(Id).pause();
    await kit.createViaApi({ Image: IMAGE, Cmd: ['true'] }, added);
    await watcher.waitFor(kept, 'paused', { timeout: 20_000 });
    await watcher.waitFor(added, 'created', { timeout: 20_000 });

    expect(watcher.history(kept).at(-1)).toMatchObject({ from: 'running', to: 'paused', cause: 'inspect' });
    expect(watcher.history(added)).toEqual([
      expect.objectContaining({ from: 'gone', to: 'created', cause: 'inspect' }),
    ]);
  });
});
