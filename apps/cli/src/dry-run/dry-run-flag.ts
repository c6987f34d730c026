import type { CliFlag } from '../command';

/** berth's own flag on every command that changes something: print the Engine requests, send none. */
export const DRY_RUN_FLAG: CliFlag = {
  long: 'dry-run',
  kind: 'bool',
  description: 'Print the Engine requests, send none',
};
