// The watcher on @berth/engine's own implementation of the interface (the other engine tests use the test kit's
// dockerode source): the types fit, closing while the engine's stream is open leaves nothing behind, and an
// unreachable engine fails `ready`.
import { Engine } from '@berth/engine';
import { SCOPE_LABEL, useEngine } from '@berth/testkit';
import { expect, it } from 'vitest';
import { WatchError } from './errors';
import type { ContainerEventSource } from './event-source';
import { watchContainers } from './watcher';

const kit = await useEngine();

kit.describe('@berth/engine as the event source', () => {
  it('follows a container from create to destroy through Engine.containerEventSource()', async () => {
    const source: ContainerEventSource = new Engine().containerEventSource();
    const watcher = watchContainers(source, { filters: { label: [`${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`] } });
    await watcher.ready;
    const name = kit.name('engine-source');
    const { Id } = await kit.createViaApi({ Image: 'busybox:1.29', Cmd: ['sh', '-c', 'exit 2'] }, name);
    await kit.docker.getContainer(Id).start();
    expect(await watcher.waitFor(name, 'exited', { timeout: 20_000 })).toMatchObject({ id: Id, exitCode: 2 });
    await kit.docker.getContainer(Id).remove();
    await watcher.waitFor(name, 'gone', { timeout: 20_000 });
    await watcher.close();
    expect(watcher.history(name).map((t) => `${t.cause}:${t.to}`)).toEqual([
      'create:created',
      'start:running',
      'die:exited',
      'destroy:gone',
    ]);
  });

  it('rejects ready with a WatchError when the engine cannot be reached', async () => {
    const source = new Engine({ host: `unix:///tmp/${kit.name('no-engine')}.sock` }).containerEventSource();
    const watcher = watchContainers(source);
    const error = await watcher.ready.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(WatchError);
    expect(error).toMatchObject({ code: 'watch-failed', cause: { code: 'engine-unreachable' } });
    await watcher.close();
  });
});
