// ch.5.2.1: `--subnet`, `--ip-range`, `--gateway` and `--aux-address` of `docker network create`, grouped per
// subnet as docker CLI 28 does (network/create.go createIPAMConfig), plus the checks the engine makes late or
// not at all: an ip-range inside its subnet, gateways and auxiliary addresses that are plain IPs off the reserved
// addresses, IPv6 subnets only with --ipv6, one subnet per family on a bridge.

import { cut, setMapEntry } from '@berth/go-syntax';
import type { IPAMConfig } from '@berth/types';
import { type Cidr, cidrContains, cidrCovers, isReservedAddress, parseCidr } from './cidr';
import { NetworkCreateError, type NetworkCreateErrorCode } from './errors';
import { type IpAddress, ipEquals, parseIp } from './ip';

export interface IpamFlags {
  /** `--subnet`, repeatable, each value also split at commas. */
  subnet?: readonly string[];
  /** `--ip-range`, repeatable and comma-separated. */
  ipRange?: readonly string[];
  /** `--gateway`, repeatable and comma-separated. */
  gateway?: readonly string[];
  /** `--aux-address name=ip`, repeatable. */
  auxAddress?: readonly string[];
}

interface SubnetEntry {
  text: string;
  cidr: Cidr;
  config: IPAMConfig;
  gateway?: IpAddress;
}

function fail(code: NetworkCreateErrorCode, input: string, message: string): never {
  throw new NetworkCreateError(code, input, message);
}

/** A `StringSlice` flag: every value split at commas, empty values dropped. */
function commaList(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => (value === '' ? [] : value.split(',')));
}

function matchingSubnet(entries: readonly SubnetEntry[], ip: IpAddress): SubnetEntry | undefined {
  return entries.find((entry) => cidrContains(entry.cidr, ip));
}

/** The IPAM `Config` list, one entry per subnet in flag order. */
export function parseIpamConfig(
  flags: IpamFlags,
  options: { enableIPv6?: boolean; driver?: string } = {},
): IPAMConfig[] {
  const subnets = commaList(flags.subnet);
  const ranges = commaList(flags.ipRange);
  const gateways = commaList(flags.gateway);
  // Paired by count first (as docker does): the first range, else gateway, past the number of subnets has none.
  const unpaired = ranges[subnets.length] ?? gateways[subnets.length];
  if (unpaired !== undefined) {
    fail('no-matching-subnet', unpaired, `every --ip-range and --gateway needs a --subnet of its own (${unpaired})`);
  }

  const entries: SubnetEntry[] = [];
  for (const text of subnets) {
    const cidr = parseCidr(text) ?? fail('invalid-subnet', text, `--subnet ${text} is not a CIDR block (10.0.42.0/24)`);
    const overlapping = entries.find((entry) => cidrContains(entry.cidr, cidr.ip) || cidrContains(cidr, entry.cidr.ip));
    if (overlapping) fail('overlapping-subnets', text, `--subnet ${text} overlaps --subnet ${overlapping.text}`);
    if (cidr.bits === 128 && options.enableIPv6 !== true) {
      // The engine would keep the subnet and silently give containers no IPv6 address.
      fail('ipv6-not-enabled', text, `--subnet ${text} is IPv6: it needs --ipv6`);
    }
    const sameFamily = entries.find((entry) => entry.cidr.bits === cidr.bits);
    if (sameFamily && (options.driver ?? 'bridge') === 'bridge') {
      fail(
        'multiple-subnets-unsupported',
        text,
        `a bridge network takes one subnet per family: ${sameFamily.text} and ${text}`,
      );
    }
    entries.push({ text, cidr, config: { Subnet: text } });
  }

  for (const text of ranges) {
    const range = parseCidr(text) ?? fail('invalid-ip-range', text, `--ip-range ${text} is not a CIDR block`);
    const entry =
      matchingSubnet(entries, range.ip) ?? fail('no-matching-subnet', text, `no --subnet holds --ip-range ${text}`);
    if (entry.config.IPRange !== undefined) {
      fail('multiple-ip-ranges', text, `--subnet ${entry.text} already has --ip-range ${entry.config.IPRange}`);
    }
    // The engine takes 10.0.42.0/16 on 10.0.42.0/24 without a word.
    if (!cidrCovers(entry.cidr, range)) {
      fail('ip-range-outside-subnet', text, `--ip-range ${text} reaches outside --subnet ${entry.text}`);
    }
    entry.config.IPRange = text;
  }

  for (const text of gateways) {
    const ip = parseIp(text) ?? fail('invalid-gateway', text, `--gateway ${text} is not an IP address`);
    const entry =
      matchingSubnet(entries, ip) ?? fail('no-matching-subnet', text, `no --subnet holds --gateway ${text}`);
    if (entry.config.Gateway !== undefined) {
      fail('multiple-gateways', text, `--subnet ${entry.text} already has --gateway ${entry.config.Gateway}`);
    }
    if (isReservedAddress(entry.cidr, ip)) {
      fail('reserved-address', text, `--gateway ${text} is the network or broadcast address of ${entry.text}`);
    }
    entry.config.Gateway = text;
    entry.gateway = ip;
  }

  const aux = new Map<string, string>();
  for (const value of flags.auxAddress ?? []) {
    const [name, address] = cut(value, '=');
    aux.set(name, address);
  }
  for (const [name, text] of aux) {
    const ip = parseIp(text) ?? fail('invalid-aux-address', text, `--aux-address ${name}=${text}: not an IP address`);
    const entry =
      matchingSubnet(entries, ip) ??
      fail('no-matching-subnet', text, `no --subnet holds --aux-address ${name}=${text}`);
    if (isReservedAddress(entry.cidr, ip) || (entry.gateway && ipEquals(entry.gateway, ip))) {
      fail('reserved-address', text, `--aux-address ${name}=${text} is the gateway, network or broadcast address`);
    }
    entry.config.AuxiliaryAddresses ??= {};
    setMapEntry(entry.config.AuxiliaryAddresses, name, text);
  }
  return entries.map((entry) => entry.config);
}
