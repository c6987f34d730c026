import type { ContainerInspect, EventMessage, Filters } from '@berth/types';

export interface EventStreamOptions {
  /** Replay the events since this time (seconds since the epoch, fractions allowed), then follow. */
  since?: number;
  /** Stop at this time: with `since`, the stream replays a past window and ends. */
  until?: number;
  /** Engine API filters (`{ label: ['app=web'] }`); the watcher passes its own to `events` and `list`. */
  filters?: Filters;
  signal?: AbortSignal;
}

/**
 * What the watcher needs from an engine: the container events of `GET /events`, `GET /containers/{id}/json` and
 * `GET /containers/json?all=1`. `@berth/engine`'s `containerEventSource()` provides it. `inspect` rejects with an
 * error whose `status` (or `statusCode`) is 404 when the container does not exist.
 */
export interface ContainerEventSource {
  events(options: EventStreamOptions): AsyncIterable<EventMessage>;
  inspect(id: string, options?: { signal?: AbortSignal }): Promise<ContainerInspect>;
  list(options?: { filters?: Filters; signal?: AbortSignal }): Promise<readonly { Id: string }[]>;
}

/** A 404 from either `@berth/engine` (`status`) or dockerode (`statusCode`). */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  return status === 404 || statusCode === 404;
}
