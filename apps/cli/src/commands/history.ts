import type { CliFlag, CommandModule } from '../command';
import { HISTORY_HEADERS, type HistoryItem, historyRows } from '../output/history-rows';
import { FORMAT_HELP, renderList } from '../output/list-format';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const HUMAN: CliFlag = {
  long: 'human',
  short: 'H',
  kind: 'bool',
  description: 'Print sizes and dates in human readable format',
  default: 'true',
};
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: "Don't truncate output" };
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Only show image IDs' };

const HUMAN_TABLE = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const EXACT_TABLE = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';

/** `berth history`: the layers of an image, newest first, with the command that made each. */
export const command: CommandModule = {
  usage: '[OPTIONS] IMAGE',
  flags: [FORMAT, HUMAN, NO_TRUNC, QUIET],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const name = context.args[0] ?? '';
    // -H is on unless given false: `-H=false`
    const human = !context.given(HUMAN) || context.bool(HUMAN);
    const source = context.string(FORMAT) ?? '';
    const table = source === '' || source === 'table';
    const format = table ? (context.bool(QUIET) ? '{{.ID}}' : human ? HUMAN_TABLE : EXACT_TABLE) : source;
    const items = await context.engine().request<HistoryItem[]>({
      method: 'GET',
      path: `/images/${encodeURIComponent(name)}/history`,
      subject: name,
    });
    const rows = historyRows(items, { human, truncate: !context.bool(NO_TRUNC) });
    context.io.stdout.write(renderList(format, rows, HISTORY_HEADERS));
    return 0;
  },
};
