import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUpdateFlags, type UpdateFlags } from './update';

describe('parseUpdateFlags (docker update: the CLI rules only, ranges left to the daemon)', () => {
  it.each<[UpdateFlags, object]>([
    [{ memory: '256m' }, { Memory: 268_435_456 }],
    [{ memory: '4m' }, { Memory: 4_194_304 }], // the daemon refuses it: "Minimum memory limit allowed is 6MB"
    [
      { memoryReservation: '1g', memorySwap: '-1' },
      { MemoryReservation: 1_073_741_824, MemorySwap: -1 },
    ],
    [{ kernelMemory: '10m' }, { KernelMemory: 10_485_760 }],
    [{ cpus: '0.75' }, { NanoCpus: 750_000_000 }],
    [{ cpus: '-1' }, { NanoCpus: -1_000_000_000 }], // the daemon's range message
    [{ cpus: '3/4' }, { NanoCpus: 750_000_000 }],
    [
      { cpuShares: '512', cpuPeriod: '100000', cpuQuota: '50000' },
      { CpuShares: 512, CpuPeriod: 100_000, CpuQuota: 50_000 },
    ],
    [{ cpuShares: '1' }, { CpuShares: 1 }], // runc refuses it at update time
    [
      { cpusetCpus: '0-1', cpusetMems: '0' },
      { CpusetCpus: '0-1', CpusetMems: '0' },
    ],
    [{ cpusetCpus: 'x' }, { CpusetCpus: 'x' }], // the daemon: "Invalid value x for cpuset cpus"
    [{ blkioWeight: '5' }, { BlkioWeight: 5 }],
    [{ pidsLimit: '-1' }, { PidsLimit: -1 }],
    [{ pidsLimit: '100' }, { PidsLimit: 100 }],
    [
      { cpuRtPeriod: '1000', cpuRtRuntime: '950' },
      { CpuRealtimePeriod: 1000, CpuRealtimeRuntime: 950 },
    ],
    [{ memory: '0', cpus: '0', pidsLimit: '0', cpusetCpus: '' }, {}], // zero: unchanged, as docker sends it
  ])('%j → %j', (flags, expected) => {
    expect(parseUpdateFlags(flags)).toEqual(expected);
  });

  it.each<[UpdateFlags, string, string]>([
    [{ memory: 'abc' }, '--memory', 'invalid-size'],
    [{ memorySwap: '-2' }, '--memory-swap', 'invalid-size'],
    [{ cpus: 'abc' }, '--cpus', 'invalid-cpus'],
    [{ cpus: '0.0000000001' }, '--cpus', 'cpus-too-precise'],
    [{ blkioWeight: '70000' }, '--blkio-weight', 'integer-out-of-range'],
    [{ blkioWeight: '-1' }, '--blkio-weight', 'invalid-integer'],
    [{ cpuShares: '1.5' }, '--cpu-shares', 'invalid-integer'],
    [{ pidsLimit: '9223372036854775808' }, '--pids-limit', 'integer-out-of-range'],
  ])('%j is refused on %s: %s', (flags, flag, code) => {
    const input = Object.values(flags)[0];
    expect(() => parseUpdateFlags(flags)).toThrow(expect.objectContaining({ code, flag, input }));
  });

  it('keeps any int64 cpu-shares that JSON carries exactly, for the daemon to judge', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (shares) => {
        const parsed = parseUpdateFlags({ cpuShares: String(shares) });
        return shares === 0 ? parsed.CpuShares === undefined : parsed.CpuShares === shares;
      }),
    );
  });
});
