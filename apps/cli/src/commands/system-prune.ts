import type { Engine } from '@berth/engine';
import { compareNatural } from '@berth/network';
import type { Filters } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { networkFilters } from '../filters';
import { deletedList, reclaimedLine, reportSection } from '../output/prune-report';
import { PRUNE_FORCE_FLAG, pruneConfirmed } from '../prune';

const ALL: CliFlag = {
  long: 'all',
  short: 'a',
  kind: 'bool',
  description: 'Remove all unused images not just dangling ones',
};
const FILTER: CliFlag = {
  long: 'filter',
  kind: 'value',
  description: 'Provide filter values (e.g. "label=<key>=<value>")',
  type: 'filter',
};
const VOLUMES: CliFlag = { long: 'volumes', kind: 'bool', description: 'Prune anonymous volumes' };

interface Pruned {
  /** What docker prints of it: `Deleted Containers:` and the ids, or nothing. */
  output: string;
  reclaimed: number;
}

/** One kind of object `system prune` removes, in docker's order, with the line its warning gives it. */
interface Pruner {
  warning(all: boolean): string;
  prune(engine: Engine, filters: Filters, all: boolean): Promise<Pruned>;
  onlyWithVolumes?: boolean;
}

async function post<T>(engine: Engine, path: string, query: Record<string, unknown>): Promise<T> {
  return engine.request<T>({ method: 'POST', path, query: query as Record<string, string> });
}

const PRUNERS: readonly Pruner[] = [
  {
    warning: () => 'all stopped containers',
    async prune(engine, filters) {
      const report = await post<{ ContainersDeleted?: string[] | null; SpaceReclaimed?: number }>(
        engine,
        '/containers/prune',
        { filters },
      );
      return {
        output: deletedList('Deleted Containers', report.ContainersDeleted),
        reclaimed: report.SpaceReclaimed ?? 0,
      };
    },
  },
  {
    warning: () => 'all networks not used by at least one container',
    async prune(engine, filters) {
      const report = await post<{ NetworksDeleted?: string[] | null }>(engine, '/networks/prune', { filters });
      return { output: deletedList('Deleted Networks', report.NetworksDeleted), reclaimed: 0 };
    },
  },
  {
    warning: () => 'all anonymous volumes not used by at least one container',
    onlyWithVolumes: true,
    async prune(engine, filters) {
      const report = await post<{ VolumesDeleted?: string[] | null; SpaceReclaimed?: number }>(
        engine,
        '/volumes/prune',
        { filters },
      );
      const output = deletedList('Deleted Volumes', report.VolumesDeleted);
      return { output, reclaimed: output === '' ? 0 : (report.SpaceReclaimed ?? 0) };
    },
  },
  {
    warning: (all) => (all ? 'all images without at least one container associated to them' : 'all dangling images'),
    async prune(engine, filters, all) {
      const report = await post<{
        ImagesDeleted?: { Untagged?: string; Deleted?: string }[] | null;
        SpaceReclaimed?: number;
      }>(engine, '/images/prune', { filters: { ...filters, dangling: [String(!all)] } });
      const lines = (report.ImagesDeleted ?? []).map((item) =>
        item.Untagged ? `untagged: ${item.Untagged}` : `deleted: ${item.Deleted ?? ''}`,
      );
      return { output: deletedList('Deleted Images', lines), reclaimed: report.SpaceReclaimed ?? 0 };
    },
  },
  {
    warning: (all) => (all ? 'all build cache' : 'unused build cache'),
    async prune(engine, filters, all) {
      const report = await post<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number }>(engine, '/build/prune', {
        filters,
        ...(all ? { all: '1' } : {}),
      });
      return {
        output: deletedList('Deleted build cache objects', report.CachesDeleted),
        reclaimed: report.SpaceReclaimed ?? 0,
      };
    },
  },
];

/** docker's warning: a line per kind of object, then the filters, naturally sorted, when there are any. */
function warning(pruners: readonly Pruner[], all: boolean, filters: Filters): string {
  const warnings = pruners.map((pruner) => `\n  - ${pruner.warning(all)}`).join('');
  const named = ['label', 'label!', 'until']
    .flatMap((name) => (filters[name] ?? []).map((value) => `${name}=${value}`))
    .sort(compareNatural);
  const filtered =
    named.length === 0
      ? ''
      : `\n  Items to be pruned will be filtered with:${named.map((line) => `\n  - ${line}`).join('')}\n`;
  return `WARNING! This will remove:${warnings}\n${filtered}`;
}

/**
 * `berth system prune` (ch.2.6, ch.4.6): stopped containers, unused networks, dangling images (all unused ones with
 * `-a`), build cache and, with `--volumes`, unused volumes, after docker's prompt unless `-f`; each kind's list,
 * then the total space reclaimed.
 */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [ALL, FILTER, PRUNE_FORCE_FLAG, VOLUMES, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    // the engine accepts the same filters for all five (label, label!, until): network prune's
    const filters = networkFilters(context.list(FILTER), 'prune', '--filter');
    const all = context.bool(ALL);
    const volumes = context.bool(VOLUMES);
    if (volumes && filters.until) {
      throw new CliError('until-with-volumes', 'until', 'ERROR: The "until" filter is not supported with "--volumes"');
    }
    const pruners = PRUNERS.filter((pruner) => volumes || !pruner.onlyWithVolumes);
    if (!(await pruneConfirmed(context, warning(pruners, all, filters)))) return 0;
    const engine = context.engine();
    let reclaimed = 0;
    for (const pruner of pruners) {
      const pruned = await pruner.prune(engine, filters, all);
      reclaimed += pruned.reclaimed;
      context.io.stdout.write(reportSection(pruned.output));
    }
    context.io.stdout.write(reclaimedLine(reclaimed));
    return 0;
  },
};
