// Rune classes and spellings Go's unicode and fmt packages use, over JavaScript strings.

/** Go's %#U of a rune: U+0023 '#', or U+0001 alone when it does not print. */
export function formatRuneU(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrintable(c) ? `${hex} '${String.fromCodePoint(c)}'` : hex;
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrintable(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return false;
  return printable.test(String.fromCodePoint(c));
}

/** The code points of s, with lone surrogates read as U+FFFD as Go reads invalid UTF-8. */
export function* codePoints(s: string): Generator<number> {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        yield ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
        continue;
      }
      yield 0xfffd;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      yield 0xfffd;
    } else {
      yield c;
    }
  }
}
