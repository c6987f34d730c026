import { ALL_CONTAINERS_FLAG } from '../all-containers-flag';
import type { CliFlag, CommandModule } from '../command';
import { FILTER_FLAG, filterValues } from '../filter-flag';
import {
  CONTAINER_HEADERS,
  CONTAINER_TABLE,
  containerRawFormat,
  containerRow,
  EMPTY_CONTAINER,
} from '../output/container-row';
import { checkListTemplate, chooseListFormat, FORMAT_HELP, renderList } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const LAST: CliFlag = {
  long: 'last',
  short: 'n',
  kind: 'value',
  type: 'int',
  default: '-1',
  description: 'Show n last created containers (includes all states)',
};
const LATEST: CliFlag = {
  long: 'latest',
  short: 'l',
  kind: 'bool',
  description: 'Show the latest created container (includes all states)',
};
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: "Don't truncate output" };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only display container IDs' };
const SIZE: CliFlag = { long: 'size', short: 's', kind: 'bool', description: 'Display total file sizes' };

/** Whether a template reads `.Size`, which docker then asks the engine for (sizes are costly to compute). */
function readsSize(format: string): boolean {
  let read = false;
  const probe = containerRow(EMPTY_CONTAINER, true);
  Object.defineProperty(probe, 'Size', {
    enumerable: true,
    get() {
      read = true;
      return '';
    },
  });
  checkListTemplate(format, probe);
  return read;
}

/** `berth ps` / `berth container ls`: the containers, as docker lists them. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [ALL_CONTAINERS_FLAG, FILTER_FLAG, FORMAT, LAST, LATEST, NO_TRUNC, QUIET, SIZE],
  args: { kind: 'none' },
  async run(context) {
    const quiet = context.bool(QUIET);
    const source = context.string(FORMAT) ?? '';
    if (source !== '' && quiet) {
      context.io.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    }
    let size = context.bool(SIZE);
    // docker checks a given template before it asks the engine, and asks for sizes when the template shows them
    if (source !== '' && readsSize(source) && !quiet && !context.given(SIZE)) size = true;
    let limit = context.int(LAST) ?? -1;
    if (context.bool(LATEST) && limit === -1) limit = 1;
    const filters = filterValues(context, FILTER_FLAG);
    const containers = await context.engine().listContainers({
      all: context.bool(ALL_CONTAINERS_FLAG),
      ...(limit === -1 ? {} : { limit }),
      size,
      ...(Object.keys(filters).length === 0 ? {} : { filters }),
    });
    const table = size ? `${CONTAINER_TABLE}\t{{.Size}}` : CONTAINER_TABLE;
    const format = chooseListFormat(source, { table, raw: containerRawFormat(size, quiet) }, quiet);
    const truncate = !context.bool(NO_TRUNC);
    const now = Date.now();
    const rows = containers.map((summary) => containerRow(summary, truncate, now));
    context.io.stdout.write(renderList(format, rows, CONTAINER_HEADERS));
    return 0;
  },
};
