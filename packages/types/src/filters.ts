import { BerthError } from './berth-error';
import type { Filters } from './volume';

/** A `--filter` value that is not `name=value`; `input` is the value. */
export class FilterSyntaxError extends BerthError {
  constructor(input: string) {
    super('invalid-filter-syntax', input, 'bad format of filter (expected name=value)');
  }
}

// Go's strings.TrimSpace for the ASCII blanks docker's values carry
const BLANKS = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

/**
 * `--filter` values as the docker CLI reads them (`opts.FilterOpt`) into the Engine API's `filters`: `name=value`
 * split at the first `=`, both sides trimmed, the name lower-cased, each value once; empty values are skipped.
 * Which names and values a list accepts is the engine's to say.
 */
export function parseFilters(values: readonly string[]): Filters {
  const filters: Filters = {};
  for (const raw of values) {
    if (raw === '') continue;
    const at = raw.indexOf('=');
    if (at < 0) throw new FilterSyntaxError(raw);
    const name = raw.slice(0, at).replace(BLANKS, '').toLowerCase();
    const value = raw.slice(at + 1).replace(BLANKS, '');
    const list = filters[name] ?? [];
    if (!list.includes(value)) list.push(value);
    filters[name] = list;
  }
  return filters;
}
