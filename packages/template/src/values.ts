// How plain JavaScript values stand for Go's: objects are map[string]interface{} (own enumerable keys only), arrays
// []interface{}, numbers float64, bigints int, strings string, booleans bool, null a nil interface, undefined the
// invalid reflect.Value of a missing key. Functions are methods when found as properties. An object marked by
// goStruct is a struct instead of a map.

import { isGoStruct, structTypeName } from './go-struct';

export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

const STRING_SLICE = Symbol('berth.template.[]string');

/** Marks an array as Go's []string (what strings.Split returns), for type checks and error messages. */
export function stringSlice(values: string[]): string[] {
  Object.defineProperty(values, STRING_SLICE, { value: true });
  return values;
}

export function isStringSlice(value: unknown): value is string[] {
  return Array.isArray(value) && (value as unknown as Record<symbol, unknown>)[STRING_SLICE] === true;
}

export type GoMap = Record<string, unknown>;

export function isMap(value: unknown): value is GoMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof GoComplex) &&
    !isGoStruct(value)
  );
}

/** Go's name for the dynamic type of a value. */
export function typeName(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'func(...interface {}) interface {}';
    case 'undefined':
      return '<nil>';
  }
  if (value === null) return 'interface {}';
  if (value instanceof GoComplex) return 'complex128';
  if (Array.isArray(value)) return isStringSlice(value) ? '[]string' : '[]interface {}';
  if (isGoStruct(value)) return structTypeName(value);
  return 'map[string]interface {}';
}

/** Go's byte-wise order of strings: UTF-16 order except where surrogate pairs meet U+E000..U+FFFF. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX !== surrogateY && (x >= 0xe000 || y >= 0xe000)) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** A map's keys in the order Go's fmt and range visit them. */
export function sortedKeys(map: GoMap): string[] {
  const keys = Object.keys(map);
  if (keys.length > 1) keys.sort(compareStrings);
  return keys;
}

/** template.IsTrue: false for the zero value of its type and for empty maps, slices and strings. */
export function isTrue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.length > 0;
    case 'number':
      return value !== 0;
    case 'bigint':
      return value !== 0n;
    case 'boolean':
      return value;
    case 'undefined':
      return false;
    case 'function':
      return true;
  }
  if (value === null) return false;
  if (value instanceof GoComplex) return value.re !== 0 || value.im !== 0;
  if (Array.isArray(value)) return value.length > 0;
  // a struct is true whatever its fields, and so is a non-nil pointer to one
  if (isGoStruct(value)) return true;
  for (const key in value as object) if (Object.hasOwn(value as object, key)) return true;
  return false;
}
