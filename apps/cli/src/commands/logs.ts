import { demultiplex, rawOutput } from '@berth/engine';
import { parseDockerTimestamp } from '@berth/go-syntax';
import { writeOutput } from '../batched-output';
import type { CliFlag, CommandModule } from '../command';
import { engineTransport } from '../engine-transport';
import { CliError } from '../errors';

const DETAILS: CliFlag = { long: 'details', kind: 'bool', description: 'Show extra details provided to logs' };
const FOLLOW: CliFlag = { long: 'follow', short: 'f', kind: 'bool', description: 'Follow log output' };
const SINCE: CliFlag = {
  long: 'since',
  kind: 'value',
  type: 'string',
  description: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
};
const TAIL: CliFlag = {
  long: 'tail',
  short: 'n',
  kind: 'value',
  type: 'string',
  description: 'Number of lines to show from the end of the logs',
  default: '"all"',
};
const TIMESTAMPS: CliFlag = { long: 'timestamps', short: 't', kind: 'bool', description: 'Show timestamps' };
const UNTIL: CliFlag = {
  long: 'until',
  kind: 'value',
  type: 'string',
  description: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
};

/** `--since` / `--until` as the engine's parameter, refused in the docker client's words. */
function timeParam(flag: string, value: string | undefined, now: Date): string | undefined {
  if (!value) return undefined;
  const result = parseDockerTimestamp(value, now);
  if (!result.ok) throw new CliError('invalid-timestamp', value, `invalid value for "${flag}": ${result.message}`);
  return result.param;
}

/**
 * `berth logs`: the container's log, stdout and stderr apart (one stream for a TTY container); with `-f` it goes on
 * until the container stops.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER',
  flags: [DETAILS, FOLLOW, SINCE, TAIL, TIMESTAMPS, UNTIL],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const [name = ''] = context.args;
    const now = new Date();
    const since = timeParam('since', context.string(SINCE), now);
    const until = timeParam('until', context.string(UNTIL), now);
    const engine = context.engine();
    const inspect = await engine.inspectContainer(name);
    const query = {
      stdout: true,
      stderr: true,
      since,
      until,
      timestamps: context.bool(TIMESTAMPS) || undefined,
      follow: context.bool(FOLLOW) || undefined,
      tail: context.string(TAIL) ?? 'all',
      details: context.bool(DETAILS) || undefined,
    };
    const path = `/containers/${inspect.Id}/logs`;
    const { value: body } = await engineTransport(engine).stream({ method: 'GET', path, query, subject: name });
    await writeOutput(inspect.Config.Tty ? rawOutput(body) : demultiplex(body), context.io);
    return 0;
  },
};
