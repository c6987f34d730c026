import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamError } from './errors';
import { jsonLines } from './json-lines';
import { type ProgressEvent, progressEvents } from './progress';

async function* chunksOf(...pieces: string[]): AsyncGenerator<Buffer> {
  for (const piece of pieces) yield Buffer.from(piece);
}

async function all<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('jsonLines', () => {
  it('parses lines split across chunks, with \\r\\n and blank lines', async () => {
    expect(await all(jsonLines(chunksOf('{"a":1}\r\n{"b"', ':2}\n\n{"c":"é', '"}')))).toEqual([
      { a: 1 },
      { b: 2 },
      { c: 'é' },
    ]);
  });

  it('refuses a line that is not JSON', async () => {
    await expect(all(jsonLines(chunksOf('{"a":1}\nnope\n')))).rejects.toThrow(
      expect.objectContaining({ name: 'StreamError', code: 'invalid-stream-json', input: 'nope' }),
    );
  });

  it('gives back the same values however the stream is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (values, cuts) => {
          const text = values.map((value) => `${JSON.stringify(value)}\n`).join('');
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces = [...points, text.length].map((end, i, list) => text.slice(i === 0 ? 0 : list[i - 1], end));
          expect(await all(jsonLines(chunksOf(...pieces)))).toEqual(
            values.map((value) => JSON.parse(JSON.stringify(value))),
          );
        },
      ),
    );
  });
});

describe('progressEvents', () => {
  it('tells layer steps, status lines, output and results apart', async () => {
    const lines = [
      { status: 'Pulling from library/busybox', id: '1.29' },
      { status: 'Downloading', id: 'a3ed95caeb02', progressDetail: { current: 512, total: 2048 }, progress: '[=> ]' },
      { status: 'Pull complete', id: 'a3ed95caeb02', progressDetail: {} },
      { status: 'Digest: sha256:abc' },
      { stream: 'Step 1/2 : FROM busybox:1.29\n' },
      { aux: { ID: 'sha256:def' } },
      {},
    ];
    const events = await all(
      progressEvents(chunksOf(lines.map((line) => `${JSON.stringify(line)}\r\n`).join('')), 'x'),
    );
    expect(events).toEqual<ProgressEvent[]>([
      { type: 'layer', id: '1.29', status: 'Pulling from library/busybox', note: true },
      { type: 'layer', id: 'a3ed95caeb02', status: 'Downloading', current: 512, total: 2048 },
      { type: 'layer', id: 'a3ed95caeb02', status: 'Pull complete' },
      { type: 'status', status: 'Digest: sha256:abc' },
      { type: 'output', text: 'Step 1/2 : FROM busybox:1.29\n' },
      { type: 'result', aux: { ID: 'sha256:def' } },
    ]);
  });

  it('ends with a StreamError carrying the engine’s message and code', async () => {
    const failed = {
      errorDetail: { code: 1, message: 'returned a non-zero code: 1' },
      error: 'returned a non-zero code: 1',
    };
    const run = all(progressEvents(chunksOf(`{"stream":"Step 2/2"}\n${JSON.stringify(failed)}\n`), 'ctx'));
    await expect(run).rejects.toThrow(StreamError);
    await expect(run).rejects.toThrow(
      expect.objectContaining({
        code: 'progress-error',
        input: 'ctx',
        detailCode: 1,
        daemonMessage: 'returned a non-zero code: 1',
      }),
    );
  });
});
