// ch.5.4: `docker port CONTAINER [PRIVATE_PORT[/PROTO]]`, computed from the container's NetworkSettings.Ports.

import { cut } from '@berth/go-syntax';
import type { PortMap } from '@berth/types';
import { PortError } from './errors';
import { compareNatural } from './natural-order';
import { parsePortNumber } from './port-range';

/** Go's `net.JoinHostPort`: an IPv6 host goes in brackets. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The lines `docker port` prints for a container's `NetworkSettings.Ports`: every binding as
 * `80/tcp -> 0.0.0.0:32768`, or, given a `PRIVATE_PORT[/PROTO]` filter, that port's host addresses
 * (`[::]:32768` for IPv6), in docker's natural order.
 */
export function lookupPorts(ports: PortMap | null | undefined, filter?: string): string[] {
  const lines: string[] = [];
  if (filter === undefined) {
    for (const [port, bindings] of Object.entries(ports ?? {})) {
      for (const binding of bindings ?? []) lines.push(`${port} -> ${joinHostPort(binding.HostIp, binding.HostPort)}`);
    }
  } else {
    const [port, proto] = cut(filter, '/');
    if (parsePortNumber(port) === undefined) {
      throw new PortError(
        'invalid-port',
        filter,
        `invalid port ${JSON.stringify(port)}: not a port number up to 65535`,
      );
    }
    // The key is looked up as written, so `0080` or `80/TCP` find nothing, as with docker.
    const bindings = ports?.[`${port}/${proto === '' ? 'tcp' : proto}`];
    if (!bindings || bindings.length === 0) {
      throw new PortError('port-not-published', filter, `no public port ${JSON.stringify(filter)} published`);
    }
    for (const binding of bindings) lines.push(joinHostPort(binding.HostIp, binding.HostPort));
  }
  return lines.sort(compareNatural);
}
