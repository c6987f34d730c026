import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SysctlError } from './errors';
import { parseSysctls } from './sysctl';

describe('parseSysctls', () => {
  it.each([
    [['net.ipv4.ip_forward=1'], { 'net.ipv4.ip_forward': '1' }],
    [['kernel.shmmax=1000000', 'kernel.msgmax=8192'], { 'kernel.shmmax': '1000000', 'kernel.msgmax': '8192' }],
    [['fs.mqueue.msg_max=20'], { 'fs.mqueue.msg_max': '20' }],
    [['net.core.somaxconn=1024', 'net.core.somaxconn=512'], { 'net.core.somaxconn': '512' }],
    [['net.ipv4.ip_forward='], { 'net.ipv4.ip_forward': '' }],
    [['net.ipv4.ip_forward=1=2'], { 'net.ipv4.ip_forward': '1=2' }],
    [['kernel.sem=250 32000 100 128'], { 'kernel.sem': '250 32000 100 128' }],
    [['kernel.shm_rmid_forced=1'], { 'kernel.shm_rmid_forced': '1' }],
  ])('%j → %j', (values, expected) => {
    expect(parseSysctls(values)).toEqual(expected);
  });

  it('allows IPC sysctls in any but the host IPC namespace, and net.* in any but the host network', () => {
    expect(parseSysctls(['kernel.shmmax=1'], { ipcMode: 'none', networkMode: 'host' })).toEqual({
      'kernel.shmmax': '1',
    });
    expect(parseSysctls(['net.ipv4.ip_forward=1'], { networkMode: 'none', ipcMode: 'host' })).toEqual({
      'net.ipv4.ip_forward': '1',
    });
    expect(parseSysctls(['fs.mqueue.msg_max=20'], { ipcMode: 'container:producer' })).toEqual({
      'fs.mqueue.msg_max': '20',
    });
  });

  it.each([
    ['vm.swappiness=1', {}, 'sysctl-not-namespaced'],
    ['kernel.domainname=x', {}, 'sysctl-not-namespaced'],
    ['kernel.hostname=x', {}, 'sysctl-not-namespaced'],
    ['net/ipv4/ip_forward=1', {}, 'sysctl-not-namespaced'],
    ['kernel.shm=1', {}, 'sysctl-not-namespaced'],
    ['net.ipv4.ip_forward', {}, 'invalid-sysctl-format'],
    ['=1', {}, 'invalid-sysctl-format'],
    ['', {}, 'invalid-sysctl-format'],
    ['kernel.shmmax=1', { ipcMode: 'host' }, 'sysctl-in-host-ipc-namespace'],
    ['fs.mqueue.queues_max=4', { ipcMode: 'host' }, 'sysctl-in-host-ipc-namespace'],
    ['net.ipv4.ip_forward=1', { networkMode: 'host' }, 'sysctl-in-host-network-namespace'],
  ])('refuses %j with %j (%s)', (entry, options, code) => {
    expect(() => parseSysctls(['net.core.somaxconn=1', entry], options)).toThrow(SysctlError);
    expect(() => parseSysctls([entry], options)).toThrow(expect.objectContaining({ code, input: entry }));
  });

  it('returns a map or throws a SysctlError naming one entry, for any list', () => {
    const entry = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.constantFrom('net.', 'kernel.shmmax', 'fs.mqueue.', 'vm.', ''), fc.string(), fc.string())
        .map(([prefix, rest, value]) => `${prefix}${rest}=${value}`),
    );
    const mode = fc.constantFrom(undefined, 'host', 'none', 'private');
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), mode, mode, (values, networkMode, ipcMode) => {
        try {
          const sysctls = parseSysctls(values, {
            ...(networkMode ? { networkMode } : {}),
            ...(ipcMode ? { ipcMode } : {}),
          });
          return Object.keys(sysctls).every((name) => values.some((value) => value.startsWith(`${name}=`)));
        } catch (error) {
          return error instanceof SysctlError && values.includes(error.input);
        }
      }),
    );
  });
});
