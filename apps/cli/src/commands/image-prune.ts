import type { ImageDeleteItem } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { filterValues } from '../filter-flag';
import { deletedList, reclaimedLine, reportSection } from '../output/prune-report';
import { PRUNE_FORCE_FLAG, prune } from '../prune';

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
  flags: [ALL, FILTER, PRUNE_FORCE_FLAG, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const all = context.bool(ALL);
    const filters = { ...filterValues(context, FILTER), dangling: [String(!all)] };
    const warning = all ? ALL_WARNING : DANGLING_WARNING;
    return prune<ImagePruneReport>(context, warning, { path: '/images/prune', filters }, (report) => {
      const lines = (report.ImagesDeleted ?? []).flatMap((item) => [
        ...(item.Untagged ? [`untagged: ${item.Untagged}`] : []),
        ...(item.Deleted ? [`deleted: ${item.Deleted}`] : []),
      ]);
      return reportSection(deletedList('Deleted Images', lines)) + reclaimedLine(report.SpaceReclaimed ?? 0);
    });
  },
};
