import { EndpointError } from './errors';

// The defaults of docker/cli's opts/hosts.go: a local socket, or plain/TLS TCP on the IANA-registered ports.
export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
const DEFAULT_NAMED_PIPE = '//./pipe/docker_engine';
const DEFAULT_TCP_HOST = '127.0.0.1';
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

function tcpHost(host: string, port: number, basePath: string): DockerHost {
  const shown = host.includes(':') ? `[${host}]` : host;
  return { kind: 'tcp', address: `tcp://${shown}:${port}${basePath}`, host, port, basePath };
}

// opts.ParseTCPAddr: the host defaults to 127.0.0.1 and the port to 2375 (even for TLS, as docker does).
function parseTcp(value: string, rest: string): DockerHost {
  if (rest.includes('://')) throw invalid(value, 'expected tcp://HOST:PORT');
  const slash = rest.indexOf('/');
  const hostPort = slash === -1 ? rest : rest.slice(0, slash);
  const basePath = slash === -1 ? '' : rest.slice(slash).replace(/\/+$/, '');
  let host: string;
  let port = '';
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(hostPort);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] ?? '';
  } else if (hostPort.startsWith('[')) {
    throw invalid(value, 'unbalanced brackets around the IPv6 address');
  } else if (hostPort.split(':').length === 2) {
    [host = '', port = ''] = hostPort.split(':');
  } else {
    // no colon: a name alone; several: an IPv6 address without a port
    host = hostPort;
  }
  if (port !== '' && !/^\d+$/.test(port)) throw invalid(value, `the port "${port}" is not a number`);
  const portNumber = port === '' ? DEFAULT_TCP_PORT : Number(port);
  if (portNumber > 65535) throw invalid(value, `the port ${port} is out of range`);
  if (/[\s/?#@]/.test(host)) throw invalid(value, `"${host}" is not a host name or address`);
  return tcpHost(host || DEFAULT_TCP_HOST, portNumber, basePath);
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
