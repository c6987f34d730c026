import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { networkFilters } from '../filters';
import { deletedList, reportSection } from '../output/prune-report';
import { PRUNE_FORCE_FLAG, prune } from '../prune';

const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  description: 'Provide filter values (e.g. "until=<timestamp>")',
  type: 'filter',
};

/** `berth network prune`: after docker's `[y/N]` prompt unless `-f`, removes the user networks no container uses. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER, PRUNE_FORCE_FLAG, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const filters = networkFilters(context.list(FILTER), 'prune', '--filter');
    const warning = 'WARNING! This will remove all custom networks not used by at least one container.';
    return prune<{ NetworksDeleted?: string[] | null }>(
      context,
      warning,
      { path: '/networks/prune', filters },
      (report) => reportSection(deletedList('Deleted Networks', report.NetworksDeleted)),
    );
  },
};
