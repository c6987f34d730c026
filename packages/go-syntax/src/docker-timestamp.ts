import { parseGoDuration } from './go-duration';

// moby's GetTimestamp, what `logs --since/--until`, `events --since/--until` and `until=` filters read: a Go
// duration before `reference`, an RFC 3339 date-time (or a shorter prefix of one, in the reference's zone when it
// names none), or a Unix timestamp passed through as written.

export type DockerTimestampResult = { ok: true; param: string } | { ok: false; message: string };

interface Layout {
  /** Go's layout name, as its parse errors quote it. */
  name: string;
  pattern: RegExp;
}

const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const ZONE = '(Z|[+-]\\d{2}:\\d{2})';

function layout(name: string, time: string, zoned: boolean): Layout {
  return { name, pattern: new RegExp(`^${DATE}${time}${zoned ? ZONE : '()'}$`) };
}

const SECONDS = '(?:T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?)';
const MINUTES = '(?:T(\\d{2}):(\\d{2})()())';
const HOURS = '(?:T(\\d{2})()()())';
const DAY = '(?:()()()())';

/** The layout moby picks for a value, from its dots, `T`, colons and zone marks (not from whether it fits). */
function pickLayout(value: string, inLocation: boolean): Layout {
  if (value.includes('.')) {
    return inLocation
      ? layout('2006-01-02T15:04:05.999999999', SECONDS, false)
      : layout('2006-01-02T15:04:05.999999999Z07:00', SECONDS, true);
  }
  if (value.includes('T')) {
    let colons = value.split(':').length - 1;
    if (!inLocation && !/[zZ]/.test(value) && colons > 0) colons -= 1;
    if (inLocation) {
      if (colons === 0) return layout('2006-01-02T15', HOURS, false);
      if (colons === 1) return layout('2006-01-02T15:04', MINUTES, false);
      return layout('2006-01-02T15:04:05', SECONDS, false);
    }
    if (colons === 0) return layout('2006-01-02T15Z07:00', HOURS, true);
    if (colons === 1) return layout('2006-01-02T15:04Z07:00', MINUTES, true);
    return layout('2006-01-02T15:04:05Z07:00', SECONDS, true);
  }
  return inLocation ? layout('2006-01-02', DAY, false) : layout('2006-01-02Z07:00', DAY, true);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Seconds and nanoseconds since the epoch of a value matching its layout, or undefined when a field is out of range. */
function instant(match: RegExpMatchArray, reference: Date): { seconds: bigint; nanos: number } | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part || '0'));
  const fraction = match[7] ?? '';
  const zone = match[8] ?? '';
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes =
    zone === ''
      ? -reference.getTimezoneOffset()
      : zone === 'Z'
        ? 0
        : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const seconds = BigInt(Math.floor(utcMs / 1000)) - BigInt(offsetMinutes * 60);
  return { seconds, nanos: Number(fraction.padEnd(9, '0') || '0') };
}

/** `SECONDS` or `SECONDS.NANOS` with both parts Go integers, as moby's parseTimestamp accepts it. */
function isUnixTimestamp(value: string): boolean {
  return /^[+-]?\d+(\.\d+)?$/.test(value);
}

/**
 * The engine's `since` / `until` parameter for a value the user typed, as the docker CLI computes it: a duration
 * (not `0`) counts back from `reference` in whole seconds; a date-time becomes `SECONDS.NANOSECONDS`; a Unix
 * timestamp is passed on as written.
 */
export function parseDockerTimestamp(value: string, reference: Date): DockerTimestampResult {
  const duration = parseGoDuration(value);
  if (value !== '0' && duration.ok) {
    const referenceNs = BigInt(reference.getTime()) * 1_000_000n;
    const at = referenceNs - duration.nanoseconds;
    // Go's Unix() rounds toward the past
    const seconds = at >= 0n ? at / 1_000_000_000n : -((-at + 999_999_999n) / 1_000_000_000n);
    return { ok: true, param: String(seconds) };
  }
  const inLocation = !(/[zZ+]/.test(value) || value.split('-').length - 1 === 3);
  const chosen = pickLayout(value, inLocation);
  const match = value.match(chosen.pattern);
  const parsed = match ? instant(match, reference) : undefined;
  if (parsed) return { ok: true, param: `${parsed.seconds}.${String(parsed.nanos).padStart(9, '0')}` };
  if (value.includes('-')) return { ok: false, message: `parsing time "${value}" as "${chosen.name}": cannot parse` };
  if (!isUnixTimestamp(value)) return { ok: false, message: `failed to parse value as time or duration: "${value}"` };
  return { ok: true, param: value };
}
