import { NotFoundError } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { describeFailure } from '../exit-codes';
import { forEachObject } from '../objects';

const FORCE: CliFlag = {
  long: 'force',
  short: 'f',
  kind: 'bool',
  description: 'Force the removal of a running container (uses SIGKILL)',
};
const LINK: CliFlag = { long: 'link', short: 'l', kind: 'bool', description: 'Remove the specified link' };
const VOLUMES: CliFlag = {
  long: 'volumes',
  short: 'v',
  kind: 'bool',
  description: 'Remove anonymous volumes associated with the container',
};

/**
 * `berth rm`: each container removed at once, its name printed once done. With `--force` a missing container is
 * only reported (on stderr, in its turn), not a failure, as with docker.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [FORCE, LINK, VOLUMES, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const options = { force: context.bool(FORCE), link: context.bool(LINK), volumes: context.bool(VOLUMES) };
    const engine = context.engine();
    const remove = async (name: string): Promise<unknown> => {
      const id = name.replace(/^\/+|\/+$/g, '');
      if (id === '') throw new CliError('empty-container-name', name, 'container name cannot be empty');
      try {
        await engine.removeContainer(id, options);
        return undefined;
      } catch (error) {
        if (options.force && error instanceof NotFoundError) return error;
        throw error;
      }
    };
    await forEachObject(context.args, remove, (name, missing) => {
      if (missing === undefined) context.io.stdout.write(`${name}\n`);
      else context.io.stderr.write(`${describeFailure(missing)}\n`);
    });
    return 0;
  },
};
