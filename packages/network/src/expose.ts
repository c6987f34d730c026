// `--expose port[-end][/proto]` as docker CLI 28 reads it: a range exposes every port in it, and the protocol is
// taken as written (docker neither lowercases nor checks it here, unlike -p).
import type { PortKey } from '@berth/types';
import { PortError } from './errors';
import { parsePortRange, splitProtoPort } from './port-range';

/** One `--expose` value → the `ExposedPorts` keys it adds, in port order. */
export function parseExpose(spec: string): PortKey[] {
  if (spec.includes(':')) {
    throw new PortError('invalid-expose', spec, `invalid --expose ${JSON.stringify(spec)}: it takes no host part`);
  }
  const [proto, port] = splitProtoPort(spec);
  const range = parsePortRange(port);
  if (range === undefined) {
    throw new PortError(
      'invalid-expose',
      spec,
      `invalid --expose ${JSON.stringify(spec)}: ${port === '' ? 'no port' : `${port} is not a port or range up to 65535`}`,
    );
  }
  const keys: PortKey[] = [];
  for (let port = range.start; port <= range.end; port++) keys.push(`${port}/${proto}`);
  return keys;
}
