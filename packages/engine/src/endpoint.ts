import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type DockerHost, parseDockerHost } from './docker-host';
import { EndpointError } from './errors';

/** The only file access endpoint resolution needs, so it can be driven from a table in tests. */
export interface EndpointFiles {
  /** Used when the environment has no `HOME`. */
  homeDir: string;
  /** The file's text, or `undefined` when there is no such file. */
  readFile(path: string): string | undefined;
}

/** What `docker --host` / `docker --context` would say; both absent means "from the environment". */
export interface EndpointOverrides {
  host?: string;
  context?: string;
}

/** PEM texts for a TLS connection; `verify: false` skips checking the engine's certificate (`DOCKER_TLS` alone). */
export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
  verify: boolean;
}

/** Which setting chose the endpoint, so an error can say what to change. */
export type EndpointSource =
  | 'host-option'
  | 'context-option'
  | 'DOCKER_HOST'
  | 'DOCKER_CONTEXT'
  | 'current-context'
  | 'default'
  | 'dockerode';

export type EngineEndpoint = DockerHost & {
  /** The docker context the address comes from; `default` when none is used. */
  context: string;
  source: EndpointSource;
  tls?: TlsMaterial;
  /** `DOCKER_API_VERSION`: a version to use as is, without negotiation. */
  apiVersion?: string;
  /** `SSH_AUTH_SOCK`, for an `ssh://` endpoint. */
  sshAuthSocket?: string;
};

export type Environment = Readonly<Record<string, string | undefined>>;

interface ContextChoice {
  name: string;
  source: EndpointSource;
}

/**
 * Where the engine is, decided as the docker CLI decides it: `--context`, then `--host`, then `DOCKER_HOST`, then
 * `DOCKER_CONTEXT`, then `currentContext` in `config.json`, then the local socket. A named context is read from
 * `<config>/contexts/meta/<sha256 of name>/meta.json`, its TLS files from `<config>/contexts/tls/<sha256>/docker/`.
 */
export function resolveEndpoint(
  env: Environment,
  files: EndpointFiles,
  overrides: EndpointOverrides = {},
): EngineEndpoint {
  if (overrides.host && overrides.context) {
    throw new EndpointError(
      'conflicting-endpoint-options',
      overrides.context,
      'conflicting options: cannot specify both a host and a context',
    );
  }
  const configDir = env.DOCKER_CONFIG || join(env.HOME || files.homeDir, '.docker');
  const choice = chooseContext(env, files, configDir, overrides);
  const apiVersion = pinnedApiVersion(env);
  const endpoint =
    choice.name === 'default'
      ? defaultEndpoint(env, files, configDir, overrides.host)
      : contextEndpoint(files, configDir, choice.name);
  return {
    ...endpoint,
    context: choice.name,
    source: choice.source,
    ...(apiVersion ? { apiVersion } : {}),
    ...(endpoint.kind === 'ssh' && env.SSH_AUTH_SOCK ? { sshAuthSocket: env.SSH_AUTH_SOCK } : {}),
  };
}

function chooseContext(
  env: Environment,
  files: EndpointFiles,
  configDir: string,
  overrides: EndpointOverrides,
): ContextChoice {
  if (overrides.context) return { name: overrides.context, source: 'context-option' };
  if (overrides.host) return { name: 'default', source: 'host-option' };
  if (env.DOCKER_HOST) return { name: 'default', source: 'DOCKER_HOST' };
  if (env.DOCKER_CONTEXT) return { name: env.DOCKER_CONTEXT, source: 'DOCKER_CONTEXT' };
  const current = currentContext(files, join(configDir, 'config.json'));
  if (current) return { name: current, source: 'current-context' };
  return { name: 'default', source: 'default' };
}

function currentContext(files: EndpointFiles, path: string): string | undefined {
  const text = files.readFile(path);
  if (text === undefined || text.trim() === '') return undefined;
  const config = parseJson(text, path, 'invalid-config-file') as { currentContext?: unknown };
  return typeof config.currentContext === 'string' && config.currentContext !== '' ? config.currentContext : undefined;
}

// The default context: the host from the option or DOCKER_HOST, TLS from DOCKER_TLS / DOCKER_TLS_VERIFY.
function defaultEndpoint(
  env: Environment,
  files: EndpointFiles,
  configDir: string,
  hostOption: string | undefined,
): DockerHost & { tls?: TlsMaterial } {
  // cli/flags: any non-empty value turns these on, "0" included
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  const useTls = verify || Boolean(env.DOCKER_TLS);
  const host = parseDockerHost(hostOption ?? env.DOCKER_HOST ?? '', useTls);
  if (!useTls) return host;
  const certPath = env.DOCKER_CERT_PATH || configDir;
  const material = readTlsFiles(files, certPath);
  // cli/flags: once TLS is on the CA file is required, whatever the host; a missing client certificate is left out
  if (material.ca === undefined) {
    const caPath = join(certPath, 'ca.pem');
    throw new EndpointError(
      'tls-file-missing',
      caPath,
      `TLS is on (DOCKER_TLS / DOCKER_TLS_VERIFY) but there is no ${caPath}`,
    );
  }
  if (host.kind !== 'tcp') return host;
  return { ...host, tls: { ...material, verify } };
}

function contextEndpoint(files: EndpointFiles, configDir: string, name: string): DockerHost & { tls?: TlsMaterial } {
  const id = createHash('sha256').update(name).digest('hex');
  const metaPath = join(configDir, 'contexts', 'meta', id, 'meta.json');
  const text = files.readFile(metaPath);
  if (text === undefined) {
    throw new EndpointError('context-not-found', name, `context "${name}" not found: there is no ${metaPath}`);
  }
  const meta = parseJson(text, metaPath, 'invalid-context') as {
    Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
  };
  const docker = meta.Endpoints?.docker;
  if (typeof docker?.Host !== 'string') {
    throw new EndpointError('invalid-context', name, `context "${name}" has no docker endpoint host in ${metaPath}`);
  }
  const host = parseDockerHost(docker.Host);
  if (host.kind !== 'tcp') return host;
  const material = readTlsFiles(files, join(configDir, 'contexts', 'tls', id, 'docker'));
  const skipVerify = docker.SkipTLSVerify === true;
  // context/docker/load.go: TLS when the context has TLS files or asks to skip verification
  if (Object.keys(material).length === 0 && !skipVerify) return host;
  return { ...host, tls: { ...material, verify: !skipVerify } };
}

function readTlsFiles(files: EndpointFiles, dir: string): Omit<TlsMaterial, 'verify'> {
  const ca = files.readFile(join(dir, 'ca.pem'));
  const cert = files.readFile(join(dir, 'cert.pem'));
  const key = files.readFile(join(dir, 'key.pem'));
  return {
    ...(ca !== undefined ? { ca } : {}),
    // a certificate is only of use with its key (the CLI drops a missing default one)
    ...(cert !== undefined && key !== undefined ? { cert, key } : {}),
  };
}

function pinnedApiVersion(env: Environment): string | undefined {
  const value = env.DOCKER_API_VERSION;
  if (!value) return undefined;
  const version = value.replace(/^v/, '');
  if (!/^\d+\.\d+$/.test(version)) {
    throw new EndpointError(
      'invalid-api-version',
      value,
      `DOCKER_API_VERSION "${value}" is not an API version like 1.41`,
    );
  }
  return version;
}

function parseJson(text: string, path: string, code: string): object {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new EndpointError(code, path, `${path} is not valid JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null) {
    throw new EndpointError(code, path, `${path} does not hold a JSON object`);
  }
  return value;
}
