import { useEngine } from '@berth/testkit';
import { beforeAll, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { asBerth, parity } from '../testing/parity';

const kit = await useEngine();
const pair = { docker: kit.name('update-docker'), berth: kit.name('update-berth') };
const RESOURCE_FIELDS = [
  'Memory',
  'MemorySwap',
  'MemoryReservation',
  'NanoCpus',
  'CpuShares',
  'CpuPeriod',
  'CpuQuota',
  'CpusetCpus',
  'PidsLimit',
  'BlkioWeight',
  'RestartPolicy',
] as const;

beforeAll(async () => {
  for (const name of Object.values(pair)) {
    const result = await kit.labelledCli(
      ['run'],
      ['-d', '--name', name, '--memory', '64m', 'busybox:1.29', 'sleep', '300'],
    );
    if (result.exitCode !== 0) throw new Error(`docker run refused: ${result.stderr}`);
  }
});

/** The same update through each CLI on its own container, the names made alike in the output. */
async function updateBoth(flags: readonly string[], extra: readonly string[] = []) {
  const [docker, berth] = await Promise.all([
    kit.cli(['update', ...flags, pair.docker, ...extra]),
    berthCli(['update', ...flags, pair.berth, ...extra]),
  ]);
  const same = (text: string, name: string) =>
    asBerth(text)
      .replaceAll(name, '<container>')
      .replace(/\b[0-9a-f]{64}\b/g, '<id>');
  return {
    docker: { ...docker, stdout: same(docker.stdout, pair.docker), stderr: same(docker.stderr, pair.docker) },
    berth: { ...berth, stdout: same(berth.stdout, pair.berth), stderr: same(berth.stderr, pair.berth) },
  };
}

async function resources(name: string) {
  const { HostConfig } = await kit.inspect(name);
  return Object.fromEntries(RESOURCE_FIELDS.map((field) => [field, HostConfig[field]]));
}

kit.describe('berth update beside docker update', () => {
  it.each([
    [['--memory', '128m', '--memory-swap', '256m', '--memory-reservation', '32m']],
    [['--cpus', '0.5', '--cpu-shares', '512']],
    [['--cpu-period', '50000', '--cpu-quota', '25000', '--cpuset-cpus', '0']],
    [['--pids-limit', '64', '--restart', 'on-failure:3', '--blkio-weight', '300']],
    [['-m', '4m']],
    [['--cpus', '-1']],
    [['--cpu-quota', '100']],
    [['--restart', 'bogus']],
    [['--kernel-memory', '10m']],
    [['--cpus', '0.25'], ['berth-no-such-container']],
  ])('%j prints the same and leaves the same limits', async (flags, extra = []) => {
    const run = await updateBoth(flags, extra);
    expect(run.berth).toEqual(run.docker);
    expect(await resources(pair.berth)).toEqual(await resources(pair.docker));
  });

  it.each([
    [['update', 'x']],
    [['update']],
    [['update', '-m', 'abc', 'x']],
    [['update', '--cpus', '0.0000000001', 'x']],
    [['update', '--blkio-weight', '70000', 'x']],
    [['update', '--memory-swap', '-2', 'x']],
    [['update', '--restart', ':3', 'x']],
    [['update', '--bogus', 'x']],
    [['container', 'update', '--help']],
  ])('%j is refused as docker refuses it (exit code, frame)', async (args) => {
    const run = await parity(args);
    expect(run.berth.exitCode).toBe(run.docker.exitCode);
    // berth's own --dry-run line (and its wrapped rest) is the one line docker's help does not have
    const withoutDryRun = (text: string) => text.replace(/\n {6}--dry-run[^\n]*(\n {20,}[^ -][^\n]*)*/, '');
    expect(withoutDryRun(run.berth.stdout)).toBe(run.docker.stdout);
    // berth's refusals name the rule in its own words, in docker's frame
    const frame = (text: string) =>
      text.split('\n').map((line) => line.replace(/flag: .*/, 'flag: <rule>').replace(/ \(.*\)$/, ''));
    expect(frame(run.berth.stderr)).toEqual(frame(run.docker.stderr));
  });

  it('prints the update request with --dry-run and changes nothing', async () => {
    const before = await resources(pair.berth);
    const result = await berthCli(['update', '--dry-run', '--cpus', '1.5', '--pids-limit', '-1', pair.berth]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('"path": "/containers/');
    expect(result.stdout).toContain('"NanoCpus": 1500000000');
    expect(result.stdout).toContain('"PidsLimit": -1');
    expect(await resources(pair.berth)).toEqual(before);
  });
});
