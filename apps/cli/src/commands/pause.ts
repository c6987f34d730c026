import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { forEachObject } from '../objects';

/** `berth pause`: each container paused at once (the cgroup freezer), its name printed once done. */
export const command: CommandModule = {
  usage: 'CONTAINER [CONTAINER...]',
  flags: [DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    await forEachObject(
      context.args,
      (name) => engine.pauseContainer(name),
      (name) => context.io.stdout.write(`${name}\n`),
    );
    return 0;
  },
};
