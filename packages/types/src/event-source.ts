import type { ContainerInspect } from './container';
import type { EventMessage } from './events';
import type { Filters } from './volume';

export interface EventStreamOptions {
  /** Replay the events since this time (seconds since the epoch, fractions allowed), then follow. */
  since?: number;
  /** Stop at this time: with `since`, the stream replays a past window and ends. */
  until?: number;
  /** Engine API filters (`{ label: ['app=web'] }`). */
  filters?: Filters;
  signal?: AbortSignal;
}

/**
 * A narrow view of an engine for following containers: the container events of `GET /events`,
 * `GET /containers/{id}/json` and `GET /containers/json?all=1`. `@berth/engine`'s `containerEventSource()` provides
 * it and `@berth/lifecycle`'s watcher consumes it. `inspect` rejects with an error whose `status` (or `statusCode`)
 * is 404 when the container does not exist.
 */
export interface ContainerEventSource {
  events(options: EventStreamOptions): AsyncIterable<EventMessage>;
  inspect(id: string, options?: { signal?: AbortSignal }): Promise<ContainerInspect>;
  list(options?: { filters?: Filters; signal?: AbortSignal }): Promise<readonly { Id: string }[]>;
}
