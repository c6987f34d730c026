/** Go's zero `time.Time`, which inspect shows for a container never started or never finished. */
export function isZeroTime(timestamp: string): boolean {
  return timestamp === '' || timestamp.startsWith('0001-01-01T00:00:00');
}
