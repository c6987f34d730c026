import type { IncomingMessage } from 'node:http';
import { type Duplex, PassThrough } from 'node:stream';
import type { Engine, RequestSpec } from '@berth/engine';
import { type EngineTransport, engineTransport, replaceEngineTransport } from '../engine-transport';

/** What a dry run prints of one request it did not send: the Engine API call, as `berth run --dry-run` prints it. */
export interface RecordedRequest {
  method: RequestSpec['method'];
  /** Without the version prefix: `/containers/web/stop`. */
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
}

/** Reads go to the engine (a dry run may still resolve a name or look at a state); anything else is recorded. */
function isRead(spec: RequestSpec): boolean {
  return spec.method === 'GET' || spec.method === 'HEAD';
}

export function recordedRequest(spec: RequestSpec): RecordedRequest {
  const query = Object.fromEntries(Object.entries(spec.query ?? {}).filter(([, value]) => value !== undefined));
  return { method: spec.method, path: spec.path, query, ...(spec.body === undefined ? {} : { body: spec.body }) };
}

/** The answer to a request that was not sent: a body, or a taken-over connection, that ends at once. */
function endedStream(spec: RequestSpec): { value: IncomingMessage & Duplex; path: string } {
  const value = new PassThrough();
  value.end();
  // a reader of either only reads it to its end
  return { value: value as unknown as IncomingMessage & Duplex, path: spec.path };
}

/**
 * Makes `engine` a dry-run engine: its reads are sent, every other request is handed to `record` and answered as
 * empty (`{}` for JSON, an ended stream for logs, attach and exec), so that a command runs through without changing
 * anything.
 */
export function recordRequests(engine: Engine, record: (request: RecordedRequest) => void): Engine {
  const real = engineTransport(engine);
  const recorded = (spec: RequestSpec) => record(recordedRequest(spec));
  const recording: EngineTransport = {
    json: (spec) => (isRead(spec) ? real.json(spec) : Promise.resolve(recorded(spec)).then(() => ({}))),
    send: (spec) => (isRead(spec) ? real.send(spec) : Promise.resolve(recorded(spec))),
    stream: (spec) =>
      isRead(spec) ? real.stream(spec) : Promise.resolve(recorded(spec)).then(() => endedStream(spec)),
    upgrade: (spec) => {
      recorded(spec);
      return Promise.resolve(endedStream(spec));
    },
  };
  replaceEngineTransport(engine, recording);
  return engine;
}

/** A recorded request as the dry run prints it: indented JSON, one document per request. */
export function formatRecordedRequest(request: RecordedRequest): string {
  return `${JSON.stringify(request, null, 2)}\n`;
}
