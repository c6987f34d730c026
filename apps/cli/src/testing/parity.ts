import { type CliOptions, type CliResult, dockerCli } from '@berth/testkit';
import { berthCli } from './berth-binary';

/** What a parity test compares of one command line: docker's result and berth's, after the same normalisation. */
export interface ParityRun {
  docker: CliResult;
  berth: CliResult;
}

/** docker names itself in usage and refusal lines; berth names itself there. Nothing else is renamed. */
export function asBerth(text: string): string {
  return text.replace(/(^|Usage: {2}|[ '(])docker(?=[ ':])/gm, '$1berth').replace(/^docker: /gm, 'berth: ');
}

/**
 * Relative times tick between two runs: `Up 3 seconds`, `5 minutes ago`, `About a minute ago` (lower case in a task's
 * state: `Running less than a second ago`) become `<time>`.
 */
export function maskTimes(text: string): string {
  return text.replace(
    /\b(?:[Aa]bout (?:a|an) (?:minute|hour)|[Ll]ess than a second|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g,
    '<time>',
  );
}

export interface ParityOptions extends CliOptions {
  /** Applied to both sides' stdout and stderr after the program name is made the same. */
  normalize?: (text: string) => string;
}

/**
 * The same command line through the docker CLI and through the berth executable, at once, normalised alike: for
 * command lines that change nothing (a refused line, a listing), or that change objects made twice, one per side.
 */
export async function parity(args: readonly string[], options: ParityOptions = {}): Promise<ParityRun> {
  const { normalize = (text: string) => text, ...cliOptions } = options;
  const [docker, berth] = await Promise.all([dockerCli(args, cliOptions), berthCli(args, cliOptions)]);
  const tidy = (result: CliResult): CliResult => ({
    exitCode: result.exitCode,
    stdout: normalize(asBerth(result.stdout)),
    stderr: normalize(asBerth(result.stderr)),
  });
  return { docker: tidy(docker), berth: tidy(berth) };
}
