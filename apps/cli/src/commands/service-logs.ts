import { type Engine, NotFoundError } from '@berth/engine';
import { parseDockerTimestamp } from '@berth/go-syntax';
import { parseTaskLogLine, type TaskLogContext, taskLogPrefix } from '@berth/service-spec';
import type { ServiceInspect, Task } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import { CliError } from '../errors';
import { command as containerLogs } from './logs';

const NO_RESOLVE: CliFlag = { long: 'no-resolve', kind: 'bool', description: 'Do not map IDs to Names in output' };
const NO_TASK_IDS: CliFlag = { long: 'no-task-ids', kind: 'bool', description: 'Do not include task IDs in output' };
const NO_TRUNC: CliFlag = { long: 'no-trunc', kind: 'bool', description: 'Do not truncate output' };
const RAW: CliFlag = { long: 'raw', kind: 'bool', description: 'Do not neatly format logs' };

// the flags docker's service logs declares "identical to container logs": `berth logs`' own
function containerLogsFlag(long: string): CliFlag {
  const flag = containerLogs.flags.find((candidate) => candidate.long === long);
  if (!flag) throw new CliError('missing-logs-flag', long, `berth logs has no --${long} flag`);
  return flag;
}
const [DETAILS, FOLLOW, SINCE, TAIL, TIMESTAMPS] = ['details', 'follow', 'since', 'tail', 'timestamps'].map(
  containerLogsFlag,
) as [CliFlag, CliFlag, CliFlag, CliFlag, CliFlag];

interface Target {
  readonly task: boolean;
  readonly tty: boolean;
  /** The widest slot number the prefixes are padded to. */
  readonly replicas: number;
}

// a service first, then a task, as docker looks the name up
async function findTarget(engine: Engine, name: string): Promise<Target> {
  const inspect = <T>(kind: string) =>
    engine.request<T>({ method: 'GET', path: `/${kind}/${encodeURIComponent(name)}`, subject: name });
  try {
    const service = await inspect<ServiceInspect>('services');
    const tty = service.Spec.TaskTemplate.ContainerSpec?.TTY === true;
    return { task: false, tty, replicas: service.Spec.Mode?.Replicated?.Replicas ?? 1 };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  try {
    const task = await inspect<Task & { Spec: { ContainerSpec?: { TTY?: boolean } } }>('tasks');
    return { task: true, tty: task.Spec.ContainerSpec?.TTY === true, replicas: task.Slot ?? 0 };
  } catch (error) {
    if (error instanceof NotFoundError)
      throw new CliError('no-such-task-or-service', name, `no such task or service: ${name}`, { cause: error });
    throw error;
  }
}

// docker's best-effort name of a node or service: its id when the lookup fails
async function resolveName(engine: Engine, kind: 'nodes' | 'services', id: string): Promise<string> {
  try {
    const found = await engine.request<{ Spec?: { Name?: string }; Description?: { Hostname?: string } }>({
      method: 'GET',
      path: `/${kind}/${id}`,
    });
    if (kind === 'services') return found.Spec?.Name ?? '';
    return found.Spec?.Name || found.Description?.Hostname || id;
  } catch {
    // docker's resolver gives up quietly: the id stands in for the name
    return id;
  }
}

/**
 * `berth service logs SERVICE|TASK`: every task's log, each line after docker's `NAME.SLOT.TASKID@NODE    | `
 * (`--raw`: the lines as they are).
 */
export const command: CommandModule = {
  usage: '[OPTIONS] SERVICE|TASK',
  flags: [DETAILS, FOLLOW, NO_RESOLVE, NO_TASK_IDS, NO_TRUNC, RAW, SINCE, TAIL, TIMESTAMPS],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const [name = ''] = context.args;
    const sinceText = context.string(SINCE);
    const since = sinceText ? parseDockerTimestamp(sinceText, new Date()) : undefined;
    if (since && !since.ok)
      throw new CliError('invalid-timestamp', sinceText ?? '', `invalid value for "since": ${since.message}`);
    const raw = context.bool(RAW);
    const details = context.bool(DETAILS);
    const timestamps = context.bool(TIMESTAMPS);
    const engine = context.engine();
    const target = await findTarget(engine, name);
    if (target.tty && !raw) throw new CliError('tty-logs-need-raw', name, 'tty service logs only supported with --raw');
    const tail = context.string(TAIL) ?? 'all';
    const output = engine.serviceLogs(name, {
      task: target.task,
      tty: target.tty,
      // the context each pretty line needs comes with the details
      details: details || !raw,
      follow: context.bool(FOLLOW),
      ...(since?.ok ? { since: Number(since.param) } : {}),
      timestamps,
      tail: /^\d+$/.test(tail) ? Number(tail) : 'all',
    });
    const { stdout, stderr } = context.io;
    const prefixes = new Map<string, Promise<string>>();
    const prefix = (task: TaskLogContext) => {
      const key = `${task.nodeId}/${task.serviceId}/${task.taskId}`;
      let found = prefixes.get(key);
      if (!found) {
        found = taskPrefix(task);
        prefixes.set(key, found);
      }
      return found;
    };
    const noResolve = context.bool(NO_RESOLVE);
    const taskPrefix = async (task: TaskLogContext) => {
      const resolve = (kind: 'nodes' | 'services', id: string) =>
        noResolve ? Promise.resolve(id) : resolveName(engine, kind, id);
      const [node, service, inspect] = await Promise.all([
        resolve('nodes', task.nodeId),
        resolve('services', task.serviceId),
        engine.request<Task>({ method: 'GET', path: `/tasks/${task.taskId}` }),
      ]);
      const names = { service, slot: inspect.Slot ?? 0, taskId: inspect.ID, node };
      return taskLogPrefix(names, {
        noTaskIds: context.bool(NO_TASK_IDS),
        noTrunc: context.bool(NO_TRUNC),
        replicas: target.replicas,
      });
    };
    for await (const chunk of output) {
      const stream = chunk.stream === 'stderr' ? stderr : stdout;
      if (target.tty || raw) {
        stream.write(chunk.data);
        continue;
      }
      const line = parseTaskLogLine(chunk.data, { timestamps });
      const rest = Object.entries(line.context.details).map(([key, value]) => `${key}=${value}`);
      const head = [
        line.timestamp !== undefined ? `${line.timestamp} ` : '',
        `${await prefix(line.context)}    | `,
        details ? `${rest.sort().join(',')} ` : '',
      ].join('');
      stream.write(Buffer.concat([Buffer.from(head), line.message]));
    }
    return 0;
  },
};
