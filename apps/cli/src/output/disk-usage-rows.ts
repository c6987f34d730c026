import type { ImageSummary } from '@berth/engine';
import { parseNormalizedReference } from '@berth/image-ref';
import { goStruct } from '@berth/template';
import type { ContainerSummary, Volume } from '@berth/types';
import { shortId } from './ids';
import { timeAgo } from './relative-time';
import { humanSize } from './sizes';

// What `docker system df` shows (docker's formatter/disk_usage.go): one summary row per kind of object, and with
// -v the images, containers, volumes and build cache one by one.

/** `GET /system/df`, the fields `system df` reads. */
export interface DiskUsage {
  LayersSize?: number;
  Images?: (ImageSummary & { SharedSize?: number })[] | null;
  Containers?: ContainerSummary[] | null;
  Volumes?: Volume[] | null;
  BuildCache?: BuildCacheRecord[] | null;
}

export interface BuildCacheRecord {
  ID: string;
  Type: string;
  Size: number;
  CreatedAt: string;
  LastUsedAt?: string | null;
  UsageCount: number;
  InUse: boolean;
  Shared: boolean;
}

export const DISK_USAGE_HEADERS: Readonly<Record<string, string>> = {
  Type: 'TYPE',
  TotalCount: 'TOTAL',
  Active: 'ACTIVE',
  Size: 'SIZE',
  Reclaimable: 'RECLAIMABLE',
};
export const DISK_USAGE_TABLE = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
export const DISK_USAGE_RAW =
  'type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n';

/** One kind of object's line, in its JSON's (sorted) key order. */
export interface DiskUsageRow {
  readonly Active: string;
  readonly Reclaimable: string;
  readonly Size: string;
  readonly TotalCount: string;
  readonly Type: string;
}

/** The reclaimable bytes, with their share of `total` in whole percent when there is anything at all. */
function reclaimable(bytes: number, total: number): string {
  return total > 0 ? `${humanSize(bytes, 4)} (${Math.trunc((bytes * 100) / total)}%)` : humanSize(bytes, 4);
}

/** docker's struct for each kind's line, which a field it lacks names: `*formatter.diskUsageImagesContext`. */
const CONTEXT_TYPES: Readonly<Record<string, string>> = {
  Images: '*formatter.diskUsageImagesContext',
  Containers: '*formatter.diskUsageContainersContext',
  'Local Volumes': '*formatter.diskUsageVolumesContext',
  'Build Cache': '*formatter.diskUsageBuilderContext',
};

function row(type: string, count: number, active: number, size: number, free: string): DiskUsageRow {
  return goStruct(CONTEXT_TYPES[type] as string, {
    Active: String(active),
    Reclaimable: free,
    Size: humanSize(size, 4),
    TotalCount: String(count),
    Type: type,
  });
}

const ACTIVE_STATES = new Set(['running', 'paused', 'restarting']);

