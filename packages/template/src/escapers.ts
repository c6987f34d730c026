// text/template's html, js and urlquery escapers (HTMLEscapeString, JSEscapeString, url.QueryEscape).

import { codePoints, isPrintable } from './runes';

const encoder = new TextEncoder();

const htmlEntities: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => htmlEntities[c] as string);
}

const jsEscapes: Record<number, string> = {
  92: '\\\\',
  39: "\\'",
  34: '\\"',
  60: '\\u003C',
  62: '\\u003E',
  38: '\\u0026',
  61: '\\u003D',
};

function needsJsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x80 || jsEscapes[c] !== undefined) return true;
  }
  return false;
}

export function jsEscape(s: string): string {
  if (!needsJsEscape(s)) return s;
  let out = '';
  for (const c of codePoints(s)) {
    const named = jsEscapes[c];
    if (named !== undefined) out += named;
    else if (c < 0x20) out += `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (c < 0x80 || isPrintable(c)) out += String.fromCodePoint(c);
    else out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

const unreserved = /[A-Za-z0-9\-_.~]/;

export function urlQueryEscape(s: string): string {
  let out = '';
  for (const byte of encoder.encode(s)) {
    const c = String.fromCharCode(byte);
    if (byte < 0x80 && unreserved.test(c)) out += c;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
