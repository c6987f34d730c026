import { comparableRequest, DockerCliRefusedError, overBaseline, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest, ContainerInspect } from '@berth/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResourceError } from './errors';
import { parseResources, RESOURCE_FLAGS, type ResourceConfig, type ResourceFlags } from './resources';

// Conformance with the docker CLI 28 on the same engine: the same flags through `docker create` and through
// parseResources + POST /containers/create must leave the same resource fields in inspect; whatever docker refuses,
// parseResources refuses with a ResourceError naming the token.

const kit = await useEngine();
const info = kit.available ? await kit.docker.info() : { NCPU: 2, MemTotal: 2 ** 31 };
const host = { cpuCount: info.NCPU as number, memoryBytes: info.MemTotal as number, memoryNodes: 1 };

const FLAG_OF: Record<keyof ResourceFlags, string> = {
  memory: '--memory',
  memoryReservation: '--memory-reservation',
  memorySwap: '--memory-swap',
  memorySwappiness: '--memory-swappiness',
  kernelMemory: '--kernel-memory',
  shmSize: '--shm-size',
  oomKillDisable: '--oom-kill-disable',
  oomScoreAdj: '--oom-score-adj',
  cpus: '--cpus',
  cpuShares: '--cpu-shares',
  cpuPeriod: '--cpu-period',
  cpuQuota: '--cpu-quota',
  cpusetCpus: '--cpuset-cpus',
  cpusetMems: '--cpuset-mems',
  device: '--device',
  deviceCgroupRule: '--device-cgroup-rule',
  blkioWeight: '--blkio-weight',
  blkioWeightDevice: '--blkio-weight-device',
  deviceReadBps: '--device-read-bps',
  deviceWriteBps: '--device-write-bps',
  deviceReadIops: '--device-read-iops',
  deviceWriteIops: '--device-write-iops',
  cpuRtPeriod: '--cpu-rt-period',
  cpuRtRuntime: '--cpu-rt-runtime',
  cgroupParent: '--cgroup-parent',
  pidsLimit: '--pids-limit',
  ulimit: '--ulimit',
};

/** The docker command line for the flags, every value attached with `=` so that `-1` and spaces survive. */
function cliArgs(flags: ResourceFlags): string[] {
  return Object.entries(flags).flatMap(([key, value]) => {
    const flag = FLAG_OF[key as keyof ResourceFlags];
    if (value === true) return [flag];
    return (Array.isArray(value) ? value : [value]).map((token) => `${flag}=${token}`);
  });
}

function tokens(flags: ResourceFlags): string[] {
  return Object.values(flags).flatMap((value) => (Array.isArray(value) ? value : [String(value)]));
}

/** The resource fields of an inspect; an empty list and null both mean "none" (the CLI always sends the lists). */
function resourceFields(inspect: ContainerInspect): Record<string, unknown> {
  const hostConfig = inspect.HostConfig as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(RESOURCE_FLAGS).map((field) => {
      const value = hostConfig[field];
      return [field, Array.isArray(value) && value.length === 0 ? null : value];
    }),
  );
}

async function createFromParser(config: ResourceConfig): Promise<ContainerInspect> {
  return kit.createViaApi({ Image: 'busybox:1.29', HostConfig: config });
}

async function cliRefusal(flags: ResourceFlags): Promise<DockerCliRefusedError> {
  const error = await kit.createViaCli([...cliArgs(flags), 'busybox:1.29']).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `docker accepted ${cliArgs(flags).join(' ')}`).toBeInstanceOf(DockerCliRefusedError);
  return error as DockerCliRefusedError;
}

function parserRefusal(flags: ResourceFlags): ResourceError {
  try {
    parseResources(flags, { host });
  } catch (error) {
    if (error instanceof ResourceError) return error;
    throw error;
  }
  throw new Error(`parseResources accepted ${JSON.stringify(flags)}`);
}

