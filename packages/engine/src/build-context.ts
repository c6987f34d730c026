import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { EngineError } from './errors';

/** A build context that cannot be packed: a Dockerfile outside the directory, an unreadable file. */
export class BuildContextError extends EngineError {}

export interface BuildContextOptions {
  /** The Dockerfile's path relative to the context directory; `Dockerfile` when absent. */
  dockerfile?: string;
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

async function readIgnoreRules(dir: string, dockerfile: string): Promise<IgnoreRules | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, '.dockerignore'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BuildContextError('build-context-unreadable', join(dir, '.dockerignore'), String(error), {
      cause: error,
    });
  }
  const { default: dockerignore } = await import('@balena/dockerignore');
  // docker/cli TrimBuildFilesFromExcludes: the Dockerfile and .dockerignore always reach the engine
  const lines = [...text.split(/\r?\n/), '!.dockerignore', `!${dockerfile}`];
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
 * (docker's pattern rules, `!` exceptions included), owned by root as the docker CLI sends it.
 */
export async function packBuildContext(dir: string, options: BuildContextOptions = {}): Promise<Readable> {
  const root = resolve(dir);
  const dockerfile = posix.normalize(options.dockerfile ?? 'Dockerfile');
  const fromRoot = relative(root, resolve(root, dockerfile));
  if (isAbsolute(dockerfile) || fromRoot.startsWith('..')) {
    throw new BuildContextError(
      'dockerfile-outside-context',
      dockerfile,
      `the Dockerfile ${dockerfile} must be inside the build context ${root}`,
    );
  }
  let entries: string[];
  try {
    entries = await listEntries(root, await readIgnoreRules(root, fromRoot));
  } catch (error) {
    if (error instanceof BuildContextError) throw error;
    throw new BuildContextError('build-context-unreadable', root, `cannot read the build context ${root}: ${error}`, {
      cause: error,
    });
  }
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
  });
}
