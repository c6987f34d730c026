import type { CliFlag } from './command';

/** `-c, --change list` of `commit` and `import`: Dockerfile instructions laid over the new image's config. */
export const CHANGE_FLAG: CliFlag = {
  long: 'change',
  short: 'c',
  kind: 'value',
  type: 'list',
  description: 'Apply Dockerfile instruction to the created image',
};
