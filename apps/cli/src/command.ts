import type { FlagDefinition } from '@berth/run-args';
import type { CommandContext } from './context';

/** One flag of a berth command: docker's grammar (`FlagDefinition`) plus what `--help` shows of it. */
export interface CliFlag extends FlagDefinition {
  description: string;
  /** The value's name in the usage text, as pflag prints it: `string`, `int`, `list`, `filter`, `duration`… */
  type?: string;
  /** The default, as `--help` shows it: `(default -1)`. */
  default?: string;
  /** Kept for old command lines, left out of `--help`. */
  hidden?: boolean;
}

/** How many arguments a command takes, with docker's refusal for each rule. */
export type ArgsRule =
  | { kind: 'none' }
  | { kind: 'exact'; count: number }
  | { kind: 'min'; count: number }
  | { kind: 'max'; count: number }
  | { kind: 'range'; min: number; max: number };

/** What a command file exports as `command`: its grammar, its usage and its action. */
export interface CommandModule {
  /** What follows the command's name in its usage line: `[OPTIONS] CONTAINER [CONTAINER...]`. */
  readonly usage: string;
  readonly flags: readonly CliFlag[];
  readonly args: ArgsRule;
  /** Options may follow arguments (pflag's default); false for commands whose arguments end with a command. */
  readonly interspersed?: boolean;
  /** Reads its words itself (`run`, `create`: docker's run grammar in @berth/run-args); `flags` are then for help. */
  readonly rawWords?: boolean;
  /** Resolves to the exit code; failures throw and are reported by the dispatcher. */
  run(context: CommandContext): Promise<number>;
}

/** The help flag every command has. */
export const HELP_FLAG: CliFlag = { long: 'help', kind: 'bool', description: 'Print usage', hidden: true };
