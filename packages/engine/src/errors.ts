import { BerthError } from '@berth/types';

export interface EngineErrorDetails {
  /** The HTTP status the engine answered with; absent when no answer came. */
  status?: number | undefined;
  method?: string | undefined;
  /** The request path as sent, with its version prefix (`/v1.41/containers/web/json`). */
  path?: string | undefined;
  /** The engine's own words (`No such container: web`). */
  daemonMessage?: string | undefined;
  cause?: unknown;
}

/** The base of every error `@berth/engine` throws: what was asked, and what the engine (or the way to it) said. */
export class EngineError extends BerthError {
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly daemonMessage: string | undefined;

  constructor(code: string, input: string, message: string, details: EngineErrorDetails = {}) {
    super(code, input, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.daemonMessage = details.daemonMessage;
  }
}

/** 304: the object is already in the asked state (starting a running container, stopping a stopped one). */
export class NotModifiedError extends EngineError {}
/** 400: the engine refused the request's parameters. */
export class BadRequestError extends EngineError {}
/** 404: no such container, image, network, volume or exec. */
export class NotFoundError extends EngineError {}
/** 409: the name is taken, the container is running, the image is in use… */
export class ConflictError extends EngineError {}
/** 5xx: the engine failed while doing what was asked. */
export class ServerError extends EngineError {}

/** No engine answered at the resolved address. */
export class UnreachableError extends EngineError {
  /** Where the client tried to connect: `unix:///var/run/docker.sock`, `tcp://10.0.0.2:2376`, `ssh://me@host`. */
  readonly address: string;

  constructor(address: string, message: string, details: EngineErrorDetails = {}) {
    super('engine-unreachable', address, message, details);
    this.address = address;
  }
}

export type StartFailure = 'command-not-found' | 'command-not-executable' | 'other';

/**
 * A container that could not start. `failure` says why in the terms a CLI's exit code needs (127 for a command not
 * found, 126 for one that cannot be executed), read from the runtime's words as the docker CLI reads them.
 */
export class ContainerStartError extends EngineError {
  readonly failure: StartFailure;

  constructor(cause: EngineError) {
    super('container-start-failed', cause.input, cause.message, {
      status: cause.status,
      method: cause.method,
      path: cause.path,
      daemonMessage: cause.daemonMessage,
      cause,
    });
    this.failure = startFailure(cause.daemonMessage ?? '');
  }
}

function startFailure(said: string): StartFailure {
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(said)) {
    return 'command-not-found';
  }
  if (/permission denied|is a directory/.test(said)) return 'command-not-executable';
  return 'other';
}

/** The client and the engine share no API version, or a request uses a field the negotiated version lacks. */
export class ApiVersionError extends EngineError {}

/** `DOCKER_HOST`, `DOCKER_CONTEXT` or a context's files do not name an engine berth can reach. */
export class EndpointError extends EngineError {}

/** The engine reported a failure in the middle of a stream (a failed build step, a layer that did not pull). */
export class StreamError extends EngineError {
  /** The `errorDetail.code` of a progress message (a build step's exit code), when the engine gave one. */
  readonly detailCode: number | undefined;

  constructor(code: string, input: string, message: string, details: EngineErrorDetails & { detailCode?: number }) {
    super(code, input, message, details);
    this.detailCode = details.detailCode;
  }
}

const BY_STATUS: Record<number, [code: string, type: typeof EngineError]> = {
  304: ['not-modified', NotModifiedError],
  400: ['bad-request', BadRequestError],
  404: ['not-found', NotFoundError],
  409: ['conflict', ConflictError],
};

/** The error for an answer with a failure status: the subclass its status calls for. */
export function errorForStatus(
  input: string,
  details: EngineErrorDetails & { status: number; method: string; path: string },
): EngineError {
  const said = details.daemonMessage ? `: ${details.daemonMessage}` : '';
  const message = `${details.method} ${details.path} failed with ${details.status}${said}`;
  const known = BY_STATUS[details.status];
  if (known) return new known[1](known[0], input, message, details);
  if (details.status >= 500) return new ServerError('server-error', input, message, details);
  return new EngineError('engine-error', input, message, details);
}
