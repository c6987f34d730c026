import type { ImageDeleteItem } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { filterValues } from '../filter-flag';
import { confirm } from '../output/confirmation';
import { deletedList, reclaimedLine, reportSection } from '../output/prune-report';

const ALL: CliFlag = {
  long: 'all',
  short: 'a',
  kind: 'bool',
  description: 'Remove all unused images, not just dangling ones',
};
const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  type: 'filter',
  description: 'Provide filter values (e.g. "until=<timestamp>")',
};
const FORCE: CliFlag = { long: 'force', short: 'f', kind: 'bool', description: 'Do not prompt for confirmation' };

const ALL_WARNING = 'WARNING! This will remove all images without at least one container associated to them.';
const DANGLING_WARNING = 'WARNING! This will remove all dangling images.';

interface ImagePruneReport {
  ImagesDeleted?: ImageDeleteItem[] | null;
  SpaceReclaimed?: number;
}

/**
 * `berth image prune`: after docker's `[y/N]` prompt unless `-f`, removes the dangling images (with `-a`, every image
 * no container uses) that the filters select; docker's `untagged:` / `deleted:` list and the space reclaimed.
 */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [ALL, FILTER, FORCE, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const all = context.bool(ALL);
    const filters = { ...filterValues(context, FILTER), dangling: [String(!all)] };
    if (!context.bool(FORCE)) {
      const warning = all ? ALL_WARNING : DANGLING_WARNING;
      if (!(await confirm(context.io, `${warning}\nAre you sure you want to continue?`))) return 0;
    }
    const report = await context.engine().request<ImagePruneReport>({
      method: 'POST',
      path: '/images/prune',
      query: { filters },
    });
    const lines = (report.ImagesDeleted ?? []).flatMap((item) => [
      ...(item.Untagged ? [`untagged: ${item.Untagged}`] : []),
      ...(item.Deleted ? [`deleted: ${item.Deleted}`] : []),
    ]);
    const deleted = deletedList('Deleted Images', lines);
    context.io.stdout.write(reportSection(deleted) + reclaimedLine(report.SpaceReclaimed ?? 0));
    return 0;
  },
};
