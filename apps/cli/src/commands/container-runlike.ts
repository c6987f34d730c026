import { quoteShellWord, toRunArgs } from '@berth/run-args';
import type { CliFlag, CommandModule } from '../command';
import { forEachObject } from '../objects';

const NO_NAME: CliFlag = {
  long: 'no-name',
  kind: 'bool',
  description: "Leave out the container's name (to make another one beside it)",
};

/**
 * `berth container runlike`: "how was this container started?" — the `berth run` line that makes an equivalent
 * container, rebuilt from its inspect document by @berth/run-args' toRunArgs and quoted for a POSIX shell.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [NO_NAME],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const omitName = context.bool(NO_NAME);
    await forEachObject(
      context.args,
      async (name) => toRunArgs(await engine.inspectContainer(name), { omitName }),
      (_, argv) => context.io.stdout.write(`${['berth', 'run', ...argv].map(quoteShellWord).join(' ')}\n`),
    );
    return 0;
  },
};
