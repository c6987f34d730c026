import { ALL_CONTAINERS_FLAG } from '../all-containers-flag';
import type { CliFlag, CommandModule } from '../command';
import type { CommandContext } from '../context';
import { PartialFailure } from '../errors';
import { describeFailure } from '../exit-codes';
import { chooseListFormat, FORMAT_HELP, renderList } from '../output/list-format';
import { STATS_HEADERS, STATS_TABLE, statsRow } from '../output/stats-row';
import { type Collection, collect } from '../stats/collector';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const NO_STREAM: CliFlag = {
  long: 'no-stream',
  kind: 'bool',
  description: 'Disable streaming stats and only pull the first result',
};
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: 'Do not truncate output' };

// docker redraws twice a second; the engine samples once a second
const REDRAW_MS = 500;

/** The containers on display, in the order they came, keyed as docker keys them (name given, or short id). */
class Watched {
  readonly #collections = new Map<string, Collection>();
  readonly #start: (container: string) => Collection;

  constructor(start: (container: string) => Collection) {
    this.#start = start;
  }

  add(container: string): void {
    if (!this.#collections.has(container)) this.#collections.set(container, this.#start(container));
  }

  remove(container: string): void {
    this.#collections.get(container)?.stop();
    this.#collections.delete(container);
  }

  get all(): Collection[] {
    return [...this.#collections.values()];
  }

  stop(): void {
    for (const collection of this.#collections.values()) collection.stop();
  }
}

/** Containers appearing and leaving while the display runs (docker's event handlers): resolves when the feed fails. */
async function follow(context: CommandContext, watched: Watched, all: boolean, signal: AbortSignal): Promise<unknown> {
  try {
    const events = context.engine().events({ filters: { type: ['container'] }, signal });
    for await (const event of events) {
      const id = event.Actor.ID.slice(0, 12);
      if (event.Action === 'start' || (all && event.Action === 'create')) watched.add(id);
      else if (!all && event.Action === 'die') watched.remove(id);
    }
    return undefined;
  } catch (error) {
    return signal.aborted ? undefined : error;
  }
}

/** docker's redraw: home, the table, then each of those lines again with the rest of the line erased, then below. */
function redraw(table: string): string {
  const text = `\u001b[H${table}`;
  return `${text}${text
    .split('\n')
    .map((line) => `${line} \u001b[K\n`)
    .join('')}\u001b[J`;
}

/** `berth stats`: the containers' CPU, memory, network, block I/O and PIDs, live or once. */
export const command: CommandModule = {
  usage: '[OPTIONS] [CONTAINER...]',
  flags: [ALL_CONTAINERS_FLAG, FORMAT, NO_STREAM, NO_TRUNC],
  args: { kind: 'min', count: 0 },
  async run(context) {
    const stream = !context.bool(NO_STREAM);
    const all = context.bool(ALL_CONTAINERS_FLAG);
    const names = [...new Set(context.args)];
    const engine = context.engine();
    const watched = new Watched((container) => collect(engine, container, stream));
    const following = new AbortController();
    let feed: Promise<unknown> = new Promise(() => undefined);
    try {
      if (names.length === 0) {
        // subscribed before the list is read, so that a container starting in between is not missed
        if (stream) feed = follow(context, watched, all, following.signal);
        const listed = await engine.listContainers({ all });
        for (const summary of listed) watched.add(summary.Id.slice(0, 12));
        await Promise.all(watched.all.map((collection) => collection.first));
      } else {
        for (const name of names) watched.add(name);
        await Promise.all(watched.all.map((collection) => collection.first));
        const failures = watched.all.flatMap((collection) =>
          collection.error === undefined ? [] : [collection.error],
        );
        if (failures.length > 0) throw new PartialFailure(failures.map(describeFailure), failures);
      }

      const format = chooseListFormat(context.string(FORMAT) ?? '', { table: STATS_TABLE });
      const truncate = !context.bool(NO_TRUNC);
      const table = () =>
        renderList(
          format,
          watched.all.map((collection) => statsRow(collection.entry, truncate)),
          STATS_HEADERS,
        );
      if (!stream) {
        context.io.stdout.write(table());
        return 0;
      }
      for (;;) {
        const failed = await Promise.race([feed, new Promise((resolve) => setTimeout(resolve, REDRAW_MS, false))]);
        if (failed !== false) {
          if (failed !== undefined) throw failed;
          feed = new Promise(() => undefined);
        }
        context.io.stdout.write(redraw(table()));
      }
    } finally {
      following.abort();
      watched.stop();
    }
  },
};
