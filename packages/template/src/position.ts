// Go reports positions in bytes of UTF-8; the trees keep UTF-16 indices and convert only when an error is raised.

const encoder = new TextEncoder();

function utf8Length(s: string): number {
  // ASCII is the common case and needs no encoding.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return encoder.encode(s).length;
  return s.length;
}

/** Go's column of `pos`: bytes since the last newline before it, or since the start on the first line. */
export function byteColumn(text: string, pos: number): number {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return utf8Length(text.slice(lineStart, pos));
}

/** 1 + the newlines before `pos`. */
export function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
