import { RunArgsError } from './errors';

/** A file's content: its bytes (what `readFile` gives by default), or text a caller has decoded already. */
export type FileContent = string | Uint8Array;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// bufio.Scanner's ScanLines: a line ends at `\n`, and one `\r` before the end is dropped
function scanLines<T extends string | Uint8Array>(content: T, newline: T[number], carriageReturn: T[number]): T[] {
  const lines: T[] = [];
  let start = 0;
  while (start < content.length) {
    const found = content.indexOf(newline as never, start);
    const end = found === -1 ? content.length : found;
    const dropCr = end > start && content[end - 1] === carriageReturn;
    lines.push(content.slice(start, dropCr ? end - 1 : end) as T);
    start = end + 1;
  }
  return lines;
}

// docker/cli kvfile: each line must be valid UTF-8 (a UTF-16 file with its BOM is not), checked before the BOM goes
function textLines(path: string, content: FileContent): string[] {
  if (typeof content === 'string') return scanLines(content, '\n', '\r');
  return scanLines(content, NEWLINE, CARRIAGE_RETURN).map((bytes, index) => {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      throw new RunArgsError(
        'invalid-key-value-file',
        path,
        `invalid env file (${path}): invalid utf8 bytes at line ${index + 1}: [${bytes.join(' ')}]`,
      );
    }
  });
}

/**
 * Reads an `--env-file` or `--label-file` as the docker CLI does: UTF-8 (invalid bytes refused with the line's bytes,
 * as docker shows them), a BOM dropped, leading white space trimmed, `#` comments and blank lines skipped,
 * `KEY=VALUE` kept as written (quotes and trailing spaces included), and a bare `KEY` replaced by `lookup(KEY)` when
 * that finds a value, dropped otherwise.
 */
export function parseKeyValueFile(
  path: string,
  content: FileContent,
  lookup: (key: string) => string | undefined = () => undefined,
): string[] {
  const entries: string[] = [];
  const lines = textLines(path, content);
  if (lines[0] !== undefined) lines[0] = lines[0].replace(/^\uFEFF/, '');
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
