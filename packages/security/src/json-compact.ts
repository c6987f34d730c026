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
  let state = 'value' as State; // widened: the closures below change it
  let i = 0;
  const fail = (offset: number, reason = describe(text, offset)): CompactResult => ({ ok: false, offset, reason });
  const afterValue = (): State => (open.length > 0 ? 'comma-or-close' : 'end');
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    return match?.[0];
  };

  const emit = (piece: string, next: State) => {
    out.push(piece);
    i += piece.length;
    state = next;
  };
  const close = (char: string) => {
    open.pop();
    emit(char, afterValue());
  };

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
    const char = text[i];
    if (char === undefined) break;
    if (state === 'end') return fail(i, `invalid character ${JSON.stringify(char)} after top-level value`);

    if (state === 'colon') {
      if (char !== ':') return fail(i);
      emit(char, 'value');
    } else if (state === 'comma-or-close') {
      const top = open[open.length - 1];
      if (char === ',') emit(char, top === '{' ? 'key' : 'value');
      else if (char === (top === '{' ? '}' : ']')) close(char);
      else return fail(i);
    } else if (state === 'key-or-close' && char === '}') {
      close(char);
    } else if (state === 'key' || state === 'key-or-close') {
      if (char !== '"') return fail(i);
      const key = token(STRING);
      if (key === undefined) return fail(i, 'invalid string literal');
      emit(key, 'colon');
    } else if (state === 'value-or-close' && char === ']') {
      close(char);
    } else if (char === '{' || char === '[') {
      open.push(char);
      emit(char, char === '{' ? 'key-or-close' : 'value-or-close');
    } else {
      const scalar =
        char === '"' ? token(STRING) : (LITERALS.find((literal) => text.startsWith(literal, i)) ?? token(NUMBER));
      if (scalar === undefined) return fail(i, char === '"' ? 'invalid string literal' : describe(text, i));
      emit(scalar, afterValue());
    }
  }
  if (state !== 'end') return fail(text.length);
  return { ok: true, json: out.join('') };
}
