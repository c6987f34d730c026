import { NotModifiedError } from '@berth/engine';
import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { actOnEachContainer } from '../each-container';
import { STOP_SIGNAL, STOP_TIMEOUT, stopRequests } from '../stop-options';

/** `berth stop`: each container stopped (`--signal`, then SIGKILL after `--timeout`); already stopped is no failure. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [STOP_SIGNAL, STOP_TIMEOUT, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  run(context) {
    const request = stopRequests(context, 'stop');
    return actOnEachContainer(context, (engine, name) =>
      engine.request(request(name)).catch((error: unknown) => {
        if (!(error instanceof NotModifiedError)) throw error;
      }),
    );
  },
};
