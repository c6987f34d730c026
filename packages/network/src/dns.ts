// ch.5.5.2: `--dns`, `--dns-search` and `--dns-option`, validated as docker CLI 28 does (opts.ValidateIPAddress,
// opts.ValidateDNSSearch).

import { trimSpace } from '@berth/go-syntax';
import { ContainerNetworkError } from './errors';
import { formatIp, parseIp } from './ip';

/** `--dns`: must be an IP address (a container needs a server to look names up); docker sends its canonical form. */
export function parseDnsServer(value: string): string {
  const ip = parseIp(trimSpace(value));
  if (ip === undefined) {
    throw new ContainerNetworkError(
      'invalid-dns-server',
      value,
      `invalid --dns ${JSON.stringify(value)}: a DNS server must be an IP address`,
    );
  }
  return formatIp(ip);
}

// docker's pattern, `(:?` slips included: they make a colon before any label legal.
const DOMAIN =
  /^((:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?[\t\n\f\r ]*$/;

/** `--dns-search`: `.` (no search domain) or a domain name, sent without its trailing dot. */
export function parseDnsSearch(value: string): string {
  const domain = value.replace(/^ +| +$/g, '');
  if (domain === '.') return domain;
  const name = /[a-zA-Z]/.test(domain) ? DOMAIN.exec(domain)?.[1] : undefined;
  if (name === undefined || name.length >= 255) {
    throw new ContainerNetworkError(
      'invalid-dns-search',
      value,
      `invalid --dns-search ${JSON.stringify(value)}: not a domain name (letters, digits and inner hyphens, at least one letter)`,
    );
  }
  return name;
}
