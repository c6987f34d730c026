// Container paths and Linux host paths (the engine compares mount points after cleaning them with path.Clean).
import { cleanPath } from '@berth/go-syntax';

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/** `filepath.Abs` with a given working directory: what the docker CLI does to a `.`-relative source. */
function resolvePath(cwd: string, path: string): string {
  return cleanPath(`${cwd}/${path}`);
}

/**
 * A host path starting with `.` made absolute against `cwd`, as the docker CLI does against its working directory;
 * any other path unchanged. Without `cwd` such a path cannot be resolved: `fail` is called.
 */
export function resolveDotSource(
  source: string,
  cwd: string | undefined,
  fail: (code: 'relative-source-without-cwd', rule: string) => never,
): string {
  if (!source.startsWith('.')) return source;
  if (cwd === undefined) {
    return fail('relative-source-without-cwd', `relative source '${source}' needs the cwd option to be made absolute`);
  }
  return resolvePath(cwd, source);
}

/**
 * The engine's check of a mount's container path (`--mount`, `-v` and `--tmpfs` alike): not `/` and absolute once
 * every `\` is read as `/`. Only the check reads it so: docker takes `--tmpfs '\x'` and mounts it on `/\x`.
 */
export function checkContainerPath(
  target: string,
  fail: (code: 'root-target' | 'relative-path', rule: string) => never,
): void {
  const slashed = target.replaceAll('\\', '/');
  if (cleanPath(slashed) === '/') fail('root-target', "invalid specification: destination can't be '/'");
  if (!isAbsolutePath(slashed)) fail('relative-path', `invalid mount path: '${target}' mount path must be absolute`);
}
