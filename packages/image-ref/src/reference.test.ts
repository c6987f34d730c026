import { describe, expect, it } from 'vitest';
import { type ImageReferenceErrorCode, parseNormalizedReference, parseReference, withDigest, withTag } from './index';

const digest = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';
const otherDigest = `sha256:${'0'.repeat(64)}`;

function refusal(code: ImageReferenceErrorCode, input: string) {
  return expect.objectContaining({ name: 'ImageReferenceError', code, input });
}

describe('withTag', () => {
  it.each([
    ['test.com/foo', 'tag', 'test.com/foo:tag'],
    ['foo', 'tag2', 'foo:tag2'],
    ['test.com:8000/foo', 'tag4', 'test.com:8000/foo:tag4'],
    ['test.com:8000/foo', 'TAG5', 'test.com:8000/foo:TAG5'],
    ['test.com:8000/foo:old', 'new', 'test.com:8000/foo:new'],
    [`test.com:8000/foo@${digest}`, 'TAG5', `test.com:8000/foo:TAG5@${digest}`],
  ])('tags %j with %j', (name, tag, combined) => {
    expect(String(withTag(parseReference(name), tag))).toBe(combined);
  });

  it.each(['', '-foo', '.foo', 'a:b', 'a/b', 't'.repeat(129), 'ü'])('refuses the tag %j', (tag) => {
    expect(() => withTag(parseReference('busybox'), tag)).toThrow(refusal('invalid-format', tag));
  });
});

describe('withDigest', () => {
  it.each([
    ['test.com/foo', `test.com/foo@${digest}`],
    ['foo', `foo@${digest}`],
    ['test.com:8000/foo', `test.com:8000/foo@${digest}`],
    ['test.com:8000/foo:latest', `test.com:8000/foo:latest@${digest}`],
    [`test.com:8000/foo:latest@${otherDigest}`, `test.com:8000/foo:latest@${digest}`],
  ])('pins %j', (name, combined) => {
    expect(String(withDigest(parseReference(name), digest))).toBe(combined);
  });

  it.each(['foo', 'sha256:1234567890098765432112345667890098765', `sha256:${'A'.repeat(64)}`, `md5:${'a'.repeat(32)}`])(
    'refuses the digest %j',
    (value) => {
      expect(() => withDigest(parseReference('busybox'), value)).toThrow(refusal('digest-invalid-format', value));
    },
  );
});

describe('the Reference value', () => {
  it('gives its parts, full and familiar forms', () => {
    const reference = parseNormalizedReference(`ubuntu:22.04@${digest}`);
    expect(reference).toMatchObject({
      kind: 'named',
      domain: 'docker.io',
      path: 'library/ubuntu',
      name: 'docker.io/library/ubuntu',
      tag: '22.04',
      digest,
    });
    expect(reference.familiarName()).toBe('ubuntu');
    expect(reference.familiarString()).toBe(`ubuntu:22.04@${digest}`);
    expect(`${reference}`).toBe(`docker.io/library/ubuntu:22.04@${digest}`);
    expect(JSON.stringify([reference])).toBe(JSON.stringify([String(reference)]));
  });

  it.each([
    ['docker.io/library/ubuntu', 'ubuntu'],
    ['docker.io/user/app', 'user/app'],
    ['docker.io/library/foo/bar', 'library/foo/bar'],
    ['docker.io/libraryx', 'libraryx'],
    ['quay.io/library/ubuntu', 'quay.io/library/ubuntu'],
    ['ubuntu', 'ubuntu'],
  ])('familiarName of the strict %j is %j', (input, familiar) => {
    expect(parseReference(input).familiarName()).toBe(familiar);
  });

  it.each([
    ['ubuntu', 'docker.io/library/ubuntu:latest'],
    ['ubuntu:22.04', 'docker.io/library/ubuntu:22.04'],
    [`ubuntu@${digest}`, `docker.io/library/ubuntu@${digest}`],
    [`ubuntu:22.04@${digest}`, `docker.io/library/ubuntu:22.04@${digest}`],
  ])('withDefaultTag of %j is %j', (input, expected) => {
    expect(String(parseNormalizedReference(input).withDefaultTag())).toBe(expected);
  });

  it('leaves a strict reference without a domain as it is', () => {
    const reference = parseReference('ubuntu');
    expect(reference.name).toBe('ubuntu');
    expect(String(reference.withDefaultTag())).toBe('ubuntu:latest');
  });
});
