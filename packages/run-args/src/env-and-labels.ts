import { RunArgsError } from './errors';
import { type FileContent, keyValueMap, parseKeyValueFile } from './key-value-file';

export interface FileAccess {
  /** Reads a whole file (for `--env-file`, `--label-file`): its bytes, or its text; throws when it cannot. */
  readFile: (path: string) => FileContent;
  /** Looks a variable up in the caller's environment (a bare `-e KEY` and `KEY` lines of an env file). */
  lookupEnv: (key: string) => string | undefined;
}

function readFileOrThrow(files: FileAccess, flag: string, path: string): FileContent {
  try {
    return files.readFile(path);
  } catch (cause) {
    throw new RunArgsError('unreadable-file', path, `${flag}: cannot read ${path}: ${String(cause)}`, { cause });
  }
}

/** `-e/--env` and `--env-file` → `Config.Env`: files first, then the flags, so a flag overrides a file. */
export function parseEnv(envFlags: readonly string[], envFiles: readonly string[], files: FileAccess): string[] {
  const fromFiles = envFiles.flatMap((path) =>
    parseKeyValueFile(path, readFileOrThrow(files, '--env-file', path), files.lookupEnv).map((entry) => {
      // docker sends it and the runtime refuses it at start: a UTF-16 file without a BOM reads as NULs between bytes
      if (entry.includes('\0')) {
        throw new RunArgsError(
          'nul-in-env-file',
          path,
          `invalid env file (${path}): ${JSON.stringify(entry)} contains a NUL byte: is the file UTF-16? It must be UTF-8`,
        );
      }
      return entry;
    }),
  );
  const fromFlags = envFlags.map((entry) => {
    const equals = entry.indexOf('=');
    if (equals === 0 || entry === '') {
      throw new RunArgsError(
        'invalid-env',
        entry,
        `invalid argument "${entry}" for "-e, --env" flag: invalid environment variable: ${entry}`,
      );
    }
    if (equals !== -1) return entry;
    // ch.2.4.2: a bare name passes the caller's value through; the docker CLI sends the name alone when unset
    const value = files.lookupEnv(entry);
    return value === undefined ? entry : `${entry}=${value}`;
  });
  return [...fromFiles, ...fromFlags];
}

/** `-l/--label` and `--label-file` → `Config.Labels`: files first, then the flags; a bare key means `""`. */
export function parseLabels(
  labelFlags: readonly string[],
  labelFiles: readonly string[],
  files: FileAccess,
): Record<string, string> {
  // docker/cli ValidateLabel: blanks before the name are allowed (and kept in the key), blanks inside it are not
  for (const label of labelFlags) {
    const name = (label.split('=', 1)[0] ?? '').replace(/^[ \t]+/, '');
    if (name === '') {
      throw new RunArgsError(
        'invalid-label',
        label,
        `invalid argument "${label}" for "-l, --label" flag: invalid label '${label}': empty name`,
      );
    }
    if (/[ \t]/.test(name)) {
      throw new RunArgsError(
        'invalid-label',
        label,
        `invalid argument "${label}" for "-l, --label" flag: label '${name}' contains whitespaces`,
      );
    }
  }
  return keyValueMap([
    ...labelFiles.flatMap((path) => parseKeyValueFile(path, readFileOrThrow(files, '--label-file', path))),
    ...labelFlags,
  ]);
}
