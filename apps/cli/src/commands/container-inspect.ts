import type { CliFlag, CommandModule } from '../command';
import { printInspected } from '../output/inspect-output';
import { INSPECT_FORMAT_HELP } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', short: 'f', kind: 'value', type: 'string', description: INSPECT_FORMAT_HELP };
const SIZE: CliFlag = { long: 'size', short: 's', kind: 'bool', description: 'Display total file sizes' };

/** `berth container inspect`: containers only, by name, id or unique id prefix. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [FORMAT, SIZE],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    const size = context.bool(SIZE);
    return printInspected(context.io, context.args, context.string(FORMAT) ?? '', (name) =>
      engine.inspectContainer(name, { size }),
    );
  },
};
