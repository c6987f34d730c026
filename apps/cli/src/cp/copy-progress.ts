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

// ANSI save/restore cursor and erase line, as docker's progress line uses them
const SAVE = '\u001b7';
const RESTORE_AND_ERASE = '\u001b8\u001b[2K';

/**
 * docker's report of a copy when stdout is a terminal (or `-q=false`): `Preparing to copy...` on a terminal stderr,
 * then `Successfully copied SIZE to DEST` with the archive's size. Quiet (stdout not a terminal), nothing.
 */
export async function withProgress(
  context: CommandContext,
  quiet: boolean,
  destination: string,
  counted: { bytes: () => number },
  copy: () => Promise<void>,
): Promise<void> {
  if (quiet) return copy();
  const { stderr } = context.io;
  const terminal = (stderr as { isTTY?: boolean }).isTTY === true;
  if (terminal) stderr.write(`${SAVE}Preparing to copy...`);
  // docker prints its summary whether the copy failed or not, then reports the failure
  const outcome = await copy().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  if (terminal) stderr.write(RESTORE_AND_ERASE);
  stderr.write(`Successfully copied ${humanSize(counted.bytes())} to ${destination}\n`);
  if (outcome) throw outcome.error;
}
