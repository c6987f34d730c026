import { describe, expect, it } from 'vitest';
import { checkFit } from './fit';
import { parseResources } from './resources';

const host = { memoryBytes: 2 * 1024 ** 3, cpuCount: 2 };

describe('checkFit', () => {
  it('passes limits the host can enforce', () => {
    expect(checkFit(parseResources({ memory: '256m', cpus: '0.75', cpusetCpus: '0' }), host)).toEqual({
      fits: true,
      findings: [],
    });
    expect(checkFit({}, host).fits).toBe(true);
  });

  it('flags a memory limit above the host’s memory as ineffective (ch.6.1.1: allowed, acts as no limit)', () => {
    const report = checkFit(parseResources({ memory: '4g', memoryReservation: '3g' }), host);
    expect(report.fits).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({ field: 'Memory', flag: '--memory', severity: 'ineffective', requested: 4 * 1024 ** 3 }),
      expect.objectContaining({ field: 'MemoryReservation', severity: 'ineffective', available: host.memoryBytes }),
    ]);
  });

  it('flags more CPUs than the host has as refused', () => {
    expect(checkFit(parseResources({ cpus: '3' }), host).findings).toEqual([
      expect.objectContaining({ field: 'NanoCpus', severity: 'refused', requested: 3, available: 2 }),
    ]);
  });

  it('flags a CFS quota above the host’s CPUs as ineffective', () => {
    expect(checkFit(parseResources({ cpuQuota: '300000' }), host).findings).toEqual([
      expect.objectContaining({ field: 'CpuQuota', severity: 'ineffective', requested: 3, available: 2 }),
    ]);
    expect(checkFit(parseResources({ cpuQuota: '300000', cpuPeriod: '200000' }), host).fits).toBe(true);
  });

  it('flags cpusets naming CPUs or nodes the host lacks as refused', () => {
    const report = checkFit(parseResources({ cpusetCpus: '0,3', cpusetMems: '0-1' }), host);
    expect(report.findings).toEqual([
      expect.objectContaining({ field: 'CpusetCpus', severity: 'refused', requested: 3, available: 1 }),
      expect.objectContaining({ field: 'CpusetMems', severity: 'refused', requested: 1, available: 0 }),
    ]);
  });
});
