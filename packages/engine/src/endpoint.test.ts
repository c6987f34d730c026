import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EndpointFiles, resolveEndpoint } from './endpoint';
import { EndpointError } from './errors';

const sha = (name: string) => createHash('sha256').update(name).digest('hex');

function filesOf(map: Record<string, string>, homeDir = '/home/me'): EndpointFiles {
  return { homeDir, readFile: (path) => map[path] };
}

function contextMeta(name: string, host: string, skipTlsVerify = false): string {
  return JSON.stringify({
    Name: name,
    Metadata: {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: skipTlsVerify } },
  });
}

const remote = {
  [`/home/me/.docker/contexts/meta/${sha('remote')}/meta.json`]: contextMeta('remote', 'tcp://10.1.2.3:2376'),
  [`/home/me/.docker/contexts/tls/${sha('remote')}/docker/ca.pem`]: 'CA',
  [`/home/me/.docker/contexts/tls/${sha('remote')}/docker/cert.pem`]: 'CERT',
  [`/home/me/.docker/contexts/tls/${sha('remote')}/docker/key.pem`]: 'KEY',
  [`/home/me/.docker/contexts/meta/${sha('rootless')}/meta.json`]: contextMeta(
    'rootless',
    'unix:///run/user/1000/docker.sock',
  ),
  [`/home/me/.docker/contexts/meta/${sha('insecure')}/meta.json`]: contextMeta('insecure', 'tcp://h:2376', true),
  [`/home/me/.docker/contexts/meta/${sha('far')}/meta.json`]: contextMeta('far', 'ssh://me@far.example'),
};

