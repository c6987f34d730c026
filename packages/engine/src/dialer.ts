import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import type { EngineEndpoint } from './endpoint';

export type RequestFunction = (options: RequestOptions, callback?: (res: IncomingMessage) => void) => ClientRequest;

/** What a request needs to reach the engine: which `request` to call, and the socket, host or agent to use. */
export interface Route {
  request: RequestFunction;
  options: RequestOptions;
  /** Prepended to every path: the path of a `tcp://host:port/prefix` address. */
  basePath: string;
}

/** Options handed to docker-modem's ssh dialer (ssh2's connect options: `privateKey`, `passphrase`, `agent`…). */
export type SshOptions = Record<string, unknown>;

type SshAgentFactory = (options: SshOptions) => Agent;

let sshAgentFactory: SshAgentFactory | undefined;

// ssh:// engines are reached through docker-modem's dialer (dockerode's transport: ssh2, `docker system dial-stdio` on
// the far side). It is loaded on the first ssh connection only: ssh2 is most of docker-modem's start-up cost.
export function loadSshAgentFactory(): SshAgentFactory {
  sshAgentFactory ??= createRequire(import.meta.url)('docker-modem/lib/ssh.js') as SshAgentFactory;
  return sshAgentFactory;
}

/** The route to an endpoint; TLS (node:https) and ssh (docker-modem's dialer) are loaded only when used. */
export async function routeTo(endpoint: EngineEndpoint, sshOptions: SshOptions = {}): Promise<Route> {
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return { request: httpRequest, options: { socketPath: endpoint.socketPath }, basePath: '' };
    case 'tcp': {
      const target = { host: endpoint.host, port: endpoint.port };
      if (!endpoint.tls) return { request: httpRequest, options: target, basePath: endpoint.basePath };
      const { request } = await import('node:https');
      const { ca, cert, key, verify } = endpoint.tls;
      return {
        request,
        options: {
          ...target,
          ...(ca !== undefined ? { ca } : {}),
          ...(cert !== undefined ? { cert } : {}),
          ...(key !== undefined ? { key } : {}),
          rejectUnauthorized: verify,
        } as RequestOptions,
        basePath: endpoint.basePath,
      };
    }
    case 'ssh': {
      const createAgent = loadSshAgentFactory();
      const connect = {
        host: endpoint.host,
        ...(endpoint.port !== undefined ? { port: endpoint.port } : {}),
        ...(endpoint.user !== undefined ? { username: endpoint.user } : {}),
        ...(endpoint.sshAuthSocket !== undefined ? { agent: endpoint.sshAuthSocket } : {}),
        ...sshOptions,
      };
      // docker-modem's agent carries a single ssh connection: a fresh one per request, as dockerode does
      const request: RequestFunction = (options, callback) =>
        httpRequest({ ...options, agent: createAgent(connect) }, callback);
      return { request, options: { host: 'localhost' }, basePath: '' };
    }
  }
}
