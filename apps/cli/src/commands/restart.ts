import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { actOnEachContainer } from '../each-container';
import { STOP_SIGNAL, STOP_TIMEOUT, stopRequests } from '../stop-options';

/** `berth restart`: each container stopped (`--signal`, then SIGKILL after `--timeout`) and started again. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [STOP_SIGNAL, STOP_TIMEOUT, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  run(context) {
    const request = stopRequests(context, 'restart');
    return actOnEachContainer(context, (engine, name) => engine.request(request(name)));
  },
};
