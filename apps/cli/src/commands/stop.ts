import { NotModifiedError } from '@berth/engine';
import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';
import { STOP_SIGNAL, STOP_TIMEOUT, stopQuery } from '../stop-options';

/** `berth stop`: each container stopped at once, its name printed once done; already stopped is no failure. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [STOP_SIGNAL, STOP_TIMEOUT, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const query = stopQuery(context);
    const engine = context.engine();
    await forEachObject(
      context.args,
      async (name) => {
        const path = `/containers/${encodeURIComponent(name)}/stop`;
        await engine.request({ method: 'POST', path, query, subject: name }).catch((error: unknown) => {
          if (!(error instanceof NotModifiedError)) throw error;
        });
      },
      (name) => context.io.stdout.write(`${name}\n`),
    );
    return 0;
  },
};
