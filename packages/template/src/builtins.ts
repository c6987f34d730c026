// text/template's predefined functions (funcs.go). Each throws an Error carrying Go's message; the executor prefixes
// it with "error calling NAME: ". `and` and `or` short-circuit, so the executor evaluates them itself.

import { htmlEscape, jsEscape, urlQueryEscape } from './escapers';
import { sprint, sprintf, sprintln } from './fmt';
import { type TypedFunction, typedFunction } from './functions';
import { indirectTypeName, isGoStruct } from './go-struct';
import { compareStrings, GoComplex, isMap, isStringSlice, isTrue, stringSlice, typeName } from './values';

const encoder = new TextEncoder();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** len(s) in Go: bytes of UTF-8. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : encoder.encode(s).length;
}

/**
 * Bytes of UTF-8 read back as Go's utf8.DecodeRune reads them: each byte that does not start a valid sequence stands
 * for one U+FFFD (where TextDecoder would replace a whole broken sequence with one).
 */
function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const size = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 0) : b >= 0xc2 ? 2 : 0;
    let cp = size === 2 ? b & 0x1f : size === 3 ? b & 0x0f : b & 0x07;
    let valid = size > 0 && i + size <= bytes.length;
    for (let k = 1; valid && k < size; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) valid = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    const min = size === 2 ? 0x80 : size === 3 ? 0x800 : 0x10000;
    if (valid && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) valid = false;
    if (valid) {
      out += String.fromCodePoint(cp);
      i += size;
    } else {
      out += '\uFFFD';
      i++;
    }
  }
  return out;
}

/** s[from:to] in Go, over UTF-8 bytes; a cut through a character leaves one U+FFFD per stray byte, as Go shows it. */
export function byteSlice(s: string, from: number, to: number): string {
  if (isAscii(s)) return s.slice(from, to);
  return decodeUtf8(encoder.encode(s).subarray(from, to));
}

/** indirectInterface: a nil interface is no value at all. */
function unwrap(value: unknown): unknown {
  return value === null ? undefined : value;
}

export function truth(value: unknown): boolean {
  return isTrue(unwrap(value));
}

