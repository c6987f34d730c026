import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockIo, cpuPercent, memoryPercent, memoryUsage, networkIo, type StatsSample, statsFigures } from './stats';

const reading = (total: number, system: number, online?: number, percpu?: number[]) => ({
  cpu_usage: { total_usage: total, ...(percpu ? { percpu_usage: percpu } : {}) },
  system_cpu_usage: system,
  ...(online === undefined ? {} : { online_cpus: online }),
});

describe('cpuPercent (docker: cpu delta / system delta × online CPUs × 100)', () => {
  it.each([
    ['a quarter of two CPUs', reading(0, 0), reading(250, 1000, 2), 50],
    ['one busy CPU of four', reading(1000, 10_000), reading(2000, 14_000, 4), 100],
    ['online CPUs missing: the per-CPU list counts', reading(0, 0), reading(100, 1000, undefined, [1, 2]), 20],
    ['no system delta', reading(0, 1000), reading(100, 1000, 2), 0],
    ['no CPU used', reading(100, 0), reading(100, 1000, 2), 0],
    ['a counter that went back (a restart)', reading(500, 0), reading(100, 1000, 2), 0],
    ['no earlier reading: since the counters began', undefined, reading(30, 3000, 2), 2],
  ])('%s', (_name, previous, current, expected) => {
    expect(cpuPercent(previous, current)).toBeCloseTo(expected, 10);
  });

  it('is never negative, and never above online CPUs × 100 while the container used no more than the system', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 256 }), (cpu, system, extra, online) => {
        const value = cpuPercent(reading(0, 0), reading(cpu, cpu + system + extra, online));
        return value >= 0 && value <= online * 100 + 1e-9;
      }),
    );
  });
});

describe('memoryUsage (usage less the inactive page cache)', () => {
  it.each([
    ['cgroup v1: total_inactive_file', { usage: 10_000, stats: { total_inactive_file: 4000, inactive_file: 1 } }, 6000],
    ['cgroup v2: inactive_file', { usage: 10_000, stats: { inactive_file: 3000 } }, 7000],
    [
      'v1 cache not below usage: v2 key tried',
      { usage: 100, stats: { total_inactive_file: 200, inactive_file: 50 } },
      50,
    ],
    ['cache not below usage: usage as it is', { usage: 100, stats: { inactive_file: 100 } }, 100],
    ['no stats (a stopped container)', {}, 0],
  ])('%s', (_name, memory, expected) => {
    expect(memoryUsage(memory)).toBe(expected);
  });

  it('memoryPercent is 0 while the limit is unknown', () => {
    expect(memoryPercent(1024, 0)).toBe(0);
    expect(memoryPercent(16, 64)).toBe(25);
  });
});

describe('block and network I/O', () => {
  it('sums the Read and Write rows of every device by their first letter', () => {
    const rows = [
      { op: 'Read', value: 4096 },
      { op: 'Write', value: 100 },
      { op: 'read', value: 4 },
      { op: 'Sync', value: 9999 },
      { op: '', value: 7 },
      { op: 'Write', value: 1 },
    ];
    expect(blockIo({ io_service_bytes_recursive: rows })).toEqual({ read: 4100, write: 101 });
    expect(blockIo({ io_service_bytes_recursive: null })).toEqual({ read: 0, write: 0 });
  });

  it('sums every interface', () => {
    expect(networkIo({ eth0: { rx_bytes: 266, tx_bytes: 0 }, eth1: { rx_bytes: 34, tx_bytes: 10 } })).toEqual({
      rx: 300,
      tx: 10,
    });
    expect(networkIo(undefined)).toEqual({ rx: 0, tx: 0 });
  });
});

describe('statsFigures', () => {
  // a one-shot document from a Docker 20.10 engine on cgroup v1, trimmed
  const sample: StatsSample = {
    id: '65f56e90c1a79ed6d614e449aa17ace9ed0cb89a014e95c99a2f11ed5750ff78',
    name: '/h7probe',
    pids_stats: { current: 1 },
    blkio_stats: { io_service_bytes_recursive: [] },
    cpu_stats: reading(29_605_732, 1_816_480_000_000, 2, [572_965, 29_032_767]),
    precpu_stats: { cpu_usage: { total_usage: 0 } },
    memory_stats: { usage: 454_656, stats: { total_inactive_file: 0, inactive_file: 0 }, limit: 67_108_864 },
    networks: { eth0: { rx_bytes: 266, tx_bytes: 0 } },
  };

  it('reads a document with its own precpu_stats', () => {
    expect(statsFigures(sample)).toEqual({
      id: sample.id,
      name: '/h7probe',
      cpuPercent: (29_605_732 / 1_816_480_000_000) * 2 * 100,
      memoryUsage: 454_656,
      memoryLimit: 67_108_864,
      memoryPercent: (454_656 / 67_108_864) * 100,
      networkRx: 266,
      networkTx: 0,
      blockRead: 0,
      blockWrite: 0,
      pids: 1,
    });
  });

  it('takes an earlier one-shot reading over precpu_stats', () => {
    const earlier = reading(29_000_000, 1_816_478_000_000);
    expect(statsFigures(sample, earlier).cpuPercent).toBeCloseTo((605_732 / 2_000_000) * 2 * 100, 9);
  });

  it('reads the empty document of a stopped container as zeros', () => {
    const stopped = { id: 'abc', name: '/down', cpu_stats: { cpu_usage: { total_usage: 0 } }, memory_stats: {} };
    expect(statsFigures(stopped)).toMatchObject({ cpuPercent: 0, memoryUsage: 0, memoryLimit: 0, pids: 0 });
  });
});
