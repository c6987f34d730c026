import { describe, expect, it } from 'vitest';
import { parseReference } from './index';

describe('messages for references that do not fit the grammar', () => {
  it.each([
    [':tag', 'the repository name is missing'],
    ['a//b', 'path components must not be empty'],
    ['foo/', 'path components must not be empty'],
    ['foo/-bar', 'path component "-bar" must be lowercase letters and digits'],
    ['foo bar', 'path component "foo bar" must be lowercase letters and digits'],
    ['[fe80::1%eth0]:5000/repo', 'domain "[fe80::1%eth0]:5000" must be a host name or a bracketed IPv6 address'],
    ['bad_host.com:8080/app', 'domain "bad_host.com:8080" must be a host name'],
    ['app:-tag', 'tag "-tag" must be 1 to 128 letters, digits'],
    ['app@sha256:abc', 'digest "sha256:abc" must be ALGORITHM:HEX with at least 32 hex digits'],
    ['app@x@y', 'digest "x@y" must be ALGORITHM:HEX'],
  ])('%j: %s', (input, rule) => {
    expect(() => parseReference(input)).toThrow(`invalid image reference ${JSON.stringify(input)}: ${rule}`);
  });
});
