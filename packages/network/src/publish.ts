// ch.5.4: `-p/--publish [ip:][hostPort[-end]:]containerPort[-end][/proto]`, and the long form
// `published=…,target=…,protocol=…`, read as docker CLI 28 reads them (opts.go convertToStandardNotation and
// go-connections nat.ParsePortSpec).

import { cut } from '@berth/go-syntax';
import type { PortBinding, PortKey, PortMap } from '@berth/types';
import { PortError, type PortErrorCode } from './errors';
import { parseIp } from './ip';
import { type PortRange, parsePortRange, splitProtoPort } from './port-range';

/** One container port and the host binding a `-p` value asks for it. */
export interface PortMapping {
  port: PortKey;
  binding: PortBinding;
}

/** What a list of `-p` values adds to a create request. */
export interface PublishedPorts {
  ExposedPorts: Record<PortKey, Record<string, never>>;
  PortBindings: PortMap;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** The long form rewritten as `published:target/protocol`; other keys (`mode=`) are accepted and ignored, as docker does. */
function toShortForm(spec: string): string {
  if (!spec.includes('=')) return spec;
  const params = new Map([['protocol', 'tcp']]);
  for (const param of spec.split(',')) {
    const [key, value, found] = cut(param, '=');
    if (!found || key === '') {
      throw new PortError(
        'invalid-publish-option',
        spec,
        `invalid publish option ${JSON.stringify(param)} in ${JSON.stringify(spec)}: want name=value`,
      );
    }
    params.set(key, value);
  }
  return `${params.get('published') ?? ''}:${params.get('target') ?? ''}/${params.get('protocol')}`;
}

/** The last two `:` fields are the ports; whatever comes before them is the host IP (bare IPv6 included). */
function splitParts(spec: string): [ip: string, hostPort: string, containerPort: string] {
  const parts = spec.split(':');
  const containerPort = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return ['', '', containerPort];
  return [parts.slice(0, -2).join(':'), parts[parts.length - 2] ?? '', containerPort];
}

/** `[addr]` → `addr`, with the bracket rules of Go's `net.SplitHostPort`; `undefined` when malformed. */
function unbracket(ip: string): string | undefined {
  const close = ip.indexOf(']');
  if (close !== ip.length - 1) return undefined;
  const inside = ip.slice(1, -1);
  return inside.includes('[') ? undefined : inside;
}

function parseShortForm(spec: string, written: string): PortMapping[] {
  const [rawIp, hostPort, containerField] = splitParts(spec);
  const [proto, containerPort] = splitProtoPort(containerField);
  const fail = (code: PortErrorCode, rule: string): never => {
    throw new PortError(code, written, `invalid port publication ${JSON.stringify(written)}: ${rule}`);
  };

  let ip = rawIp;
  if (ip.startsWith('[')) {
    ip = unbracket(ip) ?? fail('invalid-host-ip', `${rawIp} is not a bracketed IP address`);
  }
  // An empty pair of brackets leaves no address at all, which docker takes as "every interface".
  if (ip !== '' && parseIp(ip) === undefined) {
    fail('invalid-host-ip', `the host IP ${rawIp} is not an IP address (docker takes no host names here)`);
  }
  if (containerPort === '') fail('missing-container-port', 'no container port');

  const container =
    parsePortRange(containerPort) ??
    fail('invalid-container-port', `the container port ${containerPort} is not a port or range up to 65535`);
  let host: PortRange = { start: 0, end: 0 };
  if (hostPort !== '') {
    host =
      parsePortRange(hostPort) ??
      fail('invalid-host-port', `the host port ${hostPort} is not a port or range up to 65535`);
  }
  // A host range with a single container port is the pool the engine picks one host port from.
  if (
    hostPort !== '' &&
    container.end - container.start !== host.end - host.start &&
    container.end !== container.start
  ) {
    fail('port-range-mismatch', `host ports ${hostPort} and container ports ${containerPort} differ in length`);
  }
  const protocol = proto.toLowerCase();
  if (!PROTOCOLS.has(protocol)) fail('invalid-protocol', `protocol ${proto} is not tcp, udp or sctp`);

  const mappings: PortMapping[] = [];
  for (let offset = 0; offset <= container.end - container.start; offset++) {
    let binding = hostPort === '' ? '' : String(host.start + offset);
    if (container.start === container.end && host.start !== host.end) binding = `${binding}-${host.end}`;
    mappings.push({ port: `${container.start + offset}/${protocol}`, binding: { HostIp: ip, HostPort: binding } });
  }
  return mappings;
}

/** One `-p` value → the container ports it publishes, each with its host binding, in order. */
export function parsePublish(spec: string): PortMapping[] {
  return parseShortForm(toShortForm(spec), spec);
}

/** Every `-p` value → `ExposedPorts` and `HostConfig.PortBindings`, bindings of one port kept in flag order. */
export function parsePublishSpecs(specs: readonly string[]): PublishedPorts {
  const shortForms = specs.map((spec) => [toShortForm(spec), spec] as const);
  const published: PublishedPorts = { ExposedPorts: {}, PortBindings: {} };
  for (const [shortForm, spec] of shortForms) {
    for (const { port, binding } of parseShortForm(shortForm, spec)) {
      published.ExposedPorts[port] = {};
      published.PortBindings[port] = [...(published.PortBindings[port] ?? []), binding];
    }
  }
  return published;
}
