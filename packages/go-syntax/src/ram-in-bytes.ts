import { parseGoFloat } from './go-float';
import { toLower, utf8Length } from './go-strings';

// go-units' RAMInBytes (v0.5.0, the version docker CLI 28 vendors), used by --memory, --shm-size, tmpfs-size and
// the block IO rates: a Go float, an optional single space, then an optional case-insensitive unit b, k, m, g, t or
// p (base 1024), which may be followed by `b` or `ib`. Fractions of a byte are dropped.

export type RamSizeFailure =
  | { ok: false; reason: 'no-digits' }
  | { ok: false; reason: 'not-a-number'; number: string }
  | { ok: false; reason: 'too-large' }
  | { ok: false; reason: 'negative' }
  | { ok: false; reason: 'bad-unit'; unit: string };

export type RamSizeResult = { ok: true; value: number } | RamSizeFailure;

const UNIT_POWERS: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };
const NUMBER_CHARS = '0123456789. ';
/** 2^63: Go turns a float this large into a garbage int64, which the daemon then refuses or misreads. */
const INT64_LIMIT = 2 ** 63;

function lastNumberChar(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) {
    if (NUMBER_CHARS.includes(text[index] ?? '')) return index;
  }
  return -1;
}

function unitMultiplier(unit: string): number | undefined {
  if (unit === '') return 1;
  // go-units measures the suffix in bytes before folding case (Go folds the Kelvin sign U+212A to `k`)
  if (utf8Length(unit) > 3) return undefined;
  const lower = toLower(unit);
  if (lower[0] === 'b') return lower.length > 1 ? undefined : 1;
  const power = UNIT_POWERS[lower[0] ?? ''];
  if (power === undefined) return undefined;
  if ((lower.length === 2 && lower[1] !== 'b') || (lower.length === 3 && lower.slice(1) !== 'ib')) return undefined;
  return 1024 ** power;
}

/** Bytes in `256m`, `1.5g`, `512 MiB`, `1048576`, or why not. */
export function ramInBytes(text: string): RamSizeResult {
  const separator = lastNumberChar(text);
  if (separator === -1) return { ok: false, reason: 'no-digits' };
  const spaced = text[separator] === ' ';
  const number = text.slice(0, spaced ? separator : separator + 1);
  const unit = text.slice(separator + 1);

  const parsed = parseGoFloat(number);
  if (!parsed.ok)
    return parsed.reason === 'range'
      ? { ok: false, reason: 'too-large' }
      : { ok: false, reason: 'not-a-number', number };
  if (parsed.value < 0) return { ok: false, reason: 'negative' };
  const multiplier = unitMultiplier(unit);
  if (multiplier === undefined) return { ok: false, reason: 'bad-unit', unit };
  // + 0 turns the -0 of "-0" into 0
  const bytes = Math.trunc(parsed.value * multiplier) + 0;
  if (!(bytes < INT64_LIMIT)) return { ok: false, reason: 'too-large' };
  return { ok: true, value: bytes };
}
