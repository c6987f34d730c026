import type { CliFlag } from './command';
import type { CommandContext } from './context';

// `stop` and `restart` stop a container alike: the signal first, SIGKILL after the timeout.

export const STOP_SIGNAL: CliFlag = {
  long: 'signal',
  short: 's',
  kind: 'value',
  type: 'string',
  description: 'Signal to send to the container',
};

export const STOP_TIMEOUT: CliFlag = {
  long: 'timeout',
  short: 't',
  kind: 'value',
  type: 'int',
  description: 'Seconds to wait before killing the container',
};

/** The query both send: `t` only when `--timeout` is given (else the container's own StopTimeout), `signal` when set. */
export function stopQuery(context: CommandContext): { t: number | undefined; signal: string | undefined } {
  return { t: context.int(STOP_TIMEOUT), signal: context.string(STOP_SIGNAL) || undefined };
}
