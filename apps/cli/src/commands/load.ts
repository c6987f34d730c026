import { open } from 'node:fs/promises';
import { ARCHIVE_CHUNK } from '../archive-streams';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';
import { inEngineWords } from '../output/progress-display';

const INPUT: CliFlag = {
  long: 'input',
  short: 'i',
  kind: 'value',
  type: 'string',
  description: 'Read from tar archive file, instead of STDIN',
};
const QUIET: CliFlag = { long: 'quiet', short: 'q', kind: 'bool', description: 'Suppress the load output' };

const IMAGE_ID = /^sha256:[0-9a-f]{64}$/;

/** `berth load`: a tar archive (from `save`) streamed from the file or stdin to the engine; the images it held. */
export const command: CommandModule = {
  usage: '[OPTIONS]',
  flags: [INPUT, QUIET, DRY_RUN_FLAG],
  args: { kind: 'none' },
  async run(context) {
    const input = context.string(INPUT) ?? '';
    let archive: NodeJS.ReadableStream;
    if (input === '') {
      const stdin = context.io.stdin;
      if (!stdin || stdin.isTTY) {
        throw new CliError('load-from-terminal', 'stdin', 'requested load from stdin, but stdin is empty');
      }
      archive = stdin;
    } else {
      const file = await open(input, 'r').catch((error) => {
        throw fileError(error, 'open', input);
      });
      archive = file.createReadStream({ highWaterMark: ARCHIVE_CHUNK });
    }
    let loaded: string[];
    try {
      loaded = await context.engine().loadImages(archive);
    } catch (error) {
      throw inEngineWords(error);
    }
    // docker prints the engine's lines even with -q: the engine is asked for them without its progress bars
    for (const name of loaded) {
      context.io.stdout.write(IMAGE_ID.test(name) ? `Loaded image ID: ${name}\n` : `Loaded image: ${name}\n`);
    }
    return 0;
  },
};
