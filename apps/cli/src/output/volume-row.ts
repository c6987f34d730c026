import { goStruct } from '@berth/template';
import type { Volume } from '@berth/types';
import { labelList } from './label-list';
import { humanSize } from './sizes';

/** The column names of `docker volume ls`'s fields (docker's volumeContext headers). */
export const VOLUME_HEADERS: Readonly<Record<string, string>> = {
  Name: 'VOLUME NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Group: 'GROUP',
  Availability: 'AVAILABILITY',
  Status: 'STATUS',
};

export const VOLUME_TABLE = 'table {{.Driver}}\t{{.Name}}';
/** `--format raw`: docker's volume block. */
export const VOLUME_RAW = 'name: {{.Name}}\ndriver: {{.Driver}}\n';

/** What a `volume ls` template sees of a volume, in its JSON's (sorted) key order; cluster fields `N/A` here. */
export interface VolumeRow {
  readonly Availability: string;
  readonly Driver: string;
  readonly Group: string;
  readonly Labels: string;
  readonly Links: string;
  readonly Mountpoint: string;
  readonly Name: string;
  readonly Scope: string;
  readonly Size: string;
  readonly Status: string;
  /** `{{.Label "name"}}`: left out of `{{json .}}` as Go leaves out methods with arguments. */
  readonly Label: (name: string) => string;
}

/** One volume as `docker volume ls` shows it; its usage (links and size) comes only with `system df`'s answer. */
export function volumeRow(volume: Volume): VolumeRow {
  const labels = volume.Labels ?? {};
  const usage = volume.UsageData;
  // docker's row is a struct: a field it lacks fails the template (`can't evaluate field Foo in type …`)
  return goStruct('*formatter.volumeContext', {
    Availability: 'N/A',
    Driver: volume.Driver,
    Group: 'N/A',
    Labels: labelList(labels),
    Links: usage ? String(usage.RefCount) : 'N/A',
    Mountpoint: volume.Mountpoint,
    Name: volume.Name,
    Scope: volume.Scope,
    Size: usage ? humanSize(usage.Size, 4) : 'N/A',
    Status: 'N/A',
    Label: (name: string) => labels[name] ?? '',
  });
}

/** What docker checks a template against before it lists: a volume the engine knows nothing about. */
export const EMPTY_VOLUME: Volume = { Name: '', Driver: '', Mountpoint: '', Labels: {}, Scope: 'local', Options: {} };
