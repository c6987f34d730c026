import { type Duplex, Writable } from 'node:stream';
import { demultiplex, type OutputChunk, rawOutput } from './demultiplex';
import { interrupted, type RequestSpec } from './http-client';

type Source = AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown };

/**
 * The chunks of an answer or a taken-over connection, closed when the reader stops early (a `break` out of a followed
 * log ends the request), a broken connection becoming an `EngineError` and an abort the signal's reason.
 */
export async function* guarded(
  source: Source,
  spec: Pick<RequestSpec, 'signal' | 'subject' | 'method'>,
  path: string,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source) yield chunk as Uint8Array;
  } catch (cause) {
    throw interrupted(cause, spec, path);
  } finally {
    source.destroy();
  }
}

/** Stops at the abort even when frames of one read are still queued: nothing is yielded after the signal fires. */
async function* untilAborted(chunks: AsyncGenerator<OutputChunk>, signal: AbortSignal | undefined) {
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    yield chunk;
  }
}

/** A container's output: raw for a TTY, demultiplexed from the 8-byte frame headers otherwise. */
export function containerOutput(
  source: Source,
  tty: boolean,
  spec: Pick<RequestSpec, 'signal' | 'subject' | 'method'>,
  path: string,
): AsyncGenerator<OutputChunk> {
  const chunks = guarded(source, spec, path);
  return untilAborted(tty ? rawOutput(chunks) : demultiplex(chunks), spec.signal);
}

/**
 * The container's stdin on a taken-over connection: what is written goes to the process, and ending it closes only
 * this direction, so the process sees end-of-file while its output keeps coming.
 */
export function stdinOf(socket: Duplex): Writable {
  return new Writable({
    write(chunk, encoding, callback) {
      socket.write(chunk, encoding, callback);
    },
    final(callback) {
      socket.end();
      callback();
    },
  });
}
