import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactJson } from './json-compact';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('compactJson', () => {
  it.each([
    ['{ "a" : 1 }', '{"a":1}'],
    ['\n[ 1.0, 1e3, -0 ,"x y"]\n', '[1.0,1e3,-0,"x y"]'],
    ['{"a":1,"a":2}', '{"a":1,"a":2}'],
    ['"\\u00e9 \\/ \\n"', '"\\u00e9 \\/ \\n"'],
    ['{ }', '{}'],
    ['[ ]', '[]'],
    [' true ', 'true'],
    ['{"k": [ {"n": null}, false ]}', '{"k":[{"n":null},false]}'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
  ])('%j → %j (tokens byte for byte, as Go json.Compact)', (input, output) => {
    expect(compactJson(input)).toEqual({ ok: true, json: output });
  });

  it.each([
    ['', 0],
    ['{', 1],
    ['{"a" 1}', 5],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['01', 1],
    ['1.', 1],
    ['-', 0],
    ['tru', 0],
    ['"a\tb"', 0],
    ['"abc', 0],
    ['{} {}', 3],
    ['\uFEFF{}', 0],
    ["{'a':1}", 1],
    ['[1 2]', 3],
  ])('refuses %j at offset %d', (input, offset) => {
    expect(compactJson(input)).toMatchObject({ ok: false, offset });
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '"a"', '1', '-', '.5', 'e3', 'true', 'nul', '"');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(token).map((tokens) => tokens.join('')),
        ),
        (text) => {
          expect(compactJson(text).ok).toBe(isJson(text));
        },
      ),
    );
  });

  it('undoes any whitespace added between the tokens of compact JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(' ', '\n', '\t', '\r\n  '), (json, space) => {
        const spaced = json.replace(/([,:[\]{}])(?=(?:[^"\\]|\\.|"(?:[^"\\]|\\.)*")*$)/g, `${space}$1${space}`);
        expect(compactJson(spaced)).toEqual({ ok: true, json });
      }),
    );
  });

  it('survives deep nesting without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(compactJson(deep)).toEqual({ ok: true, json: deep });
  });
});