function indexArg(index: unknown, cap: number): number {
  if (typeof index === 'bigint') {
    if (index < 0n || index > BigInt(cap)) throw new Error(`index out of range: ${index}`);
    return Number(index);
  }
  if (index === undefined) throw new Error('cannot index slice/array with nil');
  throw new Error(`cannot index slice/array with type ${typeName(index)}`);
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  let current = unwrap(item);
  if (current === undefined) throw new Error('index of untyped nil');
  for (const raw of indexes) {
    const key = unwrap(raw);
    if (current === null) throw new Error('index of nil pointer');
    if (typeof current === 'string' || Array.isArray(current)) {
      const length = typeof current === 'string' ? byteLength(current) : current.length;
      const x = indexArg(key, length);
      if (x === length) {
        throw new Error(`reflect: ${typeof current === 'string' ? 'string' : 'slice'} index out of range`);
      }
      if (typeof current === 'string') current = BigInt(encoder.encode(current)[x] as number);
      else current = current[x] ?? null;
    } else if (isMap(current)) {
      if (key === undefined) throw new Error('value is nil; should be of type string');
      if (typeof key !== 'string') throw new Error(`value has type ${typeName(key)}; should be string`);
      current = Object.hasOwn(current, key) ? (current[key] ?? null) : null;
    } else {
      // Go names the type once a pointer is followed: formatter.ContainerContext
      throw new Error(
        `can't index item of type ${isGoStruct(current) ? indirectTypeName(current) : typeName(current)}`,
      );
    }
  }
  return current;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  const value = unwrap(item);
  if (value === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  if (typeof value === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    cap = byteLength(value);
  } else if (Array.isArray(value)) {
    cap = value.length;
  } else {
    throw new Error(`can't slice item of type ${typeName(value)}`);
  }
  const idx = [0, cap, cap];
  indexes.forEach((raw, i) => {
    idx[i] = indexArg(raw, cap);
  });
  const [from = 0, to = 0, max = 0] = idx;
  if (from > to) throw new Error(`invalid slice index: ${from} > ${to}`);
  if (indexes.length === 3 && to > max) throw new Error(`invalid slice index: ${to} > ${max}`);
  if (typeof value === 'string') return byteSlice(value, from, to);
  const part = value.slice(from, to);
  return isStringSlice(value) ? stringSlice(part as string[]) : part;
}

function length(item: unknown): bigint {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return BigInt(byteLength(item));
  if (Array.isArray(item)) return BigInt(item.length);
  if (isMap(item)) return BigInt(Object.keys(item).length);
  throw new Error(`len of type ${isGoStruct(item) ? indirectTypeName(item) : typeName(item)}`);
}

function call(fn: unknown, ...args: unknown[]): unknown {
  const f = unwrap(fn);
  if (f === undefined) throw new Error('call of nil');
  if (typeof f !== 'function') throw new Error(`non-function of type ${typeName(f)}`);
  return f(...args.map((arg) => (typeof arg === 'bigint' ? Number(arg) : arg === undefined ? null : arg)));
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'complex' | 'invalid';

function basicKind(value: unknown): Kind {
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  return value instanceof GoComplex ? 'complex' : 'invalid';
}

/** The reflect.Kind family of a value that is not one of the basic kinds, for eq's comparability rule. */
function otherKind(value: unknown): string {
  if (value === undefined) return 'invalid';
  if (typeof value === 'function') return 'func';
  return Array.isArray(value) ? 'slice' : 'map';
}

function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  const a = unwrap(arg1);
  if (arg2.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(a);
  for (const raw of arg2) {
    const b = unwrap(raw);
    const k2 = basicKind(b);
    let result = false;
    if (k1 !== k2) {
      if (a !== undefined && b !== undefined) throw new Error('incompatible types for comparison');
    } else if (k1 === 'complex') {
      result = (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
    } else if (k1 !== 'invalid') {
      result = a === b;
    } else {
      const o1 = otherKind(a);
      const o2 = otherKind(b);
      if (o1 !== o2 && o1 !== 'invalid' && o2 !== 'invalid') {
        throw new Error(sprintf('non-comparable types %s: %v, %s: %v', [a, typeName(a), typeName(b), b]));
      }
      if (a === undefined || b === undefined) result = a === b;
      else throw new Error(sprintf('non-comparable type %s: %v', [b, typeName(b)]));
    }
    if (result) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const a = unwrap(arg1);
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new Error('invalid type for comparison');
  const b = unwrap(arg2);
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  if (k1 === 'bool' || k1 === 'complex') throw new Error('invalid type for comparison');
  if (k1 === 'string') return compareStrings(a as string, b as string) < 0;
  return (a as number) < (b as number);
}

function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b);
}

/** html, js and urlquery stringify their arguments as text/template's evalArgs does. */
function escaperInput(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((arg) => (arg === null || arg === undefined ? '<no value>' : arg)));
}

export const builtins: ReadonlyMap<string, TypedFunction> = new Map<string, TypedFunction>([
  ['and', typedFunction(['value'], () => undefined, 'value')],
  ['or', typedFunction(['value'], () => undefined, 'value')],
  ['call', typedFunction(['value'], call as (...args: never[]) => unknown, 'value')],
  ['html', typedFunction([], ((...args: unknown[]) => htmlEscape(escaperInput(args))) as never, 'any')],
  ['index', typedFunction(['value'], index as (...args: never[]) => unknown, 'value')],
  ['slice', typedFunction(['value'], slice as (...args: never[]) => unknown, 'value')],
  ['js', typedFunction([], ((...args: unknown[]) => jsEscape(escaperInput(args))) as never, 'any')],
  ['len', typedFunction(['value'], length as (...args: never[]) => unknown)],
  ['not', typedFunction(['value'], ((arg: unknown) => !truth(arg)) as never)],
  ['print', typedFunction([], ((...args: unknown[]) => sprint(args)) as never, 'any')],
  ['printf', typedFunction(['string'], ((f: string, ...args: unknown[]) => sprintf(f, args)) as never, 'any')],
  ['println', typedFunction([], ((...args: unknown[]) => sprintln(args)) as never, 'any')],
  ['urlquery', typedFunction([], ((...args: unknown[]) => urlQueryEscape(escaperInput(args))) as never, 'any')],
  ['eq', typedFunction(['value'], eq as (...args: never[]) => unknown, 'value')],
  ['ge', typedFunction(['value', 'value'], ((a: unknown, b: unknown) => !lt(a, b)) as never)],
  ['gt', typedFunction(['value', 'value'], ((a: unknown, b: unknown) => !le(a, b)) as never)],
  ['le', typedFunction(['value', 'value'], le as (...args: never[]) => unknown)],
  ['lt', typedFunction(['value', 'value'], lt as (...args: never[]) => unknown)],
  ['ne', typedFunction(['value', 'value'], ((a: unknown, b: unknown) => !eq(a, b)) as never)],
]);
