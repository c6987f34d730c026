import { useEngine } from '@berth/testkit';
import { expect, it } from 'vitest';
import { parseResources, type ResourceFlags } from './resources';

// ch.6.1: what the kernel enforces for a container created from parseResources' output, read from inside it
// (cgroup v1 files, the device node, the shell's ulimit), not from inspect.

const kit = await useEngine();

/** Creates a container from the parsed flags through the API, starts it, and returns the output of `script`. */
async function inside(flags: ResourceFlags, script: string): Promise<string> {
  const created = await kit.createViaApi({
    Image: 'busybox:1.29',
    Cmd: ['sleep', '60'],
    HostConfig: parseResources(flags),
  });
  await kit.docker.getContainer(created.Id).start();
  const result = await kit.exec(created.Id, ['sh', '-c', script]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  await kit.docker.getContainer(created.Id).remove({ force: true });
  return result.stdout.trim();
}

kit.describe.concurrent('the kernel enforces what parseResources asks for', () => {
  it('--memory 256m → memory.limit_in_bytes 268435456 (ch.6.1.1)', async () => {
    expect(await inside({ memory: '256m' }, 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes')).toBe('268435456');
  });

  it('--memory-swap and --memory-reservation → memsw and soft limits', async () => {
    const read =
      'cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes /sys/fs/cgroup/memory/memory.soft_limit_in_bytes';
    const output = await inside({ memory: '64m', memorySwap: '128m', memoryReservation: '32m' }, read);
    expect(output.split('\n')).toEqual(['134217728', '33554432']);
  });

  it('--cpu-shares 512 → cpu.shares 512 (ch.6.1.2)', async () => {
    expect(await inside({ cpuShares: '512' }, 'cat /sys/fs/cgroup/cpu/cpu.shares')).toBe('512');
  });

  it('--cpus 0.75 → a CFS quota of 75000 µs per 100000 µs period (ch.6.1.2)', async () => {
    const output = await inside(
      { cpus: '0.75' },
      'cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us',
    );
    expect(output.split('\n')).toEqual(['75000', '100000']);
  });

  it('--cpuset-cpus 0 → cpuset.cpus 0 (ch.6.1.2)', async () => {
    expect(await inside({ cpusetCpus: '0' }, 'cat /sys/fs/cgroup/cpuset/cpuset.cpus')).toBe('0');
  });

  it('--device /dev/zero:/dev/z → a character device 1,5 at /dev/z that reads zeros (ch.6.1.3)', async () => {
    const output = await inside(
      { device: ['/dev/zero:/dev/z'] },
      'stat -c %F,%t,%T /dev/z && head -c 4 /dev/z | od -An -tx1',
    );
    expect(output.split('\n').map((line) => line.trim())).toEqual(['character special file,1,5', '00 00 00 00']);
  });

  // the container's own process (pid 1) carries the ulimits; docker exec processes do not inherit them
  it('--pids-limit 64 → pids.max 64, and --ulimit nofile=512:1024 → soft 512, hard 1024 open files', async () => {
    const read = 'cat /sys/fs/cgroup/pids/pids.max; grep "open files" /proc/1/limits';
    const [pids, openFiles] = (await inside({ pidsLimit: '64', ulimit: ['nofile=512:1024'] }, read)).split('\n');
    expect(pids).toBe('64');
    expect(openFiles?.split(/\s+/).slice(3, 5)).toEqual(['512', '1024']);
  });

  it('--oom-score-adj 500 and --shm-size 16m → /proc/1/oom_score_adj and the /dev/shm mount', async () => {
    const output = await inside(
      { oomScoreAdj: '500', shmSize: '16m' },
      'cat /proc/1/oom_score_adj; grep " /dev/shm " /proc/mounts',
    );
    const [adjustment, shm] = output.split('\n');
    expect(adjustment).toBe('500');
    expect(shm).toContain('size=16384k');
  });
});
