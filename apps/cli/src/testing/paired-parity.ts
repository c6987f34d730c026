import { type CliResult, dockerCli, type EngineKit } from '@berth/testkit';
import { expect } from 'vitest';
import { berthCli } from './berth-binary';
import { asBerth, type ParityOptions, parity } from './parity';

/** `--label` words for the file's labels, for objects the berth binary makes (the kit removes them after). */
export function labelWords(kit: EngineKit, extra: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries({ ...kit.labels, ...extra }).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
}

/** Runs the berth executable, expecting it to succeed silently on stderr; resolves to its stdout. */
export async function succeeds(args: readonly string[]): Promise<string> {
  const result = await berthCli(args);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.exitCode, args.join(' ')).toBe(0);
  return result.stdout;
}

/** docker joins an object's labels (`--format json`'s `Labels`) in Go's map order, which changes from run to run. */
export function labelsInOrder(text: string): string {
  return text.replace(/"Labels":"([^"]*)"/g, (_, list: string) => `"Labels":"${list.split(',').sort().join(',')}"`);
}

function tidy(result: CliResult, normalize: (text: string) => string): CliResult {
  return {
    exitCode: result.exitCode,
    stdout: normalize(asBerth(result.stdout)),
    stderr: normalize(asBerth(result.stderr)),
  };
}

export interface PairedOptions extends ParityOptions {
  normalize: (text: string) => string;
  /** One side after the other, for what the engine does one at a time (prunes). */
  sequential?: boolean;
  /** Only stderr and the exit code compared: for a known difference on stdout, which the test names. */
  stdoutIgnored?: boolean;
}

/**
 * Counts the command lines compared with docker: `same` runs one line through both CLIs on the same objects (for
 * lines that change nothing); `paired` runs docker's line on docker's objects and berth's on berth's, each side's
 * names made alike by `normalize`.
 */
export class PairedParity {
  compared = 0;

  async same(args: readonly string[], options: ParityOptions = {}): Promise<CliResult> {
    const { docker, berth } = await parity(args, options);
    expect(berth, args.join(' ')).toEqual(docker);
    this.compared++;
    return berth;
  }

  async paired(
    dockerArgs: readonly string[],
    berthArgs: readonly string[],
    options: PairedOptions,
  ): Promise<CliResult> {
    const { normalize, sequential, stdoutIgnored, ...cliOptions } = options;
    const [docker, berth] = sequential
      ? [await dockerCli(dockerArgs, cliOptions), await berthCli(berthArgs, cliOptions)]
      : await Promise.all([dockerCli(dockerArgs, cliOptions), berthCli(berthArgs, cliOptions)]);
    const compared = (result: CliResult) => {
      const tidied = tidy(result, normalize);
      return stdoutIgnored ? { exitCode: tidied.exitCode, stderr: tidied.stderr } : tidied;
    };
    expect(compared(berth), berthArgs.join(' ')).toEqual(compared(docker));
    this.compared++;
    return berth;
  }
}
