import { parseNormalizedReference } from '@berth/image-ref';
import { goStruct } from '@berth/template';
import type { ContainerSummary } from '@berth/types';
import { ellipsis, shortId } from './ids';
import { displayablePorts } from './ports';
import { goTimeString, timeAgo } from './relative-time';
import { humanSize } from './sizes';

/** The column names of `docker ps`'s fields, for a table's header row (docker's ContainerContext header). */
export const CONTAINER_HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
};

/** `docker ps`'s default table; `-s` adds the SIZE column. */
export const CONTAINER_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

/** `docker ps --format raw`: one block of `key: value` lines per container. */
export function containerRawFormat(size: boolean, quiet: boolean): string {
  if (quiet) return 'container_id: {{.ID}}';
  const fields = [
    'container_id: {{.ID}}',
    'image: {{.Image}}',
    'command: {{.Command}}',
    'created_at: {{.CreatedAt}}',
    'state: {{- pad .State 1 0}}',
    'status: {{- pad .Status 1 0}}',
    'names: {{.Names}}',
    'labels: {{- pad .Labels 1 0}}',
    'ports: {{- pad .Ports 1 0}}',
    ...(size ? ['size: {{.Size}}'] : []),
  ];
  return `${fields.join('\n')}\n`;
}

/** What a `ps` template sees of a container: docker's ContainerContext fields, in its JSON's (sorted) key order. */
export interface ContainerRow {
  readonly Command: string;
  readonly CreatedAt: string;
  readonly ID: string;
  readonly Image: string;
  readonly Labels: string;
  readonly LocalVolumes: string;
  readonly Mounts: string;
  readonly Names: string;
  readonly Networks: string;
  readonly Platform: null;
  readonly Ports: string;
  readonly RunningFor: string;
  readonly Size: string;
  readonly State: string;
  readonly Status: string;
  /** `{{.Label "name"}}`: one label's value, left out of `{{json .}}` as Go leaves out methods with arguments. */
  readonly Label: (name: string) => string;
}

function names(all: readonly string[], truncate: boolean): string {
  const bare = all.map((name) => name.replace(/^\//, ''));
  // a truncated listing shows one name, the first that is not a legacy link (`/other/alias`)
  if (truncate) return bare.find((name) => !name.includes('/')) ?? '';
  return bare.join(',');
}

function image(summary: ContainerSummary, truncate: boolean): string {
  if (summary.Image === '') return '<no image>';
  if (!truncate) return summary.Image;
  if (shortId(summary.ImageID) === shortId(summary.Image)) return shortId(summary.Image);
  try {
    const reference = parseNormalizedReference(summary.Image);
    // the digest goes, the tag stays
    return reference.tag === undefined ? reference.familiarName() : `${reference.familiarName()}:${reference.tag}`;
  } catch {
    return summary.Image;
  }
}

function size(summary: ContainerSummary): string {
  const writable = humanSize(summary.SizeRw ?? 0);
  const root = summary.SizeRootFs ?? 0;
  return root > 0 ? `${writable} (virtual ${humanSize(root)})` : writable;
}

/**
 * One container of `GET /containers/json` as `docker ps` shows it: 12-digit id, one name, the image's familiar name,
 * the command quoted and cut to 20 columns unless `truncate` is false; `now` for the CREATED column.
 */
export function containerRow(summary: ContainerSummary, truncate: boolean, now: number = Date.now()): ContainerRow {
  const labels = summary.Labels ?? {};
  const mounts = summary.Mounts ?? [];
  // docker's row is a struct: a field it lacks fails the template (`can't evaluate field Foo in type …`)
  return goStruct('*formatter.ContainerContext', {
    Command: JSON.stringify(truncate ? ellipsis(summary.Command, 20) : summary.Command),
    CreatedAt: goTimeString(summary.Created),
    ID: truncate ? shortId(summary.Id) : summary.Id,
    Image: image(summary, truncate),
    Labels: Object.entries(labels)
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join(','),
    LocalVolumes: String(mounts.filter((mount) => mount.Driver === 'local').length),
    Mounts: mounts
      .map((mount) => {
        const name = mount.Name === undefined || mount.Name === '' ? mount.Source : mount.Name;
        return truncate ? ellipsis(name, 15) : name;
      })
      .join(','),
    Names: names(summary.Names ?? [], truncate),
    Networks: Object.keys(summary.NetworkSettings?.Networks ?? {}).join(','),
    Platform: null,
    Ports: displayablePorts(summary.Ports ?? []),
    RunningFor: timeAgo(summary.Created, now),
    Size: size(summary),
    State: summary.State,
    Status: summary.Status,
    Label: (name: string) => labels[name] ?? '',
  });
}

/** What docker checks a `ps` template against: the row of a container the engine knows nothing about. */
export const EMPTY_CONTAINER: ContainerSummary = {
  Id: '',
  Names: [],
  Image: '',
  ImageID: '',
  Command: '',
  Created: 0,
  Ports: [],
  Labels: {},
  State: 'created',
  Status: '',
  HostConfig: { NetworkMode: '' },
  NetworkSettings: { Networks: {} },
  Mounts: [],
};
