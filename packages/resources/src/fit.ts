import { cpusetMembers } from './cpuset';
import type { HostFacts } from './host';
import { RESOURCE_FLAGS, type ResourceConfig, type ResourceField } from './resources';

/**
 * `refused`: docker refuses the container on this host. `ineffective`: docker accepts it, but the limit can
 * never bind on this host (ch.6.1.1: a memory limit above the host's memory acts as no limit without swap).
 */
export type FitSeverity = 'refused' | 'ineffective';

export interface FitFinding {
  field: ResourceField;
  flag: string;
  severity: FitSeverity;
  /** What the container asks for, and what the host has, in the field's unit (bytes, CPUs, CPU or node number). */
  requested: number;
  available: number;
  reason: string;
}

export interface FitReport {
  /** True when no finding was made: every limit is one this host can enforce. */
  fits: boolean;
  findings: FitFinding[];
}

/**
 * ch.6.1: "can the software run under the proposed limit, and can the system support it?" — answers the second
 * question for a container's resource fields on a host described by `host`. Pure: the facts come from the caller.
 */
export function checkFit(config: ResourceConfig, host: HostFacts): FitReport {
  const findings: FitFinding[] = [];
  const add = (field: ResourceField, severity: FitSeverity, requested: number, available: number, reason: string) =>
    findings.push({ field, flag: RESOURCE_FLAGS[field], severity, requested, available, reason });

  for (const field of ['Memory', 'MemoryReservation'] as const) {
    const bytes = config[field] ?? 0;
    if (bytes > host.memoryBytes) {
      add(field, 'ineffective', bytes, host.memoryBytes, 'more than the host’s memory: the limit can never bind');
    }
  }
  const cpus = (config.NanoCpus ?? 0) / 1e9;
  if (cpus > host.cpuCount) {
    add('NanoCpus', 'refused', cpus, host.cpuCount, 'more CPUs than the host has: the daemon refuses the container');
  }
  const period = config.CpuPeriod || 100_000;
  const quota = config.CpuQuota ?? 0;
  if (quota > 0 && quota / period > host.cpuCount) {
    add('CpuQuota', 'ineffective', quota / period, host.cpuCount, 'a quota above the host’s CPUs can never bind');
  }
  const unavailableCpu = cpusetMembers(config.CpusetCpus ?? '', { flag: '--cpuset-cpus' }).find(
    (cpu) => cpu >= host.cpuCount,
  );
  if (unavailableCpu !== undefined) {
    add('CpusetCpus', 'refused', unavailableCpu, host.cpuCount - 1, 'the host has no such CPU: the daemon refuses');
  }
  const nodes = host.memoryNodes ?? 1;
  const unavailableNode = cpusetMembers(config.CpusetMems ?? '', { flag: '--cpuset-mems' }).find(
    (node) => node >= nodes,
  );
  if (unavailableNode !== undefined) {
    add('CpusetMems', 'refused', unavailableNode, nodes - 1, 'the host has no such memory node: the daemon refuses');
  }
  return { fits: findings.length === 0, findings };
}
