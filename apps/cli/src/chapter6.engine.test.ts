import { existsSync } from 'node:fs';
import { useEngine } from '@berth/testkit';
import { expect, it } from 'vitest';
import { berthCli } from './testing/berth-binary';

// ch. 6 "Limiting risk with resource controls", scenario by scenario (seed inventory 17–23), through the berth
// executable on the real engine.

const kit = await useEngine();
const labels = Object.entries(kit.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
// the host's cgroup version decides where the limits show: one unified tree (v2) or one tree per controller (v1)
const CGROUP_V2 = existsSync('/sys/fs/cgroup/cgroup.controllers');

/** `berth run …` (or create) with the file's labels, which the kit removes after the file. */
function berth(command: 'run' | 'create', ...args: string[]) {
  return berthCli([command, ...labels, ...args]);
}

async function running(name: string, ...args: string[]): Promise<void> {
  const result = await berth('run', '-d', '--name', name, ...args);
  expect(result, result.stderr).toMatchObject({ exitCode: 0 });
}

/** A container berth created from busybox with `args`, as inspect shows it. */
async function createdWith(prefix: string, ...args: string[]) {
  const name = kit.name(prefix);
  const result = await berth('create', '--name', name, ...args, 'busybox:1.29');
  expect(result, result.stderr).toMatchObject({ exitCode: 0 });
  return kit.inspect(name);
}

async function inside(container: string, script: string): Promise<string> {
  const result = await kit.exec(container, ['sh', '-c', script]);
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout.trim();
}

const MEMORY_LIMIT = CGROUP_V2 ? '/sys/fs/cgroup/memory.max' : '/sys/fs/cgroup/memory/memory.limit_in_bytes';
const MEMORY_SWAP = CGROUP_V2 ? '/sys/fs/cgroup/memory.swap.max' : '/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes';
const CPU_QUOTA = CGROUP_V2
  ? 'cat /sys/fs/cgroup/cpu.max'
  : 'echo $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us)';
const CPU_SHARES = CGROUP_V2 ? '/sys/fs/cgroup/cpu.weight' : '/sys/fs/cgroup/cpu/cpu.shares';
const PIDS_MAX = CGROUP_V2 ? '/sys/fs/cgroup/pids.max' : '/sys/fs/cgroup/pids/pids.max';

kit.describe('chapter 6 through berth', () => {
  it('(17) memory, CPU quota and shares show in the cgroup files and in stats --no-stream', async () => {
    const name = kit.name('ch6-limits');
    await running(name, '--memory', '256m', '--cpus', '0.75', '--cpu-shares', '1024', 'busybox:1.29', 'sleep', '300');
    expect(await inside(name, `cat ${MEMORY_LIMIT}`)).toBe('268435456');
    expect(await inside(name, CPU_QUOTA)).toBe('75000 100000');
    expect(await inside(name, `cat ${CPU_SHARES}`)).toBe(CGROUP_V2 ? '100' : '1024');
    const stats = await berthCli(['stats', '--no-stream', '--format', '{{.Name}} {{.MemUsage}} {{.PIDs}}', name]);
    expect(stats.stdout).toMatch(new RegExp(`^${name} [\\d.]+(B|KiB|MiB) / 256MiB 1\\n$`));
  });

  it('(17) update changes the limits of a running container, and the cgroup files follow', async () => {
    const name = kit.name('ch6-update');
    await running(name, '--memory', '64m', '--cpus', '0.5', '--pids-limit', '32', 'busybox:1.29', 'sleep', '300');
    const result = await berthCli([
      'update',
      '--memory',
      '128m',
      '--memory-swap',
      '256m',
      '--cpus',
      '1',
      '--pids-limit',
      '64',
      name,
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: `${name}\n`, stderr: '' });
    expect(await inside(name, `cat ${MEMORY_LIMIT}`)).toBe('134217728');
    expect(await inside(name, `cat ${MEMORY_SWAP}`)).toBe(CGROUP_V2 ? '134217728' : '268435456');
    expect(await inside(name, CPU_QUOTA)).toBe('100000 100000');
    expect(await inside(name, `cat ${PIDS_MAX}`)).toBe('64');
    const { HostConfig } = await kit.inspect(name);
    expect(HostConfig).toMatchObject({ Memory: 134217728, MemorySwap: 268435456, NanoCpus: 1e9, PidsLimit: 64 });
  });

  it('(18) --device maps a host device, and only then is it there', async () => {
    const mapped = await berth(
      'run',
      '--rm',
      '--device',
      '/dev/null:/dev/berth-null',
      'busybox:1.29',
      'ls',
      '-l',
      '/dev/berth-null',
    );
    expect(mapped.exitCode).toBe(0);
    expect(mapped.stdout).toMatch(/^c.* 1, +3 .*\/dev\/berth-null\n$/);
    const unmapped = await berth('run', '--rm', 'busybox:1.29', 'ls', '/dev/berth-null');
    expect(unmapped.exitCode).toBe(1);
  });

  it('(19) a consumer sees the producer’s messages only when it joins its IPC namespace', async () => {
    const producer = kit.name('ch6-ipc-producer');
    const alone = kit.name('ch6-ipc-alone');
    const joined = kit.name('ch6-ipc-consumer');
    await running(producer, '-u', 'nobody', '--ipc', 'shareable', 'berth-fixtures/ipc', '-producer');
    await running(alone, '-u', 'nobody', 'berth-fixtures/ipc', '-consumer');
    await running(joined, '-u', 'nobody', '--ipc', `container:${producer}`, 'berth-fixtures/ipc', '-consumer');
    await kit.waitForLog(producer, 'Produced: Message 2', 10_000);
    await kit.waitForLog(joined, 'Consumed: Message', 10_000);
    expect(await kit.logs(alone)).not.toContain('Consumed');
    const { Id } = await kit.inspect(producer);
    expect((await kit.inspect(joined)).HostConfig.IpcMode).toBe(`container:${Id}`);
  });

  it('(20) run-as users: the image’s root, -u by name and by ids, --group-add, as docker runs them', async () => {
    expect((await berth('run', '--rm', '--entrypoint', '', 'busybox:1.29', 'whoami')).stdout).toBe('root\n');
    for (const user of [
      [],
      ['-u', 'nobody'],
      ['-u', 'nobody:nogroup'],
      ['-u', '10000:20000'],
      ['-u', 'nobody', '--group-add', 'wheel', '--group-add', '3000'],
      ['-u', 'berth-nobody'],
    ]) {
      const args = ['--rm', ...user, 'busybox:1.29', 'id'];
      const [docker, ours] = await Promise.all([kit.labelledCli(['run'], args), berth('run', ...args)]);
      expect(ours.exitCode).toBe(docker.exitCode);
      expect(ours.stdout).toBe(docker.stdout);
    }
    expect((await berth('run', '--rm', '-u', 'nobody:nogroup', 'busybox:1.29', 'id')).stdout).toBe(
      'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n',
    );
    const missing = await berth('run', '--rm', '-u', 'berth-nobody', 'busybox:1.29', 'id');
    expect(missing.stderr).toContain('unable to find user berth-nobody: no matching entries in passwd file');
    expect((await createdWith('ch6-user', '-u', 'nobody')).Config.User).toBe('nobody');
    expect((await kit.docker.getImage('busybox:1.29').inspect()).Config.User).toBe(''); // empty: root (6.3.1)
  });

  it('(21) --cap-drop NET_RAW stops a loopback ping, --cap-add NET_RAW gives it back, as with docker', async () => {
    const times = (text: string) => text.replace(/time=[\d.]+ ms|[\d.]+\/[\d.]+\/[\d.]+ ms/g, '<time>');
    const ping = async (...args: string[]) => {
      const line = ['--rm', ...args, 'busybox:1.29', 'ping', '-c', '1', '-W', '2', '127.0.0.1'];
      const [docker, ours] = await Promise.all([kit.labelledCli(['run'], line), berth('run', ...line)]);
      expect({ ...ours, stdout: times(ours.stdout) }).toEqual({ ...docker, stdout: times(docker.stdout) });
      return ours;
    };
    expect((await ping()).exitCode).toBe(0);
    const dropped = await ping('--cap-drop', 'net_raw');
    expect(dropped.exitCode).toBe(1);
    expect(dropped.stderr).toContain('permission denied');
    expect((await ping('--cap-drop', 'ALL', '--cap-add', 'NET_RAW')).exitCode).toBe(0);
    const caps = await createdWith('ch6-caps', '--cap-add', 'sys_admin', '--cap-drop', 'net_raw');
    expect(caps.HostConfig).toMatchObject({ CapAdd: ['CAP_SYS_ADMIN'], CapDrop: ['CAP_NET_RAW'] });
  });

  it('(22) --privileged fails to start on this machine exactly as docker fails', async () => {
    const args = ['--rm', '--privileged', 'busybox:1.29', 'id'];
    const [docker, ours] = await Promise.all([kit.labelledCli(['run'], args), berth('run', ...args)]);
    expect(ours.exitCode).toBe(docker.exitCode);
    expect(ours.stdout).toBe(docker.stdout);
    if (docker.exitCode === 0) return; // a host where privileged containers start
    const daemonLine = (text: string) => text.split('\n').find((line) => line.includes('Error response from daemon'));
    expect(daemonLine(ours.stderr)?.replace(/^berth: /, '')).toBe(daemonLine(docker.stderr)?.replace(/^docker: /, ''));
  });

  it('(23) no-new-privileges and seccomp show in the process status', async () => {
    const status = async (...args: string[]) =>
      (await berth('run', '--rm', ...args, 'busybox:1.29', 'grep', '-E', '^(NoNewPrivs|Seccomp):', '/proc/self/status'))
        .stdout;
    expect(await status()).toBe('NoNewPrivs:\t0\nSeccomp:\t2\n');
    expect(await status('--security-opt', 'no-new-privileges')).toBe('NoNewPrivs:\t1\nSeccomp:\t2\n');
    expect(await status('--security-opt', 'seccomp=unconfined')).toBe('NoNewPrivs:\t0\nSeccomp:\t0\n');
    const opts = await createdWith(
      'ch6-secopt',
      ...['--security-opt', 'no-new-privileges'],
      ...['--security-opt', 'seccomp=unconfined'],
    );
    expect(opts.HostConfig.SecurityOpt).toEqual(['no-new-privileges', 'seccomp=unconfined']);
  });

  it('(17, 23) --pids-limit, --ulimit and --shm-size are what the processes inside get', async () => {
    const name = kit.name('ch6-inside');
    await running(
      name,
      '--pids-limit',
      '32',
      '--ulimit',
      'nofile=256:512',
      '--shm-size',
      '32m',
      'busybox:1.29',
      'sleep',
      '300',
    );
    expect(await inside(name, `cat ${PIDS_MAX}`)).toBe('32');
    expect(await inside(name, 'echo $(ulimit -n) $(ulimit -Hn)')).toBe('256 512');
    expect(await inside(name, "df -k /dev/shm | awk 'NR==2 {print $2}'")).toBe('32768');
    // a fork bomb stops at the limit: the 40th sleep cannot start
    const forks = await kit.exec(name, ['sh', '-c', 'for i in $(seq 40); do sleep 30 & done 2>&1; wait']);
    expect(forks.stdout + forks.stderr).toMatch(/can't fork|Resource temporarily unavailable/);
  });
});
