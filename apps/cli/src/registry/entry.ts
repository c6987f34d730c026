import type { CommandModule } from '../command';

/** A command as the dispatcher knows it before loading it: its names, its one-line summary and how to load it. */
export interface CommandEntry {
  /** Every name, the first the one usage lines show: `[['container', 'ls'], ['container', 'list'], ['ps']]`. */
  readonly names: readonly (readonly string[])[];
  readonly summary: string;
  /** Listed among `berth --help`'s common commands. */
  readonly common?: boolean;
  /** The command's file, loaded only when the command runs, so that `berth ps` never pays for `berth build`. */
  load(): Promise<{ command: CommandModule }>;
}

/** A management command (`berth container`), which lists its subcommands. */
export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  /** Listed under `Swarm Commands` in `berth --help`. */
  readonly swarm?: boolean;
}
