import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPath } from './clean-path';

describe('cleanPath (Go path.Clean)', () => {
  it.each([
    ['', '.'],
    ['/', '/'],
    ['/..', '/'],
    ['a/../..', '..'],
    ['../a', '../a'],
    ['/dev//zero/', '/dev/zero'],
    ['/dev/../dev/zero/', '/dev/zero'],
    ['./x/./y/', 'x/y'],
    ['a/b/../../..', '..'],
  ])('%j → %j', (path, cleaned) => {
    expect(cleanPath(path)).toBe(cleaned);
  });

  it('is idempotent and keeps a path rooted or relative', () => {
    const segmentChar = fc.constantFrom('a', 'b', '.', '/', '..', ':', ' ', 'é');
    fc.assert(
      fc.property(fc.string({ unit: segmentChar, maxLength: 24 }), (path) => {
        const cleaned = cleanPath(path);
        expect(cleanPath(cleaned)).toBe(cleaned);
        expect(cleaned.startsWith('/')).toBe(path.startsWith('/'));
      }),
      { numRuns: 500 },
    );
  });
});
