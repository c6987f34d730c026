import type { CliFlag } from './command';
import type { CommandContext } from './context';
import { CliError } from './errors';

// an archive moves in megabyte pieces: fewer, larger reads and writes than Node's 16-64 KB defaults
export const ARCHIVE_CHUNK = 1 << 20;

/** `-o, --output` of `export` and `save`. */
export const ARCHIVE_OUTPUT_FLAG: CliFlag = {
  long: 'output',
  short: 'o',
  kind: 'value',
  type: 'string',
  description: 'Write to a file, instead of STDOUT',
};

/**
 * Where `export` or `save` writes its archive: the `-o` file, or undefined for stdout, which docker refuses when it
 * is a terminal (a tar is no use there).
 */
export function archiveOutput(context: CommandContext): string | undefined {
  const file = context.string(ARCHIVE_OUTPUT_FLAG) || undefined;
  if (file === undefined && context.io.stdout.isTTY) {
    throw new CliError(
      'output-is-terminal',
      'stdout',
      'cowardly refusing to save to a terminal. Use the -o flag or redirect',
    );
  }
  return file;
}
