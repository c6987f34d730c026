import { spawn } from 'node:child_process';
import { useSwarmEngine } from '@berth/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { BERTH_BIN, berthCli } from '../testing/berth-binary';
import { parity } from '../testing/parity';

// `berth service logs` beside `docker service logs` on the same services, on a single-node swarm of the file's own.
const swarm = await useSwarmEngine();
const env = swarm.env;
const create = (...args: string[]) => berthCli(['service', 'create', '-d', '-q', ...args], { env });

// tasks of one service log in no fixed order between them: compare the lines as sets
const sorted = (text: string) => text.split('\n').sort().join('\n');

async function logged(service: string, lines: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  let count = 0;
  while (count < lines && Date.now() < deadline) {
    const { stdout, stderr } = await berthCli(['service', 'logs', '--raw', service], { env });
    count = `${stdout}${stderr}`.split('\n').filter(Boolean).length;
    if (count < lines) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(count, `${service}'s lines`).toBeGreaterThanOrEqual(lines);
}

describe.skipIf(!swarm.available)('berth service logs on a single-node swarm', () => {
  let task = '';
  beforeAll(async () => {
    await Promise.all([
      create('--name', 'one', 'busybox:1.29', 'sh', '-c', 'echo out-1; echo err-1 >&2; echo out-2; sleep 3600'),
      create('--name', 'ten', '--replicas', '10', 'busybox:1.29', 'sh', '-c', 'echo up-$(hostname); sleep 3600'),
      create('--name', 'tty', '-t', 'busybox:1.29', 'sh', '-c', 'echo on-a-tty; sleep 3600'),
      create('--name', 'ticker', 'busybox:1.29', 'sh', '-c', 'while true; do echo tick; sleep 1; done'),
    ]);
    await Promise.all([logged('one', 3), logged('ten', 10), logged('tty', 1), logged('ticker', 1)]);
    task = (await berthCli(['service', 'ps', '-q', 'one'], { env })).stdout.trim();
  }, 180_000);

  const lines = [
    ['one'],
    ['--no-task-ids', 'one'],
    ['--no-trunc', 'one'],
    ['--no-resolve', 'one'],
    ['--timestamps', 'one'],
    ['-t', '--no-task-ids', 'one'],
    ['--tail', '1', 'one'],
    ['-n', '2', 'one'],
    ['--raw', 'one'],
    ['--raw', '--details', 'one'],
    ['--details', 'one'],
    ['--since', '1h', 'one'],
    ['--since', '2000-01-01T00:00:00Z', 'one'],
    ['--since', 'yesterday', 'one'],
    ['nosuch'],
    ['tty'],
    ['--raw', 'tty'],
    ['one', 'two'],
    ['--help'],
  ];
  it.each(lines)('service logs %s … prints as docker does', async (...words) => {
    const run = await parity(['service', 'logs', ...words], { env });
    expect(run.berth).toEqual(run.docker);
  });

  it('prints a task’s log when given its id, padded to its slot', async () => {
    const run = await parity(['service', 'logs', task], { env });
    expect(run.berth).toEqual(run.docker);
    expect(run.berth.stdout).toMatch(/^one\.1\.\w{12}@\S+ {4}\| out-1\n/);
  });

  it.each([[[]], [['--no-task-ids']], [['--no-trunc', '--timestamps']]])(
    'pads ten replicas’ slots as docker does (%j)',
    async (flags) => {
      const run = await parity(['service', 'logs', ...flags, 'ten'], { env });
      expect({ ...run.berth, stdout: sorted(run.berth.stdout) }).toEqual({
        ...run.docker,
        stdout: sorted(run.docker.stdout),
      });
      expect(run.berth.stdout).toMatch(/\bten\.1(\.\w+)?@\S+ {5}\| up-/);
      expect(run.berth.stdout).toMatch(/\bten\.10(\.\w+)?@\S+ {4}\| up-/);
    },
  );

  it('follows a service’s log with -f: lines written after it started keep coming, prefixed', async () => {
    const child = spawn(process.execPath, [BERTH_BIN, 'service', 'logs', '-f', '--no-task-ids', 'ticker'], {
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const ticks = () => out.split('\n').filter((line) => /^ticker\.1@\S+ {4}\| tick$/.test(line)).length;
    const waitTicks = async (count: number) => {
      const deadline = Date.now() + 30_000;
      while (ticks() < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      return ticks();
    };
    const first = await waitTicks(1);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await waitTicks(first + 3)).toBeGreaterThanOrEqual(first + 3);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
  }, 60_000);
});
