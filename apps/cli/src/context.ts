import { Engine } from '@berth/engine';
import type { ParsedArgv } from '@berth/run-args';
import type { CliFlag } from './command';
import { DRY_RUN_FLAG } from './dry-run/dry-run-flag';
import { formatRecordedRequest, recordRequests } from './dry-run/request-recorder';
import { boolValue, intValue, listValue, stringValue } from './flag-values';
import type { GlobalOptions } from './global-options';
import type { CommandIo } from './io';

/** What a command's action gets: its words read against its flags, the global options, its streams, the engine. */
export class CommandContext {
  readonly io: CommandIo;
  readonly globals: GlobalOptions;
  /** The words the command was called by, as usage lines repeat them: `['container', 'ls']`. */
  readonly path: readonly string[];
  readonly parsed: ParsedArgv;
  #engine: Engine | undefined;

  constructor(io: CommandIo, globals: GlobalOptions, path: readonly string[], parsed: ParsedArgv) {
    this.io = io;
    this.globals = globals;
    this.path = path;
    this.parsed = parsed;
  }

  /** The words after the options. */
  get args(): readonly string[] {
    return this.parsed.positionals;
  }

  /** `berth container ls`, as docker's messages name the command. */
  get commandLine(): string {
    return ['berth', ...this.path].join(' ');
  }

  get env(): Record<string, string | undefined> {
    return this.io.env ?? process.env;
  }

  bool(flag: CliFlag): boolean {
    return boolValue(this.parsed, flag);
  }

  string(flag: CliFlag): string | undefined {
    return stringValue(this.parsed, flag);
  }

  list(flag: CliFlag): string[] {
    return listValue(this.parsed, flag);
  }

  int(flag: CliFlag): number | undefined {
    return intValue(this.parsed, flag);
  }

  /** Whether the flag was given at all (`--time 0` differs from no `--time`). */
  given(flag: CliFlag): boolean {
    return this.parsed.values.has(flag.long);
  }

  /** `--dry-run` was given (on the commands that have it): `engine()` then records what it would change. */
  get dryRun(): boolean {
    return boolValue(this.parsed, DRY_RUN_FLAG);
  }

  /**
   * The engine the global options point at, made on first use; in a dry run, one that sends its reads and prints
   * every other request on stdout instead of sending it.
   */
  engine(): Engine {
    if (this.#engine) return this.#engine;
    const { host, context, configDir, tlsEnv } = this.globals;
    const env = { ...this.env, ...tlsEnv, ...(configDir === undefined ? {} : { DOCKER_CONFIG: configDir }) };
    const engine = new Engine({
      env,
      ...(host === undefined ? {} : { host }),
      ...(context === undefined ? {} : { context }),
    });
    const { stdout } = this.io;
    this.#engine = this.dryRun
      ? recordRequests(engine, (request) => stdout.write(formatRecordedRequest(request)))
      : engine;
    return this.#engine;
  }
}
