import type { FlagSet } from '@berth/spec';

/** `berth run --help`: docker's usage line and the options `@berth/spec` reads. */
export function usage(command: 'run' | 'create', flags: FlagSet): string {
  const lines = flags
    .visible()
    .map(
      (flag) => `  ${flag.short ? `-${flag.short}, ` : '    '}--${flag.long}${flag.kind === 'value' ? ' value' : ''}`,
    );
  const what = command === 'run' ? 'Create and run a new container from an image' : 'Create a new container';
  return `\nUsage:  berth ${command} [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n${what}\n\nOptions:\n${lines.join('\n')}\n`;
}
