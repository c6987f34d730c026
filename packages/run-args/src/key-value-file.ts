import { RunArgsError } from './errors';

/**
 * Reads an `--env-file` or `--label-file` as the docker CLI does: UTF-8, a BOM dropped, leading white space
 * trimmed, `#` comments and blank lines skipped, `KEY=VALUE` kept as written (quotes and trailing spaces included),
 * and a bare `KEY` replaced by `lookup(KEY)` when that finds a value, dropped otherwise.
 */
export function parseKeyValueFile(
  path: string,
  content: string,
  lookup: (key: string) => string | undefined = () => undefined,
): string[] {
  const entries: string[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    const key = equals === -1 ? line : line.slice(0, equals);
    if (key === '') {
      throw new RunArgsError(
        'invalid-key-value-file',
        path,
        `invalid env file (${path}): no variable name on line '${line}'`,
      );
    }
    if (/[ \t]/.test(key)) {
      throw new RunArgsError(
        'invalid-key-value-file',
        path,
        `invalid env file (${path}): variable '${key}' contains whitespaces`,
      );
    }
    if (equals !== -1) {
      entries.push(line);
      continue;
    }
    const value = lookup(key);
    if (value !== undefined) entries.push(`${key}=${value}`);
  }
  return entries;
}

/** `key=value` words → a map, split at the first `=`: a bare key means `""`, and a key given again keeps the last. */
export function keyValueMap(entries: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    entries.map((entry) => {
      const equals = entry.indexOf('=');
      return equals === -1 ? [entry, ''] : [entry.slice(0, equals), entry.slice(equals + 1)];
    }),
  );
}
