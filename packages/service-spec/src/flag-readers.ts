import { parseGoDuration, parseGoFloat, parseGoUint } from '@berth/go-syntax';
import type { ParsedArgv } from '@berth/run-args';
import { ServiceSpecError } from './errors';

// A service flag's value read as the docker CLI's pflag types read it, refused in pflag's words.

function invalid(flag: string, word: string, why: string): never {
  throw new ServiceSpecError('invalid-service-option', word, `invalid argument "${word}" for "--${flag}" flag: ${why}`);
}

export function last(parsed: ParsedArgv, flag: string): string | undefined {
  return parsed.values.get(flag)?.at(-1);
}

export function all(parsed: ParsedArgv, flag: string): string[] {
  return parsed.values.get(flag) ?? [];
}

/** A `duration` flag in nanoseconds. */
export function duration(parsed: ParsedArgv, flag: string): number | undefined {
  const word = last(parsed, flag);
  if (word === undefined) return undefined;
  const result = parseGoDuration(word);
  if (!result.ok) invalid(flag, word, result.message);
  return Number(result.nanoseconds);
}

/** A `uint` flag. */
export function uint(parsed: ParsedArgv, flag: string): number | undefined {
  const word = last(parsed, flag);
  if (word === undefined) return undefined;
  const result = parseGoUint(word, 64);
  if (!result.ok) invalid(flag, word, `strconv.ParseUint: parsing "${word}": invalid syntax`);
  return Number(result.value);
}

/** A `float` flag. */
export function float(parsed: ParsedArgv, flag: string): number | undefined {
  const word = last(parsed, flag);
  if (word === undefined) return undefined;
  const result = parseGoFloat(word);
  if (!result.ok) invalid(flag, word, `strconv.ParseFloat: parsing "${word}": invalid syntax`);
  return result.value;
}

/** A flag whose value is one of a few words. */
export function oneOf<T extends string>(parsed: ParsedArgv, flag: string, words: readonly T[]): T | undefined {
  const word = last(parsed, flag);
  if (word === undefined) return undefined;
  if (!(words as readonly string[]).includes(word)) invalid(flag, word, `must be one of ${words.join(', ')}`);
  return word as T;
}
