import { describe, expect, it } from 'vitest';
import { type StatsEntry, statsRow } from './stats-row';

const figures = {
  id: '65f56e90c1a79ed6d614e449aa17ace9ed0cb89a014e95c99a2f11ed5750ff78',
  name: '/web',
  cpuPercent: 0.125,
  memoryUsage: 454_656,
  memoryLimit: 67_108_864,
  memoryPercent: 0.677490234375,
  networkRx: 1116,
  networkTx: 0,
  blockRead: 4_096_000,
  blockWrite: 1_234_567_890,
  pids: 3,
};

describe('statsRow (docker stats cells)', () => {
  it('writes the figures as docker does: percentages to two places, binary memory, decimal I/O', () => {
    expect(statsRow({ container: 'web', figures, invalid: false }, true)).toEqual({
      BlockIO: '4.1MB / 1.23GB',
      CPUPerc: '0.12%', // Go rounds the exact half to even
      Container: 'web',
      ID: '65f56e90c1a7',
      MemPerc: '0.68%',
      MemUsage: '444KiB / 64MiB',
      Name: 'web',
      NetIO: '1.12kB / 0B',
      PIDs: '3',
    });
  });

  it('keeps the whole id with --no-trunc', () => {
    expect(statsRow({ container: 'web', figures, invalid: false }, false).ID).toBe(figures.id);
  });

  it('shows -- for figures that went stale, keeping the name and id', () => {
    const entry: StatsEntry = { container: 'web', figures, invalid: true };
    expect(statsRow(entry, true)).toMatchObject({
      CPUPerc: '--',
      MemUsage: '-- / --',
      MemPerc: '--',
      NetIO: '--',
      BlockIO: '--',
      PIDs: '--',
      Name: 'web',
      ID: '65f56e90c1a7',
    });
  });

  it('shows a container that sent nothing yet as docker does: no name, zeros', () => {
    expect(statsRow({ container: 'abc', invalid: false }, true)).toMatchObject({
      Name: '--',
      ID: '',
      CPUPerc: '0.00%',
      MemUsage: '0B / 0B',
    });
  });
});
