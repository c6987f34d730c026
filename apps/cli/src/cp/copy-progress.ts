import { PassThrough, type Readable } from 'node:stream';
import type { CommandContext } from '../context';
import { humanSize } from '../output/sizes';

/** A stream whose bytes are counted as they pass. */
export function countBytes(source: Readable): { stream: Readable; bytes: () => number } {
  let bytes = 0;
  const stream = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  source.on('error', (error) => stream.destroy(error));
  source.pipe(stream);
  return { stream, bytes: () => bytes };
}

/**
 * docker's report of a copy when stdout is a terminal (or `-q=false`): `Successfully copied SIZE to DEST`, the size
 * of the archive that passed. (docker 28 has a live progress line too, but never shows it: it asks a writer that
 * has no file descriptor whether it is a terminal.) Quiet, nothing.
 */
export async function withProgress(
  context: CommandContext,
  quiet: boolean,
  destination: string,
  counted: { bytes: () => number },
  copy: () => Promise<void>,
): Promise<void> {
  if (quiet) return copy();
  // docker prints its summary whether the copy failed or not, then reports the failure
  const outcome = await copy().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  context.io.stderr.write(`Successfully copied ${humanSize(counted.bytes())} to ${destination}\n`);
  if (outcome) throw outcome.error;
}
