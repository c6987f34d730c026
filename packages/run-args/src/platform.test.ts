import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { RunArgsError } from './errors';
import { formatPlatform, hostPlatform, type Platform, parsePlatform } from './platform';

const linuxAmd64: Platform = { os: 'linux', arch: 'amd64' };
const macArm64: Platform = { os: 'darwin', arch: 'arm64' };
const piV6: Platform = { os: 'linux', arch: 'arm', variant: 'v6' };

describe('parsePlatform', () => {
  // what the docker CLI sends as the create request's `platform` for each `--platform`, on the host given
  it.each([
    ['linux/amd64', linuxAmd64, 'linux/amd64'],
    ['LINUX/X86_64', linuxAmd64, 'linux/amd64'],
    ['linux/x86-64', linuxAmd64, 'linux/amd64'],
    ['linux/amd64/v1', linuxAmd64, 'linux/amd64'],
    ['linux/amd64/v3', linuxAmd64, 'linux/amd64/v3'],
    ['linux/aarch64', linuxAmd64, 'linux/arm64'],
    ['linux/arm64/v8', linuxAmd64, 'linux/arm64/v8'],
    ['linux/arm64/8', linuxAmd64, 'linux/arm64/v8'],
    ['linux/aarch64/v9', linuxAmd64, 'linux/arm64/v9'],
    ['linux/arm', linuxAmd64, 'linux/arm'],
    ['linux/arm/7', linuxAmd64, 'linux/arm/v7'],
    ['linux/arm/5', linuxAmd64, 'linux/arm/v5'],
    ['linux/arm/v6', linuxAmd64, 'linux/arm/v6'],
    ['linux/armhf', linuxAmd64, 'linux/arm'],
    ['linux/armel', linuxAmd64, 'linux/arm/v6'],
    ['linux/armhf/v5', linuxAmd64, 'linux/arm/v7'],
    ['linux/i386', linuxAmd64, 'linux/386'],
    ['linux/i386/x', linuxAmd64, 'linux/386'],
    ['linux/s390x', linuxAmd64, 'linux/s390x'],
    ['linux/anything', linuxAmd64, 'linux/anything'],
    ['macos/arm64', linuxAmd64, 'darwin/arm64'],
    ['windows(10.0.17763)/amd64', linuxAmd64, 'windows/amd64'],
    ['Windows/AMD64', linuxAmd64, 'windows/amd64'],
    // a lone operating system takes the host's architecture, a lone architecture the host's operating system
    ['linux', linuxAmd64, 'linux/amd64'],
    ['linux', macArm64, 'linux/arm64'],
    ['linux', piV6, 'linux/arm/v6'],
    ['windows', linuxAmd64, 'windows/amd64'],
    ['macos', linuxAmd64, 'darwin/amd64'],
    ['amd64', linuxAmd64, 'linux/amd64'],
    ['x86_64', macArm64, 'darwin/amd64'],
    ['aarch64', linuxAmd64, 'linux/arm64'],
    ['armhf', linuxAmd64, 'linux/arm'],
    ['i386', linuxAmd64, 'linux/386'],
    ['ppc64le', linuxAmd64, 'linux/ppc64le'],
  ])('reads %s on %o as %s', (value, host, sent) => {
    expect(formatPlatform(parsePlatform(value, host))).toBe(sent);
  });

  it.each([
    ['foo', '"foo": unknown operating system or architecture'],
    ['amd64(1)', '"amd64(1)": unknown operating system or architecture'],
    ['a b', '"a b" is an invalid OS component of "a b"'],
    ['linux(1+f)/amd64', '"linux(1+f)" is an invalid OS component of "linux(1+f)/amd64"'],
    ['/amd64', '"" is an invalid OS component of "/amd64"'],
    ['linux/', '"" is an invalid component of "linux/"'],
    ['linux/amd64/v1.0', '"v1.0" is an invalid component of "linux/amd64/v1.0"'],
    ['linux/*', '"linux/*": wildcards not yet supported'],
    ['a/b/c/d', '"a/b/c/d": cannot parse platform specifier'],
    ['a/b/c/d/e', '"d/e" is an invalid component of "a/b/c/d/e"'],
  ])('refuses %s as docker does', (value, message) => {
    const attempt = () => parsePlatform(value, linuxAmd64);
    expect(attempt).toThrow(RunArgsError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid-platform', input: value }));
  });

  it('returns a platform or throws its own error, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        try {
          expect(formatPlatform(parsePlatform(value, linuxAmd64))).toMatch(
            /^[a-z0-9_-]+\/[a-z0-9_-]+(\/[a-z0-9_-]+)?$/,
          );
        } catch (error) {
          expect(error).toBeInstanceOf(BerthError);
          expect(error).toMatchObject({ code: 'invalid-platform', input: value });
        }
      }),
    );
  });

  it('is stable: what it sends reads back as itself', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const specifier = fc.oneof(
      word,
      fc.tuple(word, word).map((parts) => parts.join('/')),
      fc.tuple(word, word, word).map((parts) => parts.join('/')),
      fc.constantFrom('linux/armhf', 'linux/aarch64/8', 'linux/arm/7', 'macos/x86_64', 'i386', 'armel'),
    );
    fc.assert(
      fc.property(specifier, (value) => {
        let sent: string;
        try {
          sent = formatPlatform(parsePlatform(value, piV6));
        } catch {
          return;
        }
        expect(formatPlatform(parsePlatform(sent, piV6))).toBe(sent);
      }),
    );
  });

  it("knows this machine's platform in Go's words", () => {
    const host = hostPlatform() as Platform;
    expect(host.os).toBe(process.platform === 'win32' ? 'windows' : process.platform);
    expect(host.arch).not.toBe('x64');
    expect(host.arch).not.toBe('ia32');
  });

  it('refuses a lone OS or architecture outside Node unless the client platform is given', () => {
    const saved = globalThis.process;
    vi.stubGlobal('process', undefined);
    try {
      expect(formatPlatform(parsePlatform('linux/arm64'))).toBe('linux/arm64');
      expect(() => parsePlatform('linux')).toThrow(
        expect.objectContaining({ code: 'unknown-host-platform', input: 'linux' }),
      );
      expect(formatPlatform(parsePlatform('linux', macArm64))).toBe('linux/arm64');
    } finally {
      vi.stubGlobal('process', saved);
    }
  });
});
