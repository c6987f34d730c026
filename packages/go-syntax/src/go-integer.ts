// Integers as docker's flags read them: pflag's integer flags call Go's strconv.ParseInt/ParseUint with base 0
// (so `0x200`, `0o17`, `010` octal, `0b1` and `1_000` are all accepted), ulimits call ParseInt with base 10.

export type GoNumberFailure = { ok: false; reason: 'syntax' | 'range' };
export type GoIntegerResult = { ok: true; value: bigint } | GoNumberFailure;

export const SYNTAX: GoNumberFailure = { ok: false, reason: 'syntax' };
const RANGE: GoNumberFailure = { ok: false, reason: 'range' };

export function isDecimalDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isHexDigit(char: string | undefined): boolean {
  return char !== undefined && /^[0-9a-fA-F]$/.test(char);
}

/**
 * Go's placement rule for `_` in a number literal: every underscore sits between two digits, where a base prefix
 * (`0b`, `0o`, `0x`) counts as a digit before it. `text` may start with a sign.
 */
export function underscoresWellPlaced(text: string): boolean {
  let body = text.startsWith('+') || text.startsWith('-') ? text.slice(1) : text;
  let hex = false;
  let previousIsDigit = false;
  if (/^0[bBoOxX]/.test(body)) {
    hex = /^0[xX]/.test(body);
    body = body.slice(2);
    previousIsDigit = true;
  }
  const isDigit = hex ? isHexDigit : isDecimalDigit;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '_') {
      if (!previousIsDigit || !isDigit(body[index + 1])) return false;
      previousIsDigit = false;
    } else {
      previousIsDigit = isDigit(char);
    }
  }
  return true;
}

function digitValue(char: string): number {
  const code = char.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return 99;
}

/** strconv.ParseUint(text, 0, bitSize): an optional base prefix, underscores between digits. */
export function parseGoUint(text: string, bitSize: number): GoIntegerResult {
  if (text === '') return SYNTAX;
  let base = 10;
  let digits = text;
  if (text[0] === '0') {
    const prefix = text.length >= 3 ? text[1]?.toLowerCase() : undefined;
    const prefixBase = prefix === 'b' ? 2 : prefix === 'o' ? 8 : prefix === 'x' ? 16 : undefined;
    // without a b/o/x prefix, a leading 0 means octal, as in C
    base = prefixBase ?? 8;
    digits = text.slice(prefixBase === undefined ? 1 : 2);
  }
  const max = (1n << BigInt(bitSize)) - 1n;
  const bigBase = BigInt(base);
  let value = 0n;
  let underscores = false;
  for (const char of digits) {
    if (char === '_') {
      underscores = true;
      continue;
    }
    const digit = digitValue(char);
    if (digit >= base) return SYNTAX;
    value = value * bigBase + BigInt(digit);
    if (value > max) return RANGE;
  }
  if (underscores && !underscoresWellPlaced(text)) return SYNTAX;
  return { ok: true, value };
}

function signedRange(magnitude: GoIntegerResult, negative: boolean, bitSize: number): GoIntegerResult {
  const limit = 1n << BigInt(bitSize - 1);
  if (!magnitude.ok) return magnitude;
  if (negative ? magnitude.value > limit : magnitude.value >= limit) return RANGE;
  return { ok: true, value: negative ? -magnitude.value : magnitude.value };
}

/** strconv.ParseInt(text, 0, bitSize): an optional sign, then what parseGoUint reads. */
export function parseGoInt(text: string, bitSize = 64): GoIntegerResult {
  const negative = text.startsWith('-');
  const unsigned = negative || text.startsWith('+') ? text.slice(1) : text;
  if (unsigned === '') return SYNTAX;
  return signedRange(parseGoUint(unsigned, bitSize), negative, bitSize);
}

/** strconv.ParseInt(text, 10, 64) and strconv.Atoi: an optional sign and decimal digits only. */
export function parseGoDecimalInt(text: string): GoIntegerResult {
  const match = /^([+-]?)([0-9]+)$/.exec(text);
  if (!match) return SYNTAX;
  return signedRange({ ok: true, value: BigInt(match[2] ?? '') }, match[1] === '-', 64);
}
