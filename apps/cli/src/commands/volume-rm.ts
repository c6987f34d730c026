import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';

const FORCE: CliFlag = {
  long: 'force',
  short: 'f',
  kind: 'bool',
  description: 'Force the removal of one or more volumes',
};

/**
 * `berth volume rm` (ch.4.6): each volume removed at once, its name printed back once done; one in use stays, and
 * the engine's refusal names the containers using it.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] VOLUME [VOLUME...]',
  flags: [FORCE, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const force = context.bool(FORCE);
    await forEachObject(
      context.args,
      (name) => engine.removeVolume(name, force ? { force } : {}),
      (name) => context.io.stdout.write(`${name}\n`),
    );
    return 0;
  },
};
