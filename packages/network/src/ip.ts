// IP addresses parsed and printed the way Go does it (`net.ParseIP` over `netip.ParseAddr`, `net.IP.String`),
// since those decide what docker accepts for `--dns`, `--ip`, `-p <ip>:…` and `--add-host`.

/** An IP address as Go's `net.IP` holds it: always 16 bytes, an IPv4 address as `::ffff:a.b.c.d`. */
export interface IpAddress {
  readonly bytes: readonly number[];
  /** Written as a dotted IPv4 address (an IPv4-mapped IPv6 address is not). */
  readonly dotted: boolean;
}

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function hexValue(char: string | undefined): number {
  if (char === undefined) return -1;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/** Four dotted decimal fields, none above 255 and none with a leading zero. */
function parseIPv4Fields(text: string): number[] | undefined {
  const fields: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (isDigit(char)) {
      if (digits === 1 && value === 0) return undefined;
      value = value * 10 + Number(char);
      digits++;
      if (value > 255) return undefined;
    } else if (char === '.') {
      if (i === 0 || i === text.length - 1 || text[i - 1] === '.' || fields.length === 3) return undefined;
      fields.push(value);
      value = 0;
      digits = 0;
    } else {
      return undefined;
    }
  }
  if (fields.length < 3) return undefined;
  fields.push(value);
  return fields;
}

function parseIPv6(text: string): number[] | undefined {
  // A zone (`%eth0`) is never an address docker takes.
  if (text.includes('%')) return undefined;
  const ip = new Array<number>(16).fill(0);
  let rest = text;
  let ellipsis = -1;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return ip;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < rest.length; off++) {
      const digit = hexValue(rest[off]);
      if (digit < 0) break;
      if (off > 3) return undefined;
      acc = acc * 16 + digit;
    }
    if (off === 0) return undefined;
    if (rest[off] === '.') {
      // An embedded IPv4 address replaces the last two groups.
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const fields = parseIPv4Fields(rest);
      if (fields === undefined) return undefined;
      ip.splice(i, 4, ...fields);
      rest = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    rest = rest.slice(off);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const zeros = 16 - i;
    ip.splice(ellipsis, 0, ...new Array<number>(zeros).fill(0));
    ip.length = 16;
  } else if (ellipsis >= 0) {
    // `::` must stand for at least one group of zeros.
    return undefined;
  }
  return ip;
}

/** Go's `net.ParseIP`: dotted IPv4 or IPv6 (with an optional trailing IPv4), no zone; `undefined` otherwise. */
export function parseIp(text: string): IpAddress | undefined {
  for (const char of text) {
    if (char === '.') {
      const fields = parseIPv4Fields(text);
      return fields && { bytes: [...V4_IN_V6_PREFIX, ...fields], dotted: true };
    }
    if (char === ':') {
      const bytes = parseIPv6(text);
      return bytes && { bytes, dotted: false };
    }
  }
  return undefined;
}

/** Go's `IP.To4`: the four bytes of an IPv4 (or IPv4-mapped) address, `undefined` for any other. */
export function ipv4Bytes(ip: IpAddress): number[] | undefined {
  return V4_IN_V6_PREFIX.every((byte, index) => ip.bytes[index] === byte) ? ip.bytes.slice(12) : undefined;
}

/** Go's `net.IP.String`: dotted for IPv4 and IPv4-mapped addresses, RFC 5952 for the others. */
export function formatIp(ip: IpAddress): string {
  const v4 = ipv4Bytes(ip);
  if (v4) return v4.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  // The first longest run of two or more zero groups becomes `::`.
  let zeroStart = -1;
  let zeroLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > zeroLength) {
      zeroStart = i;
      zeroLength = j - i;
    }
  }
  const hex = (from: number, to: number) =>
    groups
      .slice(from, to)
      .map((group) => group.toString(16))
      .join(':');
  return zeroStart < 0 ? hex(0, 8) : `${hex(0, zeroStart)}::${hex(zeroStart + zeroLength, 8)}`;
}

/** Whether a text is an IP address Go would parse. */
export function isIp(text: string): boolean {
  return parseIp(text) !== undefined;
}

/** Go's `IP.Equal`: an IPv4 address equals its IPv4-mapped IPv6 form. */
export function ipEquals(a: IpAddress, b: IpAddress): boolean {
  return a.bytes.every((byte, index) => byte === b.bytes[index]);
}
