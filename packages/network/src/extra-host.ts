// ch.5.5.2: `--add-host host:ip`, also `host=ip`, a bracketed or bare IPv6 address, or `host-gateway`
// (opts.ValidateExtraHost of docker CLI 28).

import { cut, trimSpace } from '@berth/go-syntax';
import { ContainerNetworkError } from './errors';
import { isIp } from './ip';

/** The special address the engine replaces with the host's gateway IP. */
export const HOST_GATEWAY = 'host-gateway';

/** One `--add-host` value → the `host:ip` entry of `HostConfig.ExtraHosts` (the form the engine understands). */
export function parseExtraHost(value: string): string {
  let [host, address, found] = cut(value, '=');
  // Without `=`, only the first `:` separates, so an IPv6 address may follow.
  if (!found) [host, address, found] = cut(value, ':');
  if (!found || host === '' || host.includes(':')) {
    throw new ContainerNetworkError(
      'invalid-extra-host',
      value,
      `invalid --add-host ${JSON.stringify(value)}: want host:ip or host=ip`,
    );
  }
  if (address !== HOST_GATEWAY) {
    if (address.length > 2 && address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
    // Checked trimmed but kept as written, as docker does, so /etc/hosts shows what the user typed.
    if (!isIp(trimSpace(address))) {
      throw new ContainerNetworkError(
        'invalid-extra-host',
        value,
        `invalid --add-host ${JSON.stringify(value)}: ${JSON.stringify(address)} is not an IP address or ${HOST_GATEWAY}`,
      );
    }
  }
  return `${host}:${address}`;
}
