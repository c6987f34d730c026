// `docker network ls --filter …` and `docker network prune --filter …` (also `docker system prune --filter …`)
// → the Engine API's `filters`, refusing what the engine would refuse (moby daemon/network filter checks).

import { cut, trimSpace } from '@berth/go-syntax';
import { BerthError, type Filters } from '@berth/types';

export type NetworkFilterCommand = 'ls' | 'prune';

/** A `--filter` value docker or the engine refuses; `input` is the value as given. */
export class NetworkFilterError extends BerthError {
  declare readonly code: 'invalid-filter' | 'filter-syntax';
}

const ACCEPTED: Record<NetworkFilterCommand, readonly string[]> = {
  ls: ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'],
  prune: ['label', 'label!', 'until'],
};
const BOOLEAN = new Set(['true', 'false', '1', '0']);
const TYPES = new Set(['custom', 'builtin']);

/**
 * Reads `--filter name=value` values: the name trimmed and matched case-insensitively as docker's filter flag
 * does, each distinct value kept once. A value without `=` is the filter flag's own refusal (`filter-syntax`);
 * a name or value the engine refuses is `invalid-filter`.
 */
export function parseNetworkFilters(values: readonly string[], command: NetworkFilterCommand): Filters {
  const filters: Filters = {};
  for (const raw of values) {
    if (raw === '') continue;
    const [rawName, rawValue, hasValue] = cut(raw, '=');
    if (!hasValue) {
      throw new NetworkFilterError('filter-syntax', raw, 'bad format of filter (expected name=value)');
    }
    const name = trimSpace(rawName).toLowerCase();
    const value = trimSpace(rawValue);
    if (!ACCEPTED[command].includes(name)) {
      throw new NetworkFilterError(
        'invalid-filter',
        raw,
        `invalid filter '${name}' for network ${command} (${ACCEPTED[command].join(', ')})`,
      );
    }
    if (name === 'dangling' && !BOOLEAN.has(value.toLowerCase())) {
      throw new NetworkFilterError('invalid-filter', raw, `invalid filter 'dangling=${value}' (true, false, 1 or 0)`);
    }
    if (name === 'type' && !TYPES.has(value)) {
      throw new NetworkFilterError('invalid-filter', raw, `invalid filter: 'type'='${value}' (custom or builtin)`);
    }
    const list = filters[name] ?? [];
    if (!list.includes(value)) filters[name] = [...list, value];
  }
  return filters;
}
