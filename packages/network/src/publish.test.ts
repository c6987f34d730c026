import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NetworkError, PortError, type PortErrorCode, parseExpose, parsePublish, parsePublishSpecs } from './index';

/** A `-p` value, then its mappings as `port hostIp hostPort` (an empty field is written as `-`). */
const valid: [string, string[]][] = [
  ['80', ['80/tcp - -']],
  ['8080:80', ['80/tcp - 8080']],
  ['0.0.0.0:8080:8080/tcp', ['8080/tcp 0.0.0.0 8080']],
  ['8080:8080/tcp', ['8080/tcp - 8080']],
  ['8088:8080/udp', ['8080/udp - 8088']],
  ['127.0.0.1:8080:8080/tcp', ['8080/tcp 127.0.0.1 8080']],
  ['127.0.0.1::5000', ['5000/tcp 127.0.0.1 -']],
  ['[::1]:8080:80', ['80/tcp ::1 8080']],
  ['[::1]::80', ['80/tcp ::1 -']],
  ['::1:8080:80', ['80/tcp ::1 8080']],
  [':::80:80', ['80/tcp :: 80']],
  ['[2001:db8::1]:53:53/udp', ['53/udp 2001:db8::1 53']],
  ['0:0:0:0:0:0:0:1:80:80', ['80/tcp 0:0:0:0:0:0:0:1 80']],
  ['[127.0.0.1]:80:80', ['80/tcp 127.0.0.1 80']],
  ['[]:80:80', ['80/tcp - 80']],
  ['8000-8010:80', ['80/tcp - 8000-8010']],
  ['8000-8001:80-81', ['80/tcp - 8000', '81/tcp - 8001']],
  ['80-82', ['80/tcp - -', '81/tcp - -', '82/tcp - -']],
  ['127.0.0.1::80-81/udp', ['80/udp 127.0.0.1 -', '81/udp 127.0.0.1 -']],
  ['1-2-3:80', ['80/tcp - 1-2']],
  ['0080:080', ['80/tcp - 80']],
  ['0:80', ['80/tcp - 0']],
  ['80:0', ['0/tcp - 80']],
  ['65535:65535', ['65535/tcp - 65535']],
  ['80/TCP', ['80/tcp - -']],
  ['80/Sctp', ['80/sctp - -']],
  ['80/', ['80/tcp - -']],
  ['80/udp/ignored', ['80/udp - -']],
  ['published=8080,target=80', ['80/tcp - 8080']],
  ['target=80', ['80/tcp - -']],
  ['published=8080,target=80,protocol=udp,mode=host', ['80/udp - 8080']],
  ['published=8080,target=80,bogus=1', ['80/tcp - 8080']],
  ['target=80,protocol=', ['80/tcp - -']],
  ['published=127.0.0.1:8080,target=80', ['80/tcp 127.0.0.1 8080']],
  ['published=8000-8001,target=80-81,protocol=sctp', ['80/sctp - 8000', '81/sctp - 8001']],
];

/** A `-p` value docker refuses, and the code berth refuses it with. */
const invalid: [string, PortErrorCode][] = [
  ['', 'missing-container-port'],
  ['80:', 'missing-container-port'],
  ['/tcp', 'missing-container-port'],
  ['localhost:80:80', 'invalid-host-ip'],
  ['example.com:80:80', 'invalid-host-ip'],
  ['1.2.3:80:80', 'invalid-host-ip'],
  ['01.2.3.4:80:80', 'invalid-host-ip'],
  ['[::1:80:80', 'invalid-host-ip'],
  ['[::1]x:80:80', 'invalid-host-ip'],
  ['[[::1]]:80:80', 'invalid-host-ip'],
  ['[fe80::1%eth0]:80:80', 'invalid-host-ip'],
  ['70000', 'invalid-container-port'],
  ['80-79', 'invalid-container-port'],
  ['80-', 'invalid-container-port'],
  ['-80', 'invalid-container-port'],
  ['+80', 'invalid-container-port'],
  ['http', 'invalid-container-port'],
  ['8080:70000', 'invalid-container-port'],
  ['70000:80', 'invalid-host-port'],
  ['90-80:80', 'invalid-host-port'],
  ['x:80', 'invalid-host-port'],
  ['8000-8002:9000-9003', 'port-range-mismatch'],
  ['8000:80-81', 'port-range-mismatch'],
  ['80/icmp', 'invalid-protocol'],
  ['80/tcp6', 'invalid-protocol'],
  ['published=8080,target', 'invalid-publish-option'],
  ['published=8080,=80', 'invalid-publish-option'],
  ['published=8080', 'missing-container-port'],
  ['target=80,protocol=icmp', 'invalid-protocol'],
];

