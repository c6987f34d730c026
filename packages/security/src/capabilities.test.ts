import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capabilityMask,
  DEFAULT_CAPABILITIES,
  effectiveCapabilities,
  knownCapabilities,
  LINUX_CAPABILITIES,
  normalizeCapability,
  parseCapabilities,
} from './capabilities';
import { CapabilityError, SecurityError } from './errors';

describe('normalizeCapability', () => {
  it.each([
    ['net_raw', 'CAP_NET_RAW'],
    ['NET_RAW', 'CAP_NET_RAW'],
    ['cap_net_raw', 'CAP_NET_RAW'],
    ['Cap_Sys_Admin', 'CAP_SYS_ADMIN'],
    ['CAP_CHOWN', 'CAP_CHOWN'],
    ['all', 'ALL'],
    ['ALL', 'ALL'],
    ['aLl', 'ALL'],
    ['audit_read', 'CAP_AUDIT_READ'],
  ])('%s → %s', (value, expected) => {
    expect(normalizeCapability(value)).toBe(expected);
  });

  it.each([
    ['foo', 'unknown-capability'],
    ['', 'unknown-capability'],
    ['net_raw ', 'unknown-capability'],
    [' net_raw', 'unknown-capability'],
    ['cap_all', 'unknown-capability'],
    ['CAP_', 'unknown-capability'],
    ['net-raw', 'unknown-capability'],
    ['bpf', 'capability-needs-newer-engine'],
    ['cap_perfmon', 'capability-needs-newer-engine'],
    ['CHECKPOINT_RESTORE', 'capability-needs-newer-engine'],
  ])('refuses %j (%s)', (value, code) => {
    const error = (() => {
      try {
        normalizeCapability(value);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CapabilityError);
    expect(error).toMatchObject({ code, input: value });
    expect((error as Error).message).toContain(JSON.stringify(value).slice(1, -1));
  });

  it('knows CAP_BPF, CAP_PERFMON and CAP_CHECKPOINT_RESTORE from API 1.42', () => {
    expect(normalizeCapability('bpf', { apiVersion: '1.42' })).toBe('CAP_BPF');
    expect(normalizeCapability('perfmon', { apiVersion: '1.47' })).toBe('CAP_PERFMON');
    expect(normalizeCapability('checkpoint_restore', { apiVersion: '1.42' })).toBe('CAP_CHECKPOINT_RESTORE');
  });
});

describe('parseCapabilities', () => {
  it.each([
    [[], undefined],
    [['net_raw'], ['CAP_NET_RAW']],
    [
      ['setuid', 'chown', 'SETUID'],
      ['CAP_CHOWN', 'CAP_SETUID'],
    ],
    [['Net_Admin', 'cap_net_admin', 'NET_ADMIN'], ['CAP_NET_ADMIN']],
    [
      ['all', 'sys_time'],
      ['ALL', 'CAP_SYS_TIME'],
    ],
  ] as const)('%j → %j', (values, expected) => {
    expect(parseCapabilities(values)).toEqual(expected);
  });

  it('names the bad value of a list', () => {
    expect(() => parseCapabilities(['chown', 'nope'])).toThrow(expect.objectContaining({ input: 'nope' }));
  });

  it('returns a sorted, duplicate-free canonical list or throws a CapabilityError, for any list', () => {
    const names = LINUX_CAPABILITIES.map((c) => c.name as string);
    const value = fc.oneof(
      fc.constantFrom(...names, 'all'),
      fc.constantFrom(...names).map((name) => name.slice(4).toLowerCase()),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(value), (values) => {
        try {
          const result = parseCapabilities(values);
          if (values.length === 0) return result === undefined;
          expect(result).toEqual([...new Set(result)].sort());
          for (const name of result ?? []) expect(name === 'ALL' || names.includes(name)).toBe(true);
          return true;
        } catch (error) {
          return error instanceof CapabilityError && error instanceof SecurityError;
        }
      }),
    );
  });
});

describe('knownCapabilities', () => {
  it('is 38 capabilities (up to CAP_AUDIT_READ) on API 1.41 and all 41 from 1.42', () => {
    expect(knownCapabilities()).toHaveLength(38);
    expect(knownCapabilities().at(-1)?.name).toBe('CAP_AUDIT_READ');
    expect(knownCapabilities({ apiVersion: '1.42' })).toHaveLength(41);
  });

  it('numbers every Linux capability by its bit', () => {
    expect(LINUX_CAPABILITIES.find((c) => c.name === 'CAP_NET_RAW')?.bit).toBe(13);
    expect(LINUX_CAPABILITIES.find((c) => c.name === 'CAP_SYS_ADMIN')?.bit).toBe(21);
    expect(LINUX_CAPABILITIES.at(-1)).toEqual({ name: 'CAP_CHECKPOINT_RESTORE', bit: 40 });
  });
});

describe('effectiveCapabilities and capabilityMask', () => {
  it('gives the default set the kernel shows as CapEff 00000000a80425fb', () => {
    expect(capabilityMask(effectiveCapabilities({}))).toBe(0xa80425fbn);
    expect(capabilityMask(DEFAULT_CAPABILITIES)).toBe(0xa80425fbn);
  });

  it.each([
    [{ CapDrop: ['CAP_NET_RAW'] }, 0xa80405fbn],
    [{ CapAdd: ['CAP_SYS_ADMIN'] }, 0xa82425fbn],
    [{ CapDrop: ['ALL'], CapAdd: ['CAP_CHOWN'] }, 0x1n],
    [{ CapDrop: ['ALL'] }, 0n],
    [{ CapAdd: ['ALL'], CapDrop: ['CAP_SYS_ADMIN'] }, 0x3fffdfffffn],
    [{ CapAdd: ['ALL'] }, 0x3fffffffffn],
    [{ Privileged: true, CapDrop: ['ALL'] }, 0x3fffffffffn],
    [{ CapAdd: ['net_admin'], CapDrop: ['net_admin'] }, 0xa80435fbn],
  ])('%j → %s', (hostConfig, mask) => {
    expect(capabilityMask(effectiveCapabilities(hostConfig))).toBe(mask);
  });

  it('counts every Linux capability for a privileged container on API 1.42', () => {
    expect(effectiveCapabilities({ Privileged: true }, { apiVersion: '1.43' })).toHaveLength(41);
    expect(capabilityMask(['ALL'])).toBe((1n << 41n) - 1n);
  });
});
