import { cpusInNanos } from './cpu';
import { parseIntegerFlag, parseUnsignedFlag } from './integer-flag';
import type { ResourceConfig } from './resources';
import { parseBytes } from './size';

/** The resource flags of `docker update`, as the strings on the command line. */
export interface UpdateFlags {
  blkioWeight?: string;
  cpuPeriod?: string;
  cpuQuota?: string;
  cpuRtPeriod?: string;
  cpuRtRuntime?: string;
  cpusetCpus?: string;
  cpusetMems?: string;
  cpuShares?: string;
  cpus?: string;
  memory?: string;
  memoryReservation?: string;
  memorySwap?: string;
  kernelMemory?: string;
  pidsLimit?: string;
}

/** The fields `POST /containers/{id}/update` takes from those flags. */
export type UpdateResources = Pick<
  ResourceConfig,
  | 'BlkioWeight'
  | 'CpuPeriod'
  | 'CpuQuota'
  | 'CpuRealtimePeriod'
  | 'CpuRealtimeRuntime'
  | 'CpusetCpus'
  | 'CpusetMems'
  | 'CpuShares'
  | 'NanoCpus'
  | 'Memory'
  | 'MemoryReservation'
  | 'MemorySwap'
  | 'KernelMemory'
  | 'PidsLimit'
>;

function memorySwap(value: string): number {
  // go-units refuses any other negative size; -1 is unlimited swap
  return value === '-1' ? -1 : parseBytes(value, '--memory-swap');
}

/**
 * `docker update`'s flags → the update request's resources, with only the CLI's own rules (sizes, integer widths,
 * at most nine decimals of CPUs). The ranges and relations are left to the daemon, which judges them against the
 * container's current limits (a new --memory above its --memory-swap, say) and refuses in its own words. Zero means
 * unchanged to the daemon, so a flag given as 0 is left out, as the Go client's zero values are; so is a
 * --pids-limit of 0. Throws ResourceError naming the flag and the token.
 */
export function parseUpdateFlags(flags: UpdateFlags): UpdateResources {
  const resources: UpdateResources = {};
  const take = <K extends keyof UpdateResources>(
    field: K,
    token: string | undefined,
    parse: (token: string) => NonNullable<UpdateResources[K]>,
  ) => {
    if (token === undefined) return;
    const value = parse(token);
    if (value !== 0 && value !== '') resources[field] = value;
  };
  take('BlkioWeight', flags.blkioWeight, (token) => parseUnsignedFlag(token, '--blkio-weight', 16));
  take('CpuPeriod', flags.cpuPeriod, (token) => parseIntegerFlag(token, '--cpu-period'));
  take('CpuQuota', flags.cpuQuota, (token) => parseIntegerFlag(token, '--cpu-quota'));
  take('CpuRealtimePeriod', flags.cpuRtPeriod, (token) => parseIntegerFlag(token, '--cpu-rt-period'));
  take('CpuRealtimeRuntime', flags.cpuRtRuntime, (token) => parseIntegerFlag(token, '--cpu-rt-runtime'));
  take('CpusetCpus', flags.cpusetCpus, (token) => token);
  take('CpusetMems', flags.cpusetMems, (token) => token);
  take('CpuShares', flags.cpuShares, (token) => parseIntegerFlag(token, '--cpu-shares'));
  take('NanoCpus', flags.cpus, cpusInNanos);
  take('Memory', flags.memory, (token) => parseBytes(token, '--memory'));
  take('MemoryReservation', flags.memoryReservation, (token) => parseBytes(token, '--memory-reservation'));
  take('MemorySwap', flags.memorySwap, memorySwap);
  take('KernelMemory', flags.kernelMemory, (token) => parseBytes(token, '--kernel-memory'));
  take('PidsLimit', flags.pidsLimit, (token) => parseIntegerFlag(token, '--pids-limit'));
  return resources;
}
