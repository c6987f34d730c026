import type { CliFlag, CommandModule } from '../command';
import { filterValues } from '../filter-flag';
import { IMAGE_HEADERS, imageRows } from '../output/image-rows';
import { FORMAT_HELP, renderList } from '../output/list-format';

const ALL: CliFlag = {
  long: 'all',
  short: 'a',
  kind: 'bool',
  description: 'Show all images (default hides intermediate images)',
};
const DIGESTS: CliFlag = { long: 'digests', kind: 'bool', description: 'Show digests' };
const FILTER: CliFlag = {
  long: 'filter',
  short: 'f',
  kind: 'value',
  type: 'filter',
  description: 'Filter output based on conditions provided',
};
const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: "Don't truncate output" };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only show image IDs' };

const TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const TABLE_WITH_DIGESTS = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';

/** docker's `NewImageFormat`: `-q` counts only for the default table; a table of the user's gains the digests. */
function imageFormat(source: string, quiet: boolean, digests: boolean): string {
  if (source === '' || source === 'table') {
    if (quiet) return '{{.ID}}';
    return digests ? TABLE_WITH_DIGESTS : TABLE;
  }
  if (source.startsWith('table') && digests && !source.includes('{{.Digest}}')) return `${source}\t{{.Digest}}`;
  return source;
}

/** `berth images` / `berth image ls`: the engine's images, one line per repository and tag, newest first. */
export const command: CommandModule = {
  usage: '[OPTIONS] [REPOSITORY[:TAG]]',
  flags: [ALL, DIGESTS, FILTER, FORMAT, NO_TRUNC, QUIET],
  args: { kind: 'max', count: 1 },
  async run(context) {
    const filters = filterValues(context, FILTER);
    const match = context.args[0];
    if (match !== undefined) filters.reference = [...(filters.reference ?? []), match];
    const digests = context.bool(DIGESTS);
    const format = imageFormat(context.string(FORMAT) ?? '', context.bool(QUIET), digests);
    const images = await context.engine().listImages({ all: context.bool(ALL), filters });
    const rows = imageRows(images, { truncate: !context.bool(NO_TRUNC), digests });
    context.io.stdout.write(renderList(format, rows, IMAGE_HEADERS));
    return 0;
  },
};
