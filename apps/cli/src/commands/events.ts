import { createInterface } from 'node:readline';
import { parseDockerTimestamp } from '@berth/go-syntax';
import type { CliFlag, CommandModule } from '../command';
import { engineTransport } from '../engine-transport';
import { CliError } from '../errors';
import { FILTER_FLAG, filterValues } from '../filter-flag';
import { EXIT_BAD_FORMAT, formatTemplate } from '../output/format-template';
import { withIntegers } from '../output/go-json';
import { INSPECT_FORMAT_HELP } from '../output/list-format';
import { rfc3339NanoFixed } from '../output/relative-time';

const FORMAT: CliFlag = { long: 'format', kind: 'value', type: 'string', description: INSPECT_FORMAT_HELP };
const SINCE: CliFlag = {
  long: 'since',
  kind: 'value',
  type: 'string',
  description: 'Show all events created since timestamp',
};
const UNTIL: CliFlag = {
  long: 'until',
  kind: 'value',
  type: 'string',
  description: 'Stream events until this timestamp',
};

/** An event as templates see it: Go's field names (`.TimeNano`), JSON as the engine sent it (`timeNano`). */
interface EventLine {
  Status?: string;
  ID?: string;
  From?: string;
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  Scope: string;
  Time: bigint;
  TimeNano: bigint;
}

/** `--since` / `--until` as the engine's parameter (docker's time syntax), refused in the docker client's words. */
function timeParam(value: string | undefined, now: Date): string | undefined {
  if (!value) return undefined;
  const result = parseDockerTimestamp(value, now);
  if (!result.ok) throw new CliError('invalid-timestamp', value, result.message);
  return result.param;
}

/** docker's line for an event: `2026-12-02T15:04:05.123456789Z container start <id> (image=…, name=…)`. */
function eventLine(event: EventLine): string {
  let line = '';
  if (event.TimeNano !== 0n) line = `${rfc3339NanoFixed(event.TimeNano)} `;
  else if (event.Time !== 0n) line = `${rfc3339NanoFixed(event.Time * 1_000_000_000n)} `;
  line += `${event.Type} ${event.Action} ${event.Actor.ID}`;
  const attributes = Object.entries(event.Actor.Attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (attributes.length > 0) line += ` (${attributes.map(([key, value]) => `${key}=${value}`).join(', ')})`;
  return `${line}\n`;
}

/** An event of the engine's stream, its times as Go's int64 (timeNano is beyond a double's exact integers). */
function readEvent(text: string): EventLine {
  const json = withIntegers(JSON.parse(text)) as Record<string, unknown>;
  const nanos = /"timeNano":(\d+)/.exec(text)?.[1];
  if (nanos !== undefined) json.timeNano = BigInt(nanos);
  const event: EventLine = {
    ...(json.status === undefined ? {} : { Status: String(json.status) }),
    ...(json.id === undefined ? {} : { ID: String(json.id) }),
    ...(json.from === undefined ? {} : { From: String(json.from) }),
    Type: String(json.Type ?? ''),
    Action: String(json.Action ?? ''),
    Actor: (json.Actor ?? { ID: '' }) as EventLine['Actor'],
    Scope: String(json.scope ?? ''),
    Time: (json.time as bigint | undefined) ?? 0n,
    TimeNano: (json.timeNano as bigint | undefined) ?? 0n,
  };
  return Object.defineProperty(event, 'toJSON', { value: () => json, enumerable: false });
}

/** `berth events`: the engine's events as they happen, or between `--since` and `--until`. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [FILTER_FLAG, FORMAT, SINCE, UNTIL],
  args: { kind: 'none' },
  async run(context) {
    const { io } = context;
    const format = context.string(FORMAT) ?? '';
    const template = formatTemplate(io, format, { refusal: 'Error parsing format' });
    if (template === EXIT_BAD_FORMAT) return template;
    const now = new Date();
    const since = timeParam(context.string(SINCE), now);
    const until = timeParam(context.string(UNTIL), now);
    const filters = filterValues(context, FILTER_FLAG);
    const { value: body } = await engineTransport(context.engine()).stream({
      method: 'GET',
      path: '/events',
      query: { since, until, ...(Object.keys(filters).length === 0 ? {} : { filters }) },
    });
    for await (const text of createInterface({ input: body, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (text.trim() === '') continue;
      const event = readEvent(text);
      io.stdout.write(template === undefined ? eventLine(event) : `${template.execute(event)}\n`);
    }
    return 0;
  },
};
