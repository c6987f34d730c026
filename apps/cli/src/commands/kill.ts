import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';

const SIGNAL: CliFlag = {
  long: 'signal',
  short: 's',
  kind: 'value',
  type: 'string',
  description: 'Signal to send to the container',
};

/** `berth kill`: the signal (the engine's SIGKILL when none) to each container at once. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [SIGNAL, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const killSignal = context.string(SIGNAL) || undefined;
    const engine = context.engine();
    await forEachObject(
      context.args,
      (name) => engine.killContainer(name, killSignal === undefined ? {} : { killSignal }),
      (name) => context.io.stdout.write(`${name}\n`),
    );
    return 0;
  },
};
