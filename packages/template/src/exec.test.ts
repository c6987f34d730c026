import { describe, expect, it } from 'vitest';
import { TemplateExecError } from './errors';
import { typedFunction } from './functions';
import { parseTemplate } from './template';

describe('execute', () => {
  it('calls methods with the object as this, and reports their failures as Go does', () => {
    const container = {
      Id: 'f00dfeed1234567890',
      ShortID() {
        return this.Id.slice(0, 12);
      },
      Fail() {
        throw new Error('no such thing');
      },
    };
    expect(parseTemplate('{{.ShortID}}').execute(container)).toBe('f00dfeed1234');
    expect(() => parseTemplate('{{.Fail}}', { name: 'm' }).execute(container)).toThrow(
      'template: m:1:2: executing "m" at <.Fail>: error calling Fail: no such thing',
    );
  });

  it('passes ints to plain functions as numbers and missing values as null', () => {
    const seen: unknown[] = [];
    const t = parseTemplate('{{f 3 1.5 .Nope "s"}}', { functions: { f: (...args: unknown[]) => seen.push(...args) } });
    expect(t.execute({})).toBe('4');
    expect(seen).toEqual([3, 1.5, null, 's']);
  });

  it('checks the arguments of a typed function in Go words', () => {
    const repeat = typedFunction(['string', 'int'], ((s: string, n: bigint) => s.repeat(Number(n))) as never);
    const t = parseTemplate('{{repeat .S 3}}|{{repeat .S .N}}', { name: 'r', functions: { repeat } });
    expect(() => t.execute({ S: 'ab', N: 2 })).toThrow(
      'template: r:1:28: executing "r" at <.N>: wrong type for value; expected int; got float64',
    );
    expect(parseTemplate('{{repeat .S 3}}', { functions: { repeat } }).execute({ S: 'ab' })).toBe('ababab');
  });

  it('reads bigints as Go ints', () => {
    expect(parseTemplate('{{printf "%d %T" .N .N}} {{eq .N 3}}').execute({ N: 3n })).toBe('3 int true');
  });

  it('lets a function hide a builtin of the same name', () => {
    expect(parseTemplate('{{len "abc"}}', { functions: { len: () => 'mine' } }).execute(null)).toBe('mine');
  });

  it('calls function values with call', () => {
    const t = parseTemplate('{{call (index .Fns 0) 2 3}}');
    expect(t.execute({ Fns: [(a: number, b: number) => a * b] })).toBe('6');
  });

  it('runs a defined template by name and lists the names', () => {
    const t = parseTemplate('{{define "row"}}[{{.}}]{{end}}main', { name: 'page' });
    expect(t.executeTemplate('row', 1)).toBe('[1]');
    expect(t.templateNames).toEqual(['page', 'row']);
    expect(() => t.executeTemplate('nope', 1)).toThrow(TemplateExecError);
    expect(() => t.executeTemplate('nope', 1)).toThrow('template: no template "nope" associated with template "page"');
  });

  it('reads a null root as no data at all', () => {
    expect(parseTemplate('{{.A}}|{{.}}|{{.A.B}}').execute(null)).toBe('<no value>|<no value>|<no value>');
  });
});
