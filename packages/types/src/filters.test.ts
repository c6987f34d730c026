import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, parseFilters } from './filters';

describe('parseFilters', () => {
  it.each([
    [[], {}],
    [['status=exited'], { status: ['exited'] }],
    [['label=a=b', 'label=c'], { label: ['a=b', 'c'] }],
    [[' Name = web '], { name: ['web'] }],
    [['status=exited', 'status=exited'], { status: ['exited'] }],
    [['', 'id='], { id: [''] }],
  ])('%j → %j', (values, filters) => {
    expect(parseFilters(values)).toEqual(filters);
  });

  it('refuses a value without =', () => {
    expect(() => parseFilters(['foo'])).toThrow(FilterSyntaxError);
    expect(() => parseFilters(['foo'])).toThrow('bad format of filter (expected name=value)');
  });

  it('keeps every value after the first = of each filter', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9.=-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), word)), (pairs) => {
        const filters = parseFilters(pairs.map(([name, value]) => `${name}=${value}`));
        for (const [name, value] of pairs) expect(filters[name]).toContain(value);
      }),
    );
  });
});
