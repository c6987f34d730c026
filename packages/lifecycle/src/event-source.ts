// The watcher's view of an engine is @berth/types' ContainerEventSource, which @berth/engine implements.
export type { ContainerEventSource, EventStreamOptions } from '@berth/types';

/** A 404 from either `@berth/engine` (`status`) or dockerode (`statusCode`). */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  return status === 404 || statusCode === 404;
}
