import { parseGoInt as parseGoInteger } from '@berth/go-syntax';
import { RunArgsError } from './errors';

/** An `int` flag as pflag reads it: Go's strconv.ParseInt(s, 0, 64) (`0x10`, `0o17`, legacy-octal `010`, `1_000`). */
export function parseGoInt(flag: string, word: string): number {
  const result = parseGoInteger(word);
  // a JSON number holds integers exactly only up to 2^53
  if (result.ok && Number.isSafeInteger(Number(result.value))) return Number(result.value);
  const syntax = !result.ok && result.reason === 'syntax';
  const reason = syntax ? 'not an integer' : 'out of range';
  const code = syntax ? 'invalid-integer' : 'integer-out-of-range';
  throw new RunArgsError(code, word, `invalid argument "${word}" for "${flag}" flag: ${reason}`);
}

const INT64_MAX = 2n ** 63n - 1n;

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
