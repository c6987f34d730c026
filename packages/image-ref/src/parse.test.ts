import { describe, expect, it } from 'vitest';
import { ImageReferenceError, type ImageReferenceErrorCode, parseReference } from './index';

const sha256 = `sha256:${'f'.repeat(64)}`;
const sha384 = `sha384:${'0a'.repeat(48)}`;
const sha512 = `sha512:${'0123456789abcdef'.repeat(8)}`;

/** Input, then the domain, path, tag and digest `parseReference` finds in it (the strict form: no defaults). */
const valid: [string, string, string, (string | undefined)?, string?][] = [
  ['ubuntu', '', 'ubuntu'],
  ['test_com', '', 'test_com'],
  ['test.com:tag', '', 'test.com', 'tag'],
  // Without a slash there is no domain, so `:5000` is a tag.
  ['test.com:5000', '', 'test.com', '5000'],
  ['test.com/repo:tag', 'test.com', 'repo', 'tag'],
  ['test:5000/repo', 'test:5000', 'repo'],
  ['test:5000/repo:tag', 'test:5000', 'repo', 'tag'],
  [`test:5000/repo@${sha256}`, 'test:5000', 'repo', undefined, sha256],
  [`test:5000/repo:tag@${sha256}`, 'test:5000', 'repo', 'tag', sha256],
  ['lowercase:Uppercase', '', 'lowercase', 'Uppercase'],
  // A first component that is a valid host name is the domain, even without a dot.
  ['library/ubuntu', 'library', 'ubuntu'],
  ['fooo/bar', 'fooo', 'bar'],
  [`${'a/'.repeat(127)}a:tag-puts-this-over-max`, 'a', `${'a/'.repeat(126)}a`, 'tag-puts-this-over-max'],
  ['aa/aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb', 'aa', 'aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb'],
  // An underscore cannot be in a host name, so these first components are path components.
  ['do__cker/docker', '', 'do__cker/docker'],
  ['foo_bar.com:8080', '', 'foo_bar.com', '8080'],
  ['foo/foo_bar.com:8080', 'foo', 'foo_bar.com', '8080'],
  ['foo_bar.com/x', '', 'foo_bar.com/x'],
  ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'bar/baz/quux'],
  ['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com', 'bar/baz/quux', 'some-long-tag'],
  ['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io', 'test.example.com/my-app', 'test.example.com'],
  ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com', 'myimage', 'xn--n3h.com'],
  [`xn--7o8h.com/myimage:xn--7o8h.com@${sha256}`, 'xn--7o8h.com', 'myimage', 'xn--7o8h.com', sha256],
  ['192.168.1.1', '', '192.168.1.1'],
  ['192.168.1.1:tag', '', '192.168.1.1', 'tag'],
  ['192.168.1.1:5000', '', '192.168.1.1', '5000'],
  ['192.168.1.1/repo', '192.168.1.1', 'repo'],
  ['192.168.1.1:5000/repo', '192.168.1.1:5000', 'repo'],
  ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000', 'repo', '5050'],
  ['127.0.0.1:5000/private/moonbase', '127.0.0.1:5000', 'private/moonbase'],
  // Like docker, the port is any run of digits: its range is the registry's business.
  ['192.168.1.1:750050/repo', '192.168.1.1:750050', 'repo'],
  ['[2001:db8::1]/repo', '[2001:db8::1]', 'repo'],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', 'repo', 'tag'],
  ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'repo'],
  ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000', 'repo', 'tag'],
  [`[2001:db8::1]:5000/repo@${sha256}`, '[2001:db8::1]:5000', 'repo', undefined, sha256],
  [`[2001:db8::1]:5000/repo:tag@${sha256}`, '[2001:db8::1]:5000', 'repo', 'tag', sha256],
  ['[2001:db8::]:5000/repo', '[2001:db8::]:5000', 'repo'],
  ['[::1]:5000/repo', '[::1]:5000', 'repo'],
  ['[2001:0DB8:85A3:0000:0000:8A2E:0370:7334]/repo', '[2001:0DB8:85A3:0000:0000:8A2E:0370:7334]', 'repo'],
  [`example.com/${'a'.repeat(255)}:tag`, 'example.com', 'a'.repeat(255), 'tag'],
  ['localhost', '', 'localhost'],
  ['localhost:8080', '', 'localhost', '8080'],
  [`localhost:8080/name@${sha256}`, 'localhost:8080', 'name', undefined, sha256],
  [`localhost@${sha256}`, '', 'localhost', undefined, sha256],
  ['localhost/fooo/bar', 'localhost', 'fooo/bar'],
  [
    'registry.io/foo/project--id.module--name.ver---sion--name',
    'registry.io',
    'foo/project--id.module--name.ver---sion--name',
  ],
  ['Asdf.com/foo/bar', 'Asdf.com', 'foo/bar'],
  ['example.com/some_separator__underscore/myimage', 'example.com', 'some_separator__underscore/myimage'],
  ['docker.io/library/ubuntu', 'docker.io', 'library/ubuntu'],
  // The strict parse adds nothing: no `library/`, no default domain.
  ['docker.io/ubuntu', 'docker.io', 'ubuntu'],
  [`busybox@${sha384}`, '', 'busybox', undefined, sha384],
  [`busybox@${sha512}`, '', 'busybox', undefined, sha512],
  [`busybox:${'t'.repeat(128)}`, '', 'busybox', 't'.repeat(128)],
  ['busybox:_underscore', '', 'busybox', '_underscore'],
  ['busybox:0', '', 'busybox', '0'],
  ['busybox:Tag_with.dots-and-DASHES', '', 'busybox', 'Tag_with.dots-and-DASHES'],
  ['a', '', 'a'],
  ['a-----b', '', 'a-----b'],
  [`${'a'.repeat(64)}`, '', 'a'.repeat(64)],
];

