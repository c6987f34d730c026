import { CliError } from '../errors';

// Go's wording for the errors Node reports by code, as docker's messages carry them
const GO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EEXIST: 'file exists',
};

/** A file that could not be opened, as Go's `os.PathError` reads: `open /x: no such file or directory`. */
export function fileError(error: unknown, operation: string, path: string, frame = ''): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error;
  const words = GO_WORDS[code] ?? (error as Error).message;
  return new CliError('file-error', path, `${frame}${operation} ${path}: ${words}`, { cause: error });
}
