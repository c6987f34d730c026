import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';
import { STOP_SIGNAL, STOP_TIMEOUT, stopQuery } from '../stop-options';

/** `berth restart`: each container stopped (`--signal`, then SIGKILL after `--timeout`) and started again. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [STOP_SIGNAL, STOP_TIMEOUT, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const query = stopQuery(context);
    const engine = context.engine();
    await forEachObject(
      context.args,
      (name) =>
        engine.request({
          method: 'POST',
          path: `/containers/${encodeURIComponent(name)}/restart`,
          query,
          subject: name,
        }),
      (name) => context.io.stdout.write(`${name}\n`),
    );
    return 0;
  },
};
