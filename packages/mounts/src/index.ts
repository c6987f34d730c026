export { describeMounts, formatMountDescription, type MountDescription } from './describe';
export { MountError, type MountErrorCode, type MountFlag } from './errors';
export { type MountParseOptions, parseMount } from './mount';
export { parseStorage, type StorageFlags, type StorageHostConfig, type StorageRequest } from './storage';
export { parseTmpfsSpec, type TmpfsSpec } from './tmpfs';
export { parseVolumeCreate, type VolumeCreateFlags } from './volume-create';
export { parseVolumeFilters, type VolumeFilterCommand } from './volume-filters';
export { parseVolumeSpec, type VolumeSpec, type VolumeSpecOptions } from './volume-spec';
export { parseVolumesFrom, type VolumesFromSpec } from './volumes-from';
