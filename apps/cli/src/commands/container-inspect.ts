import type { CliFlag, CommandModule } from '../command';
import { INSPECT_FORMAT_FLAG } from '../output/format-template';
import { printInspected } from '../output/inspect-output';

const SIZE: CliFlag = { long: 'size', short: 's', kind: 'bool', description: 'Display total file sizes' };

/** `berth container inspect`: containers only, by name, id or unique id prefix. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [INSPECT_FORMAT_FLAG, SIZE],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const size = context.bool(SIZE);
    return printInspected(context.io, context.args, context.string(INSPECT_FORMAT_FLAG) ?? '', (name) =>
      engine.inspectContainer(name, { size }),
    );
  },
};
