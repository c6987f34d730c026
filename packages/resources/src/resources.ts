import type { DeviceMapping, HostConfig } from '@berth/types';
import { checkBlkioWeight, parseBlkioWeight } from './blkio';
import { parseThrottleBpsDevice, parseThrottleIopsDevice, parseWeightDevice } from './blkio-devices';
import {
  checkCpuPeriod,
  checkCpuQuota,
  checkCpuRelations,
  checkCpuShares,
  checkNanoCpus,
  parseCpuPeriod,
  parseCpuQuota,
  parseCpuShares,
  parseCpus,
} from './cpu';
import { cpusetMembers, parseCpusetCpus, parseCpusetMems } from './cpuset';
import { type CdiDevice, checkDeviceMapping, parseDevice, parseDeviceCgroupRule } from './device';
import { ResourceError, type ValueSource } from './errors';
import type { HostFacts } from './host';
import { parseIntegerFlag } from './integer-flag';
import {
  checkMemoryFloor,
  checkMemoryRelations,
  checkOomScoreAdj,
  checkSwappiness,
  parseKernelMemory,
  parseMemory,
  parseMemoryReservation,
  parseMemorySwap,
  parseMemorySwappiness,
  parseOomKillDisable,
  parseOomScoreAdj,
  parseShmSize,
} from './memory';
import { checkPidsLimit, parsePidsLimit } from './pids';
import { checkUlimit, parseUlimits } from './ulimit';

/** The HostConfig fields this package decides. */
export type ResourceConfig = Pick<
  HostConfig,
  | 'Memory'
  | 'MemoryReservation'
  | 'MemorySwap'
  | 'MemorySwappiness'
  | 'KernelMemory'
  | 'ShmSize'
  | 'OomKillDisable'
  | 'OomScoreAdj'
  | 'NanoCpus'
  | 'CpuShares'
  | 'CpuPeriod'
  | 'CpuQuota'
  | 'CpusetCpus'
  | 'CpusetMems'
  | 'Devices'
  | 'DeviceCgroupRules'
  | 'DeviceRequests'
  | 'BlkioWeight'
  | 'BlkioWeightDevice'
  | 'BlkioDeviceReadBps'
  | 'BlkioDeviceWriteBps'
  | 'BlkioDeviceReadIOps'
  | 'BlkioDeviceWriteIOps'
  | 'CpuRealtimePeriod'
  | 'CpuRealtimeRuntime'
  | 'CgroupParent'
  | 'PidsLimit'
  | 'Ulimits'
>;

export type ResourceField = keyof ResourceConfig;

/** The docker flag behind each field. */
export const RESOURCE_FLAGS: Record<ResourceField, string> = {
  Memory: '--memory',
  MemoryReservation: '--memory-reservation',
  MemorySwap: '--memory-swap',
  MemorySwappiness: '--memory-swappiness',
  KernelMemory: '--kernel-memory',
  ShmSize: '--shm-size',
  OomKillDisable: '--oom-kill-disable',
  OomScoreAdj: '--oom-score-adj',
  NanoCpus: '--cpus',
  CpuShares: '--cpu-shares',
  CpuPeriod: '--cpu-period',
  CpuQuota: '--cpu-quota',
  CpusetCpus: '--cpuset-cpus',
  CpusetMems: '--cpuset-mems',
  Devices: '--device',
  DeviceCgroupRules: '--device-cgroup-rule',
  DeviceRequests: '--device',
  BlkioWeight: '--blkio-weight',
  BlkioWeightDevice: '--blkio-weight-device',
  BlkioDeviceReadBps: '--device-read-bps',
  BlkioDeviceWriteBps: '--device-write-bps',
  BlkioDeviceReadIOps: '--device-read-iops',
  BlkioDeviceWriteIOps: '--device-write-iops',
  CpuRealtimePeriod: '--cpu-rt-period',
  CpuRealtimeRuntime: '--cpu-rt-runtime',
  CgroupParent: '--cgroup-parent',
  PidsLimit: '--pids-limit',
  Ulimits: '--ulimit',
};

