import type { CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { actOnEachContainer } from '../each-container';

/** `berth pause`: each container's processes frozen (the cgroup freezer). */
export const command: CommandModule = {
  usage: 'CONTAINER [CONTAINER...]',
  flags: [DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  run: (context) => actOnEachContainer(context, (engine, name) => engine.pauseContainer(name)),
};
