/** A point in time for `since` / `until`: a `Date`, or seconds since the epoch (fractions allowed). */
export type Timestamp = Date | number;

/**
 * The engine's timestamp parameter: `SECONDS.NANOSECONDS`, the fraction always nine digits (moby's timetypes reads
 * the part after the dot as a count of nanoseconds, so `1.5` would mean 1 s and 5 ns).
 */
export function timestampParam(value: Timestamp): string {
  if (value instanceof Date) {
    const ms = value.getTime();
    return format(Math.floor(ms / 1000), (((ms % 1000) + 1000) % 1000) * 1e6);
  }
  const whole = Math.floor(value);
  return format(whole, Math.min(999_999_999, Math.round((value - whole) * 1e9)));
}

function format(seconds: number, nanos: number): string {
  return `${seconds}.${String(nanos).padStart(9, '0')}`;
}