const ACCEPTED: ResourceFlags[] = [
  // block IO limits per device, realtime CPU and the cgroup parent
  { blkioWeightDevice: ['/dev/sda:300'] },
  { blkioWeightDevice: ['/dev/sda:0'] },
  { deviceReadBps: ['/dev/sda:1mb'], deviceWriteBps: ['/dev/sda:10k'] },
  { deviceReadIops: ['/dev/sda:1000'], deviceWriteIops: ['/dev/sdb:20'] },
  { cgroupParent: 'berth-test' },
  // ch.6.1.1 and the book's runs
  { memory: '256m', cpuShares: '1024' },
  { memory: '512m', cpuShares: '512' },
  { memory: '512m', cpus: '0.75' },
  { memory: '256m' },
  { memory: '1g' },
  { memory: '6m' },
  { memory: '1.5g' },
  { memory: '0.1g' },
  { memory: '512 MiB' },
  { memory: '64MB' },
  { memory: '1_0m' },
  { memory: '0x1p24' },
  { memory: '1e8' },
  { memory: '1G', memorySwap: '-1' },
  { memory: '10m', memorySwap: '10m' },
  { memory: '10m', memorySwap: '0' },
  { memory: '100m', memorySwap: '1g' },
  { memorySwap: '-1' },
  { memoryReservation: '100m' },
  { memory: '200m', memoryReservation: '100m' },
  { memorySwappiness: '0' },
  { memorySwappiness: '100' },
  { memorySwappiness: '-1' },
  { kernelMemory: '10m' },
  { shmSize: '128m' },
  { shmSize: '1' },
  { shmSize: '0' },
  { shmSize: '1\u212a' },
  { shmSize: '0x1p-1k' },
  { oomKillDisable: true },
  { oomKillDisable: 'false' },
  { oomKillDisable: 'T' },
  { oomScoreAdj: '-1000' },
  { oomScoreAdj: '1000' },
  { oomScoreAdj: '0x10' },
  // ch.6.1.2
  { cpus: '2' },
  { cpus: '0' },
  { cpus: '0.01' },
  { cpus: '.5' },
  { cpus: '3/4' },
  { cpus: '0x1.8' },
  { cpus: '0b1.1' },
  { cpus: '1p0' },
  { cpus: '01.5' },
  { cpus: '010/8' },
  { cpus: '1_0/10' },
  { cpus: '0.7_5' },
  { cpus: '7.5e-1' },
  { cpus: '0.123456789' },
  { cpuShares: '0x200' },
  { cpuShares: '010' },
  { cpuShares: '1_000' },
  { cpuShares: '2' },
  { cpuShares: '262144' },
  { cpuPeriod: '50000', cpuQuota: '25000' },
  { cpuPeriod: '1000000' },
  { cpuQuota: '-1' },
  { cpuQuota: '-5' },
  { cpus: '1', cpuQuota: '-1' },
  { cpus: '0', cpuPeriod: '1000' },
  { cpusetCpus: '0' },
  { cpusetCpus: '0-1' },
  { cpusetCpus: '0,1' },
  { cpusetCpus: '0-0,0' },
  { cpusetCpus: '01' },
  { cpusetCpus: '' },
  { cpusetMems: '0' },
  // ch.6.1.3
  { device: ['/dev/zero'] },
  { device: ['/dev/zero:/dev/z'] },
  { device: ['/dev/zero:/dev/z:r'] },
  { device: ['/dev/zero:rw'] },
  { device: ['/dev/../dev/zero/:/dev/z/'] },
  { device: ['/dev/null', '/dev/zero:/dev/z'] },
  { device: ['zero:/dev/z'] },
  { device: ['vendor.com/gpu=0', '/dev/zero'] },
  { deviceCgroupRule: ['c 1:3 rwm'] },
  { deviceCgroupRule: ['a *:* rwm', 'b 8:* r'] },
  { blkioWeight: '500' },
  { blkioWeight: '0' },
  { pidsLimit: '100' },
  { pidsLimit: '0' },
  { pidsLimit: '-1' },
  { pidsLimit: '4194304' },
  { ulimit: ['nofile=1024:2048'] },
  { ulimit: ['nofile=1024'] },
  { ulimit: ['core=0', 'nofile=1', 'nofile=2'] },
  { ulimit: ['nproc=-1'] },
  { ulimit: ['core=-10:-5'] },
  { ulimit: ['stack=+8'] },
];

const REFUSED: ResourceFlags[] = [
  { blkioWeightDevice: ['sda:300'] },
  { blkioWeightDevice: ['/dev/sda:5'] },
  { blkioWeightDevice: ['/dev/sda'] },
  { deviceReadBps: ['/dev/sda:fast'] },
  { deviceReadIops: ['/dev/sda:1.5'] },
  { cpuRtPeriod: 'x' },
  // the book lists 1024k and 1048576b as accepted units; as limits they are below the daemon's 6 MiB floor
  { memory: '1024k' },
  { memory: '1048576b' },
  { memory: '6291455' },
  { memory: '' },
  { memory: 'm' },
  { memory: '-1' },
  { memory: '1x' },
  { memory: '1kibb' },
  { memory: '1e400' },
  { memory: '1\u212aB' },
  { memory: ' 1' },
  { memory: '1.2.3' },
  { memorySwap: '-2' },
  { memorySwap: '100m' },
  { memory: '10m', memorySwap: '5m' },
  { memoryReservation: '5m' },
  { memory: '50m', memoryReservation: '100m' },
  { kernelMemory: '1m' },
  { memorySwappiness: '101' },
  { memorySwappiness: '-2' },
  { memorySwappiness: 'x' },
  { oomScoreAdj: '1001' },
  { oomScoreAdj: '-1001' },
  { oomKillDisable: 'yes' },
  { cpus: '3' },
  { cpus: '-1' },
  { cpus: '1.0000000001' },
  { cpus: '1/3' },
  { cpus: '1/0' },
  { cpus: '_1' },
  { cpus: 'inf' },
  { cpus: '1e-10' },
  { cpus: '0x1p-30' },
  { cpus: '' },
  { cpus: '1', cpuPeriod: '100000' },
  { cpus: '1', cpuQuota: '50000' },
  { cpuShares: '08' },
  { cpuShares: '1.5' },
  { cpuPeriod: '999' },
  { cpuPeriod: '-1' },
  { cpuPeriod: '1000001' },
  { cpuQuota: '999' },
  { cpusetCpus: '2' },
  { cpusetCpus: '8193' },
  { cpusetCpus: '1,' },
  { cpusetCpus: '1-0' },
  { cpusetCpus: 'a' },
  { cpusetMems: '1' },
  { device: ['a:b:c:d'] },
  { device: [':/dev/z'] },
  { device: ['zero'] },
  { device: ['/dev/zero:/dev/z:rwx'] },
  { device: ['/dev/zero:'] },
  // docker CLI 28 crashes on a one-letter CDI vendor
  { device: ['a/gpu=0'] },
  { deviceCgroupRule: ['x 1:3 r'] },
  { deviceCgroupRule: ['c 1:3'] },
  { blkioWeight: '-1' },
  { blkioWeight: '65536' },
  { pidsLimit: 'x' },
  { pidsLimit: '1.5' },
  { ulimit: ['nofile'] },
  { ulimit: ['as=1'] },
  { ulimit: ['nofile=2048:1024'] },
  { ulimit: ['nofile=-1:1024'] },
  { ulimit: ['nofile=1:2:3'] },
  { ulimit: ['nofile=0x10'] },
];