/** The resource flags of `docker run`/`create`, as the strings on the command line (repeatable ones as lists). */
export interface ResourceFlags {
  memory?: string;
  memoryReservation?: string;
  memorySwap?: string;
  memorySwappiness?: string;
  kernelMemory?: string;
  shmSize?: string;
  /** `--oom-kill-disable` alone is `true`; `--oom-kill-disable=false` is the string. */
  oomKillDisable?: boolean | string;
  oomScoreAdj?: string;
  cpus?: string;
  cpuShares?: string;
  cpuPeriod?: string;
  cpuQuota?: string;
  cpusetCpus?: string;
  cpusetMems?: string;
  device?: readonly string[];
  deviceCgroupRule?: readonly string[];
  blkioWeight?: string;
  blkioWeightDevice?: readonly string[];
  deviceReadBps?: readonly string[];
  deviceWriteBps?: readonly string[];
  deviceReadIops?: readonly string[];
  deviceWriteIops?: readonly string[];
  cpuRtPeriod?: string;
  cpuRtRuntime?: string;
  cgroupParent?: string;
  pidsLimit?: string;
  ulimit?: readonly string[];
}

export interface ResourceOptions {
  /** When given, limits the host cannot satisfy are refused as the daemon would (CPU count, cpusets). */
  host?: Partial<HostFacts>;
}

type SourceOf = (field: ResourceField) => ValueSource;

function checkRelations(config: ResourceConfig, sourceOf: SourceOf): void {
  checkMemoryRelations(config, sourceOf);
  checkCpuRelations(config, sourceOf);
}

/**
 * The resource flags of one `docker run` → the HostConfig fields docker sends for them, with every check docker
 * makes (CLI and daemon) done here, plus the kernel's limits where docker only fails when the container starts.
 * Only the flags given appear in the result. Throws ResourceError naming the flag and the token.
 */
export function parseResources(flags: ResourceFlags, options: ResourceOptions = {}): ResourceConfig {
  const host = options.host ?? {};
  const config: ResourceConfig = {};
  const tokens: Partial<Record<ResourceField, string>> = {};
  const take = <K extends ResourceField>(
    field: K,
    token: string | undefined,
    parse: (token: string) => NonNullable<ResourceConfig[K]>,
  ) => {
    if (token === undefined) return;
    tokens[field] = token;
    config[field] = parse(token);
  };

  take('Memory', flags.memory, parseMemory);
  take('MemoryReservation', flags.memoryReservation, parseMemoryReservation);
  take('MemorySwap', flags.memorySwap, parseMemorySwap);
  take('MemorySwappiness', flags.memorySwappiness, parseMemorySwappiness);
  take('KernelMemory', flags.kernelMemory, parseKernelMemory);
  take('ShmSize', flags.shmSize, parseShmSize);
  if (flags.oomKillDisable !== undefined) config.OomKillDisable = parseOomKillDisable(flags.oomKillDisable);
  take('OomScoreAdj', flags.oomScoreAdj, parseOomScoreAdj);
  take('NanoCpus', flags.cpus, (token) => parseCpus(token, host.cpuCount));
  take('CpuShares', flags.cpuShares, parseCpuShares);
  take('CpuPeriod', flags.cpuPeriod, parseCpuPeriod);
  take('CpuQuota', flags.cpuQuota, parseCpuQuota);
  take('CpusetCpus', flags.cpusetCpus, (token) => parseCpusetCpus(token, host.cpuCount));
  take('CpusetMems', flags.cpusetMems, (token) => parseCpusetMems(token, host.memoryNodes));
  take('BlkioWeight', flags.blkioWeight, parseBlkioWeight);
  take('PidsLimit', flags.pidsLimit, parsePidsLimit);
  take('CpuRealtimePeriod', flags.cpuRtPeriod, (token) => parseIntegerFlag(token, '--cpu-rt-period'));
  take('CpuRealtimeRuntime', flags.cpuRtRuntime, (token) => parseIntegerFlag(token, '--cpu-rt-runtime'));
  if (flags.cgroupParent) config.CgroupParent = flags.cgroupParent;
  if (flags.blkioWeightDevice?.length) config.BlkioWeightDevice = flags.blkioWeightDevice.map(parseWeightDevice);
  const throttles = [
    ['BlkioDeviceReadBps', flags.deviceReadBps, '--device-read-bps', parseThrottleBpsDevice],
    ['BlkioDeviceWriteBps', flags.deviceWriteBps, '--device-write-bps', parseThrottleBpsDevice],
    ['BlkioDeviceReadIOps', flags.deviceReadIops, '--device-read-iops', parseThrottleIopsDevice],
    ['BlkioDeviceWriteIOps', flags.deviceWriteIops, '--device-write-iops', parseThrottleIopsDevice],
  ] as const;
  for (const [field, values, flag, parse] of throttles) {
    if (values?.length) config[field] = values.map((value) => parse(value, flag));
  }

  const devices = (flags.device ?? []).map(parseDevice);
  const mappings = devices.filter((device): device is DeviceMapping => !('cdi' in device));
  const cdi = devices.filter((device): device is CdiDevice => 'cdi' in device).map((device) => device.cdi);
  if (mappings.length > 0) config.Devices = mappings;
  if (cdi.length > 0) config.DeviceRequests = [{ Driver: 'cdi', DeviceIDs: cdi }];
  if (flags.deviceCgroupRule?.length) config.DeviceCgroupRules = flags.deviceCgroupRule.map(parseDeviceCgroupRule);
  if (flags.ulimit?.length) config.Ulimits = parseUlimits(flags.ulimit);

  checkRelations(config, (field) => ({ flag: RESOURCE_FLAGS[field], input: tokens[field] ?? String(config[field]) }));
  return config;
}

