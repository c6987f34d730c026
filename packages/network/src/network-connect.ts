// ch.5.2.2: `docker network connect [OPTIONS] NETWORK CONTAINER` → the body of `POST /networks/{id}/connect`, as
// docker CLI 28 sends it (network/connect.go): the endpoint's addresses, aliases, links and driver options.

import { cut } from '@berth/go-syntax';
import { compareApiVersions, type NetworkConnectRequest } from '@berth/types';
import { ContainerNetworkError } from './errors';
import { isIp } from './ip';
import { parseLink } from './link';

export interface NetworkConnectFlags {
  /** `--alias`, repeatable and comma-separated. */
  alias?: readonly string[];
  /** `--driver-opt key=value`, repeatable and comma-separated. */
  driverOpt?: readonly string[];
  /** `--gw-priority`: API 1.48 and later. */
  gwPriority?: number;
  /** `--ip`. */
  ip?: string;
  /** `--ip6`. */
  ip6?: string;
  /** `--link name[:alias]`, repeatable. */
  link?: readonly string[];
  /** `--link-local-ip`, repeatable and comma-separated. */
  linkLocalIp?: readonly string[];
}

/** A `StringSlice` flag: every value split at commas. */
function commaList(values: readonly string[] | undefined): string[] | null {
  const list = (values ?? []).flatMap((value) => (value === '' ? [] : value.split(',')));
  return list.length === 0 ? null : list;
}

/** `key=value` driver options, both sides trimmed; docker refuses one without `=` or with an empty key. */
function driverOptions(values: readonly string[] | undefined): Record<string, string> | null {
  const list = commaList(values);
  if (list === null) return null;
  const options: Record<string, string> = {};
  for (const option of list) {
    const [rawKey, value, found] = cut(option, '=');
    const key = rawKey.trim();
    if (!found || key === '') {
      throw new ContainerNetworkError(
        'invalid-network-option',
        option,
        'invalid key/value pair format in driver options',
      );
    }
    options[key] = value.trim();
  }
  return options;
}

/**
 * The connect request for `container`, or a {@link ContainerNetworkError} for what docker refuses (a bad `--link`, an address that is
 * no IP, a driver option without `=`, `--gw-priority` on an engine older than API 1.48 when `apiVersion` is given).
 */
export function parseNetworkConnect(
  container: string,
  flags: NetworkConnectFlags = {},
  options: { apiVersion?: string } = {},
): NetworkConnectRequest {
  for (const link of flags.link ?? []) parseLink(link);
  const ips = [flags.ip, flags.ip6, ...(commaList(flags.linkLocalIp) ?? [])];
  for (const ip of ips) {
    if (ip && !isIp(ip)) {
      throw new ContainerNetworkError('invalid-ip-address', ip, `invalid string being converted to IP address: ${ip}`);
    }
  }
  const gwPriority = flags.gwPriority ?? 0;
  if (gwPriority !== 0 && options.apiVersion !== undefined && compareApiVersions(options.apiVersion, '1.48') < 0) {
    throw new ContainerNetworkError(
      'requires-newer-api',
      String(gwPriority),
      `--gw-priority needs API 1.48; the engine speaks ${options.apiVersion}`,
    );
  }
  const linkLocal = commaList(flags.linkLocalIp);
  return {
    Container: container,
    EndpointConfig: {
      IPAMConfig: {
        ...(flags.ip ? { IPv4Address: flags.ip } : {}),
        ...(flags.ip6 ? { IPv6Address: flags.ip6 } : {}),
        ...(linkLocal ? { LinkLocalIPs: linkLocal } : {}),
      },
      Links: flags.link && flags.link.length > 0 ? [...flags.link] : null,
      Aliases: commaList(flags.alias),
      DriverOpts: driverOptions(flags.driverOpt),
      ...(gwPriority === 0 ? {} : { GwPriority: gwPriority }),
    },
  };
}
