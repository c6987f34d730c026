import { describe, expect, it } from 'vitest';
import { isHexId } from './id';
import { isId, isShortId, truncateId } from './index';

const id = 'da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821';

describe('IDs', () => {
  it.each([
    [id, true, false],
    [`sha256:${id}`, true, false],
    ['da304e823d8c', false, true],
    ['7EC43B381E5AEFE6E04EFB0B3F0693FF2A4A50652D64AEC573905F2DB5889A1C', false, false],
    ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf', false, false],
    [`${id}8482`, false, false],
    [`sha512:${id}`, false, false],
    ['da304e823d8g', false, false],
    ['', false, false],
  ])('%j: isId %s, isShortId %s', (value, full, short) => {
    expect(isId(value)).toBe(full);
    expect(isShortId(value)).toBe(short);
    expect(isHexId(value)).toBe(full && !value.startsWith('sha256:'));
  });

  it.each([
    [id, 'da304e823d8c'],
    [`sha256:${id}`, 'da304e823d8c'],
    ['da304e823d8c', 'da304e823d8c'],
  ])('truncates %j to %j', (value, short) => {
    expect(truncateId(value)).toBe(short);
  });

  it.each(['', 'busybox', id.slice(1), id.toUpperCase(), `sha256:${id.slice(0, 12)}`])(
    'refuses to truncate %j',
    (value) => {
      expect(() => truncateId(value)).toThrow(
        expect.objectContaining({ name: 'ImageReferenceError', code: 'invalid-format', input: value }),
      );
    },
  );
});
