import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { actOnEachContainer } from '../each-container';

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
  run(context) {
    const killSignal = context.string(SIGNAL) || undefined;
    return actOnEachContainer(context, (engine, name) =>
      engine.killContainer(name, killSignal === undefined ? {} : { killSignal }),
    );
  },
};
