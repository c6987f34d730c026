import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDockerHost } from './docker-host';
import { EndpointError } from './errors';

// The addresses are what `DOCKER_HOST=<value> docker context inspect default` prints with docker CLI 28.
const accepted: [value: string, address: string][] = [
  ['', 'unix:///var/run/docker.sock'],
  ['unix://', 'unix:///var/run/docker.sock'],
  ['unix:///x.sock', 'unix:///x.sock'],
  ['npipe://', 'npipe:////./pipe/docker_engine'],
  ['tcp://', 'tcp://localhost:2375'],
  ['tcp://:2375', 'tcp://localhost:2375'],
  ['1.2.3.4', 'tcp://1.2.3.4:2375'],
  ['host:99', 'tcp://host:99'],
  ['tcp://[::1]:', 'tcp://[::1]:2375'],
  ['tcp://[::1]:2376', 'tcp://[::1]:2376'],
  ['::1', 'tcp://[::1]:2375'],
  ['tcp://h/path/', 'tcp://h:2375/path/'],
  [' tcp://h:1 ', 'tcp://h:1'],
  ['tcp://h:0', 'tcp://h:0'],
  ['tcp://h?x=1', 'tcp://h:2375'],
  ['tcp://user@h:1', 'tcp://h:1'],
  ['ssh://me@host:22', 'ssh://me@host:22'],
  ['ssh://host', 'ssh://host'],
];

// docker refuses all but the last three at start-up; those it accepts and fails on when it dials.
const refused: string[] = [
  'tcp://[::1]',
  'tcp://h:abc',
  'bogus://x',
  'tcp://a:b:c',
  'tcp://[::1',
  'unix://a://b',
  'tcp://h:-1',
  'tcp://h:99999',
  'ssh://me:pw@h',
  'ssh://h/sock',
];

describe('parseDockerHost', () => {
  it.each(accepted)('reads %j as %s', (value, address) => {
    expect(parseDockerHost(value).address).toBe(address);
  });

  it.each(refused)('refuses %j naming it', (value) => {
    expect(() => parseDockerHost(value)).toThrow(EndpointError);
    try {
      parseDockerHost(value);
    } catch (error) {
      expect((error as EndpointError).input).toBe(value);
      expect((error as EndpointError).code).toBe('invalid-docker-host');
    }
  });

  it('takes an address apart for dialing', () => {
    expect(parseDockerHost('tcp://10.0.0.2:2376/prefix/')).toEqual({
      kind: 'tcp',
      address: 'tcp://10.0.0.2:2376/prefix/',
      host: '10.0.0.2',
      port: 2376,
      basePath: '/prefix',
    });
    expect(parseDockerHost('ssh://me@[fd00::1]:2222')).toEqual({
      kind: 'ssh',
      address: 'ssh://me@[fd00::1]:2222',
      host: 'fd00::1',
      port: 2222,
      user: 'me',
    });
    expect(parseDockerHost('unix:///run/user/1000/docker.sock')).toMatchObject({
      kind: 'unix',
      socketPath: '/run/user/1000/docker.sock',
    });
  });

  it('defaults to TCP on 2376 when TLS is asked for and no host is given', () => {
    expect(parseDockerHost('', true).address).toBe('tcp://localhost:2376');
    expect(parseDockerHost('tcp://h', true).address).toBe('tcp://h:2375');
  });

  it('refuses fd://, an address only a daemon listens on', () => {
    expect(() => parseDockerHost('fd://')).toThrow(/daemon listens on/);
  });

  it('returns an address or throws EndpointError for any input', () => {
    const pieces = fc.constantFrom(
      'tcp://',
      'unix://',
      'ssh://',
      'npipe://',
      'fd://',
      '[',
      ']',
      ':',
      '/',
      '@',
      '?',
      '#',
    );
    const input = fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 6 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(input, fc.boolean(), (value, tls) => {
        try {
          const host = parseDockerHost(value, tls);
          expect(host.address).toMatch(/^(unix|npipe|tcp|ssh):\/\//);
        } catch (error) {
          expect(error).toBeInstanceOf(EndpointError);
        }
      }),
    );
  });
});
