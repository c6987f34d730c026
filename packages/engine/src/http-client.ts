import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Route } from './dialer';
import type { EngineEndpoint } from './endpoint';
import { EngineError, errorForStatus, UnreachableError } from './errors';

export type QueryValue = string | number | boolean | readonly string[] | Readonly<Record<string, unknown>> | undefined;

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  /** Without the version prefix: `/containers/create`. */
  path: string;
  /** `undefined` values are left out, arrays repeat the key, objects are sent as JSON (`filters`, `buildargs`). */
  query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (a tar archive for build and load). */
  input?: NodeJS.ReadableStream;
  contentType?: string;
  headers?: OutgoingHttpHeaders;
  signal?: AbortSignal | undefined;
  /** What the request is about (a container name, an image reference): the `input` of the error it may throw. */
  subject?: string;
  /** False only for `GET /version` while negotiating. */
  versioned?: boolean;
}

const MAX_ERROR_BODY = 1 << 20;

/** A successful answer (a response body, or a taken-over connection) and the path that was asked. */
export interface Opened<T> {
  value: T;
  path: string;
}

/** Requests to one engine: versioned paths, typed errors, the caller's `AbortSignal` honoured. */
export class HttpClient {
  constructor(
    readonly endpoint: EngineEndpoint,
    private readonly route: () => Promise<Route>,
    private readonly version: () => Promise<string>,
  ) {}

  /** The answer's body as a stream, once the status says success (any failure status becomes a typed error). */
  async stream(spec: RequestSpec): Promise<Opened<IncomingMessage>> {
    return (await this.open(spec, false)) as Opened<IncomingMessage>;
  }

  /** The connection itself, taken over by the engine (`101 Switching Protocols`), for attach and exec. */
  async upgrade(spec: RequestSpec): Promise<Opened<Duplex>> {
    return (await this.open(spec, true)) as Opened<Duplex>;
  }

  /** The answer parsed as JSON (`undefined` for an empty body). */
  async json<T>(spec: RequestSpec): Promise<T> {
    const { value: response, path } = await this.stream(spec);
    const text = (await readAll(response, spec, path)).toString('utf8');
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new EngineError(
        'invalid-response',
        spec.subject ?? path,
        `${spec.method} ${path}: the answer is not JSON`,
        {
          status: response.statusCode ?? 0,
          method: spec.method,
          path,
          cause,
        },
      );
    }
  }

  /** Sends the request and discards the answer (empty, or `OK` for `/_ping`). */
  async send(spec: RequestSpec): Promise<void> {
    const { value: response, path } = await this.stream(spec);
    await readAll(response, spec, path);
  }

  private async open(spec: RequestSpec, upgrade: boolean): Promise<Opened<IncomingMessage | Duplex>> {
    spec.signal?.throwIfAborted();
    const route = await this.route();
    const version = spec.versioned === false ? '' : await this.version();
    const path = version ? `/v${version}${spec.path}` : spec.path;
    const headers: OutgoingHttpHeaders = { ...spec.headers };
    let payload: string | undefined;
    if (spec.body !== undefined) {
      payload = JSON.stringify(spec.body);
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(payload);
    } else if (spec.input) {
      headers['Content-Type'] = spec.contentType ?? 'application/x-tar';
    }
    if (upgrade) {
      headers.Connection = 'Upgrade';
      headers.Upgrade = 'tcp';
    }
    const details = { method: spec.method, path };
    const input = spec.subject ?? path;

    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error: unknown, value?: IncomingMessage | Duplex) => {
        if (settled) return;
        settled = true;
        if (error === undefined && value) resolve({ value, path });
        else reject(error);
      };
      const req = route.request(
        {
          ...route.options,
          method: spec.method,
          path: `${route.basePath}${path}${queryString(spec.query)}`,
          headers,
          ...(spec.signal ? { signal: spec.signal } : {}),
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) return settle(undefined, response);
          readAll(response, spec, path, MAX_ERROR_BODY).then(
            (body) => settle(errorForStatus(input, { ...details, status, daemonMessage: daemonMessage(body) })),
            (error: unknown) => settle(error),
          );
        },
      );
      req.on('upgrade', (response, socket, head) => {
        if (head.length > 0) socket.unshift(head);
        if (spec.signal) {
          const abort = () => socket.destroy(spec.signal?.reason as Error);
          spec.signal.addEventListener('abort', abort, { once: true });
          socket.once('close', () => spec.signal?.removeEventListener('abort', abort));
        }
        response.resume();
        settle(undefined, socket);
      });
      req.on('error', (error) => {
        settle(spec.signal?.aborted ? spec.signal.reason : unreachable(this.endpoint, error, details));
      });
      if (payload !== undefined) req.end(payload);
      else if (spec.input) {
        spec.input.on('error', (error) => req.destroy(error));
        spec.input.pipe(req);
      } else req.end();
    });
  }
}

function queryString(query: RequestSpec['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else if (typeof value === 'object') params.append(key, JSON.stringify(value));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The engine answers failures with {"message": "..."}; a proxy in between may answer with plain text.
function daemonMessage(body: Buffer): string | undefined {
  const text = body.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: the text is the message
  }
  return text;
}

/** Reads a whole body, failing with the abort reason or an `EngineError` when the connection breaks. */
async function readAll(
  response: IncomingMessage,
  spec: Pick<RequestSpec, 'signal' | 'subject' | 'method'>,
  path: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      if (size < limit) chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (cause) {
    throw interrupted(cause, spec, path);
  }
  return Buffer.concat(chunks);
}

/** The error for a stream that broke mid-way: the abort reason when the caller aborted, else an `EngineError`. */
export function interrupted(
  cause: unknown,
  spec: Pick<RequestSpec, 'signal' | 'subject' | 'method'>,
  path: string,
): unknown {
  if (spec.signal?.aborted) return spec.signal.reason;
  if (cause instanceof EngineError) return cause;
  return new EngineError(
    'stream-interrupted',
    spec.subject ?? path,
    `${spec.method} ${path}: the connection to the engine broke: ${(cause as Error).message}`,
    { method: spec.method, path, cause },
  );
}

function unreachable(endpoint: EngineEndpoint, error: Error, details: { method: string; path: string }): EngineError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' ? 'permission denied' : error.message;
  return new UnreachableError(
    endpoint.address,
    `cannot connect to the Docker engine at ${endpoint.address} (${why}). ${startHint(endpoint, code)}`,
    { ...details, cause: error },
  );
}

function startHint(endpoint: EngineEndpoint, code: string | undefined): string {
  if (code === 'EACCES') return 'Run as root or as a member of the docker group.';
  switch (endpoint.source) {
    case 'DOCKER_HOST':
      return 'Start an engine listening there, or unset DOCKER_HOST to use the local one.';
    case 'host-option':
      return 'Start an engine listening there, or leave out the host to use the local one.';
    case 'dockerode':
      return 'It is the engine of the dockerode client berth was given: start that engine, or point the client elsewhere.';
    case 'context-option':
    case 'DOCKER_CONTEXT':
    case 'current-context':
      return `It is the endpoint of docker context "${endpoint.context}": start that engine, or switch context (docker context use default).`;
    default:
      return 'Is the engine running? Start it (sudo systemctl start docker, or sudo dockerd &), or set DOCKER_HOST to an engine elsewhere.';
  }
}
