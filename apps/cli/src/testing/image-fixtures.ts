import { dockerCli } from '@berth/testkit';
import { expect } from 'vitest';
import { berthCli } from './berth-binary';
import { asBerth } from './parity';

/**
 * What the image tests share: docker as the set-up tool (a refusal throws), the names they tagged (removed with
 * `removeAll` after the file), and line-by-line comparisons of commands that change state, one side after the
 * other on the same objects.
 */
export class ImageFixtures {
  readonly made = new Set<string>();
  compared = 0;

  readonly docker = async (...args: string[]): Promise<string> => {
    const result = await dockerCli(args);
    if (result.exitCode !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };

  readonly tagged = async (source: string, target: string): Promise<void> => {
    await this.docker('tag', source, target);
    this.made.add(target);
  };

  /** `prepare` puts the state back before each side; `normalize` masks what differs by nature (ids of two builds). */
  readonly inTurn = async (
    args: readonly string[],
    prepare: () => Promise<unknown>,
    normalize: (text: string) => string = (text) => text,
  ) => {
    await prepare();
    const fromDocker = await dockerCli(args);
    await prepare();
    const fromBerth = await berthCli(args);
    const tidy = (result: typeof fromDocker) => ({
      exitCode: result.exitCode,
      stdout: normalize(asBerth(result.stdout)),
      stderr: normalize(asBerth(result.stderr)),
    });
    expect(tidy(fromBerth), args.join(' ')).toEqual(tidy(fromDocker));
    this.compared++;
    return fromBerth;
  };

  async removeAll(): Promise<void> {
    for (const name of this.made) await dockerCli(['rmi', '-f', name]);
  }
}
