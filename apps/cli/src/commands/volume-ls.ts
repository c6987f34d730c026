import { compareNatural } from '@berth/network';
import type { CliFlag, CommandModule } from '../command';
import { volumeFilters } from '../filters';
import { FORMAT_HELP, renderList } from '../output/list-format';
import { VOLUME_HEADERS, VOLUME_RAW, VOLUME_TABLE, volumeRow } from '../output/volume-row';

const FILTER: CliFlag = {
  long: 'filter',
  short: 'f',
  kind: 'value',
  type: 'filter',
  description: 'Provide filter values (e.g. "dangling=true")',
};
const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only display volume names' };

/** docker's volume formats: `-q` shortens the table and raw forms only; a template of one's own wins over it. */
function volumeFormat(source: string, quiet: boolean): string {
  if (source === '' || source === 'table') return quiet ? '{{.Name}}' : VOLUME_TABLE;
  if (source === 'raw') return quiet ? 'name: {{.Name}}\n' : VOLUME_RAW;
  return source;
}

/** `berth volume ls` (ch.4.6): every volume (or those the filters select), by name in natural order. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER, FORMAT, QUIET],
  args: { kind: 'none' },
  async run(context) {
    const filters = volumeFilters(context.list(FILTER), 'ls', '-f, --filter');
    const list = await context.engine().listVolumes(Object.keys(filters).length === 0 ? {} : { filters });
    const volumes = [...(list.Volumes ?? [])].sort((a, b) => compareNatural(a.Name, b.Name));
    const format = volumeFormat(context.string(FORMAT) ?? '', context.bool(QUIET));
    context.io.stdout.write(renderList(format, volumes.map(volumeRow), VOLUME_HEADERS));
    return 0;
  },
};
