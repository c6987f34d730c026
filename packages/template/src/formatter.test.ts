import { describe, expect, it } from 'vitest';
import { TemplateExecError, TemplateParseError } from './errors';
import { formatRows, isJSONFormat, isTableFormat, templateText } from './formatter';

describe('templateText', () => {
  it("reads a --format value as docker's Format.templateString does", () => {
    expect(templateText('json')).toBe('{{json .}}');
    expect(templateText('table')).toBe('');
    expect(templateText('table {{.ID}}\\t{{.Image}}')).toBe('{{.ID}}\t{{.Image}}');
    expect(templateText('  {{.ID}}\\n ')).toBe('{{.ID}}\n');
    expect(templateText('{{json .Config}}')).toBe('{{json .Config}}');
  });

  it('tells a table and the json format from templates', () => {
    expect([isTableFormat('table {{.ID}}'), isTableFormat('{{.ID}}'), isJSONFormat('json')]).toEqual([
      true,
      false,
      true,
    ]);
    expect(isJSONFormat('{{json .}}')).toBe(false);
  });
});

describe('formatRows', () => {
  it('keeps column names in the header row even through lower, upper, truncate and json', () => {
    const out = formatRows('table {{upper .Name}}\\t{{truncate .ID 3}}', [{ Name: 'web', ID: 'abcdef' }], {
      headers: { Name: 'NAME', ID: 'CONTAINER ID' },
    });
    expect(out).toBe('NAME      CONTAINER ID\nWEB       abc\n');
  });

  it('lets the caller add functions', () => {
    const out = formatRows('{{shout .Name}}', [{ Name: 'web' }], { functions: { shout: (s: string) => `${s}!` } });
    expect(out).toBe('web!\n');
  });

  it("fails as docker's template does, under docker's empty template name", () => {
    expect(() => formatRows('{{.Name', [])).toThrow(TemplateParseError);
    expect(() => formatRows('{{.Name.X}}', [{ Name: 'a' }])).toThrow(TemplateExecError);
    expect(() => formatRows('{{.Name.X}}', [{ Name: 'a' }])).toThrow(/^template: :1:7: executing "" at <.Name.X>/);
  });
});
