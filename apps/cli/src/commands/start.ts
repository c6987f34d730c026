import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { describeFailure } from '../exit-codes';

const ATTACH: CliFlag = {
  long: 'attach',
  short: 'a',
  kind: 'bool',
  description: 'Attach STDOUT/STDERR and forward signals',
};
const DETACH_KEYS: CliFlag = {
  long: 'detach-keys',
  kind: 'value',
  type: 'string',
  description: 'Override the key sequence for detaching a container',
};
const INTERACTIVE: CliFlag = { long: 'interactive', short: 'i', kind: 'bool', description: "Attach container's STDIN" };

/**
 * `berth start`: without `-a`/`-i` each container in turn, a failure reported as it comes and named again at the end
 * (docker's way for start, unlike stop's); with them, one container attached.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [ATTACH, DETACH_KEYS, INTERACTIVE, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const failedNames: string[] = [];
    for (const name of context.args) {
      try {
        await engine.startContainer(name);
        context.io.stdout.write(`${name}\n`);
      } catch (error) {
        context.io.stderr.write(`${describeFailure(error)}\n`);
        failedNames.push(name);
      }
    }
    if (failedNames.length > 0) {
      const names = failedNames.join(', ');
      throw new CliError('start-failed', names, `Error: failed to start containers: ${names}`);
    }
    return 0;
  },
};
