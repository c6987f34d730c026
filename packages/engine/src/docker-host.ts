import { EndpointError } from './errors';

// The defaults of docker/cli's opts/hosts.go: a local socket, or plain/TLS TCP on the IANA-registered ports.
const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';
const DEFAULT_TCP_HOST = 'localhost';
const DEFAULT_TCP_PORT = 2375;
const DEFAULT_TLS_PORT = 2376;

export type DockerHost =
  | { kind: 'unix' | 'npipe'; address: string; socketPath: string }
  | { kind: 'tcp'; address: string; host: string; port: number; basePath: string }
  | { kind: 'ssh'; address: string; host: string; port?: number; user?: string };

function invalid(value: string, why: string): EndpointError {
  return new EndpointError('invalid-docker-host', value, `invalid docker host "${value}": ${why}`);
}

/**
 * Reads a daemon address the way `docker -H` / `DOCKER_HOST` does: empty means the local socket (or TCP on 2376 when
 * TLS is asked for), a bare `host:port` means TCP, and `unix://`, `npipe://`, `tcp://`, `ssh://` are taken apart.
 */
export function parseDockerHost(value: string, defaultToTls = false): DockerHost {
  const trimmed = value.trim();
  if (trimmed === '') {
    return defaultToTls
      ? tcpHost(DEFAULT_TCP_HOST, DEFAULT_TLS_PORT, '')
      : { kind: 'unix', address: `unix://${DEFAULT_UNIX_SOCKET}`, socketPath: DEFAULT_UNIX_SOCKET };
  }
  const separator = trimmed.indexOf('://');
  const scheme = separator === -1 ? 'tcp' : trimmed.slice(0, separator);
  const rest = separator === -1 ? trimmed : trimmed.slice(separator + 3);
  switch (scheme) {
    case 'unix':
    case 'npipe': {
      if (rest.includes('://')) throw invalid(value, `expected a ${scheme} path`);
      const socketPath = rest || (scheme === 'unix' ? DEFAULT_UNIX_SOCKET : DEFAULT_NAMED_PIPE);
      return { kind: scheme, address: `${scheme}://${socketPath}`, socketPath };
    }
    case 'tcp':
      return parseTcp(value, rest);
    case 'ssh':
      return parseSsh(value, trimmed);
    case 'fd':
      throw invalid(value, 'fd:// is an address a daemon listens on, not one a client can dial');
    default:
      throw invalid(value, 'the scheme must be unix://, tcp://, ssh:// or npipe://');
  }
}

function tcpHost(host: string, port: number, path: string): DockerHost {
  const shown = host.includes(':') ? `[${host}]` : host;
  return { kind: 'tcp', address: `tcp://${shown}:${port}${path}`, host, port, basePath: path.replace(/\/+$/, '') };
}

// opts.ParseTCPAddr: the host defaults to localhost and the port to 2375 (even for TLS, as docker does); a port docker
// would only fail to dial (above 65535) is refused here.
function parseTcp(value: string, rest: string): DockerHost {
  if (rest === '') return tcpHost(DEFAULT_TCP_HOST, DEFAULT_TCP_PORT, '');
  if (rest.includes('://')) throw invalid(value, 'expected tcp://HOST:PORT');
  const withPort = rest.endsWith(']:') ? `${rest}${DEFAULT_TCP_PORT}` : rest;
  // authority (less any user info), then the path; a query or fragment is dropped, as url.Parse leaves it aside
  const [, authority = '', path = ''] = /^(?:[^/?#]*@)?([^/?#]*)([^?#]*)/.exec(withPort) ?? [];
  const { host, port } = splitHostPort(value, authority);
  if (port !== '' && Number(port) > 65535) throw invalid(value, `the port ${port} is out of range`);
  return tcpHost(host || DEFAULT_TCP_HOST, port === '' ? DEFAULT_TCP_PORT : Number(port), path);
}

// Go's url.Parse then net.SplitHostPort, retried with the default port: `[v6]:port`, `name:port`, `name`, or an
// unbracketed IPv6 address (several colons) standing alone.
function splitHostPort(value: string, authority: string): { host: string; port: string } {
  if (authority.startsWith('[')) {
    const bracketed = /^\[([^\]]*)\]:(\d*)$/.exec(authority);
    if (!bracketed) throw invalid(value, 'a bracketed IPv6 address needs a port: tcp://[::1]:2375');
    return { host: bracketed[1] ?? '', port: bracketed[2] ?? '' };
  }
  const colon = authority.lastIndexOf(':');
  if (colon !== -1 && !/^\d*$/.test(authority.slice(colon + 1))) {
    throw invalid(value, `invalid port "${authority.slice(colon + 1)}" after the host`);
  }
  if (colon === -1) return { host: authority, port: '' };
  if (authority.indexOf(':') !== colon) return { host: authority, port: '' };
  return { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

// connhelper/ssh: ssh://[user@]host[:port] only; no password, path, query or fragment.
function parseSsh(value: string, trimmed: string): DockerHost {
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (cause) {
    throw new EndpointError('invalid-docker-host', value, `invalid docker host "${value}": not an ssh:// URL`, {
      cause,
    });
  }
  if (url.password) throw invalid(value, 'a plain-text password is not supported; use a key or an ssh agent');
  // docker 28 forwards a path as the remote socket; dockerode's ssh dialer always runs `docker system dial-stdio`
  if (url.pathname) throw invalid(value, `a remote socket path ("${url.pathname}") is not supported over ssh`);
  if (url.search || url.hash) throw invalid(value, 'an ssh:// address takes no query or fragment');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalid(value, 'no host after ssh://');
  return {
    kind: 'ssh',
    address: trimmed,
    host,
    ...(url.port ? { port: Number(url.port) } : {}),
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
  };
}