/** The four summary lines: images, containers, local volumes and build cache. */
export function diskUsageRows(usage: DiskUsage): DiskUsageRow[] {
  const images = usage.Images ?? [];
  const layers = usage.LayersSize ?? 0;
  // what images in use hold on their own cannot be reclaimed; what they share with others is counted elsewhere
  const used = images
    .filter((image) => image.Containers !== 0 && image.Size !== -1 && (image.SharedSize ?? 0) !== -1)
    .reduce((sum, image) => sum + image.Size - (image.SharedSize ?? 0), 0);
  const containers = usage.Containers ?? [];
  const containerSize = containers.reduce((sum, container) => sum + (container.SizeRw ?? 0), 0);
  const stoppedSize = containers
    .filter((container) => !ACTIVE_STATES.has(container.State))
    .reduce((sum, container) => sum + (container.SizeRw ?? 0), 0);
  const volumes = (usage.Volumes ?? []).filter((volume) => volume.UsageData);
  const sized = volumes.filter((volume) => volume.UsageData?.Size !== -1);
  const volumeSize = sized.reduce((sum, volume) => sum + (volume.UsageData?.Size ?? 0), 0);
  const unusedSize = sized
    .filter((volume) => volume.UsageData?.RefCount === 0)
    .reduce((sum, volume) => sum + (volume.UsageData?.Size ?? 0), 0);
  const cache = usage.BuildCache ?? [];
  const cacheSize = cache.filter((record) => !record.Shared).reduce((sum, record) => sum + record.Size, 0);
  const inUse = cache.filter((record) => record.InUse && !record.Shared).reduce((sum, record) => sum + record.Size, 0);
  return [
    row(
      'Images',
      images.length,
      images.filter((image) => image.Containers > 0).length,
      layers,
      reclaimable(layers - used, layers),
    ),
    row(
      'Containers',
      containers.length,
      containers.filter((container) => ACTIVE_STATES.has(container.State)).length,
      containerSize,
      reclaimable(stoppedSize, containerSize),
    ),
    row(
      'Local Volumes',
      (usage.Volumes ?? []).length,
      volumes.filter((volume) => (volume.UsageData?.RefCount ?? 0) > 0).length,
      volumeSize,
      reclaimable(unusedSize, volumeSize),
    ),
    row(
      'Build Cache',
      cache.length,
      cache.filter((record) => record.InUse).length,
      cacheSize,
      humanSize(cacheSize - inUse, 4),
    ),
  ];
}

export const IMAGE_USAGE_HEADERS: Readonly<Record<string, string>> = {
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  ID: 'IMAGE ID',
  CreatedSince: 'CREATED',
  Size: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
  Containers: 'CONTAINERS',
};
export const IMAGE_USAGE_TABLE =
  'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';

function isDangling(image: ImageSummary): boolean {
  return (
    image.RepoTags?.length === 1 &&
    image.RepoTags[0] === '<none>:<none>' &&
    image.RepoDigests?.length === 1 &&
    image.RepoDigests[0] === '<none>@<none>'
  );
}

/** An image as `system df -v` lists it: its first tag only, sizes with what it shares apart. */
export function imageUsageRow(image: ImageSummary & { SharedSize?: number }, truncate: boolean, now: number) {
  let repository = '<none>';
  let tag = '<none>';
  const first = image.RepoTags?.[0];
  if (first !== undefined && !isDangling(image)) {
    const reference = parseNormalizedReference(first);
    if (reference.tag !== undefined) {
      repository = reference.familiarName();
      tag = reference.tag;
    }
  }
  const shared = image.SharedSize ?? -1;
  return goStruct('*formatter.imageContext', {
    Containers: image.Containers === -1 ? 'N/A' : String(image.Containers),
    CreatedSince: timeAgo(image.Created, now),
    ID: truncate ? shortId(image.Id) : image.Id,
    Repository: repository,
    SharedSize: shared === -1 ? 'N/A' : humanSize(shared, 4),
    Size: humanSize(image.Size),
    Tag: tag,
    UniqueSize: image.Size === -1 || shared === -1 ? 'N/A' : humanSize(image.Size - shared, 4),
  });
}

export const CONTAINER_USAGE_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
export const VOLUME_USAGE_TABLE = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';

export const BUILD_CACHE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'CACHE ID',
  CacheType: 'CACHE TYPE',
  Size: 'SIZE',
  CreatedSince: 'CREATED',
  LastUsedSince: 'LAST USED',
  UsageCount: 'USAGE',
  Shared: 'SHARED',
};
export const BUILD_CACHE_TABLE =
  'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';

/** A build cache record as `system df -v` lists it; `*` marks one in use. */
export function buildCacheRow(record: BuildCacheRecord, truncate: boolean, now: number) {
  const since = (time: string) => timeAgo(Date.parse(time) / 1000, now);
  return goStruct('*formatter.buildCacheContext', {
    CacheType: record.Type,
    CreatedSince: since(record.CreatedAt),
    ID: `${truncate ? shortId(record.ID) : record.ID}${record.InUse ? '*' : ''}`,
    LastUsedSince: record.LastUsedAt ? since(record.LastUsedAt) : '',
    Shared: String(record.Shared),
    Size: humanSize(record.Size),
    UsageCount: String(record.UsageCount),
  });
}
