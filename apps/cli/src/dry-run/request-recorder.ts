import { PassThrough } from 'node:stream';
import type { Engine, RequestSpec } from '@berth/engine';
import { CliError } from '../errors';

/** What a dry run prints of one request it did not send: the Engine API call, as `berth run --dry-run` prints it. */
export interface RecordedRequest {
  method: RequestSpec['method'];
  /** Without the version prefix: `/containers/web/stop`. */
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
}

// The four ways @berth/engine's client sends a request; every Engine method, `request(spec)` included, goes through
// one of them.
interface Transport {
  json(spec: RequestSpec): Promise<unknown>;
  send(spec: RequestSpec): Promise<void>;
  stream(spec: RequestSpec): Promise<{ value: unknown; path: string }>;
  upgrade(spec: RequestSpec): Promise<{ value: unknown; path: string }>;
}

/** Reads go to the engine (a dry run may still resolve a name or look at a state); anything else is recorded. */
function isRead(spec: RequestSpec): boolean {
  return spec.method === 'GET' || spec.method === 'HEAD';
}

export function recordedRequest(spec: RequestSpec): RecordedRequest {
  const query = Object.fromEntries(Object.entries(spec.query ?? {}).filter(([, value]) => value !== undefined));
  return { method: spec.method, path: spec.path, query, ...(spec.body === undefined ? {} : { body: spec.body }) };
}

/** An answer to a request that was not sent: an empty body, or a stream that ends at once. */
function endedStream(spec: RequestSpec): { value: PassThrough; path: string } {
  const value = new PassThrough();
  value.end();
  return { value, path: spec.path };
}

/**
 * Makes `engine` a dry-run engine: its reads are sent, every other request is handed to `record` and answered as
 * empty (`{}` for JSON, an ended stream for logs, attach and exec), so that a command runs through without changing
 * anything. @berth/engine has no transport hook, so this replaces its client's transport, which must be there.
 */
export function recordRequests(engine: Engine, record: (request: RecordedRequest) => void): Engine {
  const holder = engine as unknown as { http?: Transport };
  const real = holder.http;
  if (!real || typeof real.json !== 'function') {
    throw new CliError('dry-run-unavailable', 'dry-run', '--dry-run: this engine client cannot record its requests');
  }
  const recorded = (spec: RequestSpec) => record(recordedRequest(spec));
  holder.http = {
    json: (spec) => (isRead(spec) ? real.json(spec) : Promise.resolve(recorded(spec)).then(() => ({}))),
    send: (spec) => (isRead(spec) ? real.send(spec) : Promise.resolve(recorded(spec))),
    stream: (spec) =>
      isRead(spec) ? real.stream(spec) : Promise.resolve(recorded(spec)).then(() => endedStream(spec)),
    upgrade: (spec) => {
      recorded(spec);
      return Promise.resolve(endedStream(spec));
    },
  };
  return engine;
}

/** A recorded request as the dry run prints it: indented JSON, one document per request. */
export function formatRecordedRequest(request: RecordedRequest): string {
  return `${JSON.stringify(request, null, 2)}\n`;
}
