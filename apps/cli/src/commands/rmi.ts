import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { PartialFailure } from '../errors';
import { describeFailure } from '../exit-codes';

const FORCE: CliFlag = { long: 'force', short: 'f', kind: 'bool', description: 'Force removal of the image' };
const NO_PRUNE: CliFlag = { long: 'no-prune', kind: 'bool', description: 'Do not delete untagged parents' };

/**
 * `berth rmi` / `berth image rm`: each image untagged and, when no name is left, deleted with its untagged parents;
 * docker's `Untagged:` / `Deleted:` lines. One image after another, as docker does: two names of one image must not
 * race.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  flags: [FORCE, NO_PRUNE, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const options = { force: context.bool(FORCE), noPrune: context.bool(NO_PRUNE) };
    const failures: unknown[] = [];
    for (const name of context.args) {
      try {
        const items = await engine.removeImage(name, options);
        // a dry run's engine answers `{}`: nothing was removed
        for (const item of Array.isArray(items) ? items : []) {
          if (item.Deleted) context.io.stdout.write(`Deleted: ${item.Deleted}\n`);
          else if (item.Untagged) context.io.stdout.write(`Untagged: ${item.Untagged}\n`);
        }
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new PartialFailure(failures.map(describeFailure), failures);
    return 0;
  },
};
