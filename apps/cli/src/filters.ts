import { MountError, parseVolumeFilters } from '@berth/mounts';
import { type NetworkFilterCommand, NetworkFilterError, parseNetworkFilters } from '@berth/network';
import type { Filters } from '@berth/types';
import { UsageError } from './errors';

// `--filter` values read by the domain packages; a value without `=` is refused by docker's filter flag itself,
// as a bad flag value (exit 125, the usage after it), any other refusal is the engine's (exit 1).

function flagRefusal(input: string, flag: string, rule: string): UsageError {
  return new UsageError('invalid-filter', input, `invalid argument "${input}" for "${flag}" flag: ${rule}`, 125);
}

/** `volume ls` / `volume prune` filters; `flag` as docker names it in the refusal: `-f, --filter`. */
export function volumeFilters(values: readonly string[], command: 'ls' | 'prune', flag: string): Filters {
  try {
    return parseVolumeFilters(values, command);
  } catch (error) {
    if (error instanceof MountError && !error.input.includes('=')) throw flagRefusal(error.input, flag, error.rule);
    throw error;
  }
}

/** `network ls` / `network prune` / `system prune` filters. */
export function networkFilters(values: readonly string[], command: NetworkFilterCommand, flag: string): Filters {
  try {
    return parseNetworkFilters(values, command);
  } catch (error) {
    if (error instanceof NetworkFilterError && error.code === 'filter-syntax') {
      throw flagRefusal(error.input, flag, error.message);
    }
    throw error;
  }
}
