// Every storage flag of `docker run`/`create` at once → the create request's fragment, with the mistakes the engine
// would accept only to resolve silently (or later) refused now: two mounts on one container path.

import { cleanPath } from '@berth/go-syntax';
import type { ContainerCreateRequest, HostConfig } from '@berth/types';
import { MountError, type MountFlag } from './errors';
import { type MountParseOptions, parseMount } from './mount';
import { parseTmpfsSpec } from './tmpfs';
import { parseVolumeSpec } from './volume-spec';
import { parseVolumesFrom } from './volumes-from';

/** The storage flags of one `docker run`/`create`, each repeatable flag in command-line order. */
export interface StorageFlags {
  mount?: readonly string[];
  volume?: readonly string[];
  tmpfs?: readonly string[];
  volumesFrom?: readonly string[];
  /** `--volume-driver`: the driver of the volumes `-v` creates. */
  volumeDriver?: string;
  /** `--read-only`: the container's root filesystem is read-only (book ch. 2.4.1). */
  readOnly?: boolean;
}

export type StorageHostConfig = Pick<
  HostConfig,
  'Binds' | 'Mounts' | 'Tmpfs' | 'VolumesFrom' | 'VolumeDriver' | 'ReadonlyRootfs'
>;

/** The part of `POST /containers/create` the storage flags decide. */
export interface StorageRequest extends Pick<ContainerCreateRequest, 'Volumes'> {
  HostConfig: StorageHostConfig;
}

interface MountPointUse {
  flag: MountFlag;
  token: string;
}

/** Parses the storage flags together, or throws the first {@link MountError} in flag order. */
export function parseStorage(flags: StorageFlags, options: MountParseOptions = {}): StorageRequest {
  const used = new Map<string, MountPointUse>();
  const claim = (target: string, flag: MountFlag, token: string) => {
    const destination = cleanPath(target);
    const earlier = used.get(destination);
    if (earlier !== undefined) {
      throw new MountError(
        'duplicate-mount-point',
        flag,
        token,
        `Duplicate mount point: ${destination} (already mounted by ${earlier.flag} ${JSON.stringify(earlier.token)})`,
      );
    }
    used.set(destination, { flag, token });
  };

  const volumes: Record<string, Record<string, never>> = {};
  const binds: string[] = [];
  // The docker CLI sends a repeated -v or --tmpfs value once.
  for (const spec of new Set(flags.volume)) {
    const parsed = parseVolumeSpec(spec, {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(flags.volumeDriver === undefined ? {} : { volumeDriver: flags.volumeDriver }),
    });
    claim(parsed.target, '--volume', spec);
    if (parsed.kind === 'anonymous') volumes[parsed.target] = {};
    else binds.push(parsed.bind);
  }
  const tmpfs: Record<string, string> = {};
  for (const spec of new Set(flags.tmpfs)) {
    const parsed = parseTmpfsSpec(spec);
    claim(parsed.target, '--tmpfs', spec);
    tmpfs[parsed.target] = parsed.options;
  }
  const mounts = (flags.mount ?? []).map((value) => {
    const mount = parseMount(value, options);
    claim(mount.Target, '--mount', value);
    return mount;
  });
  // Checked only: the engine takes each value as typed.
  for (const spec of flags.volumesFrom ?? []) parseVolumesFrom(spec);

  const hostConfig: StorageHostConfig = {};
  if (binds.length > 0) hostConfig.Binds = binds;
  if (mounts.length > 0) hostConfig.Mounts = mounts;
  if (Object.keys(tmpfs).length > 0) hostConfig.Tmpfs = tmpfs;
  if (flags.volumesFrom?.length) hostConfig.VolumesFrom = [...flags.volumesFrom];
  if (flags.volumeDriver) hostConfig.VolumeDriver = flags.volumeDriver;
  if (flags.readOnly) hostConfig.ReadonlyRootfs = true;
  return Object.keys(volumes).length > 0 ? { Volumes: volumes, HostConfig: hostConfig } : { HostConfig: hostConfig };
}
