import { describe, expect, it } from 'vitest';
import {
  compareReferences,
  parseAnyReference,
  parseNormalizedReference,
  parseReference,
  referencesEqual,
  sortReferences,
} from './index';

const digest = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';

describe('referencesEqual', () => {
  it.each([
    ['ubuntu', 'docker.io/library/ubuntu', true],
    ['ubuntu', 'index.docker.io/library/ubuntu', true],
    ['ubuntu:latest', 'ubuntu', false],
    ['ubuntu', 'library/ubuntu', true],
    ['user/app', 'docker.io/user/app', true],
    ['quay.io/app', 'quay.io/app:1', false],
    [`app@${digest}`, `app:1@${digest}`, false],
    [digest, digest.slice('sha256:'.length), true],
    [digest, `app@${digest}`, false],
  ])('%j and %j: %s', (a, b, equal) => {
    expect(referencesEqual(parseAnyReference(a), parseAnyReference(b))).toBe(equal);
    expect(referencesEqual(parseAnyReference(b), parseAnyReference(a))).toBe(equal);
  });

  it('tells a strict name from a normalized one', () => {
    expect(referencesEqual(parseReference('ubuntu'), parseNormalizedReference('ubuntu'))).toBe(false);
  });
});

describe('compareReferences and sortReferences', () => {
  it('orders tag and digest, tag, digest, name, then bare digests, alphabetically within each', () => {
    const sorted = ['b', `a@${digest}`, digest, 'b:1', 'a', `a:1@${digest}`, 'a:2', 'a:1']
      .map(parseAnyReference)
      .sort(compareReferences)
      .map((reference) => reference.familiarString());
    expect(sorted).toEqual([`a:1@${digest}`, 'a:1', 'a:2', 'b:1', `a@${digest}`, 'a', 'b', digest]);
  });

  it('returns full forms, then the strings that are not references', () => {
    expect(sortReferences(['Zed', 'busybox', 'quay.io/x:1', '', 'ABC', digest.slice(7), 'alpine:3.8'])).toEqual([
      'docker.io/library/alpine:3.8',
      'quay.io/x:1',
      'docker.io/library/busybox',
      digest,
      '',
      'ABC',
      'Zed',
    ]);
  });

  it('returns 0 for the same reference', () => {
    expect(compareReferences(parseAnyReference('a:1'), parseAnyReference('docker.io/library/a:1'))).toBe(0);
  });
});
