// Go's strconv quoting: Quote, QuoteToASCII, CanBackquote, Unquote and UnquoteChar, over JavaScript strings (a lone
// surrogate stands for the invalid UTF-8 Go would replace with U+FFFD).

import { codePoints, isPrintable } from './runes';

const simpleEscapes: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
  92: '\\\\',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(c: number, quote: number, asciiOnly: boolean): string {
  if (c === quote) return `\\${String.fromCharCode(c)}`;
  const simple = simpleEscapes[c];
  if (simple !== undefined) return simple;
  if (asciiOnly ? c < 0x80 && isPrintable(c) : isPrintable(c)) return String.fromCodePoint(c);
  if (c < 0x20 || c === 0x7f) return `\\x${hex(c, 2)}`;
  if (c < 0x10000) return `\\u${hex(c, 4)}`;
  return `\\U${hex(c, 8)}`;
}

function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

/** strconv.Quote */
export function goQuote(s: string): string {
  if (isPlainAscii(s)) return `"${s}"`;
  let out = '"';
  for (const c of codePoints(s)) out += escapeRune(c, 0x22, false);
  return `${out}"`;
}

/** strconv.QuoteToASCII */
export function goQuoteToASCII(s: string): string {
  let out = '"';
  for (const c of codePoints(s)) out += escapeRune(c, 0x22, true);
  return `${out}"`;
}

/** strconv.QuoteRune (and QuoteRuneToASCII with asciiOnly) */
export function goQuoteRune(c: number, asciiOnly = false): string {
  const valid = c >= 0 && c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff);
  return `'${escapeRune(valid ? c : 0xfffd, 0x27, asciiOnly)}'`;
}

/** strconv.CanBackquote */
export function canBackquote(s: string): boolean {
  for (const c of codePoints(s)) {
    if (c === 0xfffd && !s.includes('\ufffd')) return false;
    if (c === 0x60 || c === 0xfeff) return false;
    if (c < 0x20 && c !== 0x09) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

export class QuoteSyntaxError extends Error {}

const octal = /^[0-7]{3}$/;
const hexDigits = /^[0-9a-fA-F]+$/;

/**
 * strconv.UnquoteChar: the first character of s (after an opening quote), with its escape decoded; `tail` is the
 * rest. Throws QuoteSyntaxError("invalid syntax") as Go's returns ErrSyntax.
 */
export function unquoteChar(s: string, quote: number): { value: number; tail: string } {
  const c = s.codePointAt(0);
  if (c === undefined) throw new QuoteSyntaxError('invalid syntax');
  if (c === quote && (quote === 0x27 || quote === 0x22)) throw new QuoteSyntaxError('invalid syntax');
  if (c !== 0x5c) return { value: c, tail: s.slice(c > 0xffff ? 2 : 1) };
  if (s.length <= 1) throw new QuoteSyntaxError('invalid syntax');
  const e = s.charCodeAt(1);
  let rest = s.slice(2);
  switch (e) {
    case 0x61:
      return { value: 0x07, tail: rest };
    case 0x62:
      return { value: 0x08, tail: rest };
    case 0x66:
      return { value: 0x0c, tail: rest };
    case 0x6e:
      return { value: 0x0a, tail: rest };
    case 0x72:
      return { value: 0x0d, tail: rest };
    case 0x74:
      return { value: 0x09, tail: rest };
    case 0x76:
      return { value: 0x0b, tail: rest };
    case 0x78:
    case 0x75:
    case 0x55: {
      const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
      const digits = rest.slice(0, n);
      if (digits.length < n || !hexDigits.test(digits)) throw new QuoteSyntaxError('invalid syntax');
      const value = Number.parseInt(digits, 16);
      rest = rest.slice(n);
      if (e === 0x78) return { value, tail: rest };
      if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) throw new QuoteSyntaxError('invalid syntax');
      return { value, tail: rest };
    }
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37: {
      const digits = s.slice(1, 4);
      if (!octal.test(digits)) throw new QuoteSyntaxError('invalid syntax');
      const value = Number.parseInt(digits, 8);
      if (value > 255) throw new QuoteSyntaxError('invalid syntax');
      return { value, tail: s.slice(4) };
    }
    case 0x5c:
      return { value: 0x5c, tail: rest };
    case 0x27:
    case 0x22:
      if (e !== quote) throw new QuoteSyntaxError('invalid syntax');
      return { value: e, tail: rest };
    default:
      throw new QuoteSyntaxError('invalid syntax');
  }
}

/**
 * strconv.Unquote for "…" and `…` literals. A \x or octal escape above 0x7f stands for a single byte in Go; it is
 * kept here as the code point of that value, the nearest a JavaScript string can hold.
 */
export function goUnquote(literal: string): string {
  const q = literal.charCodeAt(0);
  if (literal.length < 2 || literal.charCodeAt(literal.length - 1) !== q) throw new QuoteSyntaxError('invalid syntax');
  const body = literal.slice(1, -1);
  if (q === 0x60) {
    if (body.includes('`')) throw new QuoteSyntaxError('invalid syntax');
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== 0x22) throw new QuoteSyntaxError('invalid syntax');
  if (!body.includes('\\') && !body.includes('"') && !body.includes('\n')) return body;
  let out = '';
  let rest = body;
  while (rest.length > 0) {
    if (rest.charCodeAt(0) === 0x0a) throw new QuoteSyntaxError('invalid syntax');
    const { value, tail } = unquoteChar(rest, q);
    out += String.fromCodePoint(value);
    rest = tail;
  }
  return out;
}
