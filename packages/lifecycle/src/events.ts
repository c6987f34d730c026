import type { EventMessage } from '@berth/types';
import type { LifecycleState } from './states';

/**
 * The container events that move a container to another state, and where they lead. `die` leads to `restarting`
 * when the restart policy restarts the container (see `trackExit`), else to `exited`. Every other event (`kill`,
 * `oom`, `attach`, `exec_*`, `health_status`, `rename`, `update`…) leaves the state as it is: docker emits `kill`,
 * `die`, `stop` for `docker stop`, and `start`, `restart` for `docker restart`. (`docker kill` of a restarting
 * container emits nothing: the watcher re-reads such a container when its restart is overdue.)
 */
export const EVENT_TRANSITIONS = {
  create: 'created',
  start: 'running',
  restart: 'running',
  pause: 'paused',
  unpause: 'running',
  die: 'exited',
  // after a die, except for a restarting container: `docker stop` cancels its wait with a stop event and no die
  stop: 'exited',
  destroy: 'gone',
} as const satisfies Record<string, LifecycleState>;

/** An event's action without its detail: `exec_start: sh -c date` → `exec_start`, `health_status: healthy` → `health_status`. */
export function eventAction(event: Pick<EventMessage, 'Action'>): string {
  const colon = event.Action.indexOf(':');
  return colon === -1 ? event.Action : event.Action.slice(0, colon);
}

/** The state a container event leads to from `state`; `restarts` says whether the engine restarts after a `die`. */
export function stateAfterEvent(
  state: LifecycleState,
  event: Pick<EventMessage, 'Action'>,
  options: { restarts?: boolean } = {},
): LifecycleState {
  const action = eventAction(event);
  if (action === 'die' && options.restarts === true) return 'restarting';
  return Object.hasOwn(EVENT_TRANSITIONS, action) ? EVENT_TRANSITIONS[action as keyof typeof EVENT_TRANSITIONS] : state;
}
