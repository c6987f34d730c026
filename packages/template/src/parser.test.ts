import { describe, expect, it } from 'vitest';
import { TemplateParseError } from './errors';
import { parseTemplate } from './template';

function parseError(text: string): TemplateParseError {
  try {
    parseTemplate(text, { name: 'p' });
  } catch (error) {
    if (error instanceof TemplateParseError) return error;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe('parse errors', () => {
  it.each([
    ['{{nope}}', 'function-not-defined', 'template: p:1: function "nope" not defined'],
    ['{{$x}}', 'undefined-variable', 'template: p:1: undefined variable "$x"'],
    ['a{{define "p"}}b{{end}}', 'template-redefined', 'template: p:1: template: multiple definition of template "p"'],
    ['{{if 1}}\n{{else}}\n{{else}}{{end}}', 'template-syntax', 'template: p:3: expected end; found {{else}}'],
    ['{{range .}}\n{{.X', 'template-syntax', 'template: p:2: unclosed action'],
  ])('%j', (text, code, message) => {
    const error = parseError(text);
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('locates the token the parser stopped at, in bytes of the line', () => {
    const error = parseError('héllo\n  {{.A | nope}}');
    expect([error.line, error.column, error.input]).toEqual([2, 9, 'nope']);
  });
});
