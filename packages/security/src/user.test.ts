import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from './errors';
import { parseGroupAdd, parseUser } from './user';

describe('parseUser', () => {
  it.each([
    'nobody',
    'nobody:nogroup',
    '10000:20000',
    '0',
    'root:wheel',
    ':20000',
    'nobody:',
    ':',
    '',
    '2147483647:2147483647',
    'www-data',
    '_apt',
    'user.name',
    '0x10',
  ])('keeps %j as Config.User', (value) => {
    expect(parseUser(value)).toBe(value);
  });

  it.each([
    ['1:2:3', 'invalid-user-format'],
    ['a:b:c', 'invalid-user-format'],
    ['2147483648', 'user-id-out-of-range'],
    ['4294967296', 'user-id-out-of-range'],
    ['-1', 'user-id-out-of-range'],
    ['nobody:2147483648', 'group-id-out-of-range'],
    ['no body', 'invalid-user-name'],
    ['nobody:no group', 'invalid-group-name'],
    ['tab\there', 'invalid-user-name'],
  ])('refuses %j (%s)', (value, code) => {
    expect(() => parseUser(value)).toThrow(UserError);
    expect(() => parseUser(value)).toThrow(expect.objectContaining({ code, input: value }));
  });

  it('returns its input unchanged or throws a UserError, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9:-]{0,12}$/)), (value) => {
        try {
          return parseUser(value) === value;
        } catch (error) {
          return error instanceof UserError && error.input === value;
        }
      }),
    );
  });
});

describe('parseGroupAdd', () => {
  it('keeps names and gids in order, duplicates included, as docker does', () => {
    expect(parseGroupAdd(['wheel', '100', 'audio', 'wheel'])).toEqual(['wheel', '100', 'audio', 'wheel']);
    expect(parseGroupAdd([])).toEqual([]);
  });

  it.each([
    ['', 'empty-group'],
    ['4294967296', 'group-id-out-of-range'],
    ['a:b', 'invalid-group-name'],
    ['my group', 'invalid-group-name'],
  ])('refuses %j (%s)', (value, code) => {
    expect(() => parseGroupAdd(['wheel', value])).toThrow(expect.objectContaining({ code, input: value }));
  });
});
