import type { ContainerStatus } from '@berth/types';

/**
 * A container's state: the engine's `.State.Status` (ch.2.3.2, fig. 2.3), plus `gone` for a container that does not
 * exist (never created, or removed). `restarting`, `removing` and `dead` are the engine's internal states between the
 * visible ones.
 */
export type LifecycleState = ContainerStatus | 'gone';

export const LIFECYCLE_STATES: readonly LifecycleState[] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
  'gone',
];

/** The state of an inspected container, `gone` when there is none. */
export function stateOf(inspect: { State: { Status: ContainerStatus } } | undefined): LifecycleState {
  return inspect === undefined ? 'gone' : inspect.State.Status;
}
