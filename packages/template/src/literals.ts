// Go's number literals as text/template reads them (parse.newNumber over strconv.ParseInt/ParseUint/ParseFloat with
// base 0): prefixes 0x 0o 0b and a bare leading 0 for octal, digit-separating underscores, hex floats, character
// constants and imaginary parts.

import { QuoteSyntaxError, unquoteChar } from './quote';
import { GoComplex } from './values';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function underscoreOK(text: string): boolean {
  let saw = '^';
  let s = text;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] as string)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseUint(text, 0, 64) without the sign, or undefined where Go returns an error. */
function parseUnsigned(text: string): bigint | undefined {
  if (text === '') return undefined;
  let base = 10;
  let digits = text;
  if (text[0] === '0') {
    const p = text[1];
    if (p === 'x' || p === 'X') [base, digits] = [16, text.slice(2)];
    else if (p === 'o' || p === 'O') [base, digits] = [8, text.slice(2)];
    else if (p === 'b' || p === 'B') [base, digits] = [2, text.slice(2)];
    else [base, digits] = [8, text.slice(1)];
    if (digits === '' && base !== 8) return undefined;
    if (digits === '') return 0n;
  }
  if (text.includes('_') && !underscoreOK(text)) return undefined;
  const clean = digits.replaceAll('_', '');
  if (clean === '') return undefined;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(clean)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const value = BigInt(prefix + clean);
  return value > UINT64_MAX ? undefined : value;
}

function parseUint(text: string): bigint | undefined {
  return parseUnsigned(text);
}

function parseInt64(text: string): bigint | undefined {
  const negative = text[0] === '-';
  const body = text[0] === '-' || text[0] === '+' ? text.slice(1) : text;
  const magnitude = parseUnsigned(body);
  if (magnitude === undefined) return undefined;
  const value = negative ? -magnitude : magnitude;
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

const decimalFloat = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const hexFloat = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/;

/** strconv.ParseFloat(text, 64), or undefined where Go returns an error (syntax, or out of range). */
function parseGoFloat(text: string): number | undefined {
  if (text.includes('_') && !underscoreOK(text)) return undefined;
  const s = text.replaceAll('_', '');
  let value: number;
  const h = hexFloat.exec(s);
  if (h) {
    const [, sign, whole = '', frac = '', exp = '0'] = h;
    if (whole === '' && frac === '') return undefined;
    const mantissa = BigInt(`0x${whole}${frac}` === '0x' ? '0' : `0x${whole}${frac}`);
    value = Number(mantissa) * 2 ** (Number(exp) - 4 * frac.length);
    if (sign === '-') value = -value;
  } else if (decimalFloat.test(s)) {
    value = Number(s);
  } else {
    const special = /^[+-]?(inf|infinity|nan)$/i.exec(s);
    if (!special) return undefined;
    return special[1]?.toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? -Infinity : Infinity;
  }
  return Number.isFinite(value) ? value : undefined;
}

export interface NumberValue {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: bigint;
  uint: bigint;
  float: number;
  complex: GoComplex | undefined;
}

function simplifyComplex(n: NumberValue): void {
  const c = n.complex as GoComplex;
  if (c.im === 0) {
    n.isFloat = true;
    n.float = c.re;
    if (Number.isInteger(c.re) && Math.abs(c.re) < 2 ** 63) {
      n.isInt = true;
      n.int = BigInt(c.re);
    }
    if (Number.isInteger(c.re) && c.re >= 0 && c.re < 2 ** 64) {
      n.isUint = true;
      n.uint = BigInt(c.re);
    }
  }
}

/** parse.newNumber: what a number literal can stand for; throws Error with Go's message when it is none. */
export function readNumber(text: string, kind: 'number' | 'char' | 'complex'): NumberValue {
  const n: NumberValue = {
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int: 0n,
    uint: 0n,
    float: 0,
    complex: undefined,
  };
  if (kind === 'char') {
    let rune: { value: number; tail: string };
    try {
      rune = unquoteChar(text.slice(1), 0x27);
    } catch (error) {
      if (error instanceof QuoteSyntaxError) throw new Error('invalid syntax');
      throw error;
    }
    if (rune.tail !== "'") throw new Error(`malformed character constant: ${text}`);
    n.isInt = n.isUint = n.isFloat = true;
    n.int = n.uint = BigInt(rune.value);
    n.float = rune.value;
    return n;
  }
  if (kind === 'complex') {
    const split = /^([+-]?[^+-]+(?:[eEpP][+-]\d+)?)([+-].*)i$/.exec(text);
    const re = split ? parseGoFloat(split[1] as string) : undefined;
    const im = split ? parseGoFloat(split[2] as string) : undefined;
    if (re === undefined || im === undefined) throw new Error('expected integer');
    n.isComplex = true;
    n.complex = new GoComplex(re, im);
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith('i')) {
    const im = parseGoFloat(text.slice(0, -1));
    if (im !== undefined) {
      n.isComplex = true;
      n.complex = new GoComplex(0, im);
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int = i;
    if (i === 0n) {
      n.isUint = true; // -0
      n.uint = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = Number(n.int);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(n.uint);
  } else {
    const f = parseGoFloat(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${JSON.stringify(text)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
  return n;
}
