import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ARCHIVE_CHUNK, ARCHIVE_OUTPUT_FLAG, archiveOutput } from '../archive-streams';
import type { CommandModule } from '../command';
import { fileError } from '../output/file-error';

/** `berth save`: the images as one tar archive, streamed from the engine to the file or stdout (never a terminal). */
export const command: CommandModule = {
  usage: '[OPTIONS] IMAGE [IMAGE...]',
  flags: [ARCHIVE_OUTPUT_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const output = archiveOutput(context);
    if (output !== undefined) {
      await stat(dirname(output)).catch((error) => {
        throw fileError(error, 'stat', dirname(output), 'failed to save image: invalid output path: ');
      });
    }
    const archive = await context.engine().saveImages(context.args);
    if (output === undefined) {
      await pipeline(archive, context.io.stdout, { end: false });
      return 0;
    }
    // written beside the file, then renamed over it: a failed save leaves no half archive behind
    const partial = `${output}.${process.pid}.partial`;
    try {
      // 0600, as docker leaves the file (its temporary file, renamed)
      await pipeline(archive, createWriteStream(partial, { highWaterMark: ARCHIVE_CHUNK, mode: 0o600 }));
      await rename(partial, output);
    } catch (error) {
      await rm(partial, { force: true });
      throw fileError(error, 'open', output);
    }
    return 0;
  },
};
