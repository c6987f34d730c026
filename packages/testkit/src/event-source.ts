import { type ContainerEventSource, type ContainerInspect, type EventMessage, timestampParam } from '@berth/types';
import type Docker from 'dockerode';

/**
 * Container events, inspect and list through dockerode; inspect rejects with dockerode's `statusCode` 404. The
 * signal ends the event stream by destroying it: handed to dockerode, an abort can surface as an uncaught error of the
 * request instead.
 */
export function dockerodeEventSource(docker: Docker): ContainerEventSource {
  return {
    async *events({ since, until, filters, signal }) {
      const stream = (await docker.getEvents({
        ...(since !== undefined ? { since: timestampParam(since) } : {}),
        ...(until !== undefined ? { until: timestampParam(until) } : {}),
        filters: JSON.stringify({ ...filters, type: ['container'] }),
      } as unknown as Docker.GetEventsOptions)) as NodeJS.ReadableStream & { destroy(): void };
      const stop = () => stream.destroy();
      if (signal?.aborted) stop();
      signal?.addEventListener('abort', stop, { once: true });
      try {
        let pending = '';
        for await (const chunk of stream) {
          pending += chunk.toString();
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as EventMessage;
        }
      } finally {
        signal?.removeEventListener('abort', stop);
        stream.destroy();
      }
    },
    inspect: async (id) => (await docker.getContainer(id).inspect()) as unknown as ContainerInspect,
    list: ({ filters } = {}) => docker.listContainers({ all: true, ...(filters ? { filters } : {}) }),
  };
}
