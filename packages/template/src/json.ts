// encoding/json as docker's `json` template function uses it: an Encoder with SetEscapeHTML(false), its trailing
// newline trimmed. Objects keep their own key order (the engine's, for an inspect document); Go would sort the keys
// of a map, which is the order the engine already sends for its maps.

import { formatFloat } from './float-format';
import { isGoStruct, structFields } from './go-struct';
import { GoComplex, isMap, typeName } from './values';

const MAX_DEPTH = 1000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON escapes exactly these control characters
const needsEscape = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

function quoteJSON(s: string): string {
  if (!needsEscape.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let escaped: string | undefined;
    if (c === 0x22) escaped = '\\"';
    else if (c === 0x5c) escaped = '\\\\';
    else if (c < 0x20) {
      if (c === 0x0a) escaped = '\\n';
      else if (c === 0x0d) escaped = '\\r';
      else if (c === 0x09) escaped = '\\t';
      else escaped = `\\u00${c.toString(16).padStart(2, '0')}`;
    } else if (c === 0x2028 || c === 0x2029) {
      escaped = `\\u${c.toString(16)}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const paired = c <= 0xdbff ? s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff : false;
      if (paired) {
        i++;
        continue;
      }
      escaped = '\\ufffd';
    }
    if (escaped !== undefined) {
      out += s.slice(start, i) + escaped;
      start = i + 1;
    }
  }
  return `${out}${s.slice(start)}"`;
}

function formatJSONFloat(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`json: unsupported value: ${formatFloat(v, 'g', -1)}`);
  if (Object.is(v, -0)) return '-0';
  // encoding/json formats floats "as if by ES6 number to string conversion": JavaScript's own String(v), exactly.
  return String(v);
}

function encode(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) {
    throw new Error(`json: unsupported value: encountered a cycle via ${typeName(value)}`);
  }
  switch (typeof value) {
    case 'string':
      return quoteJSON(value);
    case 'number':
      return formatJSONFloat(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'function':
      throw new Error(`json: unsupported type: ${typeName(value)}`);
  }
  if (value === null) return 'null';
  if (value instanceof GoComplex) throw new Error('json: unsupported type: complex128');
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += encode(value[i], depth + 1);
    }
    return `${out}]`;
  }
  if (isGoStruct(value)) {
    // encoding/json writes a struct's exported fields in declaration order
    const fields = structFields(value).map((field) => `${quoteJSON(field)}:${encode(value[field], depth + 1)}`);
    return `{${fields.join(',')}}`;
  }
  if (isMap(value)) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return encode(toJSON.call(value), depth + 1);
    let out = '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const element = value[key];
      if (typeof element === 'function') continue;
      if (!first) out += ',';
      first = false;
      out += `${quoteJSON(key)}:${encode(element, depth + 1)}`;
    }
    return `${out}}`;
  }
  return 'null';
}

/** docker's formatJSON: one line of JSON, HTML characters left as they are. */
export function toJSON(value: unknown): string {
  return encode(value, 0);
}
