export { checkBlkioWeight, parseBlkioWeight } from './blkio';
export { parseThrottleBpsDevice, parseThrottleIopsDevice, parseWeightDevice } from './blkio-devices';
export {
  checkCpuPeriod,
  checkCpuQuota,
  checkCpuShares,
  checkNanoCpus,
  cpusInNanos,
  MAX_CPU_QUOTA,
  MAX_CPU_SHARES,
  MIN_CPU_SHARES,
  MIN_NANO_CPUS,
  parseCpuPeriod,
  parseCpuQuota,
  parseCpuShares,
  parseCpus,
} from './cpu';
export { type CpusetTarget, cpusetMembers, MAX_CPUSET_MEMBER, parseCpusetCpus, parseCpusetMems } from './cpuset';
export { type CdiDevice, isCdiDeviceName, isDeviceMode, parseDevice, parseDeviceCgroupRule } from './device';
export { ResourceError, type ResourceErrorCode, type ValueSource } from './errors';
export { checkFit, type FitFinding, type FitReport, type FitSeverity } from './fit';
export type { HostFacts } from './host';
export {
  MIN_MEMORY_BYTES,
  parseKernelMemory,
  parseMemory,
  parseMemoryReservation,
  parseMemorySwap,
  parseMemorySwappiness,
  parseOomKillDisable,
  parseOomScoreAdj,
  parseShmSize,
} from './memory';
export { MAX_PIDS_LIMIT, parsePidsLimit } from './pids';
export {
  parseResources,
  RESOURCE_FLAGS,
  type ResourceConfig,
  type ResourceField,
  type ResourceFlags,
  type ResourceOptions,
  validateResources,
} from './resources';
export { parseBytes } from './size';
export {
  blockIo,
  type CpuReading,
  cpuPercent,
  memoryPercent,
  memoryUsage,
  networkIo,
  type StatsFigures,
  type StatsSample,
  statsFigures,
} from './stats';
export { parseUlimit, parseUlimits, ULIMIT_NAMES, type UlimitName } from './ulimit';
export { parseUpdateFlags, type UpdateFlags, type UpdateResources } from './update';
