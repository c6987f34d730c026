// Sizes with binary units, read like go-units' RAMInBytes (`tmpfs-size=16k` is 16384 bytes, `1.5k` is 1536).

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/;
const MULTIPLIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

function parseHexFloat(text: string): number {
  const match = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(text);
  if (!match) return Number.NaN;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const mantissa = Number.parseInt(`${whole}${fraction}` || '0', 16);
  const value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length);
  return sign === '-' ? -value : value;
}

/** Go's strconv.ParseFloat for the forms a size can take, or NaN. */
function parseGoFloat(text: string): number {
  if (DECIMAL_FLOAT.test(text)) return Number(text);
  if (HEX_FLOAT.test(text)) return parseHexFloat(text);
  return Number.NaN;
}

/**
 * Bytes in `size` (`512`, `16k`, `1.5MiB`, `2 gb`), or undefined when it is not a size. Results beyond
 * Number.MAX_SAFE_INTEGER are refused too: Go would overflow int64 there and send a meaningless number.
 */
export function parseRamSize(size: string): number | undefined {
  let separator = -1;
  for (let index = size.length - 1; index >= 0; index--) {
    if ('0123456789. '.includes(size.charAt(index))) {
      separator = index;
      break;
    }
  }
  if (separator < 0) return undefined;
  const spaced = size.charAt(separator) === ' ';
  const number = spaced ? size.slice(0, separator) : size.slice(0, separator + 1);
  const suffix = size.slice(separator + 1).toLowerCase();

  const value = parseGoFloat(number);
  if (!Number.isFinite(value) || value < 0) return undefined;

  let multiplier = 1;
  if (suffix !== '') {
    if (suffix.length > 3) return undefined;
    if (suffix === 'b') multiplier = 1;
    else {
      const unit = MULTIPLIERS[suffix.charAt(0)];
      if (unit === undefined) return undefined;
      if (suffix.length === 2 && suffix.charAt(1) !== 'b') return undefined;
      if (suffix.length === 3 && suffix.slice(1) !== 'ib') return undefined;
      multiplier = unit;
    }
  }
  const bytes = Math.trunc(value * multiplier);
  return bytes <= Number.MAX_SAFE_INTEGER ? bytes : undefined;
}
