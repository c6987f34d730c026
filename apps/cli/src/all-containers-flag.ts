import type { CliFlag } from './command';

/** `-a, --all`, as docker's `ps` and `stats` declare it: stopped containers too. */
export const ALL_CONTAINERS_FLAG: CliFlag = {
  long: 'all',
  short: 'a',
  kind: 'bool',
  description: 'Show all containers (default shows just running)',
};
