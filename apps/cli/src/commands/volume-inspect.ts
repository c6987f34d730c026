import type { CliFlag, CommandModule } from '../command';
import { printInspected } from '../output/inspect-output';
import { INSPECT_FORMAT_HELP } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', short: 'f', kind: 'value', type: 'string', description: INSPECT_FORMAT_HELP };

/** `berth volume inspect` (ch.4.4): `--format "{{json .Mountpoint}}"` gives the volume's directory on the host. */
export const command: CommandModule = {
  usage: '[OPTIONS] VOLUME [VOLUME...]',
  flags: [FORMAT],
  args: { kind: 'min', count: 1 },
  run(context) {
    const engine = context.engine();
    return printInspected(context.io, context.args, context.string(FORMAT) ?? '', (name) => engine.inspectVolume(name));
  },
};
