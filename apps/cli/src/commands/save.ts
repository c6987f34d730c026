import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CliFlag, CommandModule } from '../command';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';

// an archive moves in megabyte pieces: fewer, larger reads and writes than Node's 16-64 KB defaults
const CHUNK = 1 << 20;

const OUTPUT: CliFlag = {
  long: 'output',
  short: 'o',
  kind: 'value',
  type: 'string',
  description: 'Write to a file, instead of STDOUT',
};

/** `berth save`: the images as one tar archive, streamed from the engine to the file or stdout (never a terminal). */
export const command: CommandModule = {
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  flags: [OUTPUT],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const output = context.string(OUTPUT) ?? '';
    if (output === '' && context.io.stdout.isTTY) {
      throw new CliError(
        'save-to-terminal',
        'stdout',
        'cowardly refusing to save to a terminal. Use the -o flag or redirect',
      );
    }
    if (output !== '') {
      await stat(dirname(output)).catch((error) => {
        throw fileError(error, 'stat', dirname(output), 'failed to save image: invalid output path: ');
      });
    }
    const archive = await context.engine().saveImages(context.args);
    if (output === '') {
      await pipeline(archive, context.io.stdout, { end: false });
      return 0;
    }
    // written beside the file, then renamed over it: a failed save leaves no half archive behind
    const partial = `${output}.${process.pid}.partial`;
    try {
      // 0600, as docker leaves the file (its temporary file, renamed)
      await pipeline(archive, createWriteStream(partial, { highWaterMark: CHUNK, mode: 0o600 }));
      await rename(partial, output);
    } catch (error) {
      await rm(partial, { force: true });
      throw fileError(error, 'open', output);
    }
    return 0;
  },
};
