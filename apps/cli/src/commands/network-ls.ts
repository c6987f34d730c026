import { compareNatural } from '@berth/network';
import type { CliFlag, CommandModule } from '../command';
import { networkFilters } from '../filters';
import { FORMAT_HELP, renderList } from '../output/list-format';
import { NETWORK_HEADERS, NETWORK_RAW, NETWORK_TABLE, networkRow } from '../output/network-row';

const FILTER: CliFlag = {
  long: 'filter',
  short: 'f',
  kind: 'value',
  type: 'filter',
  description: 'Provide filter values (e.g. "driver=bridge")',
};
const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: 'Do not truncate the output' };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only display network IDs' };

/** docker's network formats: `-q` shortens the table and raw forms only; a template of one's own wins over it. */
function networkFormat(source: string, quiet: boolean): string {
  if (source === '' || source === 'table') return quiet ? '{{.ID}}' : NETWORK_TABLE;
  if (source === 'raw') return quiet ? 'network_id: {{.ID}}\n' : NETWORK_RAW;
  return source;
}

/** `berth network ls` (ch.5.2): the networks (or those the filters select), by name in natural order. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER, FORMAT, NO_TRUNC, QUIET],
  args: { kind: 'none' },
  async run(context) {
    const filters = networkFilters(context.list(FILTER), 'ls', '-f, --filter');
    const networks = await context.engine().listNetworks(Object.keys(filters).length === 0 ? {} : { filters });
    const sorted = [...networks].sort((a, b) => compareNatural(a.Name, b.Name));
    const truncate = !context.bool(NO_TRUNC);
    const format = networkFormat(context.string(FORMAT) ?? '', context.bool(QUIET));
    context.io.stdout.write(
      renderList(
        format,
        sorted.map((network) => networkRow(network, truncate)),
        NETWORK_HEADERS,
      ),
    );
    return 0;
  },
};
