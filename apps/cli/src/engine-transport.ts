import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Engine, RequestSpec } from '@berth/engine';
import { CliError } from './errors';

/**
 * The four ways @berth/engine's client sends a request (versioned path, typed errors); every Engine method goes
 * through one of them. The Engine has no public call for a raw answer body (`export`, `cp`) nor a hook to record
 * requests (`--dry-run`), so the CLI reaches its client here, in this one place, until it has.
 */
export interface EngineTransport {
  json(spec: RequestSpec): Promise<unknown>;
  send(spec: RequestSpec): Promise<void>;
  stream(spec: RequestSpec): Promise<{ value: IncomingMessage; path: string }>;
  upgrade(spec: RequestSpec): Promise<{ value: Duplex; path: string }>;
}

interface HoldsTransport {
  http?: EngineTransport;
}

export function engineTransport(engine: Engine): EngineTransport {
  const transport = (engine as unknown as HoldsTransport).http;
  if (!transport || typeof transport.stream !== 'function') {
    throw new CliError('engine-transport-missing', 'engine', "this @berth/engine client's transport is not reachable");
  }
  return transport;
}

/** Puts `transport` in place of the engine's own: every request of every Engine method then goes through it. */
export function replaceEngineTransport(engine: Engine, transport: EngineTransport): void {
  engineTransport(engine);
  (engine as unknown as HoldsTransport).http = transport;
}
