// A container's mounts as the book reads them from `docker inspect --format "{{json .Mounts}}"` (ch. 4.5.1):
// type, source, destination, mode and whether the container may write.
import type { MountPoint, MountType } from '@berth/types';

export interface MountDescription {
  type: MountType;
  /** The volume's name for a volume, the host path for a bind, `tmpfs` for memory. */
  source: string;
  destination: string;
  /** The mode words as given (`ro`, `z`, `nocopy`…), `''` when none. */
  mode: string;
  rw: boolean;
  /** A volume named by the engine with a 64-hex id rather than by a person. */
  anonymous: boolean;
  /** Where the data lives on the host (a volume's directory under the engine's root); `''` for tmpfs. */
  hostPath: string;
}

const ANONYMOUS_NAME = /^[0-9a-f]{64}$/;

/** Describes inspect's `Mounts`, ordered by destination as `ls` would list them. */
export function describeMounts(mounts: readonly MountPoint[]): MountDescription[] {
  return mounts
    .map((mount) => {
      const name = mount.Name ?? '';
      const isVolume = mount.Type === 'volume';
      return {
        type: mount.Type,
        source: isVolume ? name : mount.Type === 'tmpfs' ? 'tmpfs' : mount.Source,
        destination: mount.Destination,
        mode: mount.Mode,
        rw: mount.RW,
        anonymous: isVolume && ANONYMOUS_NAME.test(name),
        hostPath: mount.Source,
      };
    })
    .sort((a, b) => (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0));
}

/** One line per mount: `volume cass-shared -> /var/lib/cassandra/data rw`, `bind /tmp -> /library/DSL ro (ro,z)`. */
export function formatMountDescription(description: MountDescription): string {
  const source = description.anonymous ? `${description.source.slice(0, 12)} (anonymous)` : description.source;
  const mode = description.mode === '' ? '' : ` (${description.mode})`;
  return `${description.type} ${source} -> ${description.destination} ${description.rw ? 'rw' : 'ro'}${mode}`;
}
