import { BerthError } from '@berth/types';

/** What the CLI itself refuses (a cidfile that already exists…); the command exits 125. */
export class CliError extends BerthError {}

export type HelpVerb = 'Run' | 'See' | 'SRun';

/**
 * A command line the command's grammar refuses: a bad flag or value (exit 125, as pflag's errors in docker) or a
 * wrong number of arguments (exit 1, as cobra's argument checks). The dispatcher adds the usage line after it.
 */
export class UsageError extends BerthError {
  /**
   * docker's closing line begins `See` after a too-few-arguments refusal, `SRun` after a too-many one (docker 28's
   * own typo, kept: scripts match the text), `Run` otherwise.
   */
  readonly helpVerb: HelpVerb;
  readonly exitCode: number;

  constructor(code: string, input: string, message: string, exitCode: number, helpVerb: HelpVerb = 'Run') {
    super(code, input, message);
    this.exitCode = exitCode;
    this.helpVerb = helpVerb;
  }
}

/**
 * A command that went on past failures (`berth rm a b` with `a` missing): the objects that worked were reported,
 * and the message holds one line per failure, as docker prints them at the end. The command exits 1.
 */
export class PartialFailure extends BerthError {
  readonly failures: readonly unknown[];

  constructor(lines: readonly string[], failures: readonly unknown[]) {
    super('partial-failure', String(failures.length), lines.join('\n'));
    this.failures = failures;
  }
}
