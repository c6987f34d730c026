import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { networkFilters } from '../filters';
import { confirm } from '../output/confirmation';
import { deletedList, reportSection } from '../output/prune-report';

const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  description: 'Provide filter values (e.g. "until=<timestamp>")',
  type: 'filter',
};
const FORCE: CliFlag = { long: 'force', short: 'f', kind: 'bool', description: 'Do not prompt for confirmation' };

/** `berth network prune`: after docker's `[y/N]` prompt unless `-f`, removes the user networks no container uses. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER, FORCE, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const filters = networkFilters(context.list(FILTER), 'prune', '--filter');
    if (!context.bool(FORCE)) {
      const warning = 'WARNING! This will remove all custom networks not used by at least one container.';
      if (!(await confirm(context.io, `${warning}\nAre you sure you want to continue?`))) return 0;
    }
    const report = await context
      .engine()
      .request<{ NetworksDeleted?: string[] | null }>({ method: 'POST', path: '/networks/prune', query: { filters } });
    context.io.stdout.write(reportSection(deletedList('Deleted Networks', report.NetworksDeleted)));
    return 0;
  },
};
