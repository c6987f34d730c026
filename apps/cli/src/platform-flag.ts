import type { CliFlag } from './command';

/** `--platform string` of `pull`, `import` and `build`, as docker declares it on each. */
export const PLATFORM_FLAG: CliFlag = {
  long: 'platform',
  kind: 'value',
  type: 'string',
  description: 'Set platform if server is multi-platform capable',
};
