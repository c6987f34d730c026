import { StreamError } from './errors';

const NEWLINE = 0x0a;

/**
 * The JSON values of a newline-delimited stream (events, stats, pull/push/build/load progress), parsed one line at a
 * time as lines complete; blank lines and `\r` before the newline are ignored.
 */
export async function* jsonLines<T>(source: AsyncIterable<Uint8Array>): AsyncGenerator<T> {
  let pending: Buffer[] = [];
  for await (const chunk of source) {
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let newline = buffer.indexOf(NEWLINE);
    while (newline !== -1) {
      pending.push(buffer.subarray(0, newline));
      const value = parseLine<T>(Buffer.concat(pending));
      pending = [];
      if (value !== undefined) yield value;
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(NEWLINE);
    }
    if (buffer.length > 0) pending.push(Buffer.from(buffer));
  }
  const last = parseLine<T>(Buffer.concat(pending));
  if (last !== undefined) yield last;
}

function parseLine<T>(line: Buffer): T | undefined {
  const text = line.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new StreamError('invalid-stream-json', text, `the engine sent a line that is not JSON: ${text}`, { cause });
  }
}
