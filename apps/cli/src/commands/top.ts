import { tabwriter } from '@berth/template';
import type { CommandModule } from '../command';

interface ProcessList {
  Titles: string[];
  Processes: string[][] | null;
}

// docker top's columns: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
const TOP_LAYOUT = { minwidth: 20, tabwidth: 1, padding: 3, padchar: ' ' };

/** `berth top`: the container's processes, the words after its name passed to the engine's `ps`. */
export const command: CommandModule = {
  usage: 'CONTAINER [ps OPTIONS]',
  flags: [],
  args: { kind: 'min', count: 1 },
  interspersed: false,
  async run(context) {
    const [container = '', ...psArgs] = context.args;
    const list = await context.engine().request<ProcessList>({
      method: 'GET',
      path: `/containers/${encodeURIComponent(container)}/top`,
      query: psArgs.length === 0 ? {} : { ps_args: psArgs.join(' ') },
      subject: container,
    });
    const rows = [list.Titles, ...(list.Processes ?? [])].map((row) => `${row.join('\t')}\n`);
    context.io.stdout.write(tabwriter(rows.join(''), TOP_LAYOUT));
    return 0;
  },
};
