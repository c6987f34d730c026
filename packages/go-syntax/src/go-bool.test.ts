import { describe, expect, it } from 'vitest';
import { parseGoBool } from './go-bool';

describe('parseGoBool (strconv.ParseBool)', () => {
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('%s is true', (word) => expect(parseGoBool(word)).toBe(true));
  it.each(['0', 'f', 'F', 'FALSE', 'false', 'False'])('%s is false', (word) => expect(parseGoBool(word)).toBe(false));
  it.each(['', 'yes', 'tRue', ' true', '2'])('%j is not a boolean', (word) =>
    expect(parseGoBool(word)).toBeUndefined(),
  );
});
