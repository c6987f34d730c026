import { FilterSyntaxError, type Filters, parseFilters } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { UsageError } from '../errors';
import { deletedList, reclaimedLine, reportSection } from '../output/prune-report';
import { PRUNE_FORCE_FLAG, prune } from '../prune';

const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  type: 'filter',
  description: 'Provide filter values (e.g. "until=<timestamp>")',
};

const WARNING = 'WARNING! This will remove all stopped containers.';

interface ContainerPruneReport {
  ContainersDeleted?: string[] | null;
  SpaceReclaimed?: number;
}

/** docker's filter flag refuses a value without `=` itself, as a bad flag value. */
function pruneFilters(values: readonly string[]): Filters {
  try {
    return parseFilters(values);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    throw new UsageError(
      error.code,
      error.input,
      `invalid argument "${error.input}" for "--filter" flag: ${error.message}`,
      125,
    );
  }
}

/**
 * `berth container prune`: after docker's `[y/N]` prompt unless `-f` (an answer other than `y` ends the command
 * quietly), removes the stopped containers the filters select, lists their ids and the space reclaimed.
 */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER, PRUNE_FORCE_FLAG, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const filters = pruneFilters(context.list(FILTER));
    return prune<ContainerPruneReport>(context, WARNING, { path: '/containers/prune', filters }, (report) => {
      const deleted = deletedList('Deleted Containers', report.ContainersDeleted);
      return reportSection(deleted) + reclaimedLine(deleted === '' ? 0 : (report.SpaceReclaimed ?? 0));
    });
  },
};
