import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecurityError } from './errors';
import { parseSecurityFlags, type SecurityFlags } from './security-flags';

describe('parseSecurityFlags', () => {
  it('turns the book’s hardened run (ch. 6.3–6.6) into the create-request fields', () => {
    expect(
      parseSecurityFlags({
        user: 'nobody',
        capDrop: ['net_raw'],
        securityOpt: ['no-new-privileges'],
        ipc: 'container:producer',
        sysctl: ['kernel.msgmax=8192'],
      }),
    ).toEqual({
      User: 'nobody',
      HostConfig: {
        CapDrop: ['CAP_NET_RAW'],
        SecurityOpt: ['no-new-privileges'],
        IpcMode: 'container:producer',
        Sysctls: { 'kernel.msgmax': '8192' },
      },
    });
  });

  it('leaves out what was not given', () => {
    expect(parseSecurityFlags({})).toEqual({ HostConfig: {} });
    expect(parseSecurityFlags({ capAdd: [], securityOpt: [], sysctl: [], groupAdd: [] })).toEqual({ HostConfig: {} });
  });

  it('sends every namespace mode and privileged as given', () => {
    expect(
      parseSecurityFlags({
        privileged: true,
        pid: 'host',
        uts: 'host',
        userns: 'host',
        cgroupns: 'private',
        ipc: '',
        groupAdd: ['wheel'],
        capAdd: ['sys_admin', 'ALL'],
      }).HostConfig,
    ).toEqual({
      Privileged: true,
      PidMode: 'host',
      UTSMode: 'host',
      UsernsMode: 'host',
      CgroupnsMode: 'private',
      IpcMode: '',
      GroupAdd: ['wheel'],
      CapAdd: ['ALL', 'CAP_SYS_ADMIN'],
    });
  });

  it('applies the sysctl rules of the given IPC and network modes', () => {
    expect(() => parseSecurityFlags({ ipc: 'host', sysctl: ['kernel.shmmax=1'] })).toThrow(
      expect.objectContaining({ code: 'sysctl-in-host-ipc-namespace' }),
    );
    expect(() => parseSecurityFlags({ sysctl: ['net.ipv4.ip_forward=1'] }, { networkMode: 'host' })).toThrow(
      expect.objectContaining({ code: 'sysctl-in-host-network-namespace' }),
    );
  });

  it('passes the API version and the file reader down', () => {
    expect(parseSecurityFlags({ capAdd: ['bpf'] }, { apiVersion: '1.43' }).HostConfig.CapAdd).toEqual(['CAP_BPF']);
    expect(
      parseSecurityFlags(
        { securityOpt: ['seccomp=/p.json'] },
        { readFile: () => '{ "defaultAction": "SCMP_ACT_ALLOW" }' },
      ).HostConfig.SecurityOpt,
    ).toEqual(['seccomp={"defaultAction":"SCMP_ACT_ALLOW"}']);
  });

  it('returns a fragment or throws a SecurityError naming one of the given tokens, for any flags', () => {
    const token = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'host',
        'private',
        'none',
        'nobody',
        '0:0',
        'net_raw',
        'all',
        'no-new-privileges',
        'label=disable',
      ),
    );
    const tokens = fc.array(token, { maxLength: 3 });
    const flags: fc.Arbitrary<SecurityFlags> = fc.record(
      {
        user: token,
        groupAdd: tokens,
        capAdd: tokens,
        capDrop: tokens,
        privileged: fc.boolean(),
        securityOpt: tokens,
        ipc: token,
        pid: token,
        uts: token,
        userns: token,
        cgroupns: token,
        sysctl: tokens,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(flags, (given) => {
        const all = Object.values(given).flatMap((value) => (Array.isArray(value) ? value : [String(value)]));
        try {
          const fragment = parseSecurityFlags(given);
          return (given.user === undefined) === !('User' in fragment);
        } catch (error) {
          return error instanceof SecurityError && all.includes(error.input);
        }
      }),
    );
  });
});
