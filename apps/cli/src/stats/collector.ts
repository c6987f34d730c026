import type { Engine } from '@berth/engine';
import { statsFigures } from '@berth/resources';
import type { StatsEntry } from '../output/stats-row';

// docker marks a container's figures stale when no sample came for two seconds (the engine sends one a second)
const STALE_AFTER_MS = 2000;

/** A container being sampled: its entry for the display, the first sample (or failure) and a way to stop. */
export interface Collection {
  readonly entry: StatsEntry;
  /** Settles once the first sample came, the request failed or (streaming) two seconds passed: docker's waitFirst. */
  readonly first: Promise<void>;
  /** Why the request failed, once it has. */
  error?: unknown;
  stop(): void;
}

/**
 * Samples one container as docker's stats collector does: `stream` for a sample a second, else the engine's single
 * sample with its CPU reading primed (the engine waits for its second reading, so CPU % has a delta).
 */
export function collect(engine: Engine, container: string, stream: boolean): Collection {
  const controller = new AbortController();
  const entry: StatsEntry = { container, invalid: false };
  let markFirst: () => void = () => undefined;
  const first = new Promise<void>((resolve) => {
    markFirst = resolve;
  });
  const collection: Collection = { entry, first, stop: () => controller.abort() };

  let timer: NodeJS.Timeout | undefined;
  const watch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      entry.invalid = true; // the name and id stay, as docker keeps them
      markFirst();
      if (stream) watch();
    }, STALE_AFTER_MS);
    timer.unref();
  };

  const run = async () => {
    // docker's clock starts when the answer does: a single sample comes with its answer, a stream answers at once
    if (stream) watch();
    try {
      for await (const sample of engine.containerStats(container, { stream, signal: controller.signal })) {
        entry.figures = statsFigures(sample);
        entry.invalid = false;
        markFirst();
        if (!stream) break;
        watch();
      }
      // a stream that ended (the container stopped) leaves the figures stale until the container is removed
      if (stream) entry.invalid = true;
    } catch (error) {
      if (!controller.signal.aborted) {
        collection.error = error;
        entry.invalid = true;
      }
    } finally {
      clearTimeout(timer);
      markFirst();
    }
  };
  void run();
  return collection;
}
