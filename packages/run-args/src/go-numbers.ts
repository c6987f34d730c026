import { parseGoDuration as parseDuration, parseGoInt as parseGoInteger } from '@berth/go-syntax';
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

/** A duration flag (`--health-interval`…) as pflag reads it: Go's time.ParseDuration, in nanoseconds. */
export function parseGoDuration(flag: string, word: string): number {
  const result = parseDuration(word);
  if (result.ok) return Number(result.nanoseconds);
  throw new RunArgsError('invalid-duration', word, `invalid argument "${word}" for "${flag}" flag: ${result.message}`);
}
