import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerFunctions, parseTemplate, TemplateExecError, TemplateParseError } from './index';

// Pieces templates are made of, so that random texts reach deep into the parser and executor.
const fragment = fc.constantFrom(
  '{{',
  '}}',
  '{{-',
  '-}}',
  ' ',
  '.',
  '.A',
  '.B.C',
  '$',
  '$x',
  ':=',
  '=',
  '|',
  '(',
  ')',
  '"s"',
  '`r`',
  "'c'",
  '1',
  '-2.5',
  '0x1F',
  'nil',
  'true',
  'if',
  'else',
  'end',
  'range',
  'with',
  'break',
  'continue',
  'define "d"',
  'template "d"',
  'block "b" .',
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf "%v %d %s"',
  'eq',
  'lt',
  'call',
  'html',
  'js',
  'urlquery',
  'json',
  'split',
  'join',
  'pad',
  'truncate',
  '/*',
  '*/',
  ',',
  'text',
  '\n',
);

const templateText = fc.oneof(
  fc.string(),
  fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')),
);

function parseOrNull(text: string) {
  try {
    return parseTemplate(text, { name: 'p', functions: dockerFunctions });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateParseError);
    return null;
  }
}

describe('properties', () => {
  it('any text gives a template or a TemplateParseError', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        parseOrNull(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('executing over any JSON gives a string or a TemplateExecError', () => {
    fc.assert(
      fc.property(templateText, fc.jsonValue(), (text, data) => {
        const template = parseOrNull(text);
        if (template === null) return;
        try {
          expect(typeof template.execute(data)).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateExecError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a well-formed field template over any object prints without failing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (data) => {
        const out = parseTemplate('{{range $k, $v := .}}{{$k}}={{$v}};{{end}}{{json .}}', {
          functions: dockerFunctions,
        }).execute(data);
        expect(typeof out).toBe('string');
      }),
    );
  });

  it('refuses nesting deeper than the parser allows, instead of overflowing the stack', () => {
    expect(() => parseTemplate(`{{${'('.repeat(100_000)}1${')'.repeat(100_000)}}}`)).toThrow(TemplateParseError);
    expect(() => parseTemplate('{{if 1}}'.repeat(50_000))).toThrow(TemplateParseError);
  });

  it('stops unbounded {{template}} recursion with a TemplateExecError', () => {
    const t = parseTemplate('{{define "loop"}}{{template "loop" .}}{{end}}{{template "loop" .}}', { name: 'r' });
    expect(() => t.execute({})).toThrow(TemplateExecError);
    expect(() => t.execute({})).toThrow('exceeded maximum template depth');
  });

  it('stops recursion through nested ranges too', () => {
    const t = parseTemplate(
      '{{define "d"}}{{range .}}{{if .}}{{with .}}{{template "d" .}}{{end}}{{end}}{{end}}{{end}}{{template "d" .}}',
    );
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      cursor.push(next);
      cursor = next;
    }
    cursor.push(1);
    expect(() => t.execute(deep)).toThrow(TemplateExecError);
  });
});
