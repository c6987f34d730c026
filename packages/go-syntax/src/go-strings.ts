// Docker's flag handling runs through Go's `strings` package, whose idea of white space and of lower case differs
// from JavaScript's `trim()` (which also strips U+FEFF) and `toLowerCase()` (İ becomes two characters, a final Σ
// becomes ς). These follow Go, so a value trims and folds exactly as the docker CLI sees it.

const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`);

/** Go's `strings.TrimSpace`. */
export function trimSpace(value: string): string {
  return value.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/** Go's `strings.ToLower`: each code point on its own, without context. */
export function toLower(value: string): string {
  let lower = '';
  for (const char of value) {
    if (char === '\u0130') lower += 'i';
    else if (char === '\u03a3') lower += '\u03c3';
    else lower += char.toLowerCase();
  }
  return lower;
}

/** Go's `strings.Cut`: the text before and after the first `separator`, and whether there was one. */
export function cut(value: string, separator: string): [before: string, after: string, found: boolean] {
  const index = value.indexOf(separator);
  return index < 0 ? [value, '', false] : [value.slice(0, index), value.slice(index + separator.length), true];
}

/** Length in UTF-8 bytes: Go's len() of a string, which several of docker's rules count. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
