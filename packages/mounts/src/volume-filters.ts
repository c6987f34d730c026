// `docker volume ls --filter …` and `docker volume prune --filter …` → the Engine API's `filters` (book ch. 4.6).

import { cut, trimSpace } from '@berth/go-syntax';
import type { Filters } from '@berth/types';
import { MountError } from './errors';

export type VolumeFilterCommand = 'ls' | 'prune';

/** The filters the engine accepts for each command (moby volume/service). */
const ACCEPTED: Record<VolumeFilterCommand, ReadonlySet<string>> = {
  ls: new Set(['dangling', 'name', 'driver', 'label']),
  prune: new Set(['label', 'label!']),
};
const KNOWN = new Set([...ACCEPTED.ls, ...ACCEPTED.prune]);
const DANGLING = new Set(['true', '1', 'false', '0']);

/**
 * Reads `--filter` values (`label=k`, `label=k=v`, `label!=k`, `dangling=true`, `driver=local`, `name=cass`).
 * The book writes a label filter as `--filter example=cassandra`; a key that is no filter's name is read that way,
 * as `label=example=cassandra`.
 */
export function parseVolumeFilters(values: readonly string[], command: VolumeFilterCommand): Filters {
  const filters: Filters = {};
  const add = (key: string, value: string) => {
    const list = filters[key] ?? [];
    if (!list.includes(value)) filters[key] = [...list, value];
  };
  for (const raw of values) {
    if (raw === '') continue;
    const [rawName, rawValue, hasValue] = cut(raw, '=');
    if (!hasValue)
      throw new MountError('invalid-filter', '--filter', raw, 'bad format of filter (expected name=value)');
    // The docker CLI trims both sides and matches the name case-insensitively.
    const name = trimSpace(rawName);
    const key = name.toLowerCase();
    const value = trimSpace(rawValue);
    if (!KNOWN.has(key)) {
      add('label', `${name}=${value}`);
      continue;
    }
    if (!ACCEPTED[command].has(key)) {
      const accepted = [...ACCEPTED[command]].join(', ');
      throw new MountError(
        'invalid-filter',
        '--filter',
        raw,
        `invalid filter '${key}' for volume ${command} (${accepted})`,
      );
    }
    if (key === 'dangling' && !DANGLING.has(value)) {
      throw new MountError(
        'invalid-filter',
        '--filter',
        raw,
        `invalid filter 'dangling=${value}' (true, false, 1 or 0)`,
      );
    }
    add(key, value);
  }
  return filters;
}
