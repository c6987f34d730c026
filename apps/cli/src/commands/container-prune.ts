import { FilterSyntaxError, type Filters, parseFilters } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { UsageError } from '../errors';
import { confirm } from '../output/confirmation';
import { deletedList, reclaimedLine, reportSection } from '../output/prune-report';

const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  type: 'filter',
  description: 'Provide filter values (e.g. "until=<timestamp>")',
};
const FORCE: CliFlag = { long: 'force', short: 'f', kind: 'bool', description: 'Do not prompt for confirmation' };

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

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
  flags: [FILTER, FORCE, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const filters = pruneFilters(context.list(FILTER));
    if (!context.bool(FORCE) && !(await confirm(context.io, WARNING))) return 0;
    const report = await context.engine().request<ContainerPruneReport>({
      method: 'POST',
      path: '/containers/prune',
      query: { filters },
    });
    const deleted = deletedList('Deleted Containers', report.ContainersDeleted);
    context.io.stdout.write(reportSection(deleted));
    context.io.stdout.write(reclaimedLine(deleted === '' ? 0 : (report.SpaceReclaimed ?? 0)));
    return 0;
  },
};