const INTEGER_FIELDS = [
  'Memory',
  'MemoryReservation',
  'MemorySwap',
  'MemorySwappiness',
  'KernelMemory',
  'ShmSize',
  'OomScoreAdj',
  'NanoCpus',
  'CpuShares',
  'CpuPeriod',
  'CpuQuota',
  'BlkioWeight',
  'PidsLimit',
] as const;

/**
 * Checks HostConfig resource fields built some other way (an API body, a compose file) against the same rules as
 * parseResources; errors name the field's docker flag and its value.
 */
export function validateResources(config: ResourceConfig, options: ResourceOptions = {}): void {
  const host = options.host ?? {};
  const sourceOf: SourceOf = (field) => ({ flag: RESOURCE_FLAGS[field], input: JSON.stringify(config[field]) });
  for (const field of INTEGER_FIELDS) {
    const value = config[field];
    if (value !== undefined && value !== null && !Number.isSafeInteger(value)) {
      throw new ResourceError('invalid-integer', sourceOf(field), 'expected a whole number');
    }
  }
  for (const field of ['Memory', 'MemoryReservation', 'KernelMemory'] as const) {
    checkMemoryFloor(config[field] ?? 0, sourceOf(field));
  }
  if ((config.ShmSize ?? 0) < 0)
    throw new ResourceError('shm-size-out-of-range', sourceOf('ShmSize'), 'cannot be negative');
  if (config.MemorySwap !== undefined && config.MemorySwap < -1) {
    throw new ResourceError('invalid-size', sourceOf('MemorySwap'), 'expected bytes, or -1 for unlimited swap');
  }
  checkSwappiness(config.MemorySwappiness ?? -1, sourceOf('MemorySwappiness'));
  checkOomScoreAdj(config.OomScoreAdj ?? 0, sourceOf('OomScoreAdj'));
  checkNanoCpus(config.NanoCpus ?? 0, sourceOf('NanoCpus'), host.cpuCount);
  checkCpuShares(config.CpuShares ?? 0, sourceOf('CpuShares'));
  checkCpuPeriod(config.CpuPeriod ?? 0, sourceOf('CpuPeriod'));
  checkCpuQuota(config.CpuQuota ?? 0, sourceOf('CpuQuota'));
  cpusetMembers(config.CpusetCpus ?? '', { flag: '--cpuset-cpus', available: host.cpuCount });
  cpusetMembers(config.CpusetMems ?? '', { flag: '--cpuset-mems', available: host.memoryNodes });
  checkBlkioWeight(config.BlkioWeight ?? 0, sourceOf('BlkioWeight'));
  checkPidsLimit(config.PidsLimit ?? 0, sourceOf('PidsLimit'));
  for (const device of config.Devices ?? []) {
    // errors name the value in the --device form a user would have written
    const input = `${device.PathOnHost}:${device.PathInContainer}:${device.CgroupPermissions}`;
    checkDeviceMapping(device, { flag: '--device', input });
  }
  for (const rule of config.DeviceCgroupRules ?? []) parseDeviceCgroupRule(rule);
  for (const ulimit of config.Ulimits ?? []) {
    const source = { flag: '--ulimit', input: `${ulimit.Name}=${ulimit.Soft}:${ulimit.Hard}` };
    if (!Number.isSafeInteger(ulimit.Soft) || !Number.isSafeInteger(ulimit.Hard)) {
      throw new ResourceError('invalid-ulimit', source, 'limits are whole numbers');
    }
    checkUlimit(ulimit.Name, BigInt(ulimit.Soft), BigInt(ulimit.Hard), source);
  }
  checkRelations(config, sourceOf);
}
