import { ResourceError, type ValueSource } from './errors';
import { parseGoFloat } from './go-float';

// go-units' RAMInBytes (v0.5.0, the version docker CLI 28 vendors): a Go float, an optional single space, then an
// optional case-insensitive unit b, k, m, g, t or p (base 1024), which may be followed by `b` or `ib`.

const UNIT_POWERS: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };
const NUMBER_CHARS = '0123456789. ';
/** 2^63: Go turns a float this large into a garbage int64, which the daemon then refuses or misreads. */
const INT64_LIMIT = 2 ** 63;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Go's strings.ToLower for a unit: ASCII, plus the Kelvin sign (U+212A), which Go folds to `k`. */
function lowerUnit(unit: string): string {
  return unit.replaceAll('\u212a', 'k').toLowerCase();
}

function lastNumberChar(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) {
    if (NUMBER_CHARS.includes(text[index] ?? '')) return index;
  }
  return -1;
}

function unitMultiplier(unit: string, source: ValueSource): number {
  if (unit === '') return 1;
  const bad = () =>
    new ResourceError('invalid-size', source, `invalid unit "${unit}" (b, k, m, g, t or p, optionally with b or ib)`);
  // go-units measures the suffix in bytes before folding case
  if (utf8Length(unit) > 3) throw bad();
  const lower = lowerUnit(unit);
  if (lower[0] === 'b') {
    if (lower.length > 1) throw bad();
    return 1;
  }
  const power = UNIT_POWERS[lower[0] ?? ''];
  if (power === undefined) throw bad();
  if ((lower.length === 2 && lower[1] !== 'b') || (lower.length === 3 && lower.slice(1) !== 'ib')) throw bad();
  return 1024 ** power;
}

/**
 * A byte size as docker reads `--memory`, `--memory-reservation`, `--memory-swap`, `--kernel-memory` and
 * `--shm-size`: `256m`, `1.5g`, `512 MiB`, `1048576`. Fractions of a byte are dropped, as in docker.
 */
export function parseBytes(value: string, flag = '--memory'): number {
  const source = { flag, input: value };
  const separator = lastNumberChar(value);
  if (separator === -1) throw new ResourceError('invalid-size', source, 'a size needs at least one digit');
  const spaced = value[separator] === ' ';
  const numberText = value.slice(0, spaced ? separator : separator + 1);
  const unit = value.slice(separator + 1);

  const parsed = parseGoFloat(numberText);
  if (!parsed.ok) {
    const rule = parsed.reason === 'range' ? 'the number is too large' : `"${numberText}" is not a number`;
    throw new ResourceError(parsed.reason === 'range' ? 'size-out-of-range' : 'invalid-size', source, rule);
  }
  if (parsed.value < 0) throw new ResourceError('invalid-size', source, 'a size cannot be negative');
  // + 0 turns the -0 of "-0" into 0
  const bytes = Math.trunc(parsed.value * unitMultiplier(unit, source)) + 0;
  if (!(bytes < INT64_LIMIT)) {
    throw new ResourceError('size-out-of-range', source, 'the size must be a finite number of bytes below 2^63');
  }
  return bytes;
}
