import { type GoNumberFailure, isDecimalDigit, isHexDigit, SYNTAX, underscoresWellPlaced } from './go-integer';

// Floats as go-units' RAMInBytes reads them: Go's strconv.ParseFloat(text, 64), which takes decimal and hexadecimal
// (`0x1.8p3`) literals with underscores between digits, and the words inf, infinity and nan.

export type GoFloatResult = { ok: true; value: number } | GoNumberFailure;

/** The nearest double to mantissa × 2^exponent, rounded once, as Go's hexadecimal float parsing does. */
function scaleByPowerOfTwo(mantissa: bigint, exponent: number): number {
  let kept = mantissa;
  let scale = exponent;
  const excess = kept.toString(2).length - 64;
  if (excess > 0) {
    // keep 64 bits and a sticky bit, so that rounding to 53 bits cannot see a false tie
    const dropped = kept & ((1n << BigInt(excess)) - 1n);
    kept = (kept >> BigInt(excess)) | (dropped === 0n ? 0n : 1n);
    scale += excess;
  }
  return Number(kept) * 2 ** scale;
}

function special(text: string): number | undefined {
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return Number.NaN;
  return undefined;
}

/** strconv.ParseFloat(text, 64). A finite literal too large for a double is a range failure, as in Go. */
export function parseGoFloat(text: string): GoFloatResult {
  const word = special(text);
  if (word !== undefined) return { ok: true, value: word };

  let index = text.startsWith('+') || text.startsWith('-') ? 1 : 0;
  const negative = text.startsWith('-');
  const hex = text.length > index + 2 && text[index] === '0' && text[index + 1]?.toLowerCase() === 'x';
  if (hex) index += 2;
  const mantissaStart = index;
  let sawDot = false;
  let sawDigits = false;
  let underscores = false;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === '_') underscores = true;
    else if (char === '.' && !sawDot) sawDot = true;
    else if ((hex ? isHexDigit : isDecimalDigit)(char)) sawDigits = true;
    else break;
  }
  if (!sawDigits) return SYNTAX;
  const mantissaText = text.slice(mantissaStart, index).replaceAll('_', '');

  let exponent = 0;
  if (text[index]?.toLowerCase() === (hex ? 'p' : 'e')) {
    const match = /^([+-]?)([0-9][0-9_]*)/.exec(text.slice(index + 1));
    if (!match) return SYNTAX;
    index += 1 + match[0].length;
    // Go stops counting past 10000, which already overflows or underflows any double
    exponent = Math.min(Number((match[2] ?? '').replaceAll('_', '')), 10_000) * (match[1] === '-' ? -1 : 1);
    if (match[2]?.includes('_')) underscores = true;
  } else if (hex) {
    return SYNTAX;
  }
  if (index !== text.length) return SYNTAX;
  if (underscores && !underscoresWellPlaced(text)) return SYNTAX;

  let magnitude: number;
  if (hex) {
    const [whole = '', fraction = ''] = mantissaText.split('.');
    magnitude = scaleByPowerOfTwo(BigInt(`0x0${whole}${fraction}`), exponent - 4 * fraction.length);
  } else {
    magnitude = Number(`${mantissaText}e${exponent}`);
  }
  if (magnitude === Infinity) return { ok: false, reason: 'range' };
  return { ok: true, value: negative ? -magnitude : magnitude };
}
