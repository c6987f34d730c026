import { FilterSyntaxError, type Filters, parseFilters } from '@berth/types';
import type { CliFlag } from './command';
import type { CommandContext } from './context';
import { UsageError } from './errors';
import { flagLabel } from './flag-values';

/** A command's `-f/--filter` values as the Engine API's `filters`; a value without `=` is pflag's refusal (125). */
export function filterValues(context: CommandContext, flag: CliFlag): Filters {
  try {
    return parseFilters(context.list(flag));
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    throw new UsageError(
      error.code,
      error.input,
      `invalid argument "${error.input}" for "${flagLabel(flag)}" flag: ${error.message}`,
      125,
    );
  }
}

/** `-f, --filter filter`, as docker's list commands and `events` declare it. */
export const FILTER_FLAG: CliFlag = {
  long: 'filter',
  short: 'f',
  kind: 'value',
  type: 'filter',
  description: 'Filter output based on conditions provided',
};
