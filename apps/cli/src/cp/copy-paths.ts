import { posix } from 'node:path';
import { CliError } from '../errors';

/** What a copy knows of one side: the path, whether it exists and is a directory, and a name to give it. */
export interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  rebaseName?: string;
}

/** Where the archive is extracted, and the top-level name its entries get there (none: as they are). */
export interface CopyPlan {
  dir: string;
  rename?: { from: string; to: string };
}

const specifiesCurrentDir = (path: string) => path === '.' || path.endsWith('/.');
const hasTrailingSeparator = (path: string) => path.endsWith('/');

function clean(path: string): string {
  const normal = posix.normalize(path);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** docker's split of a path into its parent and last entry; `DIR/.` keeps `.` as the entry. */
export function splitPathDirEntry(path: string): [string, string] {
  const cleaned = specifiesCurrentDir(path) ? `${clean(path)}/.` : clean(path);
  // Go's base of `/` is `/`
  return [posix.dirname(cleaned), posix.basename(cleaned) || '/'];
}

/** An absolute path that keeps the `/.` or `/` the user wrote at its end: both change what a copy does. */
export function resolveLocalPath(path: string, cwd: string): string {
  const absolute = posix.resolve(cwd, path);
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(absolute)) return `${absolute}/.`;
  if (hasTrailingSeparator(path) && !hasTrailingSeparator(absolute)) return `${absolute}/`;
  return absolute;
}

/** A resolved link target keeps the `/.` or `/` of the link's path, and the link's name when the two differ. */
export function rebaseName(path: string, resolved: string): { path: string; rebaseName?: string } {
  let target = resolved;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(target)) target = `${target}/.`;
  if (hasTrailingSeparator(path) && !hasTrailingSeparator(target)) target = `${target}/`;
  const name = posix.basename(path);
  return name === posix.basename(target) ? { path: target } : { path: target, rebaseName: name };
}

/** A symbolic link's target, joined to the link's directory when relative. */
export function joinLinkTarget(path: string, target: string): string {
  return target.startsWith('/') ? target : posix.join(splitPathDirEntry(path)[0], target);
}

/**
 * docker's rules for where the source lands: into an existing directory as it is; over an existing file, or at a
 * path that does not exist yet, under the destination's name. A directory never replaces a file, and a file never
 * makes a directory asserted by a trailing `/` or `/.`.
 */
export function planCopy(source: CopyInfo, destination: CopyInfo): CopyPlan {
  if (destination.exists && destination.isDir) return { dir: destination.path };
  if (destination.exists && source.isDir) {
    throw new CliError('copy-dir-to-file', destination.path, 'cannot copy directory');
  }
  if (
    !destination.exists &&
    !source.isDir &&
    (hasTrailingSeparator(destination.path) || specifiesCurrentDir(destination.path))
  ) {
    throw new CliError('copy-no-such-directory', destination.path, 'no such directory');
  }
  const [dir, to] = splitPathDirEntry(destination.path);
  const from = source.rebaseName ?? splitPathDirEntry(source.path)[1];
  return { dir, rename: { from, to } };
}

/** An entry's name with its top-level `from` replaced by `to` (the archive of `DIR/.` has `.` at its top). */
export function renameEntry(name: string, from: string, to: string): string {
  const trimmed = name.replace(/\/+$/, '');
  let rest: string | undefined;
  if (trimmed === from) rest = '';
  else if (trimmed.startsWith(`${from}/`)) rest = trimmed.slice(from.length + 1);
  else if (from === '.') rest = trimmed.replace(/^\.\//, '');
  if (rest === undefined) return name;
  return rest === '' ? to : `${to}/${rest}`;
}
