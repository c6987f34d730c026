import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';

/** `berth service rm SERVICE...`: each service removed with its tasks, its name printed. */
export const command: CommandModule = {
  usage: 'SERVICE [SERVICE...]',
  flags: [DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    await forEachObject(
      context.args,
      (name) => engine.request({ method: 'DELETE', path: `/services/${encodeURIComponent(name)}`, subject: name }),
      (name) => {
        if (!context.dryRun) context.io.stdout.write(`${name}\n`);
      },
    );
    return 0;
  },
};