function describeMapping(spec: string): string[] {
  return parsePublish(spec).map(({ port, binding }) => `${port} ${binding.HostIp || '-'} ${binding.HostPort || '-'}`);
}

describe('parsePublish', () => {
  it.each(valid)('%s', (spec, expected) => {
    expect(describeMapping(spec)).toEqual(expected);
  });

  it.each(invalid)('refuses %j (%s)', (spec, code) => {
    expect(() => parsePublish(spec)).toThrowError(expect.objectContaining({ code, input: spec }));
    expect(() => parsePublish(spec)).toThrowError(PortError);
  });

  it('names the offending value in the message', () => {
    expect(() => parsePublish('8000-8002:9000-9003')).toThrowError(
      /"8000-8002:9000-9003".*host ports 8000-8002 and container ports 9000-9003 differ in length/,
    );
  });

  it('returns mappings or throws a PortError for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789:-/[].,=abcdefptu'.split('')) }), (spec) => {
        try {
          const mappings = parsePublish(spec);
          expect(mappings.length).toBeGreaterThan(0);
          for (const { port } of mappings) expect(port).toMatch(/^\d+\/(tcp|udp|sctp)$/);
        } catch (error) {
          expect(error).toBeInstanceOf(PortError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('maps equal-length ranges one to one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60000 }),
        fc.integer({ min: 1, max: 60000 }),
        fc.integer({ min: 0, max: 20 }),
        (host, container, extra) => {
          const mappings = parsePublish(`${host}-${host + extra}:${container}-${container + extra}/udp`);
          expect(mappings).toHaveLength(extra + 1);
          mappings.forEach(({ port, binding }, index) => {
            expect(port).toBe(`${container + index}/udp`);
            expect(binding).toEqual({ HostIp: '', HostPort: String(host + index) });
          });
        },
      ),
    );
  });
});

describe('parsePublishSpecs', () => {
  it('exposes every published port and keeps a port’s bindings in flag order', () => {
    expect(parsePublishSpecs(['80', '127.0.0.1:8080:80', '53:53/udp'])).toEqual({
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      PortBindings: {
        '80/tcp': [
          { HostIp: '', HostPort: '' },
          { HostIp: '127.0.0.1', HostPort: '8080' },
        ],
        '53/udp': [{ HostIp: '', HostPort: '53' }],
      },
    });
  });

  it('sends empty maps for no -p at all', () => {
    expect(parsePublishSpecs([])).toEqual({ ExposedPorts: {}, PortBindings: {} });
  });

  it('reads every long form before any short one, as docker does', () => {
    expect(() => parsePublishSpecs(['x', 'published=1,target'])).toThrowError(
      expect.objectContaining({ code: 'invalid-publish-option' }),
    );
  });
});

describe('parseExpose', () => {
  it.each([
    ['80', ['80/tcp']],
    ['80/udp', ['80/udp']],
    ['90-92/udp', ['90/udp', '91/udp', '92/udp']],
    ['0080', ['80/tcp']],
    ['80/', ['80/tcp']],
    // docker neither lowercases nor checks the protocol of --expose
    ['80/TCP', ['80/TCP']],
    ['80/xyz', ['80/xyz']],
    ['80/tcp/x', ['80/tcp']],
    ['1-2-3', ['1/tcp', '2/tcp']],
  ])('%s', (spec, expected) => {
    expect(parseExpose(spec)).toEqual(expected);
  });

  it.each(['', '80:90', '/tcp', '80-', '80-79', '65536', 'x', '-1'])('refuses %j', (spec) => {
    expect(() => parseExpose(spec)).toThrowError(expect.objectContaining({ code: 'invalid-expose', input: spec }));
  });

  it('returns port keys or throws a NetworkError for any input', () => {
    fc.assert(
      fc.property(fc.string(), (spec) => {
        try {
          for (const key of parseExpose(spec)) expect(key).toMatch(/^\d+\//);
        } catch (error) {
          expect(error).toBeInstanceOf(NetworkError);
        }
      }),
    );
  });
});
