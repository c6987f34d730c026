import type { Agent, RequestOptions } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { PeerCertificate } from 'node:tls';
import { loadSshAgentFactory, type RequestFunction, type Route, type SshOptions } from './dialer';
import type { EngineEndpoint } from './endpoint';

type Pem = string | Buffer | (string | Buffer)[];

/**
 * What berth reads of a dockerode client: its modem's connection settings (docker-modem's own field names). Only these
 * are read; berth sends its own requests over them, so that negotiation, typed errors and streams stay berth's.
 */
export interface DockerModemSettings {
  /** A path, or docker-modem's default (a function that picks `~/.docker/run/docker.sock` or `/var/run/docker.sock`). */
  socketPath?: string | (() => string | Promise<string>);
  host?: string;
  port?: string | number;
  protocol?: 'http' | 'https' | 'ssh';
  pathPrefix?: string;
  /** An API version pinned on the client (`v1.41`): used as is, without negotiation. */
  version?: string;
  ca?: Pem;
  cert?: Pem;
  key?: Pem;
  checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined;
  /** A custom agent (a proxy, keep-alive settings…): every request goes through it. */
  agent?: Agent;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  username?: string;
  password?: string;
  /** For `protocol: 'ssh'`: ssh2's connect options. */
  sshOptions?: SshOptions;
}

/**
 * A dockerode client (`new Docker(...)`), or anything with such a `modem`: its fields are read as
 * `DockerModemSettings` (dockerode's own types declare the modem's methods, not these fields).
 */
export interface DockerodeClient {
  modem: object;
}

function hostName(modem: DockerModemSettings): string {
  const host = modem.host ?? 'localhost';
  // docker-modem also takes `host: 'http://name'`
  return host.includes('://') ? new URL(host).hostname : host;
}

function basePath(modem: DockerModemSettings): string {
  return (modem.pathPrefix ?? '').replace(/\/+$/, '');
}

/** Where a dockerode client's modem points, as an endpoint: for error messages and a pinned API version. */
export function modemEndpoint(modem: DockerModemSettings): EngineEndpoint {
  const common = {
    context: 'default',
    source: 'dockerode' as const,
    ...(modem.version ? { apiVersion: modem.version.replace(/^v/, '') } : {}),
  };
  if (!modem.host) {
    const socketPath = typeof modem.socketPath === 'string' ? modem.socketPath : '';
    const address = socketPath ? `unix://${socketPath}` : "unix:// (dockerode's default socket)";
    return { ...common, kind: 'unix', address, socketPath };
  }
  const host = hostName(modem);
  const port = modem.port === undefined || modem.port === '' ? undefined : Number(modem.port);
  if (modem.protocol === 'ssh') {
    const user = modem.username ? `${modem.username}@` : '';
    return {
      ...common,
      kind: 'ssh',
      address: `ssh://${user}${host}${port === undefined ? '' : `:${port}`}`,
      host,
      ...(port === undefined ? {} : { port }),
      ...(modem.username ? { user: modem.username } : {}),
    };
  }
  const scheme = modem.protocol === 'https' ? 'https' : 'http';
  const tcpPort = port ?? (scheme === 'https' ? 443 : 80);
  return {
    ...common,
    kind: 'tcp',
    address: `${scheme}://${host}:${tcpPort}${basePath(modem)}`,
    host,
    port: tcpPort,
    basePath: basePath(modem),
  };
}

async function socketPathOf(modem: DockerModemSettings): Promise<string> {
  const { socketPath } = modem;
  return typeof socketPath === 'function' ? await socketPath() : (socketPath ?? '/var/run/docker.sock');
}

function pemOptions(modem: DockerModemSettings): RequestOptions {
  return {
    ...(modem.ca !== undefined ? { ca: modem.ca } : {}),
    ...(modem.cert !== undefined ? { cert: modem.cert } : {}),
    ...(modem.key !== undefined ? { key: modem.key } : {}),
    ...(modem.checkServerIdentity ? { checkServerIdentity: modem.checkServerIdentity } : {}),
  } as RequestOptions;
}

/**
 * The route of a dockerode client's modem: its socket, host and port, TLS material, custom agent and headers, or its
 * ssh settings (docker-modem's ssh dialer, one connection per request as docker-modem does).
 */
export async function modemRoute(modem: DockerModemSettings): Promise<Route> {
  const through =
    (request: RequestFunction, agent: () => Agent | undefined): RequestFunction =>
    (options, callback) => {
      const chosen = agent();
      return request(
        { ...options, headers: { ...modem.headers, ...options.headers }, ...(chosen ? { agent: chosen } : {}) },
        callback,
      );
    };
  if (!modem.host) {
    return {
      request: through(httpRequest, () => modem.agent),
      options: { socketPath: await socketPathOf(modem) },
      basePath: '',
    };
  }
  const target = { host: hostName(modem), ...(modem.port ? { port: Number(modem.port) } : {}) };
  if (modem.protocol === 'ssh') {
    const createAgent = loadSshAgentFactory();
    const connect = {
      ...modem.sshOptions,
      ...target,
      ...(modem.username !== undefined ? { username: modem.username } : {}),
      ...(modem.password !== undefined ? { password: modem.password } : {}),
    };
    return { request: through(httpRequest, () => createAgent(connect)), options: { host: 'localhost' }, basePath: '' };
  }
  if (modem.protocol === 'https') {
    const { request } = await import('node:https');
    return {
      request: through(request, () => modem.agent),
      options: { ...target, ...pemOptions(modem) },
      basePath: basePath(modem),
    };
  }
  return { request: through(httpRequest, () => modem.agent), options: target, basePath: basePath(modem) };
}
