import { ServiceSpecError } from './errors';

/** Which task wrote a service log line: what the engine puts before it when asked for details. */
export interface TaskLogContext {
  readonly nodeId: string;
  readonly serviceId: string;
  readonly taskId: string;
  /** The other details (the container's own log attributes), context keys removed. */
  readonly details: Readonly<Record<string, string>>;
}

/** A framed service log line cut into its parts; the message keeps its bytes and its newline. */
export interface TaskLogLine {
  readonly timestamp?: string;
  readonly context: TaskLogContext;
  readonly message: Uint8Array;
}

const CONTEXT_KEYS = {
  nodeId: ['com.docker.swarm.node.id', 'node id'],
  serviceId: ['com.docker.swarm.service.id', 'service id'],
  taskId: ['com.docker.swarm.task.id', 'task id'],
} as const;

// Go's url.QueryUnescape: `+` is a space, and a bad escape is an error
function queryUnescape(text: string, details: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch (error) {
    throw new ServiceSpecError('invalid-log-details', details, `invalid URL escape in details: ${text}`, undefined, {
      cause: error,
    });
  }
}

/** The engine's details field, `k=v,l=w` with keys and values query-escaped, as a map. */
export function parseLogDetails(details: string): Record<string, string> {
  // from entries, so that a key such as `__proto__` is a key like any other
  return Object.fromEntries(
    details.split(',').map((pair) => {
      const equals = pair.indexOf('=');
      if (equals <= 0) throw new ServiceSpecError('invalid-log-details', details, 'invalid details format');
      return [queryUnescape(pair.slice(0, equals), details), queryUnescape(pair.slice(equals + 1), details)];
    }),
  );
}

// Go's %v of a map: keys in order, `map[k:v l:w]`
const goMap = (map: Record<string, string>) =>
  `map[${Object.keys(map)
    .sort()
    .map((key) => `${key}:${map[key]}`)
    .join(' ')}]`;

/** The node, service and task ids among a line's details; a missing one is refused as docker refuses it. */
export function taskLogContext(details: Readonly<Record<string, string>>): TaskLogContext {
  const rest: Record<string, string> = Object.fromEntries(Object.entries(details));
  const ids: Record<string, string> = {};
  for (const [field, [key, label]] of Object.entries(CONTEXT_KEYS)) {
    const value = rest[key];
    if (value === undefined)
      throw new ServiceSpecError('invalid-log-details', goMap(rest), `missing ${label} in details: ${goMap(rest)}`);
    ids[field] = value;
    delete rest[key];
  }
  return { nodeId: ids.nodeId ?? '', serviceId: ids.serviceId ?? '', taskId: ids.taskId ?? '', details: rest };
}

const SPACE = 0x20;

/**
 * One frame of `GET /services/{id}/logs?details=true`: `[TIMESTAMP ]DETAILS MESSAGE`. The engine sends a whole line
 * per frame, so a frame is a line.
 */
export function parseTaskLogLine(frame: Uint8Array, options: { timestamps?: boolean } = {}): TaskLogLine {
  const text = (from: number, to: number) => Buffer.from(frame.subarray(from, to)).toString('latin1');
  let start = 0;
  let timestamp: string | undefined;
  if (options.timestamps) {
    const space = frame.indexOf(SPACE);
    if (space < 0) throw invalidContext(frame);
    timestamp = text(0, space);
    start = space + 1;
  }
  const space = frame.indexOf(SPACE, start);
  if (space < 0) throw invalidContext(frame);
  const context = taskLogContext(parseLogDetails(text(start, space)));
  return { ...(timestamp !== undefined ? { timestamp } : {}), context, message: frame.subarray(space + 1) };
}

function invalidContext(frame: Uint8Array): ServiceSpecError {
  const line = Buffer.from(frame).toString('utf8');
  return new ServiceSpecError('invalid-log-details', line, `invalid context in log message: ${line}`);
}

export interface TaskLogNames {
  readonly service: string;
  readonly slot: number;
  readonly taskId: string;
  readonly node: string;
}

/**
 * docker's prefix of a service log line, before `    | `: `SERVICE.SLOT.TASKID@NODE`, the task id cut to 12
 * characters unless `noTrunc`, left out with `noTaskIds`; padded on the right to the widest slot of `replicas`.
 */
export function taskLogPrefix(
  names: TaskLogNames,
  options: { noTaskIds?: boolean; noTrunc?: boolean; replicas?: number } = {},
): string {
  const task = options.noTaskIds ? '' : `.${options.noTrunc ? names.taskId : names.taskId.slice(0, 12)}`;
  const width = String(options.replicas ?? 1).length;
  const padding = ' '.repeat(Math.max(0, width - String(names.slot).length));
  return `${names.service}.${names.slot}${task}@${names.node}${padding}`;
}
