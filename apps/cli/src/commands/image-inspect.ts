import type { CliFlag, CommandModule } from '../command';
import { printInspected } from '../output/inspect-output';
import { INSPECT_FORMAT_HELP } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', short: 'f', kind: 'value', type: 'string', description: INSPECT_FORMAT_HELP };

/** `berth image inspect`: the engine's document for each image, by name, id or digest. */
export const command: CommandModule = {
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  flags: [FORMAT],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const engine = context.engine();
    return printInspected(context.io, context.args, context.string(FORMAT) ?? '', (name) => engine.inspectImage(name));
  },
};
