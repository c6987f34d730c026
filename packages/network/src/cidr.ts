// CIDR blocks parsed and matched the way Go does it (`net.ParseCIDR`, `IPNet.Contains`), since those decide
// which subnet an `--ip-range`, `--gateway` or `--aux-address` of `docker network create` belongs to.
import { type IpAddress, ipv4Bytes, parseIp } from './ip';

export interface Cidr {
  /** The address as written, host bits included. */
  readonly ip: IpAddress;
  readonly prefixLength: number;
  /** 32 for a dotted IPv4 address, 128 for any other (an IPv4-mapped one included). */
  readonly bits: 32 | 128;
  /** The network number and mask as Go compares them: four bytes each for IPv4, sixteen for IPv6. */
  readonly network: readonly number[];
  readonly mask: readonly number[];
}

function maskBytes(prefixLength: number, bits: number): number[] {
  const bytes: number[] = [];
  for (let bit = 0; bit < bits; bit += 8) {
    const ones = Math.min(8, Math.max(0, prefixLength - bit));
    bytes.push((0xff << (8 - ones)) & 0xff);
  }
  return bytes;
}

/** Go's `net.ParseCIDR`: `<ip>/<prefix length>`, the length in decimal digits and within the family. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const length = text.slice(slash + 1);
  if (ip === undefined || !/^[0-9]+$/.test(length)) return undefined;
  const prefixLength = Number(length);
  const bits = ip.dotted ? 32 : 128;
  if (prefixLength > bits) return undefined;
  const fullMask = maskBytes(prefixLength, bits);
  const masked = (bits === 32 ? ip.bytes.slice(12) : ip.bytes).map((byte, index) => byte & (fullMask[index] ?? 0));
  // Go compares an IPv4-mapped network as IPv4, with the last four bytes of its mask.
  const mappedNetwork = bits === 128 ? ipv4Bytes({ bytes: masked, dotted: false }) : undefined;
  return {
    ip,
    prefixLength,
    bits,
    network: mappedNetwork ?? masked,
    mask: mappedNetwork ? fullMask.slice(12) : fullMask,
  };
}

/** Go's `IPNet.Contains`. */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  const bytes = ipv4Bytes(ip) ?? ip.bytes;
  if (bytes.length !== cidr.network.length) return false;
  return bytes.every((byte, index) => {
    const mask = cidr.mask[index] ?? 0;
    return ((cidr.network[index] ?? 0) & mask) === (byte & mask);
  });
}

/** Whether `inner` lies wholly inside `outer`: the same family, a prefix at least as long, and a matching network. */
export function cidrCovers(outer: Cidr, inner: Cidr): boolean {
  return outer.bits === inner.bits && inner.prefixLength >= outer.prefixLength && cidrContains(outer, inner.ip);
}

/**
 * Whether `ip` is the block's network number, or for an IPv4 block of four addresses or more its broadcast address:
 * the engine keeps both for itself ("Address already in use").
 */
export function isReservedAddress(cidr: Cidr, ip: IpAddress): boolean {
  const bytes = ipv4Bytes(ip) ?? ip.bytes;
  const same = (other: readonly number[]) => other.length === bytes.length && other.every((b, i) => b === bytes[i]);
  if (same(cidr.network)) return true;
  return (
    cidr.bits === 32 &&
    cidr.prefixLength <= 30 &&
    same(cidr.network.map((byte, index) => byte | (~(cidr.mask[index] ?? 0) & 0xff)))
  );
}
