// Container paths and Linux host paths (the engine compares mount points after cleaning them with path.Clean).
import { cleanPath } from '@berth/go-syntax';

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/** `filepath.Abs` with a given working directory: what the docker CLI does to a `.`-relative source. */
export function resolvePath(cwd: string, path: string): string {
  return cleanPath(`${cwd}/${path}`);
}
