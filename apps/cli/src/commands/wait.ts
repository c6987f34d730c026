import type { CommandModule } from '../command';
import { forEachObject } from '../objects';

/** `berth wait`: waits for each container to stop, then prints its exit code, in the order they were named. */
export const command: CommandModule = {
  usage: 'CONTAINER [CONTAINER...]',
  flags: [],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    await forEachObject(
      context.args,
      (name) => engine.waitContainer(name),
      (_name, result) => context.io.stdout.write(`${result.StatusCode}\n`),
    );
    return 0;
  },
};
