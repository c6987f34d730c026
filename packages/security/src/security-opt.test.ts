import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeccompProfileError, SecurityError, SecurityOptError } from './errors';
import { parseSecurityOpts } from './security-opt';

const PROFILE =
  '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [ { "names": ["mkdir"], "action": "SCMP_ACT_ERRNO" } ]\n}\n';
const COMPACT = '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir"],"action":"SCMP_ACT_ERRNO"}]}';
const files: Record<string, string> = {
  '/p/deny-mkdir.json': PROFILE,
  'relative.json': '{}',
  '/p/broken.json': '{"defaultAction": ',
  '/p/list.json': '[]',
  '/p/empty.json': '',
};
const readFile = (path: string): string => {
  const text = files[path];
  if (text === undefined)
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  return text;
};

describe('parseSecurityOpts', () => {
  it.each([
    [['no-new-privileges'], ['no-new-privileges']],
    [['no-new-privileges=true'], ['no-new-privileges=true']],
    [['no-new-privileges:false'], ['no-new-privileges:false']],
    [['no-new-privileges=1'], ['no-new-privileges=1']],
    [['no-new-privileges=FALSE'], ['no-new-privileges=FALSE']],
    [['seccomp=unconfined'], ['seccomp=unconfined']],
    [['seccomp:unconfined'], ['seccomp:unconfined']],
    [['seccomp=builtin'], ['seccomp=builtin']],
    [['seccomp=/p/deny-mkdir.json'], [`seccomp=${COMPACT}`]],
    [['seccomp:/p/deny-mkdir.json'], [`seccomp=${COMPACT}`]],
    [['seccomp=relative.json'], ['seccomp={}']],
    [['apparmor=docker-default'], ['apparmor=docker-default']],
    [['apparmor:unconfined'], ['apparmor:unconfined']],
    [['label=user:system_u'], ['label=user:system_u']],
    [['label=role:system_r'], ['label=role:system_r']],
    [['label=type:svirt_apache_t'], ['label=type:svirt_apache_t']],
    [['label=level:s0:c100,c200'], ['label=level:s0:c100,c200']],
    [['label=filetype:container_file_t'], ['label=filetype:container_file_t']],
    [['label=disable'], ['label=disable']],
    [['label:disable'], ['label:disable']],
    [['label:level:s0'], ['label:level:s0']],
    [
      ['no-new-privileges', 'label=user:U', 'apparmor=p'],
      ['no-new-privileges', 'label=user:U', 'apparmor=p'],
    ],
  ])('%j → SecurityOpt %j', (values, expected) => {
    expect(parseSecurityOpts(values, { readFile })).toEqual({ SecurityOpt: expected });
  });

  it('takes systempaths=unconfined out of SecurityOpt and unmasks /proc and /sys', () => {
    expect(parseSecurityOpts(['systempaths=unconfined'])).toEqual({
      SecurityOpt: [],
      MaskedPaths: [],
      ReadonlyPaths: [],
    });
    expect(parseSecurityOpts(['no-new-privileges', 'systempaths=unconfined', 'seccomp=unconfined'])).toEqual({
      SecurityOpt: ['no-new-privileges', 'seccomp=unconfined'],
      MaskedPaths: [],
      ReadonlyPaths: [],
    });
  });

  it.each([
    ['no-new-privileges=', 'invalid-no-new-privileges'],
    ['no-new-privileges:', 'invalid-no-new-privileges'],
    ['no-new-privileges=yes', 'invalid-no-new-privileges'],
    ['disable', 'invalid-security-opt-format'],
    ['label', 'invalid-security-opt-format'],
    ['', 'invalid-security-opt-format'],
    ['seccomp=', 'security-opt-missing-value'],
    ['apparmor=', 'security-opt-missing-value'],
    ['label:', 'security-opt-missing-value'],
    ['foo=bar', 'unknown-security-opt'],
    ['Seccomp=unconfined', 'unknown-security-opt'],
    ['seccomp:/p/with=equals.json', 'unknown-security-opt'],
    ['systempaths=foo', 'invalid-systempaths'],
    ['systempaths:unconfined', 'invalid-systempaths'],
    ['label=foo', 'invalid-label-option'],
    ['label=user', 'invalid-label-option'],
    ['label=shared:x', 'invalid-label-option'],
  ])('refuses %j (%s)', (opt, code) => {
    expect(() => parseSecurityOpts(['no-new-privileges', opt], { readFile })).toThrow(SecurityOptError);
    expect(() => parseSecurityOpts([opt], { readFile })).toThrow(expect.objectContaining({ code, input: opt }));
  });

  it.each([
    ['seccomp=/p/missing.json', 'seccomp-profile-unreadable', '/p/missing.json'],
    ['seccomp=/p/broken.json', 'seccomp-profile-invalid-json', '/p/broken.json'],
    ['seccomp=/p/empty.json', 'seccomp-profile-invalid-json', '/p/empty.json'],
    ['seccomp=/p/list.json', 'seccomp-profile-not-object', '/p/list.json'],
  ])('refuses %j (%s)', (opt, code, path) => {
    let error: unknown;
    try {
      parseSecurityOpts([opt], { readFile });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SeccompProfileError);
    expect(error).toMatchObject({ code, input: opt, path });
    expect((error as Error).message).toContain(path);
  });

  it('keeps the reader failure as the cause', () => {
    try {
      parseSecurityOpts(['seccomp=/p/missing.json'], { readFile });
    } catch (error) {
      expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
    }
    expect.assertions(1);
  });

  it('refuses a profile file when no reader is given (the parser does no I/O)', () => {
    expect(() => parseSecurityOpts(['seccomp=/p/deny-mkdir.json'])).toThrow(
      expect.objectContaining({ code: 'seccomp-profile-no-reader', input: 'seccomp=/p/deny-mkdir.json' }),
    );
  });

  it('returns options or throws a SecurityError naming one of them, for any list', () => {
    const opt = fc.oneof(
      fc.string(),
      fc
        .tuple(
          fc.constantFrom('no-new-privileges', 'seccomp', 'apparmor', 'label', 'systempaths', 'x'),
          fc.constantFrom('=', ':', ''),
          fc.oneof(fc.string(), fc.constantFrom('true', 'unconfined', 'disable', 'user:u', '/p/deny-mkdir.json')),
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(opt, { maxLength: 5 }), (values) => {
        try {
          const { SecurityOpt } = parseSecurityOpts(values, { readFile });
          return SecurityOpt.length <= values.length;
        } catch (error) {
          return error instanceof SecurityError && values.includes(error.input);
        }
      }),
    );
  });
});
