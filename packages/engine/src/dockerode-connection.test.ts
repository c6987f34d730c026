import { describe, expect, it } from 'vitest';
import { type DockerModemSettings, modemEndpoint } from './dockerode-connection';

describe('modemEndpoint (where a dockerode client points)', () => {
  it.each<[string, DockerModemSettings, object]>([
    ['a socket path', { socketPath: '/run/docker.sock' }, { kind: 'unix', address: 'unix:///run/docker.sock' }],
    [
      "docker-modem's default socket",
      { socketPath: async () => '/var/run/docker.sock' },
      { kind: 'unix', address: "unix:// (dockerode's default socket)" },
    ],
    [
      'tcp with a path prefix',
      { host: 'box', port: '2375', protocol: 'http', pathPrefix: '/docker/' },
      { kind: 'tcp', address: 'http://box:2375/docker', host: 'box', port: 2375, basePath: '/docker' },
    ],
    [
      'TLS on the default port',
      { host: 'https://box', protocol: 'https' },
      { kind: 'tcp', address: 'https://box:443', host: 'box', port: 443 },
    ],
    [
      'ssh',
      { host: 'box', port: 2222, protocol: 'ssh', username: 'me' },
      { kind: 'ssh', address: 'ssh://me@box:2222', host: 'box', port: 2222, user: 'me' },
    ],
    ['a pinned version', { socketPath: '/s', version: 'v1.43' }, { apiVersion: '1.43', source: 'dockerode' }],
  ])('%s', (_, modem, endpoint) => {
    expect(modemEndpoint(modem)).toMatchObject({ source: 'dockerode', context: 'default', ...endpoint });
  });
});
