import { createWriteStream, renameSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ARCHIVE_OUTPUT_FLAG, archiveOutput } from '../archive-streams';
import type { CommandModule } from '../command';
import { engineTransport } from '../engine-transport';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';

/** docker writes the archive beside its destination and moves it there once whole; it checks the place first. */
function checkedOutputPath(file: string): string {
  const path = resolve(file);
  const frame = 'failed to export container: ';
  try {
    if (!statSync(dirname(path)).isDirectory()) {
      throw new CliError(
        'invalid-output-path',
        file,
        `${frame}invalid output path: ${dirname(path)} is not a directory`,
      );
    }
  } catch (error) {
    throw fileError(error, 'invalid output path: stat', dirname(path), frame);
  }
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError('output-is-directory', file, `${frame}cannot write to a directory`);
  }
  return path;
}

/** `berth export`: the container's filesystem as a tar archive, to `-o` or to stdout (never to a terminal). */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER',
  flags: [ARCHIVE_OUTPUT_FLAG],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const [name = ''] = context.args;
    const file = archiveOutput(context);
    const target = file === undefined ? undefined : checkedOutputPath(file);
    const path = `/containers/${encodeURIComponent(name)}/export`;
    const { value: archive } = await engineTransport(context.engine()).stream({ method: 'GET', path, subject: name });
    if (target === undefined) {
      // stdout stays open for what follows
      await pipeline(archive, context.io.stdout, { end: false });
      return 0;
    }
    const partial = join(dirname(target), `.tmp-${basename(target)}${process.pid}`);
    const output: Writable = createWriteStream(partial, { mode: 0o600 });
    await pipeline(archive, output);
    renameSync(partial, target);
    return 0;
  },
};
