import { expect, it } from 'vitest';
import { TEST_LABEL, useEngine } from './index';

const kit = await useEngine();

kit.describe('the pipeline reaches a real engine', () => {
  it('creates, starts, inspects, execs into, stops and removes a busybox container through dockerode', async () => {
    const name = kit.name('pipeline');
    const container = await kit.docker.createContainer({
      name,
      Image: 'busybox:1.29',
      Cmd: ['sleep', '300'],
      Labels: kit.labels,
    });
    await container.start();

    const running = await kit.inspect(name);
    expect(running.State.Status).toBe('running');
    expect(running.Config.Labels?.[TEST_LABEL]).toBe('1');

    const id = await kit.exec(name, ['id']);
    expect(id).toEqual({ exitCode: 0, stdout: 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n', stderr: '' });

    await container.stop({ t: 1 });
    expect((await kit.inspect(name)).State.Status).toBe('exited');
    await container.remove({ v: true });
    await expect(kit.inspect(name)).rejects.toMatchObject({ statusCode: 404 });
  });
});
