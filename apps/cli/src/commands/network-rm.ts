import { NotFoundError } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';

const FORCE: CliFlag = {
  long: 'force',
  short: 'f',
  kind: 'bool',
  description: 'Do not error if the network does not exist',
};

/**
 * `berth network rm`: each network removed at once, its name printed back once done; with `-f` a missing one is
 * passed over in silence. docker ends a failed removal with `exit status 1` after the daemon's lines.
 */
export const command: CommandModule = {
  usage: 'NETWORK [NETWORK...]',
  flags: [FORCE, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const force = context.bool(FORCE);
    const remove = async (name: string): Promise<boolean> => {
      try {
        await engine.removeNetwork(name);
        return true;
      } catch (error) {
        if (force && error instanceof NotFoundError) return false;
        throw error;
      }
    };
    try {
      await forEachObject(context.args, remove, (name, removed) => {
        if (removed) context.io.stdout.write(`${name}\n`);
      });
    } catch (error) {
      context.io.stderr.write(`${error instanceof Error ? error.message : String(error)}\nexit status 1\n`);
      return 1;
    }
    return 0;
  },
};
