import { describe, expect, it } from 'vitest';
import { dockerFunctions } from './docker-functions';
import { TemplateExecError } from './errors';
import { formatRows } from './formatter';
import { goStruct } from './go-struct';
import { parseTemplate } from './template';

function volumeContext(name: string, labels: Record<string, string> = {}) {
  return goStruct('*formatter.volumeContext', {
    Driver: 'local',
    Name: name,
    Label: (key: string) => labels[key] ?? '',
  });
}

const run = (text: string, data: unknown) => parseTemplate(text, { functions: dockerFunctions }).execute(data);

describe('goStruct', () => {
  it('reads fields and calls methods, with this the struct', () => {
    const row = goStruct('main.T', {
      ID: 'f00dfeed1234567890',
      Short() {
        return this.ID.slice(0, 4);
      },
    });
    expect(run('{{.ID}} {{.Short}}', row)).toBe('f00dfeed1234567890 f00d');
    expect(run('{{.Label "tier"}}|{{.Label "x"}}', volumeContext('logs', { tier: 'web' }))).toBe('web|');
  });

  it('fails on a missing field as docker does, where a map prints <no value>', () => {
    expect(run('{{.Foo}}', { Name: 'logs' })).toBe('<no value>');
    const error = (() => {
      try {
        run('{{.Foo}}', volumeContext('logs'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TemplateExecError);
    expect(error).toMatchObject({
      code: 'cannot-evaluate-field',
      action: '.Foo',
      message: 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.volumeContext',
    });
  });

  it('refuses arguments to a field that is not a method', () => {
    expect(() => run('{{.Name "x"}}', volumeContext('logs'))).toThrow(
      'at <.Name>: Name has arguments but cannot be invoked as function',
    );
  });

  it('prints as Go prints a struct: fields in order, & before a pointer where fmt sees it', () => {
    const row = volumeContext('logs');
    expect(run('{{.}}', row)).toBe('{local logs}');
    expect(run('{{print .}} {{printf "%+v" .}} {{printf "%T" .}}', row)).toBe(
      '&{local logs} &{Driver:local Name:logs} *formatter.volumeContext',
    );
    expect(run('{{printf "%#v" .}}', goStruct('main.P', { K: 'k', N: 2n }))).toBe('main.P{K:"k", N:2}');
  });

  it('is no map to range over or index, and marshals its fields in order', () => {
    const row = volumeContext('logs');
    expect(() => run('{{range .}}{{end}}', row)).toThrow("range can't iterate over {local logs}");
    expect(() => run('{{index . "Name"}}', row)).toThrow("can't index item of type formatter.volumeContext");
    expect(() => run('{{len .}}', row)).toThrow('len of type formatter.volumeContext');
    expect(run('{{json .}}', row)).toBe('{"Driver":"local","Name":"logs"}');
    expect(run('{{if .}}true{{end}}', goStruct('main.Empty', {}))).toBe('true');
  });

  it('makes a list fail on its first row as docker does', () => {
    const rows = [volumeContext('a'), volumeContext('b')];
    expect(
      formatRows('table {{.Driver}}\t{{.Name}}', rows, { headers: { Driver: 'DRIVER', Name: 'VOLUME NAME' } }),
    ).toBe('DRIVER    VOLUME NAME\nlocal     a\nlocal     b\n');
    expect(() => formatRows('{{.Size}}', rows)).toThrow("can't evaluate field Size in type *formatter.volumeContext");
  });
});