/** Input and the code `parseReference` refuses it with. */
const invalid: [string, ImageReferenceErrorCode][] = [
  ['', 'name-empty'],
  [':justtag', 'invalid-format'],
  [`@${sha256}`, 'invalid-format'],
  [`repo@sha256:${'f'.repeat(34)}`, 'digest-invalid-format'],
  [`validname@invaliddigest:${'f'.repeat(64)}`, 'digest-invalid-format'],
  [`validname@sha512:${'f'.repeat(64)}`, 'digest-invalid-format'],
  [`validname@sha256:${'F'.repeat(64)}`, 'digest-invalid-format'],
  [`validname@SHA256:${'f'.repeat(64)}`, 'digest-invalid-format'],
  ['Uppercase:tag', 'name-contains-uppercase'],
  ['test:5000/Uppercase/lowercase:tag', 'name-contains-uppercase'],
  ['Foo/FarB', 'name-contains-uppercase'],
  ['ÄBC', 'invalid-format'],
  [`domain/${'a'.repeat(256)}:tag`, 'name-too-long'],
  ['aa/asdf$$^/aa', 'invalid-format'],
  ['a^a', 'invalid-format'],
  ['[2001:db8::1]', 'invalid-format'],
  ['[2001:db8::1]:5000', 'invalid-format'],
  ['[2001:db8::1]:tag', 'invalid-format'],
  ['[fe80::1%eth0]:5000/repo', 'invalid-format'],
  ['[fe80::1%@invalidzone]:5000/repo', 'invalid-format'],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', 'invalid-format'],
  ['[fd00:1:2::3]75050/repo', 'invalid-format'],
  ['[fd00:1:2::3]::75050/repo', 'invalid-format'],
  ['fc00::1:5000/debian', 'invalid-format'],
  ['registry.com:8080/myapp@sha256:badbadbadbad', 'invalid-format'],
  ['registry.com:8080/myapp:invalid~tag', 'invalid-format'],
  ['bad_hostname.com:8080/myapp:tag', 'invalid-format'],
  [`localhost:http/name@${sha256}`, 'invalid-format'],
  ['registry.com:8080/myapp@bad', 'invalid-format'],
  ['registry.com:8080/myapp@2bad', 'invalid-format'],
  ['test.com:http/bar', 'invalid-format'],
  ['do__cker:8080/docker', 'invalid-format'],
  ['a/a/a/a/', 'invalid-format'],
  ['a//a/a', 'invalid-format'],
  ['foo.com/', 'invalid-format'],
  ['/foo', 'invalid-format'],
  ['a-/a/a/a', 'invalid-format'],
  ['foo.com/a-/a/a', 'invalid-format'],
  ['-foo/bar', 'invalid-format'],
  ['foo/bar-', 'invalid-format'],
  ['foo-/bar', 'invalid-format'],
  ['foo/-bar', 'invalid-format'],
  ['_foo/bar', 'invalid-format'],
  ['____/____', 'invalid-format'],
  ['docker_/docker_', 'invalid-format'],
  ['example.com/__underscore/myimage', 'invalid-format'],
  ['example.com/..dots/myimage', 'invalid-format'],
  ['example.com/.dots/myimage', 'invalid-format'],
  ['example.com/nodouble..dots/myimage', 'invalid-format'],
  ['docker./docker', 'invalid-format'],
  ['.docker/docker', 'invalid-format'],
  ['dock_.er/docker', 'invalid-format'],
  ['dock-.er/docker', 'invalid-format'],
  ['dock___er/docker', 'invalid-format'],
  ['https://github.com/docker/docker', 'invalid-format'],
  ['foo:', 'invalid-format'],
  ['foo@', 'invalid-format'],
  [`foo:${'t'.repeat(129)}`, 'invalid-format'],
  ['foo:.tag', 'invalid-format'],
  ['foo:-tag', 'invalid-format'],
  ['foo:bar:baz', 'invalid-format'],
  ['foo/bar:tag/x', 'invalid-format'],
  [`foo@${sha256}@${sha256}`, 'invalid-format'],
  [`foo@sha256:${'g'.repeat(64)}`, 'invalid-format'],
  ['a b', 'invalid-format'],
  [' foo', 'invalid-format'],
  ['foo\n', 'invalid-format'],
];

describe('parseReference', () => {
  it.each(valid)('reads %j', (input, domain, path, tag, digest) => {
    const reference = parseReference(input);
    expect({ domain: reference.domain, path: reference.path, tag: reference.tag, digest: reference.digest }).toEqual({
      domain,
      path,
      tag,
      digest,
    });
    expect(reference.name).toBe(domain === '' ? path : `${domain}/${path}`);
    expect(String(reference)).toBe(input);
  });

  it.each(invalid)('refuses %j with %s', (input, code) => {
    const error = catchError(() => parseReference(input));
    expect(error).toBeInstanceOf(ImageReferenceError);
    expect(error).toMatchObject({ code, input });
    expect(error.message).toContain(JSON.stringify(input));
  });
});

function catchError(run: () => unknown): ImageReferenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImageReferenceError) return error;
    throw error;
  }
  throw new Error('expected an ImageReferenceError, but nothing was thrown');
}
