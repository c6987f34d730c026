// The functions the docker CLI adds to every --format template (docker/cli templates/templates.go), with its
// semantics: json without HTML escaping, strings.Split, a join that takes any slice or map, strings.Title, byte-wise
// truncate, and pad that leaves an empty string alone. `headerFunctions` is its HeaderFunctions, which keep a
// table's column names intact when the same template renders the header row.

import { byteLength, byteSlice } from './builtins';
import { sprint } from './fmt';
import { type FunctionMap, typedFunction } from './functions';
import { toJSON } from './json';
import { codePoints } from './runes';
import { compareStrings, isMap, isStringSlice, stringSlice, typeName } from './values';

const letterOrDigit = /^[\p{L}\p{Nd}]$/u;
const space = /^\s$/u;

function isSeparator(c: number): boolean {
  if (c <= 0x7f) {
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    return !alnum;
  }
  const s = String.fromCodePoint(c);
  if (letterOrDigit.test(s)) return false;
  return space.test(s);
}

/**
 * unicode.ToUpper/ToLower map one code point to one: JavaScript's full mappings that expand (ß → SS) are skipped,
 * except İ, whose simple lower case is i where JavaScript's full one adds a combining dot.
 */
function mapRunes(s: string, map: (c: string) => string): string {
  let out = '';
  for (const c of codePoints(s)) {
    const ch = String.fromCodePoint(c);
    if (c === 0x130 && map === toLower) {
      out += 'i';
      continue;
    }
    const mapped = map(ch);
    out += Array.from(mapped).length === 1 ? mapped : ch;
  }
  return out;
}

const toLower = (c: string): string => c.toLowerCase();
const toUpper = (c: string): string => c.toUpperCase();

function title(s: string): string {
  let prev = 0x20;
  let out = '';
  for (const c of codePoints(s)) {
    const ch = String.fromCodePoint(c);
    if (isSeparator(prev)) {
      const upper = ch.toUpperCase();
      // Title case differs from upper case for the digraphs (ǆ → ǅ); JavaScript has no title mapping of its own.
      const titled = titleCase[ch] ?? (Array.from(upper).length === 1 ? upper : ch);
      out += titled;
    } else {
      out += ch;
    }
    prev = c;
  }
  return out;
}

const titleCase: Record<string, string> = {
  Ǆ: 'ǅ',
  ǅ: 'ǅ',
  ǆ: 'ǅ',
  Ǉ: 'ǈ',
  ǈ: 'ǈ',
  ǉ: 'ǈ',
  Ǌ: 'ǋ',
  ǋ: 'ǋ',
  ǌ: 'ǋ',
  Ǳ: 'ǲ',
  ǲ: 'ǲ',
  ǳ: 'ǲ',
};

function split(s: string, sep: string): string[] {
  if (sep === '') return stringSlice(Array.from(s));
  return stringSlice(s.split(sep));
}

function join(elems: unknown, sep: string): string {
  if (elems === null || elems === undefined) return '';
  if (isStringSlice(elems)) return elems.join(sep);
  if (Array.isArray(elems)) return elems.map((e) => sprint([e ?? null])).join(sep);
  if (isMap(elems)) {
    return Object.keys(elems)
      .map((key) => sprint([elems[key] ?? null]))
      .sort(compareStrings)
      .join(sep);
  }
  throw new Error(`expected slice, got ${typeName(elems)}`);
}

function repeatSpaces(count: bigint): string {
  if (count < 0n) throw new Error('strings: negative Repeat count');
  return ' '.repeat(Number(count));
}

function pad(source: string, prefix: bigint, suffix: bigint): string {
  if (source === '') return source;
  return repeatSpaces(prefix) + source + repeatSpaces(suffix);
}

function truncate(source: string, length: bigint): string {
  const size = byteLength(source);
  if (BigInt(size) < length) return source;
  if (length < 0n) throw new Error(`runtime error: slice bounds out of range [:${length}]`);
  return byteSlice(source, 0, Number(length));
}

type Fn = (...args: never[]) => unknown;

/** docker's basicFunctions: pass as `functions` to read templates the way `docker … --format` does. */
export const dockerFunctions: FunctionMap = Object.freeze({
  json: typedFunction(['any'], toJSON as Fn),
  split: typedFunction(['string', 'string'], split as Fn),
  join: typedFunction(['any', 'string'], join as Fn),
  title: typedFunction(['string'], title as Fn),
  lower: typedFunction(['string'], ((s: string) => mapRunes(s, toLower)) as Fn),
  upper: typedFunction(['string'], ((s: string) => mapRunes(s, toUpper)) as Fn),
  pad: typedFunction(['string', 'int', 'int'], pad as Fn),
  truncate: typedFunction(['string', 'int'], truncate as Fn),
});

const identity = (v: string): string => v;

/** docker's HeaderFunctions: over the header row, these return the column name untouched (pad still pads). */
export const headerFunctions: FunctionMap = Object.freeze({
  ...dockerFunctions,
  json: typedFunction(['string'], identity as Fn),
  split: typedFunction(['string', 'string'], identity as Fn),
  join: typedFunction(['string', 'string'], identity as Fn),
  title: typedFunction(['string'], identity as Fn),
  lower: typedFunction(['string'], identity as Fn),
  upper: typedFunction(['string'], identity as Fn),
  truncate: typedFunction(['string', 'int'], identity as Fn),
});
