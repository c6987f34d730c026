import { humanDuration } from '@berth/lifecycle';

export { humanDuration };

/** docker's CREATED column: how long ago, from a time in seconds since the epoch (`5 minutes ago`). */
export function timeAgo(unixSeconds: number, now: number = Date.now()): string {
  return `${humanDuration(now - unixSeconds * 1000)} ago`;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

function zoneOffset(date: Date, separator: string): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${two(Math.trunc(absolute / 60))}${separator}${two(absolute % 60)}`;
}

function zoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(date)
    .find((each) => each.type === 'timeZoneName');
  const name = part?.value ?? '';
  // Go names a zone without an abbreviation by its offset, as in `+0530`
  return name === 'GMT' && date.getTimezoneOffset() === 0 ? 'UTC' : /^GMT[+-]/.test(name) ? zoneOffset(date, '') : name;
}

function localDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

function localClock(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Go's `time.Time.String()` for a whole second, in local time: `2026-12-02 15:04:05 +0000 UTC` (`CreatedAt`). */
export function goTimeString(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return `${localDate(date)} ${localClock(date)} ${zoneOffset(date, '')} ${zoneName(date)}`;
}

/**
 * A time in nanoseconds since the epoch as docker's events print it (RFC 3339, nine fraction digits, local time):
 * `2026-12-02T15:04:05.123456789Z`, or `…+01:00` outside UTC.
 */
export function rfc3339NanoFixed(unixNanos: bigint): string {
  const seconds = unixNanos / 1_000_000_000n;
  const nanos = unixNanos % 1_000_000_000n;
  const date = new Date(Number(seconds) * 1000);
  const zone = date.getTimezoneOffset() === 0 ? 'Z' : zoneOffset(date, ':');
  return `${localDate(date)}T${localClock(date)}.${String(nanos).padStart(9, '0')}${zone}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's ANSIC layout (`Thu May  7 21:09:36 2026`) of an RFC 3339 time, in the time's own offset. */
export function ansicTime(rfc3339: string): string {
  const offset = /(Z|([+-])(\d\d):(\d\d))$/.exec(rfc3339);
  const minutes =
    offset?.[2] === undefined ? 0 : (offset[2] === '-' ? -1 : 1) * (Number(offset[3]) * 60 + Number(offset[4]));
  const date = new Date(Date.parse(rfc3339) + minutes * 60_000);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const clock = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${clock} ${date.getUTCFullYear()}`;
}
