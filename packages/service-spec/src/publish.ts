import { cut } from '@berth/go-syntax';
import type { EndpointPortConfig, PublishMode } from '@berth/types';
import { ServiceSpecError } from './errors';

type Protocol = NonNullable<EndpointPortConfig['Protocol']>;
const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

function invalid(value: string, why: string): never {
  throw new ServiceSpecError('invalid-publish', value, `invalid argument "${value}" for "-p, --publish" flag: ${why}`);
}

function portNumber(value: string, word: string): number {
  if (!/^[0-9]+$/.test(word) || Number(word) > 65535) invalid(value, `invalid port: ${word}`);
  return Number(word);
}

function portRange(value: string, word: string): [number, number] {
  const [start = '', end] = word.split('-');
  const first = portNumber(value, start);
  const last = end === undefined ? first : portNumber(value, end);
  if (last < first) invalid(value, `invalid range: ${word}`);
  return [first, last];
}

function protocolOf(value: string, word: string): Protocol {
  if (!PROTOCOLS.has(word)) invalid(value, `invalid protocol: ${word}`);
  return word as Protocol;
}

/** `published=8080,target=80,mode=host,protocol=udp`: docker's long syntax for one port. */
function longSyntax(value: string): EndpointPortConfig[] {
  let target: number | undefined;
  let published: number | undefined;
  let mode: PublishMode = 'ingress';
  let protocol: Protocol = 'tcp';
  for (const field of value.split(',')) {
    const [key, word, found] = cut(field, '=');
    if (!found) invalid(value, `invalid field ${field} must be a key=value pair`);
    if (key === 'target') target = portNumber(value, word);
    else if (key === 'published') published = portNumber(value, word);
    else if (key === 'mode' && (word === 'ingress' || word === 'host')) mode = word;
    else if (key === 'protocol') protocol = protocolOf(value, word);
    else invalid(value, `invalid field key ${key}`);
  }
  if (target === undefined) invalid(value, 'missing mandatory field "target"');
  const port: EndpointPortConfig = { Protocol: protocol, TargetPort: target, PublishMode: mode };
  if (published !== undefined) port.PublishedPort = published;
  return [port];
}

/** `[PUBLISHED:]TARGET[/PROTOCOL]`, ranges allowed (`8000-8001:80-81`); a host IP is refused as docker refuses it. */
function shortSyntax(value: string): EndpointPortConfig[] {
  const [ports, protocolWord, hasProtocol] = cut(value, '/');
  const protocol = hasProtocol ? protocolOf(value, protocolWord) : 'tcp';
  const parts = ports.split(':');
  if (parts.length > 2) invalid(value, 'hostip is not supported');
  const [targets] = parts.length === 2 ? [portRange(value, parts[1] ?? '')] : [portRange(value, parts[0] ?? '')];
  const published = parts.length === 2 ? portRange(value, parts[0] ?? '') : undefined;
  const count = targets[1] - targets[0] + 1;
  if (published && published[1] - published[0] + 1 !== count && published[0] !== published[1]) {
    invalid(value, `invalid ranges specified for container and host Ports: ${parts[1]} and ${parts[0]}`);
  }
  return Array.from({ length: count }, (_, offset): EndpointPortConfig => {
    const port: EndpointPortConfig = { Protocol: protocol, TargetPort: targets[0] + offset, PublishMode: 'ingress' };
    if (published) port.PublishedPort = published[0] === published[1] ? published[0] : published[0] + offset;
    return port;
  });
}

/** One `--publish` of `docker service create`, in either syntax, as the endpoint's port configs. */
export function parseServicePublish(value: string): EndpointPortConfig[] {
  return value.includes('=') ? longSyntax(value) : shortSyntax(value);
}
