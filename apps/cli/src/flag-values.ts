import { parseGoInt } from '@berth/go-syntax';
import { lastBool, type ParsedArgv } from '@berth/run-args';
import type { CliFlag } from './command';
import { UsageError } from './errors';

// A flag's value read as pflag reads its type, with pflag's refusal (exit 125) when it cannot be.

export function flagLabel(flag: CliFlag): string {
  return flag.short ? `-${flag.short}, --${flag.long}` : `--${flag.long}`;
}

function invalid(flag: CliFlag, word: string, why: string): UsageError {
  return new UsageError(
    'invalid-flag-value',
    word,
    `invalid argument "${word}" for "${flagLabel(flag)}" flag: ${why}`,
    125,
  );
}

/** The parse already refused a word that is not a Go bool. */
export function boolValue(parsed: ParsedArgv, flag: CliFlag): boolean {
  return lastBool(parsed, flag) ?? false;
}

export function stringValue(parsed: ParsedArgv, flag: CliFlag): string | undefined {
  return parsed.values.get(flag.long)?.at(-1);
}

export function listValue(parsed: ParsedArgv, flag: CliFlag): string[] {
  return parsed.values.get(flag.long) ?? [];
}

/** pflag's int: Go's `strconv.ParseInt(s, 0, 64)` (so `0x10` is 16), refused with its message. */
export function intValue(parsed: ParsedArgv, flag: CliFlag): number | undefined {
  const word = stringValue(parsed, flag);
  if (word === undefined) return undefined;
  const result = parseGoInt(word);
  if (!result.ok) {
    const why = result.reason === 'range' ? 'value out of range' : 'invalid syntax';
    throw invalid(flag, word, `strconv.ParseInt: parsing "${word}": ${why}`);
  }
  return Number(result.value);
}
