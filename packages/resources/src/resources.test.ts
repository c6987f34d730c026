import { describe, expect, it } from 'vitest';
import { ResourceError } from './errors';
import { parseResources, validateResources } from './resources';

describe('parseResources', () => {
  it('turns the book’s ch.6 flags into HostConfig fields', () => {
    expect(parseResources({ memory: '256m', cpuShares: '1024' })).toEqual({ Memory: 268_435_456, CpuShares: 1024 });
    expect(parseResources({ memory: '512m', cpus: '0.75' })).toEqual({ Memory: 536_870_912, NanoCpus: 750_000_000 });
    expect(parseResources({ cpusetCpus: '0' })).toEqual({ CpusetCpus: '0' });
    expect(parseResources({ device: ['/dev/video0:/dev/video0'] })).toEqual({
      Devices: [{ PathOnHost: '/dev/video0', PathInContainer: '/dev/video0', CgroupPermissions: 'rwm' }],
    });
  });

  it('sets only the fields of the flags given', () => {
    expect(parseResources({})).toEqual({});
    expect(parseResources({ device: [], ulimit: [], deviceCgroupRule: [] })).toEqual({});
  });

  it('reads every flag', () => {
    expect(
      parseResources({
        memory: '1g',
        memoryReservation: '512m',
        memorySwap: '2g',
        memorySwappiness: '10',
        kernelMemory: '64m',
        shmSize: '128m',
        oomKillDisable: true,
        oomScoreAdj: '-500',
        cpuShares: '512',
        cpuPeriod: '50000',
        cpuQuota: '25000',
        cpusetCpus: '0-1',
        cpusetMems: '0',
        device: ['/dev/zero:/dev/z:r', 'vendor.com/gpu=0', 'vendor.com/gpu=1'],
        deviceCgroupRule: ['c 1:5 r'],
        blkioWeight: '300',
        pidsLimit: '100',
        ulimit: ['nofile=1024:2048', 'core=0'],
      }),
    ).toEqual({
      Memory: 1_073_741_824,
      MemoryReservation: 536_870_912,
      MemorySwap: 2_147_483_648,
      MemorySwappiness: 10,
      KernelMemory: 67_108_864,
      ShmSize: 134_217_728,
      OomKillDisable: true,
      OomScoreAdj: -500,
      CpuShares: 512,
      CpuPeriod: 50_000,
      CpuQuota: 25_000,
      CpusetCpus: '0-1',
      CpusetMems: '0',
      Devices: [{ PathOnHost: '/dev/zero', PathInContainer: '/dev/z', CgroupPermissions: 'r' }],
      DeviceRequests: [{ Driver: 'cdi', DeviceIDs: ['vendor.com/gpu=0', 'vendor.com/gpu=1'] }],
      DeviceCgroupRules: ['c 1:5 r'],
      BlkioWeight: 300,
      PidsLimit: 100,
      Ulimits: [
        { Name: 'core', Soft: 0, Hard: 0 },
        { Name: 'nofile', Soft: 1024, Hard: 2048 },
      ],
    });
  });

  it.each([
    [{ cpus: '1', cpuPeriod: '100000' }, 'cpus-conflict', '--cpus', '1'],
    [{ cpus: '0.5', cpuQuota: '50000' }, 'cpus-conflict', '--cpus', '0.5'],
    [{ memory: '10m', memorySwap: '5m' }, 'memory-swap-too-small', '--memory-swap', '5m'],
    [{ memorySwap: '100m' }, 'memory-swap-without-memory', '--memory-swap', '100m'],
    [{ memory: '50m', memoryReservation: '100m' }, 'memory-below-reservation', '--memory', '50m'],
  ])('refuses the daemon’s conflicts: %j', (flags, code, flag, input) => {
    const error = (() => {
      try {
        parseResources(flags);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ResourceError);
    expect(error).toMatchObject({ code, flag, input });
  });

  it.each([
    { cpus: '1', cpuQuota: '-1' },
    { cpus: '0', cpuPeriod: '1000' },
    { memory: '10m', memorySwap: '-1' },
    { memory: '10m', memorySwap: '0' },
    { memory: '10m', memorySwap: '10m' },
    { memorySwap: '-1' },
    { memoryReservation: '100m' },
  ])('accepts what the daemon accepts: %j', (flags) => {
    expect(() => parseResources(flags)).not.toThrow();
  });

  it('checks the host’s CPUs and memory nodes when told about them', () => {
    const host = { cpuCount: 2, memoryNodes: 1 };
    expect(parseResources({ cpus: '2', cpusetCpus: '0-1', cpusetMems: '0' }, { host })).toEqual({
      NanoCpus: 2e9,
      CpusetCpus: '0-1',
      CpusetMems: '0',
    });
    expect(() => parseResources({ cpus: '3' }, { host })).toThrow(
      expect.objectContaining({ code: 'cpus-out-of-range' }),
    );
    expect(() => parseResources({ cpusetCpus: '2' }, { host })).toThrow(
      expect.objectContaining({ code: 'cpuset-unavailable' }),
    );
    expect(() => parseResources({ cpusetMems: '1' }, { host })).toThrow(
      expect.objectContaining({ code: 'cpuset-unavailable', flag: '--cpuset-mems' }),
    );
  });
});

describe('validateResources', () => {
  it('accepts what parseResources produces', () => {
    const config = parseResources({ memory: '1g', cpus: '1.5', ulimit: ['nofile=10:20'], device: ['/dev/zero'] });
    expect(() => validateResources(config, { host: { cpuCount: 2 } })).not.toThrow();
  });

  it.each([
    [{ Memory: 1024 }, 'memory-too-small', '--memory', '1024'],
    [{ Memory: 1.5e7 + 0.5 }, 'invalid-integer', '--memory', '15000000.5'],
    [{ ShmSize: -1 }, 'shm-size-out-of-range', '--shm-size', '-1'],
    [{ MemorySwap: -2 }, 'invalid-size', '--memory-swap', '-2'],
    [{ MemorySwappiness: 101 }, 'swappiness-out-of-range', '--memory-swappiness', '101'],
    [{ OomScoreAdj: -1001 }, 'oom-score-adj-out-of-range', '--oom-score-adj', '-1001'],
    [{ NanoCpus: -1 }, 'cpus-out-of-range', '--cpus', '-1'],
    [{ NanoCpus: 3e9 }, 'cpus-out-of-range', '--cpus', '3000000000'],
    [{ CpuShares: 1 }, 'cpu-shares-out-of-range', '--cpu-shares', '1'],
    [{ CpuPeriod: 10 }, 'cpu-period-out-of-range', '--cpu-period', '10'],
    [{ CpuQuota: 10 }, 'cpu-quota-out-of-range', '--cpu-quota', '10'],
    [{ CpusetCpus: '5' }, 'cpuset-unavailable', '--cpuset-cpus', '5'],
    [{ BlkioWeight: 5 }, 'blkio-weight-out-of-range', '--blkio-weight', '5'],
    [{ PidsLimit: 5_000_000 }, 'pids-limit-out-of-range', '--pids-limit', '5000000'],
    [{ NanoCpus: 1e9, CpuQuota: 5000 }, 'cpus-conflict', '--cpus', '1000000000'],
    [{ Ulimits: [{ Name: 'nofile', Soft: 10, Hard: 5 }] }, 'ulimit-soft-above-hard', '--ulimit', 'nofile=10:5'],
    [{ DeviceCgroupRules: ['z'] }, 'invalid-device-cgroup-rule', '--device-cgroup-rule', 'z'],
    [
      { Devices: [{ PathOnHost: '/dev/zero', PathInContainer: 'z', CgroupPermissions: 'rwm' }] },
      'invalid-device',
      '--device',
      '/dev/zero:z:rwm',
    ],
  ])('refuses %j', (config, code, flag, input) => {
    expect(() => validateResources(config, { host: { cpuCount: 2 } })).toThrow(
      expect.objectContaining({ code, flag, input }),
    );
  });
});
