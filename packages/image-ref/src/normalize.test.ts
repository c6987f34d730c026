import { describe, expect, it } from 'vitest';
import {
  type ImageReferenceErrorCode,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedReference,
  parseQualifiedReference,
} from './index';
import { looksLikeDomain } from './normalize';

const hex = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';
const redisDigest = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
const busyboxDigest = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';

function refusal(code: ImageReferenceErrorCode, input: string) {
  return expect.objectContaining({ name: 'ImageReferenceError', code, input });
}

/** Input, then its full normalized form, domain, path and familiar form. */
const normalized: [string, string, string, string, string][] = [
  ['ubuntu', 'docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
  ['library/ubuntu', 'docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
  ['docker.io/library/ubuntu', 'docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
  ['index.docker.io/library/ubuntu', 'docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
  ['foo', 'docker.io/library/foo', 'docker.io', 'library/foo', 'foo'],
  ['docker.io/foo', 'docker.io/library/foo', 'docker.io', 'library/foo', 'foo'],
  ['index.docker.io/foo', 'docker.io/library/foo', 'docker.io', 'library/foo', 'foo'],
  ['fooo/bar', 'docker.io/fooo/bar', 'docker.io', 'fooo/bar', 'fooo/bar'],
  ['docker.io/fooo/bar', 'docker.io/fooo/bar', 'docker.io', 'fooo/bar', 'fooo/bar'],
  ['index.docker.io/fooo/bar:1', 'docker.io/fooo/bar:1', 'docker.io', 'fooo/bar', 'fooo/bar:1'],
  ['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', 'docker.io', 'nonlibrary/ubuntu', 'nonlibrary/ubuntu'],
  ['other/library', 'docker.io/other/library', 'docker.io', 'other/library', 'other/library'],
  // `library/` is only dropped when one component is left.
  ['library/foo/bar', 'docker.io/library/foo/bar', 'docker.io', 'library/foo/bar', 'library/foo/bar'],
  ['store/foo/bar', 'docker.io/store/foo/bar', 'docker.io', 'store/foo/bar', 'store/foo/bar'],
  [
    'ubuntu-12.04-base',
    'docker.io/library/ubuntu-12.04-base',
    'docker.io',
    'library/ubuntu-12.04-base',
    'ubuntu-12.04-base',
  ],
  ['test_com/foo', 'docker.io/test_com/foo', 'docker.io', 'test_com/foo', 'test_com/foo'],
  [
    'docker---rules/docker',
    'docker.io/docker---rules/docker',
    'docker.io',
    'docker---rules/docker',
    'docker---rules/docker',
  ],
  ['dock__er/docker', 'docker.io/dock__er/docker', 'docker.io', 'dock__er/docker', 'dock__er/docker'],
  ['d/docker', 'docker.io/d/docker', 'docker.io', 'd/docker', 'd/docker'],
  ['jess/t', 'docker.io/jess/t', 'docker.io', 'jess/t', 'jess/t'],
  // A domain is `localhost`, or has a `.` or a `:`, or an uppercase letter.
  ['localhost/fooo', 'localhost/fooo', 'localhost', 'fooo', 'localhost/fooo'],
  ['localhost/fooo/bar', 'localhost/fooo/bar', 'localhost', 'fooo/bar', 'localhost/fooo/bar'],
  ['localhost:5000/foo', 'localhost:5000/foo', 'localhost:5000', 'foo', 'localhost:5000/foo'],
  ['LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo', 'LOCALDOMAIN', 'fooo', 'LOCALDOMAIN/fooo'],
  ['LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN', 'fooo/bar', 'LOCALDOMAIN/fooo/bar'],
  ['Foo/bar', 'Foo/bar', 'Foo', 'bar', 'Foo/bar'],
  ['DOCKER/docker', 'DOCKER/docker', 'DOCKER', 'docker', 'DOCKER/docker'],
  // Only the lowercase legacy host is rewritten.
  ['INDEX.DOCKER.IO/foo', 'INDEX.DOCKER.IO/foo', 'INDEX.DOCKER.IO', 'foo', 'INDEX.DOCKER.IO/foo'],
  [
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000/private/moonbase',
    '127.0.0.1:8000',
    'private/moonbase',
    '127.0.0.1:8000/private/moonbase',
  ],
  [
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000/privatebase',
    '127.0.0.1:8000',
    'privatebase',
    '127.0.0.1:8000/privatebase',
  ],
  [
    'example.com/private/moonbase',
    'example.com/private/moonbase',
    'example.com',
    'private/moonbase',
    'example.com/private/moonbase',
  ],
  [
    'example.com:8000/privatebasee',
    'example.com:8000/privatebasee',
    'example.com:8000',
    'privatebasee',
    'example.com:8000/privatebasee',
  ],
  ['test-com:8080/foo', 'test-com:8080/foo', 'test-com:8080', 'foo', 'test-com:8080/foo'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo', 'xn--n3h.com:18080/foo'],
  ['192.168.0.1:8/debian', '192.168.0.1:8/debian', '192.168.0.1:8', 'debian', '192.168.0.1:8/debian'],
  ['[fc00::1]:5000/docker', '[fc00::1]:5000/docker', '[fc00::1]:5000', 'docker', '[fc00::1]:5000/docker'],
  [
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    '[fc00:1:2:3:4:5:6:7]:5000',
    'library/debian',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
  ],
  // Without a slash there is no domain: these are official images with a tag.
  ['192.168.0.1', 'docker.io/library/192.168.0.1', 'docker.io', 'library/192.168.0.1', '192.168.0.1'],
  ['192.168.0.1:80', 'docker.io/library/192.168.0.1:80', 'docker.io', 'library/192.168.0.1', '192.168.0.1:80'],
  ['localhost', 'docker.io/library/localhost', 'docker.io', 'library/localhost', 'localhost'],
  ['localhost:5000', 'docker.io/library/localhost:5000', 'docker.io', 'library/localhost', 'localhost:5000'],
  ['sha256:abc', 'docker.io/library/sha256:abc', 'docker.io', 'library/sha256', 'sha256:abc'],
  // A 64-hex name is refused, but not with a domain in front, nor with another length.
  [`docker.io/${hex}`, `docker.io/library/${hex}`, 'docker.io', `library/${hex}`, hex],
  [hex.slice(1), `docker.io/library/${hex.slice(1)}`, 'docker.io', `library/${hex.slice(1)}`, hex.slice(1)],
  ['dbcc1', 'docker.io/library/dbcc1', 'docker.io', 'library/dbcc1', 'dbcc1'],
  [
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker.io',
    'library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
  ],
  [
    `redis@${redisDigest}`,
    `docker.io/library/redis@${redisDigest}`,
    'docker.io',
    'library/redis',
    `redis@${redisDigest}`,
  ],
  [
    `busybox:latest@${busyboxDigest}`,
    `docker.io/library/busybox:latest@${busyboxDigest}`,
    'docker.io',
    'library/busybox',
    `busybox:latest@${busyboxDigest}`,
  ],
  [
    `dmcgowan/myapp@${redisDigest}`,
    `docker.io/dmcgowan/myapp@${redisDigest}`,
    'docker.io',
    'dmcgowan/myapp',
    `dmcgowan/myapp@${redisDigest}`,
  ],
  ['ubuntu:Tag', 'docker.io/library/ubuntu:Tag', 'docker.io', 'library/ubuntu', 'ubuntu:Tag'],
  // The 255 limit is on the path, `library/` included.
  ['a'.repeat(247), `docker.io/library/${'a'.repeat(247)}`, 'docker.io', `library/${'a'.repeat(247)}`, 'a'.repeat(247)],
  // As in docker: `foo_bar.com` looks like a domain but is not a valid one, so it stays the first path component.
  ['foo_bar.com/x', 'foo_bar.com/x', '', 'foo_bar.com/x', 'foo_bar.com/x'],
];

const refusedNormalized: [string, ImageReferenceErrorCode][] = [
  ['', 'name-empty'],
  [hex, 'hex-id-as-name'],
  ['https://github.com/docker/docker', 'invalid-format'],
  ['docker/Docker', 'name-contains-uppercase'],
  ['docker.io/docker/Docker', 'name-contains-uppercase'],
  ['UPPER', 'name-contains-uppercase'],
  ['Uppercase:tag', 'name-contains-uppercase'],
  // The name is checked up to the first colon, which here is the digest's.
  [`foo@SHA256:${'f'.repeat(64)}`, 'name-contains-uppercase'],
  // `Foo_bar` has an uppercase letter, so it is a domain; an invalid one, and a path cannot be uppercase.
  ['Foo_bar/x', 'name-contains-uppercase'],
  ['-docker', 'invalid-format'],
  ['-docker/docker', 'invalid-format'],
  ['-docker.io/docker/docker', 'invalid-format'],
  ['docker-/docker', 'invalid-format'],
  ['-docker-/docker', 'invalid-format'],
  ['docker///docker', 'invalid-format'],
  ['docker.io/docker///docker', 'invalid-format'],
  ['____/____', 'invalid-format'],
  ['_docker/_docker', 'invalid-format'],
  ['dock..er/docker', 'invalid-format'],
  ['dock_.er/docker', 'invalid-format'],
  ['dock-.er/docker', 'invalid-format'],
  ['docker/', 'invalid-format'],
  [':tag', 'invalid-format'],
  ['[fc00::1]', 'invalid-format'],
  ['[fc00::1]:5000', 'invalid-format'],
  ['fc00::1:5000/debian', 'invalid-format'],
  ['[fe80::1%eth0]:5000/debian', 'invalid-format'],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', 'invalid-format'],
  ['a'.repeat(248), 'name-too-long'],
  [
    'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker',
    'name-too-long',
  ],
  [`busybox@sha256:${'f'.repeat(63)}`, 'digest-invalid-format'],
  [`busybox@md5:${'f'.repeat(32)}`, 'digest-invalid-format'],
];

describe('looksLikeDomain', () => {
  it.each([
    ['localhost', true, true, true],
    ['quay.io', true, true, true],
    ['host:5000', true, true, true],
    ['[::1]', true, true, true],
    ['Foo', false, true, false],
    ['[abc]', false, false, true],
    ['dockerinaction', false, false, false],
  ])('%j: plain %s, with uppercase %s, with brackets %s', (component, plain, uppercase, brackets) => {
    expect(looksLikeDomain(component)).toBe(plain);
    expect(looksLikeDomain(component, { uppercase: true })).toBe(uppercase);
    expect(looksLikeDomain(component, { brackets: true })).toBe(brackets);
  });
});

describe('parseNormalizedReference', () => {
  it.each(normalized)('reads %j as %s', (input, full, domain, path, familiar) => {
    const reference = parseNormalizedReference(input);
    expect(String(reference)).toBe(full);
    expect(reference.domain).toBe(domain);
    expect(reference.path).toBe(path);
    expect(reference.familiarString()).toBe(familiar);
  });

  it.each(refusedNormalized)('refuses %j with %s', (input, code) => {
    expect(() => parseNormalizedReference(input)).toThrow(refusal(code, input));
  });

  it('names the offending part and the rule in its messages', () => {
    expect(() => parseNormalizedReference('UPPER')).toThrow(
      'invalid image reference "UPPER": repository name "library/UPPER" must be lowercase',
    );
    expect(() => parseNormalizedReference(hex)).toThrow(/is an image ID, not a repository name/);
    expect(() => parseNormalizedReference('a'.repeat(248))).toThrow(/256 characters long; at most 255/);
    expect(() => parseNormalizedReference(`busybox@sha256:${'f'.repeat(63)}`)).toThrow(/64 hex digits, not 63/);
    expect(() => parseNormalizedReference(`busybox@md5:${'f'.repeat(32)}`)).toThrow(/"md5" is not supported/);
  });
});

describe('parseQualifiedReference', () => {
  it.each([
    ['test.com/foo', 'test.com', 'foo'],
    ['test:8080/foo', 'test:8080', 'foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    [`docker.io/library/foo:1@${redisDigest}`, 'docker.io', 'library/foo'],
  ])('accepts the full form %j', (input, domain, path) => {
    expect(parseQualifiedReference(input)).toMatchObject({ domain, path });
  });

  it.each(['test_com/foo', 'test.com', 'foo', 'library/foo', 'docker.io/foo', 'index.docker.io/library/foo'])(
    'refuses the short form %j',
    (input) => {
      expect(() => parseQualifiedReference(input)).toThrow(refusal('name-not-canonical', input));
      expect(() => parseQualifiedReference(input)).toThrow(String(parseNormalizedReference(input)));
    },
  );
});

describe('parseDockerRef', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:latest', 'docker.io/library/busybox:latest'],
    [`busybox@${busyboxDigest}`, `docker.io/library/busybox@${busyboxDigest}`],
    ['library/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/library/busybox', 'docker.io/library/busybox:latest'],
    ['docker.io/busybox:latest', 'docker.io/library/busybox:latest'],
    ['library/busybox:latest', 'docker.io/library/busybox:latest'],
    ['docker.io/library/busybox:latest', 'docker.io/library/busybox:latest'],
    ['gcr.io/library/busybox', 'gcr.io/library/busybox:latest'],
    [`gcr.io/library/busybox:latest@${busyboxDigest}`, `gcr.io/library/busybox@${busyboxDigest}`],
  ])('pulls %j as %s', (input, expected) => {
    const reference = parseDockerRef(input);
    expect(String(reference)).toBe(expected);
    expect(String(parseDockerRef(expected))).toBe(expected);
  });

  it('refuses what the normalized parse refuses', () => {
    expect(() => parseDockerRef(hex)).toThrow(refusal('hex-id-as-name', hex));
  });
});

describe('parseAnyReference', () => {
  it.each([
    ['redis', 'docker.io/library/redis'],
    ['redis:latest', 'docker.io/library/redis:latest'],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
    [`redis@${redisDigest}`, `docker.io/library/redis@${redisDigest}`],
    [`docker.io/library/redis@${redisDigest}`, `docker.io/library/redis@${redisDigest}`],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp'],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
    ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest'],
    [`dmcgowan/myapp@${redisDigest}`, `docker.io/dmcgowan/myapp@${redisDigest}`],
    [
      'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
      'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
    ],
    ['dbcc1', 'docker.io/library/dbcc1'],
  ])('reads the name %j as %s', (input, expected) => {
    const reference = parseAnyReference(input);
    expect(reference.kind).toBe('named');
    expect(String(reference)).toBe(expected);
  });

  it.each([
    [redisDigest.slice('sha256:'.length), redisDigest],
    [redisDigest, redisDigest],
    [`sha384:${'ab'.repeat(48)}`, `sha384:${'ab'.repeat(48)}`],
    [`sha512:${'cd'.repeat(64)}`, `sha512:${'cd'.repeat(64)}`],
  ])('reads the ID or digest %j as a digest reference', (input, digest) => {
    const reference = parseAnyReference(input);
    expect(reference).toMatchObject({ kind: 'digest', digest });
    expect(String(reference)).toBe(digest);
    expect(reference.familiarString()).toBe(digest);
    expect(JSON.stringify({ image: reference })).toBe(JSON.stringify({ image: digest }));
  });

  it('refuses what is neither a digest nor a name', () => {
    expect(() => parseAnyReference('')).toThrow(refusal('name-empty', ''));
    expect(() => parseAnyReference(`SHA256:${'f'.repeat(64)}`)).toThrow(
      refusal('name-contains-uppercase', `SHA256:${'f'.repeat(64)}`),
    );
    // A digest with uppercase hex is not a digest, but a valid tag of the official image `sha256`.
    expect(String(parseAnyReference(`sha256:${'F'.repeat(64)}`))).toBe(`docker.io/library/sha256:${'F'.repeat(64)}`);
  });
});