describe('resolveEndpoint', () => {
  it('uses the local socket when nothing is set', () => {
    expect(resolveEndpoint({ HOME: '/home/me' }, filesOf({}))).toEqual({
      kind: 'unix',
      address: 'unix:///var/run/docker.sock',
      socketPath: '/var/run/docker.sock',
      context: 'default',
      source: 'default',
    });
  });

  it.each([
    [
      'DOCKER_HOST over DOCKER_CONTEXT',
      { DOCKER_HOST: 'tcp://h:1', DOCKER_CONTEXT: 'remote' },
      {},
      'tcp://h:1',
      'DOCKER_HOST',
    ],
    [
      'DOCKER_CONTEXT over the current context',
      { DOCKER_CONTEXT: 'rootless' },
      {},
      'unix:///run/user/1000/docker.sock',
      'DOCKER_CONTEXT',
    ],
    ['the current context of config.json', {}, {}, 'tcp://10.1.2.3:2376', 'current-context'],
    ['a host option over DOCKER_HOST', { DOCKER_HOST: 'tcp://h:1' }, { host: 'tcp://o:2' }, 'tcp://o:2', 'host-option'],
    [
      'a context option over DOCKER_HOST',
      { DOCKER_HOST: 'tcp://h:1' },
      { context: 'rootless' },
      'unix:///run/user/1000/docker.sock',
      'context-option',
    ],
    [
      'DOCKER_CONTEXT=default as the environment’s endpoint',
      { DOCKER_CONTEXT: 'default' },
      {},
      'unix:///var/run/docker.sock',
      'DOCKER_CONTEXT',
    ],
  ] as const)('chooses %s', (_, env, overrides, address, source) => {
    const files = filesOf({ ...remote, '/home/me/.docker/config.json': '{"currentContext":"remote"}' });
    const endpoint = resolveEndpoint({ HOME: '/home/me', ...env }, files, overrides);
    expect(endpoint.address).toBe(address);
    expect(endpoint.source).toBe(source);
  });

  it('reads a context’s TLS files and honours SkipTLSVerify', () => {
    const files = filesOf(remote);
    expect(resolveEndpoint({ HOME: '/home/me', DOCKER_CONTEXT: 'remote' }, files)).toMatchObject({
      kind: 'tcp',
      host: '10.1.2.3',
      port: 2376,
      context: 'remote',
      tls: { ca: 'CA', cert: 'CERT', key: 'KEY', verify: true },
    });
    expect(resolveEndpoint({ HOME: '/home/me', DOCKER_CONTEXT: 'insecure' }, files).tls).toEqual({ verify: false });
  });

  it('keeps an ssh context for dockerode’s dialer, with the ssh agent of the environment', () => {
    const endpoint = resolveEndpoint(
      { HOME: '/home/me', DOCKER_CONTEXT: 'far', SSH_AUTH_SOCK: '/tmp/agent' },
      filesOf(remote),
    );
    expect(endpoint).toMatchObject({ kind: 'ssh', host: 'far.example', user: 'me', sshAuthSocket: '/tmp/agent' });
  });

  it('reads the config directory from DOCKER_CONFIG', () => {
    const files = filesOf({
      '/etc/dc/config.json': '{"currentContext":"rootless"}',
      [`/etc/dc/contexts/meta/${sha('rootless')}/meta.json`]: contextMeta('rootless', 'unix:///r.sock'),
    });
    expect(resolveEndpoint({ HOME: '/home/me', DOCKER_CONFIG: '/etc/dc' }, files).address).toBe('unix:///r.sock');
  });

  it('falls back to the files’ home directory when HOME is unset', () => {
    const files = filesOf({ ...remote, '/home/me/.docker/config.json': '{"currentContext":"rootless"}' });
    expect(resolveEndpoint({}, files).context).toBe('rootless');
  });

  it('uses TLS from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for the default context', () => {
    const files = filesOf({ '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' });
    const env = { HOME: '/home/me', DOCKER_HOST: 'tcp://h:2376', DOCKER_CERT_PATH: '/certs' };
    expect(resolveEndpoint({ ...env, DOCKER_TLS_VERIFY: '1' }, files).tls).toEqual({
      ca: 'CA',
      cert: 'CERT',
      key: 'KEY',
      verify: true,
    });
    // any non-empty value counts, as in docker/cli
    expect(resolveEndpoint({ ...env, DOCKER_TLS_VERIFY: '0' }, files).tls?.verify).toBe(true);
    expect(resolveEndpoint({ ...env, DOCKER_TLS: '1' }, files).tls?.verify).toBe(false);
    expect(resolveEndpoint(env, files).tls).toBeUndefined();
  });

  it('defaults to tcp://localhost:2376 and ~/.docker certificates when only TLS is set', () => {
    const files = filesOf({ '/home/me/.docker/ca.pem': 'CA' });
    expect(resolveEndpoint({ HOME: '/home/me', DOCKER_TLS_VERIFY: '1' }, files)).toMatchObject({
      address: 'tcp://localhost:2376',
      tls: { ca: 'CA', verify: true },
    });
  });

  it('reads DOCKER_API_VERSION as a version to use without negotiating', () => {
    expect(resolveEndpoint({ HOME: '/h', DOCKER_API_VERSION: '1.40' }, filesOf({})).apiVersion).toBe('1.40');
    expect(resolveEndpoint({ HOME: '/h', DOCKER_API_VERSION: 'v1.39' }, filesOf({})).apiVersion).toBe('1.39');
  });

  it.each([
    ['a missing context', { DOCKER_CONTEXT: 'nope' }, {}, {}, 'context-not-found', 'nope'],
    [
      'a context without a docker endpoint',
      { DOCKER_CONTEXT: 'bare' },
      {},
      { [`/home/me/.docker/contexts/meta/${sha('bare')}/meta.json`]: '{"Endpoints":{}}' },
      'invalid-context',
      'bare',
    ],
    [
      'a config.json that is not JSON',
      {},
      {},
      { '/home/me/.docker/config.json': '{oops' },
      'invalid-config-file',
      '/home/me/.docker/config.json',
    ],
    [
      'TLS without a CA file',
      { DOCKER_TLS_VERIFY: '1', DOCKER_HOST: 'tcp://h:2376' },
      {},
      {},
      'tls-file-missing',
      '/home/me/.docker/ca.pem',
    ],
    [
      'both a host and a context',
      {},
      { host: 'tcp://h:1', context: 'remote' },
      {},
      'conflicting-endpoint-options',
      'remote',
    ],
    ['a malformed DOCKER_API_VERSION', { DOCKER_API_VERSION: 'latest' }, {}, {}, 'invalid-api-version', 'latest'],
    ['a malformed DOCKER_HOST', { DOCKER_HOST: 'bogus://x' }, {}, {}, 'invalid-docker-host', 'bogus://x'],
  ] as const)('refuses %s', (_, env, overrides, map, code, input) => {
    const run = () => resolveEndpoint({ HOME: '/home/me', ...env }, filesOf(map), overrides);
    expect(run).toThrow(EndpointError);
    expect(run).toThrow(expect.objectContaining({ code, input }));
  });

  it('returns an endpoint or throws EndpointError for any environment and files', () => {
    const value = fc.oneof(
      fc.constantFrom('', 'remote', 'tcp://h:1', '1', 'unix:///s', 'ssh://h', '{}', 'x'),
      fc.string(),
    );
    const env = fc.record(
      {
        HOME: fc.constant('/home/me'),
        DOCKER_HOST: value,
        DOCKER_CONTEXT: value,
        DOCKER_TLS_VERIFY: value,
        DOCKER_API_VERSION: value,
      },
      { requiredKeys: ['HOME'] },
    );
    const config = fc.oneof(fc.constant(undefined), fc.string(), fc.json());
    fc.assert(
      fc.property(env, config, (environment, configText) => {
        const map: Record<string, string> = { ...remote };
        if (configText !== undefined) map['/home/me/.docker/config.json'] = configText;
        try {
          expect(resolveEndpoint(environment, filesOf(map)).address).toMatch(/:\/\//);
        } catch (error) {
          expect(error).toBeInstanceOf(EndpointError);
        }
      }),
    );
  });
});
