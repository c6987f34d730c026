/** A point in time for `since` / `until`: a `Date`, or seconds since the epoch (fractions allowed). */
export type Timestamp = Date | number;

/**
 * The engine's timestamp parameter: `SECONDS.NANOSECONDS`, the fraction always nine digits (moby's timetypes reads
 * the part after the dot as a count of nanoseconds, so `1.5` would mean 1 s and 5 ns).
 */
export function timestampParam(value: Timestamp): string {
  const seconds = value instanceof Date ? value.getTime() / 1000 : value;
  const whole = Math.floor(seconds);
  const nanos = Math.min(999_999_999, Math.round((seconds - whole) * 1e9));
  return `${whole}.${String(nanos).padStart(9, '0')}`;
}
