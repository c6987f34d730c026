import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { EngineError } from './errors';

/** A build context that cannot be packed: a missing Dockerfile, an unreadable file. */
export class BuildContextError extends EngineError {}

export interface BuildContextOptions {
  /**
   * The Dockerfile: a path relative to the context directory, or absolute; `Dockerfile` when absent. One outside
   * the directory travels inside the context under a random name, as the docker CLI sends it.
   */
  dockerfile?: string;
}

export interface PackedBuildContext {
  /** The tar stream to send as the body of `POST /build`. */
  tar: Readable;
  /** The Dockerfile's name inside the context: the `dockerfile` query of the build. */
  dockerfile: string;
}

interface IgnoreRules {
  ignores(path: string): boolean;
  /** The `!` patterns, cleaned: a directory they could reach inside is walked even when it is excluded. */
  exceptions: string[];
}

function cleanPattern(line: string): string {
  const cleaned = posix.normalize(line.trim()).replace(/\/$/, '');
  return cleaned.length > 1 && cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

function unreadableIgnoreFile(path: string, error: unknown): BuildContextError {
  return new BuildContextError('build-context-unreadable', path, String(error), { cause: error });
}

/** The text of the context's `.dockerignore`, read once for both the rules and an outside Dockerfile's copy. */
async function readIgnoreFile(dir: string): Promise<string | undefined> {
  const path = join(dir, '.dockerignore');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadableIgnoreFile(path, error);
  }
}

async function ignoreRules(text: string, dockerfile: string | undefined): Promise<IgnoreRules> {
  const { default: dockerignore } = await import('@balena/dockerignore');
  // docker/cli TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore always reach the engine
  const lines = [...text.split(/\r?\n/), '!.dockerignore', ...(dockerfile === undefined ? [] : [`!${dockerfile}`])];
  const matcher = dockerignore({ ignorecase: false }).add(lines);
  const exceptions = lines
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => cleanPattern(line.slice(1)));
  return { ignores: (path) => matcher.ignores(path), exceptions };
}

// moby's archive walk: an excluded directory is still walked when an exception pattern lies under it; the directory's
// own entry is left out either way.
async function listEntries(dir: string, rules: IgnoreRules | undefined): Promise<string[]> {
  const entries: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const children = await readdir(join(dir, relativeDir), { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const path = relativeDir ? `${relativeDir}/${child.name}` : child.name;
      const excluded = rules?.ignores(path) ?? false;
      if (!child.isDirectory()) {
        if (!excluded) entries.push(path);
        continue;
      }
      if (!excluded) entries.push(path);
      if (!excluded || rules?.exceptions.some((pattern) => `${pattern}/`.startsWith(`${path}/`))) await walk(path);
    }
  };
  await walk('');
  return entries;
}

/**
 * The build context `docker build DIR` sends: a tar stream of the directory, less what `.dockerignore` excludes
 * (docker's pattern rules, `!` exceptions included), owned by root as the docker CLI sends it. A Dockerfile outside
 * the directory is added as `.dockerfile.<random>`, and `.dockerignore` gains that name, so `COPY .` leaves it out.
 */
export async function packBuildContext(dir: string, options: BuildContextOptions = {}): Promise<PackedBuildContext> {
  const root = resolve(dir);
  const path = resolve(root, options.dockerfile ?? 'Dockerfile');
  const fromRoot = relative(root, path);
  const outside = fromRoot.startsWith('..') || isAbsolute(fromRoot);
  const inContext = outside ? undefined : fromRoot.split(sep).join(posix.sep);
  let ignoreText: string | undefined;
  let entries: string[];
  try {
    ignoreText = await readIgnoreFile(root);
    entries = await listEntries(root, ignoreText === undefined ? undefined : await ignoreRules(ignoreText, inContext));
  } catch (error) {
    if (error instanceof BuildContextError) throw error;
    throw new BuildContextError('build-context-unreadable', root, `cannot read the build context ${root}: ${error}`, {
      cause: error,
    });
  }
  if (inContext !== undefined) return { tar: await packEntries(root, entries), dockerfile: inContext };

  const added = `.dockerfile.${Buffer.from(crypto.getRandomValues(new Uint8Array(10))).toString('hex')}`;
  const extra = await outsideDockerfileEntries(root, path, added, ignoreText);
  const tar = await packEntries(
    root,
    entries.filter((entry) => entry !== '.dockerignore'),
    extra,
  );
  return { tar, dockerfile: added };
}

interface ExtraEntry {
  name: string;
  mode: number;
  content: Buffer;
}

/** The outside Dockerfile under its new name, and `.dockerignore` (the directory's, or a new one) naming it. */
async function outsideDockerfileEntries(
  root: string,
  path: string,
  added: string,
  ignoreText: string | undefined,
): Promise<ExtraEntry[]> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BuildContextError(
      missing ? 'dockerfile-not-found' : 'build-context-unreadable',
      path,
      missing ? `cannot locate Dockerfile: "${path}"` : `cannot read the Dockerfile ${path}: ${error}`,
      { cause: error },
    );
  }
  let ignore = { text: '.dockerignore', mode: 0o600 };
  if (ignoreText !== undefined) {
    const ignorePath = join(root, '.dockerignore');
    try {
      ignore = { text: ignoreText, mode: (await stat(ignorePath)).mode & 0o7777 };
    } catch (error) {
      throw unreadableIgnoreFile(ignorePath, error);
    }
  }
  return [
    { name: added, mode: 0o600, content },
    { name: '.dockerignore', mode: ignore.mode, content: Buffer.from(`${ignore.text}\n${added}\n`) },
  ];
}

async function packEntries(root: string, entries: string[], extra: ExtraEntry[] = []): Promise<Readable> {
  const tar = await import('tar-fs');
  return tar.pack(root, {
    entries,
    // the entries are complete: no directory is expanded again
    ignore: () => true,
    umask: 0,
    // as moby's archive writes them: directories with a trailing slash, everything owned by root
    map: (header) => ({
      ...header,
      name: header.type === 'directory' ? `${header.name}/` : header.name,
      uid: 0,
      gid: 0,
    }),
    finalize: false,
    finish: (pack) => {
      const mtime = new Date();
      for (const { name, mode, content } of extra) pack.entry({ name, mode, uid: 0, gid: 0, mtime }, content);
      pack.finalize();
    },
  });
}
