import { type CliResult, dockerCli, type EngineKit } from '@berth/testkit';
import { expect } from 'vitest';
import { berthCli } from './berth-binary';
import { asBerth, type ParityOptions, parity } from './parity';

/** `--label` words for the file's labels, for objects the berth binary makes (the kit removes them after). */
export function labelWords(kit: EngineKit, extra: Readonly<Record<string, string>> = {}): string[] {
  return Object.entries({ ...kit.labels, ...extra }).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
}

function tidy(result: CliResult, normalize: (text: string) => string): CliResult {
  return {
    exitCode: result.exitCode,
    stdout: normalize(asBerth(result.stdout)),
    stderr: normalize(asBerth(result.stderr)),
  };
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
    options: ParityOptions & { normalize: (text: string) => string },
  ): Promise<CliResult> {
    const { normalize, ...cliOptions } = options;
    const [docker, berth] = await Promise.all([dockerCli(dockerArgs, cliOptions), berthCli(berthArgs, cliOptions)]);
    expect(tidy(berth, normalize), berthArgs.join(' ')).toEqual(tidy(docker, normalize));
    this.compared++;
    return berth;
  }
}
