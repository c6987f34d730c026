import type { ContainerSummary } from '@berth/types';

export type PortSummary = ContainerSummary['Ports'][number];

/** Go's `net.JoinHostPort`: an IPv6 address in brackets. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

// docker sorts by container port, then the host IP and port as strings and numbers, then the protocol
function comparePorts(a: PortSummary, b: PortSummary): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  const ipA = a.IP ?? '';
  const ipB = b.IP ?? '';
  if (ipA !== ipB) return ipA < ipB ? -1 : 1;
  const publicA = a.PublicPort ?? 0;
  const publicB = b.PublicPort ?? 0;
  if (publicA !== publicB) return publicA - publicB;
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

function portGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const protocol = slash >= 0 ? key.slice(slash + 1) : key;
  const range = first === last ? `${first}` : `${first}-${last}`;
  return `${ip === '' ? range : `${joinHostPort(ip, range)}->${range}`}/${protocol}`;
}

/**
 * The PORTS column of `docker ps` (docker's `DisplayablePorts`): consecutive ports with the same host address and
 * the same number on both sides fold into a range (`0.0.0.0:8000-8002->8000-8002/tcp`, `80-81/tcp`), mappings to
 * another host port are listed one by one after them (`0.0.0.0:8080->80/tcp`), all joined with `, `.
 */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const groups = new Map<string, { first: number; last: number }>();
  const folded: string[] = [];
  const mapped: string[] = [];
  for (const port of [...ports].sort(comparePorts)) {
    const current = port.PrivatePort;
    let key: string = port.Type;
    if (port.IP !== undefined && port.IP !== '') {
      if (port.PublicPort !== current) {
        mapped.push(`${joinHostPort(port.IP, port.PublicPort ?? 0)}->${current}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    folded.push(portGroup(key, group.first, group.last));
    // a Map keeps a key's first place when it is set again, as docker's list of keys does
    groups.set(key, { first: current, last: current });
  }
  for (const [key, group] of groups) folded.push(portGroup(key, group.first, group.last));
  return [...folded, ...mapped].join(', ');
}
