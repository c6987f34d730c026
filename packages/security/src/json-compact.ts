// A JSON validator that removes insignificant whitespace and keeps every token byte for byte, as Go's json.Compact
// does (the docker CLI sends a seccomp profile this way): no re-serialization, so numbers, escapes and duplicate keys
// reach the daemon exactly as written. Iterative, so deep nesting cannot overflow the stack.

export type CompactResult = { ok: true; json: string } | { ok: false; offset: number; reason: string };

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw U+0000-U+001F
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const LITERALS = ['true', 'false', 'null'];

function describe(text: string, offset: number): string {
  const char = text[offset];
  return char === undefined ? 'unexpected end of JSON input' : `invalid character ${JSON.stringify(char)}`;
}

export function compactJson(text: string): CompactResult {
  const out: string[] = [];
  const open: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (offset: number, reason = describe(text, offset)): CompactResult => ({ ok: false, offset, reason });
  const afterValue = (): State => (open.length > 0 ? 'comma-or-close' : 'end');
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    return match?.[0];
  };

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
    const char = text[i];
    if (char === undefined) break;
    if (state === 'end') return fail(i, `invalid character ${JSON.stringify(char)} after top-level value`);

    if (state === 'colon') {
      if (char !== ':') return fail(i);
      out.push(char);
      i++;
      state = 'value';
      continue;
    }
    if (state === 'comma-or-close') {
      const top = open[open.length - 1];
      if (char === ',') {
        state = top === '{' ? 'key' : 'value';
      } else if (char === (top === '{' ? '}' : ']')) {
        open.pop();
        state = afterValue();
      } else {
        return fail(i);
      }
      out.push(char);
      i++;
      continue;
    }
    if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && char === '}') {
        open.pop();
        out.push(char);
        i++;
        state = afterValue();
        continue;
      }
      if (char !== '"') return fail(i);
      const key = token(STRING);
      if (key === undefined) return fail(i, 'invalid string literal');
      out.push(key);
      i += key.length;
      state = 'colon';
      continue;
    }
    // state is 'value' or 'value-or-close'
    if (state === 'value-or-close' && char === ']') {
      open.pop();
      out.push(char);
      i++;
      state = afterValue();
      continue;
    }
    if (char === '{' || char === '[') {
      open.push(char);
      out.push(char);
      i++;
      state = char === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    const scalar =
      char === '"' ? token(STRING) : (LITERALS.find((literal) => text.startsWith(literal, i)) ?? token(NUMBER));
    if (scalar === undefined) return fail(i, char === '"' ? 'invalid string literal' : describe(text, i));
    out.push(scalar);
    i += scalar.length;
    state = afterValue();
  }
  if (state !== 'end') return fail(text.length);
  return { ok: true, json: out.join('') };
}
