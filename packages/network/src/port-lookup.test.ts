import type { PortMap } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupPorts, PortError } from './index';

// What the engine reported for `-p 80 -p 127.0.0.1::80 -p 9000-9001:90-91/udp --expose 7000` on the web fixture.
const ports: PortMap = {
  '7000/tcp': null,
  '80/tcp': [
    { HostIp: '127.0.0.1', HostPort: '32768' },
    { HostIp: '0.0.0.0', HostPort: '32769' },
    { HostIp: '::', HostPort: '32768' },
  ],
  '90/udp': [
    { HostIp: '0.0.0.0', HostPort: '9000' },
    { HostIp: '::', HostPort: '9000' },
  ],
  '91/udp': [
    { HostIp: '0.0.0.0', HostPort: '9001' },
    { HostIp: '::', HostPort: '9001' },
  ],
};

describe('lookupPorts', () => {
  it('prints every binding as docker port does, in its natural order', () => {
    expect(lookupPorts(ports)).toEqual([
      '80/tcp -> 0.0.0.0:32769',
      '80/tcp -> 127.0.0.1:32768',
      '80/tcp -> [::]:32768',
      '90/udp -> 0.0.0.0:9000',
      '90/udp -> [::]:9000',
      '91/udp -> 0.0.0.0:9001',
      '91/udp -> [::]:9001',
    ]);
  });

  it.each([
    ['80', ['0.0.0.0:32769', '127.0.0.1:32768', '[::]:32768']],
    ['80/tcp', ['0.0.0.0:32769', '127.0.0.1:32768', '[::]:32768']],
    ['91/udp', ['0.0.0.0:9001', '[::]:9001']],
  ])('filters by %s', (filter, expected) => {
    expect(lookupPorts(ports, filter)).toEqual(expected);
  });

  it.each([
    ['80/udp', 'port-not-published'],
    // looked up as written, like docker
    ['0080', 'port-not-published'],
    ['80/TCP', 'port-not-published'],
    ['80/tcp/x', 'port-not-published'],
    // exposed but not published
    ['7000', 'port-not-published'],
    ['x', 'invalid-port'],
    ['70000', 'invalid-port'],
    ['', 'invalid-port'],
  ])('refuses %s (%s)', (filter, code) => {
    expect(() => lookupPorts(ports, filter)).toThrowError(expect.objectContaining({ code, input: filter }));
  });

  it('prints nothing for a container without ports', () => {
    expect(lookupPorts(undefined)).toEqual([]);
    expect(lookupPorts({})).toEqual([]);
  });

  it('sorts numbers by value, not by text', () => {
    const many: PortMap = {
      '10000/tcp': [{ HostIp: '0.0.0.0', HostPort: '2' }],
      '9/tcp': [{ HostIp: '0.0.0.0', HostPort: '10' }],
      '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '9' }],
    };
    expect(lookupPorts(many)).toEqual(['9/tcp -> 0.0.0.0:10', '80/tcp -> 0.0.0.0:9', '10000/tcp -> 0.0.0.0:2']);
  });

  it('lists each binding once, whatever the map, and filters or refuses any filter', () => {
    const binding = fc.record({ HostIp: fc.constantFrom('0.0.0.0', '::', '127.0.0.1', ''), HostPort: fc.string() });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.option(fc.array(binding), { nil: null })),
        fc.string(),
        (map, filter) => {
          const total = Object.values(map).reduce((sum, list) => sum + (list?.length ?? 0), 0);
          expect(lookupPorts(map)).toHaveLength(total);
          try {
            lookupPorts(map, filter);
          } catch (error) {
            expect(error).toBeInstanceOf(PortError);
          }
        },
      ),
    );
  });
});
