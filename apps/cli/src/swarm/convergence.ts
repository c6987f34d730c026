import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '@berth/engine';
import type { Task } from '@berth/types';
import type { CommandIo } from '../io';
import type { ListedService } from './service-lookup';

const POLL_MS = 250;
const SETTLED_UPDATES = new Set(['completed', 'paused', 'rollback_completed', 'rollback_paused']);

/**
 * Waits, as `docker service create` without `-d` does, until the service's running tasks are as many as it wants
 * and its update (if any) is done: `overall progress: N out of M tasks` each time N changes, then `verify: Service
 * ID converged`; after an update, also until the engine says the update is done. Plain lines: docker's redrawn
 * terminal display is not reproduced.
 */
export async function waitForConvergence(
  engine: Engine,
  id: string,
  io: CommandIo,
  options: { rollingUpdate?: boolean } = {},
): Promise<void> {
  let shown = -1;
  for (;;) {
    const [service] = await engine.request<ListedService[]>({
      method: 'GET',
      path: '/services',
      query: { status: true, filters: { id: { [id]: true } } },
    });
    const running = await engine.request<Task[]>({
      method: 'GET',
      path: '/tasks',
      query: { filters: { service: { [id]: true }, 'desired-state': { running: true } } },
    });
    const desired = service?.ServiceStatus?.DesiredTasks ?? 0;
    const current = running.filter(
      (task) =>
        task.Status.State === 'running' &&
        task.Spec.ContainerSpec.Image === service?.Spec.TaskTemplate.ContainerSpec.Image,
    ).length;
    if (current !== shown) {
      io.stdout.write(`overall progress: ${current} out of ${desired} tasks\n`);
      shown = current;
    }
    // an update is done when the engine says so: its state is set a moment after the update was asked for
    const update = service?.UpdateStatus?.State;
    const updated = !options.rollingUpdate || (update !== undefined && SETTLED_UPDATES.has(update));
    if (current === desired && updated) break;
    await sleep(POLL_MS);
  }
  io.stdout.write(`verify: Service ${id} converged\n`);
}
