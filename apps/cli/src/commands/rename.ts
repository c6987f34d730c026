import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { describeFailure } from '../exit-codes';

/** `berth rename`: prints nothing once renamed; a refusal is the engine's line, then docker's own. */
export const command: CommandModule = {
  usage: 'CONTAINER NEW_NAME',
  flags: [DRY_RUN_FLAG],
  args: { kind: 'exact', count: 2 },
  async run(context) {
    const [oldName = '', newName = ''] = context.args.map((word) => word.trim());
    if (oldName === '' || newName === '') {
      throw new CliError('empty-container-name', '', 'Error: Neither old nor new names may be empty');
    }
    try {
      await context.engine().renameContainer(oldName, newName);
    } catch (cause) {
      context.io.stderr.write(`${describeFailure(cause)}\n`);
      throw new CliError('rename-failed', oldName, `Error: failed to rename container named ${oldName}`, { cause });
    }
    return 0;
  },
};
