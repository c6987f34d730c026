import { lstatSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Engine } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { engineTransport } from '../engine-transport';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';

const ARCHIVE: CliFlag = {
  long: 'archive',
  short: 'a',
  kind: 'bool',
  description: 'Archive mode (copy all uid/gid information)',
};
const FOLLOW_LINK: CliFlag = {
  long: 'follow-link',
  short: 'L',
  kind: 'bool',
  description: 'Always follow symbol link in SRC_PATH',
};
const QUIET: CliFlag = {
  long: 'quiet',
  short: 'q',
  kind: 'bool',
  description:
    'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
};

// Go's os.FileMode bits, as the engine's path stat carries them
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

interface PathStat {
  name: string;
  mode: number;
  linkTarget: string;
}

/** `CONTAINER:PATH` or a local path (absolute, or with no `:`, or starting with `.`), as docker splits it. */
function splitCopyArg(arg: string): { container?: string; path: string } {
  if (isAbsolute(arg)) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** `HEAD /containers/{id}/archive`: the path's stat from the engine's header, undefined when it cannot say. */
async function statPath(engine: Engine, container: string, path: string): Promise<PathStat | undefined> {
  try {
    const { value } = await engineTransport(engine).stream({
      method: 'HEAD',
      path: `/containers/${encodeURIComponent(container)}/archive`,
      query: { path },
      subject: container,
    });
    value.resume();
    const header = value.headers['x-docker-container-path-stat'];
    if (typeof header !== 'string') return undefined;
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as PathStat;
  } catch {
    // docker goes on without the stat: the copy itself says what is wrong
    return undefined;
  }
}

/** A symbolic link's target joined to its directory when relative, as docker resolves it for `-L`. */
function linkTargetPath(path: string, stat: PathStat): string {
  if (stat.linkTarget.startsWith('/')) return stat.linkTarget;
  const parent = path.slice(0, path.lastIndexOf('/') + 1) || '/';
  return `${parent}${stat.linkTarget}`;
}

/**
 * `berth cp` with a tar stream on one side: `CONTAINER:SRC -` writes the archive of SRC to stdout, `- CONTAINER:DEST`
 * extracts the archive read from stdin into the directory DEST. Copies to and from local paths are not written
 * yet and are refused as such.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tberth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  flags: [ARCHIVE, FOLLOW_LINK, QUIET, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 2 },
  async run(context) {
    const [source = '', destination = ''] = context.args;
    if (source === '') throw new CliError('empty-source', source, 'source can not be empty');
    if (destination === '') throw new CliError('empty-destination', destination, 'destination can not be empty');
    const from = splitCopyArg(source);
    const to = splitCopyArg(destination);
    if (from.container !== undefined && to.container !== undefined) {
      throw new CliError('copy-across-containers', source, 'copying between containers is not supported');
    }
    if (from.container === undefined && to.container === undefined) {
      throw new CliError('copy-no-container', source, 'must specify at least one container source');
    }
    const engine = context.engine();
    const transport = engineTransport(engine);
    if (from.container !== undefined) {
      if (to.path !== '-') throw notYet(destination);
      let path = from.path;
      if (context.bool(FOLLOW_LINK)) {
        const stat = await statPath(engine, from.container, path);
        if (stat && (stat.mode & MODE_SYMLINK) !== 0) path = linkTargetPath(path, stat);
      }
      const { value } = await transport.stream({
        method: 'GET',
        path: `/containers/${encodeURIComponent(from.container)}/archive`,
        query: { path },
        subject: from.container,
      });
      for await (const chunk of value) context.io.stdout.write(chunk);
      return 0;
    }
    const container = to.container ?? '';
    if (from.path !== '-') {
      try {
        lstatSync(from.path);
      } catch (error) {
        throw fileError(error, 'lstat', from.path);
      }
      throw notYet(source);
    }
    let path = to.path;
    let stat = await statPath(engine, container, path);
    if (stat && (stat.mode & MODE_SYMLINK) !== 0) {
      path = linkTargetPath(path, stat);
      stat = await statPath(engine, container, path);
    }
    if (!stat || (stat.mode & MODE_DIR) === 0) {
      throw new CliError('destination-not-directory', destination, `destination "${destination}" must be a directory`);
    }
    if (!context.io.stdin) throw new CliError('no-input', '-', 'no archive on stdin');
    await transport.send({
      method: 'PUT',
      path: `/containers/${encodeURIComponent(container)}/archive`,
      query: { path, noOverwriteDirNonDir: true, copyUIDGID: context.bool(ARCHIVE) || undefined },
      input: context.io.stdin,
      contentType: 'application/x-tar',
      subject: container,
    });
    return 0;
  },
};

function notYet(path: string): CliError {
  return new CliError(
    'copy-local-path',
    path,
    `berth cp: copying to or from a local path (${path}) is not written yet; use - for a tar stream`,
  );
}
