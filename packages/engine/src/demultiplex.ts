import { StreamError } from './errors';

export type StreamName = 'stdout' | 'stderr';

/** A piece of a container's output (design.md contract 6). */
export interface OutputChunk {
  stream: StreamName;
  data: Buffer;
}

const HEADER_SIZE = 8;
const SYSTEM_ERROR = 3;

/**
 * Splits the engine's multiplexed stream (non-TTY logs, attach and exec) into stdout and stderr pieces. Each frame is
 * an 8-byte header — stream type (0 stdin, 1 stdout, 2 stderr, 3 engine error), three zero bytes, a big-endian
 * 32-bit length — then that many bytes. Headers and payloads may be split anywhere across chunks; a payload is passed
 * on as soon as part of it arrives, so a large frame is never held whole.
 */
export class FrameDecoder {
  private readonly header = Buffer.alloc(HEADER_SIZE);
  private headerFill = 0;
  private remaining = 0;
  private stream: StreamName | typeof SYSTEM_ERROR = 'stdout';
  private systemError: Buffer[] = [];

  /** The output carried by `chunk`; throws a `StreamError` for an engine error frame or an unknown stream type. */
  push(chunk: Uint8Array): OutputChunk[] {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: OutputChunk[] = [];
    let offset = 0;
    while (offset < buffer.length) {
      if (this.remaining === 0) {
        const take = Math.min(HEADER_SIZE - this.headerFill, buffer.length - offset);
        buffer.copy(this.header, this.headerFill, offset, offset + take);
        this.headerFill += take;
        offset += take;
        if (this.headerFill === HEADER_SIZE) this.startFrame();
        continue;
      }
      const take = Math.min(this.remaining, buffer.length - offset);
      const data = buffer.subarray(offset, offset + take);
      offset += take;
      this.remaining -= take;
      if (this.stream === SYSTEM_ERROR) {
        this.systemError.push(Buffer.from(data));
        if (this.remaining === 0) this.failWithSystemError();
      } else out.push({ stream: this.stream, data });
    }
    return out;
  }

  private startFrame(): void {
    this.headerFill = 0;
    const type = this.header[0];
    this.remaining = this.header.readUInt32BE(4);
    if (type === 0 || type === 1) this.stream = 'stdout';
    else if (type === 2) this.stream = 'stderr';
    else if (type === SYSTEM_ERROR) {
      this.stream = SYSTEM_ERROR;
      if (this.remaining === 0) this.failWithSystemError();
    } else {
      throw new StreamError(
        'invalid-stream-frame',
        this.header.toString('hex'),
        `the engine's output stream has an unknown stream type ${type} (header ${this.header.toString('hex')})`,
        {},
      );
    }
  }

  private failWithSystemError(): never {
    const message = Buffer.concat(this.systemError).toString('utf8');
    this.systemError = [];
    throw new StreamError('engine-stream-error', message, `the engine reported an error in the stream: ${message}`, {
      daemonMessage: message,
    });
  }
}

/** The output of a non-TTY container, demultiplexed: `{ stream, data }` pieces in the order they were written. */
export async function* demultiplex(source: AsyncIterable<Uint8Array>): AsyncGenerator<OutputChunk> {
  const decoder = new FrameDecoder();
  for await (const chunk of source) yield* decoder.push(chunk);
}

/** The output of a TTY container: one stream, passed on as it comes (stderr is merged into it by the terminal). */
export async function* rawOutput(source: AsyncIterable<Uint8Array>): AsyncGenerator<OutputChunk> {
  for await (const chunk of source) {
    yield { stream: 'stdout', data: Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk) };
  }
}
