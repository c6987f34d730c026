import { RunArgsError } from './errors';

// pflag reads `int` flags with Go's strconv.ParseInt(s, 0, 64): an optional sign, then a decimal, `0x`, `0o`, `0b`
// or legacy-octal `0…` literal, with `_` allowed between digits once a base prefix (or the leading 0) is present.
const GO_INTEGER =
  /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function parseGoInt(flag: string, word: string): number {
  if (!GO_INTEGER.test(word)) {
    throw new RunArgsError('invalid-integer', word, `invalid argument "${word}" for "${flag}" flag: not an integer`);
  }
  const negative = word.startsWith('-');
  const digits = word.replace(/^[+-]/, '').replaceAll('_', '');
  const legacyOctal = /^0[0-7]+$/.test(digits);
  const value = BigInt(legacyOctal ? `0o${digits.slice(1)}` : digits.toLowerCase());
  const signed = negative ? -value : value;
  if (signed < INT64_MIN || signed > INT64_MAX) {
    throw new RunArgsError('integer-out-of-range', word, `invalid argument "${word}" for "${flag}" flag: out of range`);
  }
  return Number(signed);
}

const UNIT_NANOSECONDS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

function durationError(flag: string, word: string, reason: string): RunArgsError {
  return new RunArgsError('invalid-duration', word, `invalid argument "${word}" for "${flag}" flag: ${reason}`);
}

/** Go's time.ParseDuration (`1h2m`, `1.5s`, `300ms`, a bare `0`), in nanoseconds, as `--health-*` flags read it. */
export function parseGoDuration(flag: string, word: string): number {
  let rest = word;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw durationError(flag, word, `time: invalid duration "${word}"`);
  let total = 0n;
  while (rest.length > 0) {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const fraction = number?.[2] ?? '';
    if (whole === '' && fraction === '') throw durationError(flag, word, `time: invalid duration "${word}"`);
    rest = rest.slice(number?.[0].length ?? 0);
    const unit = /^[^\d.]+/.exec(rest)?.[0] ?? '';
    if (unit === '') throw durationError(flag, word, `time: missing unit in duration "${word}"`);
    const scale = UNIT_NANOSECONDS[unit];
    if (scale === undefined) throw durationError(flag, word, `time: unknown unit "${unit}" in duration "${word}"`);
    rest = rest.slice(unit.length);
    // exact: the fraction is scaled in integers, then truncated to whole nanoseconds as Go does
    const fractionValue = fraction === '' ? 0n : (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    total += BigInt(whole === '' ? '0' : whole) * scale + fractionValue;
    if (total > INT64_MAX) throw durationError(flag, word, `time: invalid duration "${word}"`);
  }
  return Number(negative ? -total : total);
}
