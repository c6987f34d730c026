import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';
import { type CopyInfo, joinLinkTarget, rebaseName, splitPathDirEntry } from './copy-paths';

const MAX_LINKS = 10;

const missing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** docker's check before it asks the engine: the destination's parent exists, and the destination is no device. */
export function validateOutputPath(path: string): void {
  const dir = posix.dirname(posix.normalize(path).replace(/(.)\/$/, '$1'));
  try {
    statSync(dir);
  } catch (error) {
    if (missing(error))
      throw new CliError('output-dir-missing', dir, `invalid output path: directory "${dir}" does not exist`);
  }
  try {
    const stat = statSync(path);
    if (!stat.isDirectory() && !stat.isFile()) {
      throw new CliError(
        'output-not-file',
        path,
        `invalid output path: "${path}" must be a directory or a regular file`,
      );
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (!missing(error)) throw fileError(error, 'stat', path);
  }
}

/** The local destination with its symbolic links followed (a dangling last link names the file to create). */
export function localDestination(path: string): CopyInfo {
  let current = path;
  for (let links = 0; ; links++) {
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(current);
    } catch (error) {
      if (!missing(error)) throw fileError(error, 'lstat', current);
      const parent = splitPathDirEntry(current)[0];
      let parentStat: ReturnType<typeof statSync>;
      try {
        parentStat = statSync(parent);
      } catch (cause) {
        throw fileError(cause, 'stat', parent);
      }
      if (!parentStat.isDirectory()) throw new CliError('copy-not-directory', parent, 'not a directory');
      return { path: current, exists: false, isDir: false };
    }
    if (!stat.isSymbolicLink()) return { path: current, exists: true, isDir: stat.isDirectory() };
    if (links >= MAX_LINKS) throw new CliError('copy-too-many-links', path, `too many symlinks in ${path}`);
    current = joinLinkTarget(current, readlinkSync(current));
  }
}

/** The local source: links resolved in its directory, and in itself too with `-L`. */
export function localSource(path: string, followLink: boolean): CopyInfo {
  let resolved: { path: string; rebaseName?: string };
  try {
    if (followLink) {
      resolved = rebaseName(path, realpathSync(path));
    } else {
      const [dir, base] = [posix.dirname(path.replace(/\/+$/, '')), posix.basename(path)];
      const full = `${realpathSync(dir)}/${path.endsWith('/.') ? '.' : base}${path.endsWith('/') ? '/' : ''}`;
      resolved = { path: full };
      if (path.endsWith('/') && posix.basename(path) !== posix.basename(full))
        resolved.rebaseName = posix.basename(path);
    }
    return { ...resolved, exists: true, isDir: lstatSync(resolved.path).isDirectory() };
  } catch (error) {
    throw fileError(error, 'lstat', path);
  }
}
