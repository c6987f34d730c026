import { formatRows } from '@berth/template';
import type { CliFlag, CommandModule } from '../command';
import { CliError } from '../errors';
import { CONTAINER_HEADERS, containerRow } from '../output/container-row';
import {
  BUILD_CACHE_HEADERS,
  BUILD_CACHE_TABLE,
  buildCacheRow,
  CONTAINER_USAGE_TABLE,
  DISK_USAGE_HEADERS,
  DISK_USAGE_RAW,
  DISK_USAGE_TABLE,
  type DiskUsage,
  diskUsageRows,
  IMAGE_USAGE_HEADERS,
  IMAGE_USAGE_TABLE,
  imageUsageRow,
  VOLUME_USAGE_TABLE,
} from '../output/disk-usage-rows';
import { FORMAT_HELP, renderList } from '../output/list-format';
import { humanSize } from '../output/sizes';
import { VOLUME_HEADERS, volumeRow } from '../output/volume-row';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: FORMAT_HELP };
const VERBOSE: CliFlag = {
  long: 'verbose',
  short: 'v',
  kind: 'bool',
  description: 'Show detailed information on space usage',
};

function template(format: string, rows: readonly unknown[], headers: Readonly<Record<string, string>>): string {
  try {
    return formatRows(format, rows, { headers });
  } catch (error) {
    throw new CliError('template-exec', format, `template parsing error: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** `-v`'s four tables, each under its title, as docker writes them. */
function verboseTables(usage: DiskUsage, now: number): string {
  const images = (usage.Images ?? []).map((image) => imageUsageRow(image, true, now));
  const containers = (usage.Containers ?? []).map((container) =>
    containerRow({ ...container, SizeRootFs: 0 }, true, now),
  );
  const volumes = (usage.Volumes ?? []).map(volumeRow);
  const cache = usage.BuildCache ?? [];
  const cacheSize = cache.filter((record) => !record.Shared).reduce((sum, record) => sum + record.Size, 0);
  return [
    'Images space usage:\n\n',
    template(IMAGE_USAGE_TABLE, images, IMAGE_USAGE_HEADERS),
    '\nContainers space usage:\n\n',
    template(CONTAINER_USAGE_TABLE, containers, CONTAINER_HEADERS),
    '\nLocal Volumes space usage:\n\n',
    template(VOLUME_USAGE_TABLE, volumes, VOLUME_HEADERS),
    `\nBuild cache usage: ${humanSize(cacheSize, 4)}\n\n`,
    template(
      BUILD_CACHE_TABLE,
      cache.map((record) => buildCacheRow(record, true, now)),
      BUILD_CACHE_HEADERS,
    ),
  ].join('');
}

/** `berth system df` (ch.4.6, ch.2.6): what images, containers, volumes and build cache hold, and what could go. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FORMAT, VERBOSE],
  args: { kind: 'none' },
  async run(context) {
    const usage = await context.engine().request<DiskUsage>({ method: 'GET', path: '/system/df' });
    const source = context.string(FORMAT) ?? '';
    const now = Date.now();
    if (context.bool(VERBOSE)) {
      if (source === '' || source === 'table') {
        context.io.stdout.write(verboseTables(usage, now));
        return 0;
      }
      // a template of one's own sees the four lists, each object as its own table would show it
      const truncate = source.startsWith('table');
      const lists = {
        Images: (usage.Images ?? []).map((image) => imageUsageRow(image, truncate, now)),
        Containers: (usage.Containers ?? []).map((container) =>
          containerRow({ ...container, SizeRootFs: 0 }, truncate, now),
        ),
        Volumes: (usage.Volumes ?? []).map(volumeRow),
        BuildCache: (usage.BuildCache ?? []).map((record) => buildCacheRow(record, truncate, now)),
      };
      context.io.stdout.write(template(source.replace(/^table/, ''), [lists], {}).replace(/\n$/, ''));
      return 0;
    }
    const format = source === '' || source === 'table' ? DISK_USAGE_TABLE : source === 'raw' ? DISK_USAGE_RAW : source;
    context.io.stdout.write(renderList(format, diskUsageRows(usage), DISK_USAGE_HEADERS));
    return 0;
  },
};
