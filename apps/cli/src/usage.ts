import type { FlagSet } from '@berth/run-args';

/** What `run` and `create` do, in docker's words: the usage text and `berth --help` both show it. */
export const COMMAND_DESCRIPTIONS = {
  run: 'Create and run a new container from an image',
  create: 'Create a new container',
} as const;

/** `berth run --help`: docker's usage line and the options `@berth/run-args` reads. */
export function usage(command: 'run' | 'create', flags: FlagSet): string {
  const lines = flags
    .visible()
    .map(
      (flag) => `  ${flag.short ? `-${flag.short}, ` : '    '}--${flag.long}${flag.kind === 'value' ? ' value' : ''}`,
    );
  return `\nUsage:  berth ${command} [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n${COMMAND_DESCRIPTIONS[command]}\n\nOptions:\n${lines.join('\n')}\n`;
}
