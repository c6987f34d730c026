// Numbers as docker reads `--cpus`: Go's big.Rat SetString, which takes a fraction `a/b` of integers (with base
// prefixes, 0 meaning octal) or a float in base 2, 8, 10 or 16 with an optional decimal (`e`) or binary (`p`)
// exponent, underscores between digits. The value is kept exact: sign × mantissa × 2^exp2 × 5^exp5 / divisor.

export interface GoRational {
  negative: boolean;
  mantissa: bigint;
  exp2: number;
  exp5: number;
  divisor: bigint;
}

interface Scanned {
  value: bigint;
  base: number;
  /** Digits after the radix point (0 without one). */
  fractionDigits: number;
  next: number;
}

function digitValue(char: string | undefined): number {
  if (char === undefined) return 99;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

/**
 * An unsigned number from `start` (Go's nat.scan with base 0): a 0b/0o/0x prefix, or, for integers only, a bare
 * leading 0 for octal; with `fractionOk` one radix point. Stops at the first character that is not part of it.
 */
function scanUnsigned(text: string, start: number, fractionOk: boolean): Scanned | undefined {
  let index = start;
  let base = 10;
  let prefix = '';
  let count = 0;
  // what came before: a digit ('0'), an underscore ('_') or anything else ('.')
  let previous = '.';
  let badSeparator = false;
  if (text[index] === '0') {
    previous = '0';
    count = 1;
    index++;
    const marker = text[index]?.toLowerCase();
    if (index < text.length) {
      if (marker === 'b' || marker === 'o' || marker === 'x') {
        base = marker === 'b' ? 2 : marker === 'o' ? 8 : 16;
        prefix = marker;
        count = 0;
        index++;
      } else if (!fractionOk) {
        base = 8;
        prefix = '0';
        count = 0;
      }
    }
  }
  let value = 0n;
  let dotAt = -1;
  let acceptDot = fractionOk;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === '.' && acceptDot) {
      acceptDot = false;
      if (previous === '_') badSeparator = true;
      previous = '.';
      dotAt = count;
    } else if (char === '_') {
      if (previous !== '0') badSeparator = true;
      previous = '_';
    } else {
      const digit = digitValue(char);
      if (digit >= base) break;
      previous = '0';
      count++;
      value = value * BigInt(base) + BigInt(digit);
    }
  }
  if (badSeparator || previous === '_') return undefined;
  if (count === 0) {
    // only the octal prefix 0 (maybe followed by digits above 7): Go reads it as a decimal 0
    return prefix === '0' ? { value: 0n, base: 10, fractionDigits: 0, next: index } : undefined;
  }
  return { value, base, fractionDigits: dotAt >= 0 ? count - dotAt : 0, next: index };
}

interface Exponent {
  value: bigint;
  base: 2 | 10;
  next: number;
}

/** An optional `e`/`E` (decimal) or `p`/`P` (binary) exponent from `start`. */
function scanExponent(text: string, start: number): Exponent | undefined {
  const marker = text[start];
  if (marker === undefined || !'eEpP'.includes(marker)) return { value: 0n, base: 10, next: start };
  const match = /^([+-]?)([0-9_]*)/.exec(text.slice(start + 1));
  const digits = match?.[2] ?? '';
  if (!/[0-9]/.test(digits) || digits.startsWith('_') || digits.endsWith('_') || digits.includes('__')) return;
  const value = BigInt(digits.replaceAll('_', '')) * (match?.[1] === '-' ? -1n : 1n);
  // Go reads the exponent as an int64
  if (value > 2n ** 63n - 1n || value < -(2n ** 63n)) return;
  return { value, base: marker === 'e' || marker === 'E' ? 10 : 2, next: start + 1 + (match?.[0].length ?? 0) };
}

function parseFraction(text: string, slash: number): GoRational | undefined {
  const negative = text.startsWith('-');
  const numeratorStart = negative || text.startsWith('+') ? 1 : 0;
  const numerator = scanUnsigned(text.slice(0, slash), numeratorStart, false);
  if (numerator?.next !== slash) return;
  const denominator = scanUnsigned(text, slash + 1, false);
  if (denominator?.next !== text.length || denominator.value === 0n) return;
  return { negative, mantissa: numerator.value, exp2: 0, exp5: 0, divisor: denominator.value };
}

/** big.Rat SetString; undefined where Go reports failure. */
export function parseGoRational(text: string): GoRational | undefined {
  if (text === '') return;
  const slash = text.indexOf('/');
  if (slash >= 0) return parseFraction(text, slash);

  const negative = text.startsWith('-');
  const mantissa = scanUnsigned(text, negative || text.startsWith('+') ? 1 : 0, true);
  if (!mantissa) return;
  const exponent = scanExponent(text, mantissa.next);
  if (!exponent || exponent.next !== text.length) return;
  if (mantissa.value === 0n) return { negative: false, mantissa: 0n, exp2: 0, exp5: 0, divisor: 1n };

  // the radix point divides by base^digits; 10 = 2 × 5, and 8 and 16 are 2^3 and 2^4
  const shift = BigInt(-mantissa.fractionDigits);
  const bitsPerDigit = { 2: 1n, 8: 3n, 10: 1n, 16: 4n }[mantissa.base as 2 | 8 | 10 | 16];
  let exp2 = shift * bitsPerDigit;
  let exp5 = mantissa.base === 10 ? shift : 0n;
  exp2 += exponent.value;
  if (exponent.base === 10) exp5 += exponent.value;
  // Go refuses exponents this large rather than compute them
  if (exp5 > 1_000_000n || exp5 < -1_000_000n || exp2 > 10_000_000n || exp2 < -10_000_000n) return;
  return { negative, mantissa: mantissa.value, exp2: Number(exp2), exp5: Number(exp5), divisor: 1n };
}
