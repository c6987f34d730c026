// Port numbers and ranges as docker's `nat` package reads them: decimal digits only (leading zeros allowed),
// at most 65535, `start-end` with end ≥ start.

export interface PortRange {
  start: number;
  end: number;
}

/** A decimal port number (`strconv.ParseUint(s, 10, 16)`), `undefined` when it is not one. */
export function parsePortNumber(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const significant = text.replace(/^0+(?=.)/, '');
  if (significant.length > 5) return undefined;
  const value = Number(significant);
  return value <= 65535 ? value : undefined;
}

/**
 * `port` or `start-end`, `undefined` when invalid. Like docker, only the first two `-`-separated fields count, so
 * `1-2-3` is the range 1-2.
 */
export function parsePortRange(text: string): PortRange | undefined {
  if (text === '') return undefined;
  if (!text.includes('-')) {
    const port = parsePortNumber(text);
    return port === undefined ? undefined : { start: port, end: port };
  }
  const [first = '', second = ''] = text.split('-');
  const start = parsePortNumber(first);
  const end = parsePortNumber(second);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

/** `port[/proto]` → [proto, port]; the protocol defaults to tcp, and an empty port gives two empty strings. */
export function splitProtoPort(text: string): [proto: string, port: string] {
  const [port = '', proto = ''] = text.split('/');
  if (port === '') return ['', ''];
  return [proto === '' ? 'tcp' : proto, port];
}
