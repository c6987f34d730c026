import type { CliFlag, CommandModule } from '../command';
import { FILTER_FLAG, filterValues } from '../filter-flag';
import { chooseListFormat, FORMAT_HELP, renderList } from '../output/list-format';
import { SERVICE_HEADERS, SERVICE_TABLE, serviceRow } from '../output/service-row';
import type { ListedService } from '../swarm/service-lookup';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only display IDs' };

/** `berth service ls`: the swarm's services, sorted by name, with their running and wanted task counts. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER_FLAG, FORMAT, QUIET],
  args: { kind: 'none' },
  async run(context) {
    const format = chooseListFormat(context.string(FORMAT) ?? '', { table: SERVICE_TABLE }, context.bool(QUIET));
    // docker's service ls runs the template on the rows only: no check before the engine is asked
    const filters = filterValues(context, FILTER_FLAG);
    const services = await context.engine().request<ListedService[]>({
      method: 'GET',
      path: '/services',
      query: { status: true, filters },
    });
    const rows = services
      .sort((a, b) => (a.Spec.Name ?? '').localeCompare(b.Spec.Name ?? ''))
      .map((service) => serviceRow(service, true));
    context.io.stdout.write(renderList(format, rows, SERVICE_HEADERS));
    return 0;
  },
};
