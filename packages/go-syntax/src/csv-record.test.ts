import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecord } from './csv-record';

describe('readCsvRecord (Go encoding/csv, first record)', () => {
  it.each([
    ['type=bind,src=/tmp,dst=/x', ['type=bind', 'src=/tmp', 'dst=/x']],
    ['"type=bind","src=/tmp","dst=/x"', ['type=bind', 'src=/tmp', 'dst=/x']],
    ['type=bind,"src=/t,mp",dst=/x', ['type=bind', 'src=/t,mp', 'dst=/x']],
    ['"a""b",c', ['a"b', 'c']],
    ['""', ['']],
    ['a,', ['a', '']],
    [',a', ['', 'a']],
    ['"a",', ['a', '']],
    ['a\nb,c', ['a']],
    ['\n\na,b', ['a', 'b']],
    ['a,b\r\n', ['a', 'b']],
    ['a,b\r', ['a', 'b']],
    ['a\rb', ['a\rb']],
    ['"x\ny",z', ['x\ny', 'z']],
    ['"x\r\ny"', ['x\ny']],
    [' a , b ', [' a ', ' b ']],
    ['é,"ü"', ['é', 'ü']],
  ])('%j → %j', (text, fields) => {
    expect(readCsvRecord(text)).toEqual(fields);
  });

  it.each([
    ['', 'EOF'],
    ['\n\r\n', 'EOF'],
    ['type=bind,src=/tmp,dst=/x"', 'parse error on line 1, column 26: bare " in non-quoted-field'],
    ['"type=bind', 'parse error on line 1, column 11: extraneous or missing " in quoted-field'],
    ['"type"=bind,src=/tmp', 'parse error on line 1, column 6: extraneous or missing " in quoted-field'],
    ['é"', 'parse error on line 1, column 3: bare " in non-quoted-field'],
    ['"a\nb', 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'],
    ['\n"a"b', 'parse error on line 2, column 3: extraneous or missing " in quoted-field'],
  ])('%j → %s', (text, message) => {
    expect(readCsvRecord(text)).toEqual({ message });
  });

  it('reads back any fields written as quoted CSV', () => {
    const field = fc.string().filter((text) => !text.includes('\r'));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        const text = fields.map((text) => `"${text.replaceAll('"', '""')}"`).join(',');
        expect(readCsvRecord(text)).toEqual(fields);
      }),
    );
  });
});