/** docker creates these, then fails when the container starts (the kernel or runc refuses): berth refuses early. */
const FAIL_AT_START: ResourceFlags[] = [
  { cpusetCpus: '+1' },
  { cpusetCpus: '1-+1' },
  { cpuShares: '1' },
  { cpuShares: '-5' },
  { cpuShares: '262145' },
  { cpus: '0.001' },
  { cpuQuota: '17592186044416' },
  { pidsLimit: '4194305' },
  { ulimit: ['nofile=-5:10'] },
];

kit.describe('resource flags: parseResources against the docker CLI on the same engine', () => {
  // what the docker CLI sends for a bare `docker create IMAGE`: each parsed request is laid over it
  let baseline: ContainerCreateRequest = {};
  beforeAll(async () => {
    baseline = (await kit.createViaCliRecorded(['busybox:1.29'])).request;
  });

  it('has at least 50 inputs in the tables', () => {
    expect(ACCEPTED.length + REFUSED.length + FAIL_AT_START.length).toBeGreaterThanOrEqual(50);
  });

  describe.concurrent('accepted by both, with the same resource fields', () => {
    it.for(ACCEPTED.map((flags) => [cliArgs(flags).join(' '), flags] as const))('%s', async ([, flags], { expect }) => {
      const config = parseResources(flags, { host });
      const [viaCli, viaApi] = await Promise.all([
        kit.createViaCliRecorded([...cliArgs(flags), 'busybox:1.29']),
        createFromParser(config),
      ]);
      expect(resourceFields(viaApi)).toEqual(resourceFields(viaCli.inspect));
      // and the request itself, field for field, as the docker CLI sent it
      expect(comparableRequest(overBaseline(baseline, { HostConfig: config }))).toEqual(
        comparableRequest(viaCli.request),
      );
    });
  });

  describe.concurrent('refused by both, berth naming the token', () => {
    it.for(REFUSED.map((flags) => [cliArgs(flags).join(' '), flags] as const))('%s', async ([, flags], { expect }) => {
      await cliRefusal(flags);
      const error = parserRefusal(flags);
      expect(tokens(flags)).toContain(error.input);
      expect(error.message).toContain(`"${error.input}"`);
      expect(Object.values(FLAG_OF)).toContain(error.flag);
    });
  });

  describe.concurrent('created by docker but refused when started: berth refuses before', () => {
    it.for(FAIL_AT_START.map((flags) => [cliArgs(flags).join(' '), flags] as const))(
      '%s',
      async ([, flags], { expect }) => {
        const created = await kit.createViaCli([...cliArgs(flags), 'busybox:1.29', 'true']);
        const started = await kit.cli(['start', '-a', created.Id]);
        expect(started.exitCode).not.toBe(0);
        expect(tokens(flags)).toContain(parserRefusal(flags).input);
      },
    );
  });

  it('an out-of-range --blkio-weight is dropped silently by a daemon without blkio weight; berth refuses it', async () => {
    const flags = { blkioWeight: '5' };
    const created = await kit.createViaCli([...cliArgs(flags), 'busybox:1.29']).then(
      (inspect) => inspect.HostConfig.BlkioWeight,
      (error: unknown) => error,
    );
    // either the daemon refuses it (blkio weight supported) or it keeps 0 instead of 5
    expect(created instanceof DockerCliRefusedError || created === 0).toBe(true);
    expect(parserRefusal(flags)).toMatchObject({ code: 'blkio-weight-out-of-range', input: '5' });
  });
});
