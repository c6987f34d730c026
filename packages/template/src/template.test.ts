import { describe, expect, it } from 'vitest';
import { dockerFunctions, formatRows, parseTemplate, TemplateExecError, TemplateParseError } from './index';

const run = (text: string, data: unknown): string =>
  parseTemplate(text, { name: 't', functions: dockerFunctions }).execute(data);

describe('parseTemplate', () => {
  it('ranges over mounts as docker inspect does', () => {
    expect(run('{{range .Mounts}}{{.Source}} {{end}}', { Mounts: [{ Source: '/a' }, { Source: '/b' }] })).toBe(
      '/a /b ',
    );
  });

  it('prints a missing key as <no value> and objects as Go maps, in sorted key order', () => {
    expect(run('{{.Nope}} {{.}}', { b: [1, 2], a: 'x' })).toBe('<no value> map[a:x b:[1 2]]');
  });

  it('calls function-valued properties as methods, with arguments', () => {
    const row = { ID: () => 'abc', Label: (name: string) => `label:${name}` };
    expect(run('{{.ID}} {{.Label "com.x"}}', row)).toBe('abc label:com.x');
  });

  it('never reads inherited properties', () => {
    expect(run('{{.toString}}|{{len .}}', Object.create({ inherited: 1 }))).toBe('<no value>|0');
  });

  it('throws TemplateParseError in Go words for an undefined function', () => {
    expect(() => parseTemplate('{{foo}}', { name: 'inspect' })).toThrow(TemplateParseError);
    expect(() => parseTemplate('{{foo}}', { name: 'inspect' })).toThrow(
      'template: inspect:1: function "foo" not defined',
    );
  });

  it('throws TemplateExecError with the position and the action', () => {
    try {
      run('{{.A}} {{.A.B.C}}', { A: null });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateExecError);
      const e = error as TemplateExecError;
      expect(e.message).toBe('template: t:1:11: executing "t" at <.A.B.C>: nil pointer evaluating interface {}.B');
      expect([e.line, e.column, e.action, e.code]).toEqual([1, 11, '.A.B.C', 'nil-pointer']);
    }
  });

  it('keeps the document key order in json, with no HTML escaping', () => {
    expect(run('{{json .}}', { b: 1, a: '<&>' })).toBe('{"b":1,"a":"<&>"}');
  });
});

describe('formatRows', () => {
  it('prints a docker table: header from the field names, columns padded by 3 to at least 10', () => {
    const rows = [
      { ID: 'f00dfeed', Image: 'busybox:latest', Status: 'Up 2 minutes' },
      { ID: 'c0ffee', Image: 'web', Status: 'Exited (0) 3 hours ago' },
    ];
    const headers = { ID: 'CONTAINER ID', Image: 'IMAGE', Status: 'STATUS' };
    expect(formatRows('table {{.ID}}\\t{{.Image}}\\t{{.Status}}', rows, { headers })).toBe(
      [
        'CONTAINER ID   IMAGE            STATUS',
        'f00dfeed       busybox:latest   Up 2 minutes',
        'c0ffee         web              Exited (0) 3 hours ago',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON object per line for --format json', () => {
    expect(formatRows('json', [{ A: 1 }, { A: 2 }])).toBe('{"A":1}\n{"A":2}\n');
  });
});
