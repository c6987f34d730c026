import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demultiplex, FrameDecoder, type OutputChunk } from './demultiplex';
import { StreamError } from './errors';

function frame(type: number, payload: string | Buffer): Buffer {
  const data = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(data.length, 4);
  return Buffer.concat([header, data]);
}

/** Cuts a buffer at the given offsets (sorted, deduplicated, within range). */
function cut(buffer: Buffer, offsets: number[]): Buffer[] {
  const points = [...new Set(offsets.map((offset) => offset % (buffer.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const point of [...points, buffer.length]) {
    pieces.push(buffer.subarray(start, point));
    start = point;
  }
  return pieces;
}

async function collect(chunks: Buffer[]): Promise<OutputChunk[]> {
  const out: OutputChunk[] = [];
  for await (const chunk of demultiplex(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(chunk);
  return out;
}

function joined(chunks: OutputChunk[], stream: 'stdout' | 'stderr'): string {
  return Buffer.concat(chunks.filter((chunk) => chunk.stream === stream).map((chunk) => chunk.data)).toString();
}

describe('demultiplex', () => {
  it('separates stdout and stderr frames', async () => {
    const out = await collect([Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err 1\n'), frame(1, 'out 2\n')])]);
    expect(out.map((chunk) => [chunk.stream, chunk.data.toString()])).toEqual([
      ['stdout', 'out 1\n'],
      ['stderr', 'err 1\n'],
      ['stdout', 'out 2\n'],
    ]);
  });

  it('reads a header split across chunks, byte by byte', async () => {
    const bytes = Buffer.concat([frame(2, 'hello'), frame(1, 'world')]);
    const out = await collect([...bytes].map((byte) => Buffer.from([byte])));
    expect(joined(out, 'stderr')).toBe('hello');
    expect(joined(out, 'stdout')).toBe('world');
  });

  it('passes on part of a large frame before the rest arrives', () => {
    const decoder = new FrameDecoder();
    const big = frame(1, Buffer.alloc(100_000, 'a'));
    const first = decoder.push(big.subarray(0, 1000));
    expect(first).toHaveLength(1);
    expect(first[0]?.data.length).toBe(992);
    expect(decoder.push(big.subarray(1000)).reduce((size, chunk) => size + chunk.data.length, 0)).toBe(99_008);
  });

  it('counts stdin frames as stdout and skips empty frames', async () => {
    const out = await collect([Buffer.concat([frame(0, 'in'), frame(1, ''), frame(2, 'e')])]);
    expect(out.map((chunk) => chunk.stream)).toEqual(['stdout', 'stderr']);
  });

  it('turns an engine error frame into a StreamError carrying its message', async () => {
    await expect(collect([frame(1, 'ok'), frame(3, 'container gone')])).rejects.toThrow(
      expect.objectContaining({ name: 'StreamError', code: 'engine-stream-error', daemonMessage: 'container gone' }),
    );
  });

  it('refuses an unknown stream type (a TTY stream read as multiplexed)', async () => {
    await expect(collect([Buffer.from('hello world, no header here')])).rejects.toThrow(StreamError);
  });

  it('gives back every payload byte, on its stream and in order, however the bytes are cut', async () => {
    const frames = fc.array(fc.tuple(fc.constantFrom(1, 2), fc.uint8Array({ maxLength: 40 })), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(frames, fc.array(fc.nat(), { maxLength: 20 }), async (list, offsets) => {
        const bytes = Buffer.concat(list.map(([type, payload]) => frame(type, Buffer.from(payload))));
        const out = await collect(cut(bytes, offsets));
        for (const [type, stream] of [
          [1, 'stdout'],
          [2, 'stderr'],
        ] as const) {
          const expected = Buffer.concat(list.filter(([t]) => t === type).map(([, payload]) => Buffer.from(payload)));
          expect(Buffer.concat(out.filter((c) => c.stream === stream).map((c) => c.data)).equals(expected)).toBe(true);
        }
      }),
    );
  });

  it('yields output or throws StreamError for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
        try {
          await collect([Buffer.from(bytes)]);
        } catch (error) {
          expect(error).toBeInstanceOf(StreamError);
        }
      }),
    );
  });
});
