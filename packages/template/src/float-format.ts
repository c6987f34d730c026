// strconv.FormatFloat(v, fmt, prec, 64) for the formats fmt uses: 'e' 'E' 'f' 'g' 'G' (shortest or with a precision),
// 'b' and 'x' 'X'. Shortest digits come from JavaScript (both languages pick the shortest digits that round-trip,
// the closest when several do); fixed precisions round the exact binary value half to even, as Go does.

interface Digits {
  d: string; // significant digits, no leading zeros
  dp: number; // decimal point position: value = 0.d × 10^dp
}

const view = new DataView(new ArrayBuffer(8));

function bits(v: number): { mant: bigint; exp: number } {
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return { mant, exp };
}

function exactDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const { mant, exp } = bits(Math.abs(v));
  let text: string;
  let dp: number;
  if (exp >= 0) {
    text = (mant << BigInt(exp)).toString();
    dp = text.length;
  } else {
    text = (mant * 5n ** BigInt(-exp)).toString();
    dp = text.length + exp;
  }
  return { d: text.replace(/0+$/, ''), dp };
}

function shortestDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const [mantissa = '', exponent = '0'] = Math.abs(v).toExponential().split('e');
  return { d: mantissa.replace('.', '').replace(/0+$/, ''), dp: Number(exponent) + 1 };
}

/** Rounds to nd significant digits, half to even on the exact value. */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: x.dp };
  if (nd >= x.d.length) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < x.d.length) up = true;
  else up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  let d = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') i--;
    if (i < 0) {
      d = '1';
      dp++;
    } else {
      d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
    }
  }
  return { d: d.replace(/0+$/, ''), dp };
}

function fmtE(neg: boolean, x: Digits, prec: number, e: string): string {
  let out = neg ? '-' : '';
  out += x.d.length > 0 ? x.d[0] : '0';
  if (prec > 0) out += `.${x.d.slice(1, prec + 1).padEnd(prec, '0')}`;
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  let sign = '+';
  if (exp < 0) {
    sign = '-';
    exp = -exp;
  }
  return `${out}${e}${sign}${exp < 10 ? `0${exp}` : exp}`;
}

function fmtF(neg: boolean, x: Digits, prec: number): string {
  let out = neg ? '-' : '';
  if (x.dp > 0) out += x.d.slice(0, x.dp).padEnd(x.dp, '0');
  else out += '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

function fmtB(neg: boolean, v: number): string {
  const { mant, exp } = bits(Math.abs(v));
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

function fmtX(neg: boolean, v: number, prec: number, upper: boolean): string {
  let { mant, exp } = bits(Math.abs(v));
  let out: string;
  if (mant === 0n) {
    exp = 0;
    out = '0';
    if (prec > 0) out += `.${'0'.repeat(prec)}`;
  } else {
    // Normalise so that the leading bit is bit 60: mantissa 1.xxxxxxxxxxxxxxx in hex.
    while (mant < 1n << 52n) {
      mant <<= 1n;
      exp--;
    }
    mant <<= 8n;
    exp += 52;
    if (prec >= 0 && prec < 15) {
      const shift = BigInt(4 * (15 - prec));
      const extra = mant & ((1n << shift) - 1n);
      mant >>= shift;
      const half = 1n << (shift - 1n);
      if (extra > half || (extra === half && (mant & 1n) === 1n)) mant++;
      mant <<= shift;
      if (mant >= 1n << 61n) {
        mant >>= 1n;
        exp++;
      }
    }
    const hex = mant.toString(16);
    let frac = hex.slice(1);
    if (prec < 0) frac = frac.replace(/0+$/, '');
    else frac = frac.slice(0, prec).padEnd(prec, '0');
    out = `1${frac.length > 0 ? `.${frac}` : ''}`;
  }
  const sign = exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  out = `${neg ? '-' : ''}0x${out}p${sign}${e < 10 ? `0${e}` : e}`;
  return upper ? out.toUpperCase() : out;
}

/** strconv.FormatFloat(v, format, prec, 64); prec -1 asks for the shortest representation. */
export function formatFloat(v: number, format: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  if (format === 'b') return fmtB(neg, v);
  if (format === 'x' || format === 'X') return fmtX(neg, v, prec, format === 'X');
  const shortest = prec < 0;
  let digits: Digits;
  if (shortest) {
    digits = shortestDigits(v);
    if (format === 'e' || format === 'E') prec = Math.max(digits.d.length - 1, 0);
    else if (format === 'f') prec = Math.max(digits.d.length - digits.dp, 0);
    else prec = digits.d.length;
  } else {
    const exact = exactDigits(v);
    if (format === 'e' || format === 'E') digits = roundDigits(exact, prec + 1);
    else if (format === 'f') digits = roundDigits(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digits = roundDigits(exact, prec);
    }
  }
  switch (format) {
    case 'e':
    case 'E':
      return fmtE(neg, digits, prec, format);
    case 'f':
      return fmtF(neg, digits, prec);
    default: {
      let eprec = prec;
      if (eprec > digits.d.length && digits.d.length >= digits.dp) eprec = digits.d.length;
      if (shortest) eprec = 6;
      const exp = digits.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digits.d.length) prec = digits.d.length;
        return fmtE(neg, digits, prec - 1, format === 'G' ? 'E' : 'e');
      }
      if (prec > digits.dp) prec = digits.d.length;
      return fmtF(neg, digits, Math.max(prec - digits.dp, 0));
    }
  }
}
