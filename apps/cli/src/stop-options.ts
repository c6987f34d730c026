import type { RequestSpec } from '@berth/engine';
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

/**
 * The request for each container: `POST /containers/{name}/stop` or `/restart`, `t` only when `--timeout` is given
 * (else the container's own StopTimeout), `signal` when set (else its StopSignal). The flags are read at once, so
 * that a bad value is refused before any container is asked.
 */
export function stopRequests(context: CommandContext, action: 'stop' | 'restart'): (name: string) => RequestSpec {
  const query = { t: context.int(STOP_TIMEOUT), signal: context.string(STOP_SIGNAL) || undefined };
  return (name) => ({
    method: 'POST',
    path: `/containers/${encodeURIComponent(name)}/${action}`,
    query,
    subject: name,
  });
}
