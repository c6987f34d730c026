import { createWriteStream } from 'node:fs';
import { chmod, link, lstat, mkdir, rm, symlink, utimes } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-fs';
import { type EntryHeader, extract } from 'tar-stream';
import { CliError } from '../errors';
import { type CopyInfo, type CopyPlan, renameEntry, splitPathDirEntry } from './copy-paths';

/** An archive entry's name as the copy lands it: first the source's own rebase name, then the plan's. */
function entryNamer(source: CopyInfo, plan: CopyPlan): (name: string) => string {
  const base = splitPathDirEntry(source.path)[1];
  return (name) => {
    const rebased = source.rebaseName ? renameEntry(name, base, source.rebaseName) : name;
    return plan.rename ? renameEntry(rebased, plan.rename.from, plan.rename.to) : rebased;
  };
}

/** The tar of a local source as the plan wants it named; modes as they are on disk, owners as stat gives them. */
export function packLocalSource(source: CopyInfo, plan: CopyPlan): Readable {
  const [dir, base] = splitPathDirEntry(source.path);
  const name = entryNamer(source, plan);
  return pack(dir, { entries: [base], umask: 0, map: (header) => ({ ...header, name: name(header.name) }) });
}

async function isDirectory(path: string): Promise<boolean | undefined> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return undefined;
  }
}

/**
 * Extracts a container's archive into the plan's directory, as docker's untar does for cp: files take the caller's
 * owner (no chown), the archive's modes and times; a directory is never replaced by a file, nor a file by one.
 */
export async function extractArchive(archive: Readable, source: CopyInfo, plan: CopyPlan): Promise<void> {
  const name = entryNamer(source, plan);
  const root = posix.resolve(plan.dir);
  const directories: Array<[string, Date]> = [];
  const entries = extract();
  entries.on('entry', (header, stream, next) => {
    const linkname = header.type === 'link' && header.linkname ? name(header.linkname) : header.linkname;
    landEntry(root, name(header.name), { ...header, linkname }, stream, directories).then(() => next(), next);
  });
  await pipeline(archive, entries);
  for (const [path, mtime] of directories.reverse()) await utimes(path, mtime, mtime);
}

async function landEntry(
  root: string,
  name: string,
  header: EntryHeader,
  content: Readable,
  directories: Array<[string, Date]>,
): Promise<void> {
  const path = posix.resolve(root, name);
  if (path !== root && !path.startsWith(`${root}/`)) {
    throw new CliError('copy-entry-outside', name, `invalid archive entry "${name}": outside the destination`);
  }
  const mode = (header.mode ?? 0o644) & 0o7777;
  const mtime = header.mtime ?? new Date();
  const existing = await isDirectory(path);
  if (header.type === 'directory') {
    if (existing === false)
      throw new CliError(
        'copy-dir-over-file',
        path,
        `cannot overwrite non-directory "${path}" with directory "${name}"`,
      );
    await mkdir(path, { recursive: true });
    await chmod(path, mode);
    directories.push([path, mtime]);
    content.resume();
    return;
  }
  if (existing === true)
    throw new CliError('copy-file-over-dir', path, `cannot overwrite directory "${path}" with non-directory "${name}"`);
  if (existing === false) await rm(path, { force: true });
  await mkdir(posix.dirname(path), { recursive: true });
  if (header.type === 'symlink') {
    content.resume();
    await symlink(header.linkname ?? '', path);
    return;
  }
  if (header.type === 'link') {
    content.resume();
    await link(posix.resolve(root, header.linkname ?? ''), path);
    return;
  }
  await pipeline(content, createWriteStream(path, { mode }));
  await chmod(path, mode);
  await utimes(path, mtime, mtime);
}
