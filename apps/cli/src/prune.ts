import type { Filters } from '@berth/types';
import type { CliFlag } from './command';
import type { CommandContext } from './context';
import { confirm } from './output/confirmation';

/** `-f` of every prune command: docker's same flag and text on each. */
export const PRUNE_FORCE_FLAG: CliFlag = {
  long: 'force',
  short: 'f',
  kind: 'bool',
  description: 'Do not prompt for confirmation',
};

/** docker's prune prompt: true with `-f`, else the warning, its question and a `y` answer. */
export async function pruneConfirmed(context: CommandContext, warning: string): Promise<boolean> {
  return context.bool(PRUNE_FORCE_FLAG) || confirm(context.io, `${warning}\nAre you sure you want to continue?`);
}

/**
 * One kind's prune as docker runs it: the prompt (a refusal ends it quietly, exit 0), `POST path` with the filters,
 * then what `report` makes of the engine's answer on stdout.
 */
export async function prune<Report>(
  context: CommandContext,
  warning: string,
  request: { path: string; filters: Filters },
  report: (answer: Report) => string,
): Promise<number> {
  if (!(await pruneConfirmed(context, warning))) return 0;
  const answer = await context
    .engine()
    .request<Report>({ method: 'POST', path: request.path, query: { filters: request.filters } });
  context.io.stdout.write(report(answer));
  return 0;
}
