// ch.2.3.2, the website farm done right: the planner orders web and mailer before the agent linked to both, while
// docker, asked in the wrong order, refuses to start the agent.
import { dockerodeEventSource, SCOPE_LABEL, useEngine } from '@berth/testkit';
import { expect, it } from 'vitest';
import { type ContainerSpec, startOrder, stopOrder } from './dependencies';
import { watchContainers } from './watcher';

const kit = await useEngine();

async function create(spec: ContainerSpec, image: string, cmd?: string[]): Promise<string> {
  const { Id } = await kit.createViaApi(
    { Image: image, ...(cmd ? { Cmd: cmd } : {}), ...(spec.HostConfig ? { HostConfig: spec.HostConfig } : {}) },
    spec.name,
  );
  return Id;
}

kit.describe('start order on the engine', () => {
  it.concurrent('starts the website farm in planner order; agent first fails as docker says', async ({
    onTestFinished,
  }) => {
    const web = kit.name('web');
    const mailer = kit.name('mailer');
    const agent = kit.name('agent');
    // given in the order of the book's first, failing script
    const specs: ContainerSpec[] = [
      { name: agent, HostConfig: { Links: [`${web}:insideweb`, `${mailer}:insidemailer`] } },
      { name: web },
      { name: mailer },
    ];
    const images: Record<string, string> = {
      [web]: 'berth-fixtures/web',
      [mailer]: 'berth-fixtures/mailer',
      [agent]: 'berth-fixtures/agent',
    };
    const order = startOrder(specs);
    expect(order).toEqual([web, mailer, agent]);
    // creating with a link to a container that is only created is allowed
    for (const name of order) await create(specs.find((s) => s.name === name) as ContainerSpec, images[name] as string);

    const wrong = await kit.cli(['start', agent]);
    expect(wrong.exitCode).not.toBe(0);
    // the engine checks the links in map order, so either one may be named
    const notRunning = (target: string, alias: string) =>
      `Cannot link to a non running container: /${target} AS /${agent}/${alias}`;
    expect([notRunning(web, 'insideweb'), notRunning(mailer, 'insidemailer')]).toContainEqual(
      wrong.stderr.match(/Cannot link to a non running container: \S+ AS \S+/)?.[0],
    );

    const watcher = watchContainers(dockerodeEventSource(kit.docker), {
      filters: { label: [`${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`] },
    });
    onTestFinished(() => watcher.close());
    await watcher.ready;
    for (const name of order) {
      const started = await kit.cli(['start', name]);
      expect(started.stderr).toBe('');
      await watcher.waitFor(name, 'running', { timeout: 20_000 });
    }
    await kit.waitForLog(agent, 'System up.');
    const startedAt = order.map((name) => watcher.history(name).find((t) => t.cause === 'start')?.time ?? Infinity);
    expect([...startedAt].sort((a, b) => a - b)).toEqual(startedAt);

    // stop and remove dependents first
    expect(stopOrder(specs)).toEqual([agent, mailer, web]);
    for (const name of stopOrder(specs)) {
      expect((await kit.cli(['stop', '-t', '1', name])).exitCode).toBe(0);
      expect((await kit.cli(['rm', name])).exitCode).toBe(0);
      await watcher.waitFor(name, 'gone', { timeout: 20_000 });
    }
  });

  it.concurrent('orders a container that joins another’s network namespace after it', async () => {
    const owner = kit.name('netns-owner');
    const joiner = kit.name('netns-joiner');
    const specs: ContainerSpec[] = [
      { name: joiner, HostConfig: { NetworkMode: `container:${owner}` } },
      { name: owner },
    ];
    expect(startOrder(specs)).toEqual([owner, joiner]);
    for (const spec of specs) await create(spec, 'busybox:1.29', ['sleep', '3600']);

    const wrong = await kit.cli(['start', joiner]);
    expect(wrong.exitCode).not.toBe(0);
    expect(wrong.stderr).toContain('cannot join network of a non running container');
    for (const name of startOrder(specs)) expect((await kit.cli(['start', name])).stderr).toBe('');
    expect((await kit.inspect(joiner)).State.Status).toBe('running');
  });
});
