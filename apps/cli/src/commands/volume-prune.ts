import { compareApiVersions } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { volumeFilters } from '../filters';
import { deletedList, reclaimedLine, reportSection } from '../output/prune-report';
import { PRUNE_FORCE_FLAG, prune } from '../prune';

const ALL: CliFlag = {
  long: 'all',
  short: 'a',
  kind: 'bool',
  description: 'Remove all unused volumes, not just anonymous ones',
  // docker hides what the engine's API version lacks (1.42)
  hidden: true,
};
const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  description: 'Provide filter values (e.g. "label=<label>")',
  type: 'filter',
};

// Engines before API 1.42 prune named volumes too; later ones only anonymous ones unless asked for all.
const ALL_WARNING = 'WARNING! This will remove all local volumes not used by at least one container.';
const ANONYMOUS_WARNING = 'WARNING! This will remove anonymous local volumes not used by at least one container.';

interface VolumePruneReport {
  VolumesDeleted?: string[] | null;
  SpaceReclaimed?: number;
}

/**
 * `berth volume prune` (ch.4.6): after docker's `[y/N]` prompt unless `-f`, removes the volumes no container uses
 * (those the filters select), lists them and prints the space reclaimed.
 */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [ALL, FILTER, PRUNE_FORCE_FLAG, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const filters = volumeFilters(context.list(FILTER), 'prune', '--filter');
    const engine = context.engine();
    const newApi = compareApiVersions(await engine.apiVersion(), '1.42') >= 0;
    const all = context.bool(ALL);
    if (all && !newApi) {
      throw new CliError(
        'requires-newer-api',
        '--all',
        `"--all" requires API version 1.42, but the Docker daemon API version is ${await engine.apiVersion()}`,
      );
    }
    if (all) {
      if (filters.all) {
        throw new CliError(
          'conflicting-options',
          '--all',
          'conflicting options: cannot specify both --all and --filter all=1',
        );
      }
      filters.all = ['true'];
    }
    const warning = all || !newApi ? ALL_WARNING : ANONYMOUS_WARNING;
    return prune<VolumePruneReport>(context, warning, { path: '/volumes/prune', filters }, (report) => {
      const deleted = deletedList('Deleted Volumes', report.VolumesDeleted);
      return reportSection(deleted) + reclaimedLine(deleted === '' ? 0 : (report.SpaceReclaimed ?? 0));
    });
  },
};
