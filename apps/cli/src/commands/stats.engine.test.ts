import { spawn } from 'node:child_process';
import { useEngine } from '@berth/testkit';
import { beforeAll, expect, it } from 'vitest';
import { BERTH_BIN, berthCli } from '../testing/berth-binary';
import { parity } from '../testing/parity';

const kit = await useEngine();
const stopped = kit.name('stats-stopped');
const idle = kit.name('stats-idle');
const busy = kit.name('stats-busy');

/** A container made by the docker CLI, with the file's labels; a refusal fails the file. */
async function made(subcommand: 'create' | 'run', args: readonly string[]): Promise<void> {
  const result = await kit.labelledCli([subcommand], args);
  if (result.exitCode !== 0) throw new Error(`docker ${subcommand} refused: ${result.stderr}`);
}

beforeAll(async () => {
  await made('create', ['--name', stopped, 'busybox:1.29', 'true']);
  await made('run', ['-d', '--name', idle, '--memory', '64m', 'busybox:1.29', 'sleep', '300']);
  await made('run', ['-d', '--name', busy, '--cpus', '0.5', 'busybox:1.29', 'sh', '-c', 'while :; do :; done']);
});

/** What a program wrote in its first `ms` milliseconds; both docker and berth redraw until they are killed. */
function firstOutput(program: 'docker' | 'berth', args: readonly string[], ms: number): Promise<string> {
  const [command, words] = program === 'docker' ? ['docker', args] : [process.execPath, [BERTH_BIN, ...args]];
  return new Promise((resolve, reject) => {
    // docker stats ignores SIGTERM while it redraws
    const child = spawn(command, words, { stdio: ['ignore', 'pipe', 'pipe'], killSignal: 'SIGKILL', timeout: ms });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A table's rows split into cells on docker's column gaps (three blanks or more). */
const cells = (table: string) =>
  table
    .trimEnd()
    .split('\n')
    .map((line) => line.split(/ {3,}/));

const number = (cell: string) => Number.parseFloat(cell);

kit.describe('berth stats beside docker stats', () => {
  it('prints the same table for a container that is not running', async () => {
    const run = await parity(['stats', '--no-stream', stopped]);
    expect(run.berth).toEqual(run.docker);
    expect(run.berth.stdout).toMatch(/^CONTAINER ID {3}NAME {2,}CPU % {5}MEM USAGE \/ LIMIT {3}MEM % {5}NET I\/O/);
  });

  it('prints the same columns and units for running containers, the figures within a tolerance', async () => {
    const run = await parity(['stats', '--no-stream', idle, busy]);
    expect(run.berth.exitCode).toBe(0);
    const [docker, berth] = [cells(run.docker.stdout), cells(run.berth.stdout)];
    expect(berth[0]).toEqual(docker[0]);
    expect(berth).toHaveLength(3);
    for (const row of [1, 2]) {
      const [d, b] = [docker[row] ?? [], berth[row] ?? []];
      expect(b.slice(0, 2)).toEqual(d.slice(0, 2)); // id, name
      expect(b[3]?.split(' / ')[1]).toBe(d[3]?.split(' / ')[1]); // the memory limit
      expect(b[3]).toMatch(/^[\d.]+(B|KiB|MiB|GiB) \/ [\d.]+(B|KiB|MiB|GiB)$/);
      expect(b[5]).toMatch(/^[\d.]+(B|kB|MB) \/ [\d.]+(B|kB|MB)$/);
      expect(b[7]).toBe(d[7]); // PIDs
      expect(Math.abs(number(b[2] ?? '') - number(d[2] ?? ''))).toBeLessThan(15); // CPU %, sampled apart
    }
    expect(berth[1]?.[3]?.endsWith(' / 64MiB')).toBe(true);
    // a busy loop held to --cpus 0.5 (how much of it it gets depends on the host's load)
    expect(number(berth[2]?.[2] ?? '')).toBeGreaterThan(1);
    expect(number(berth[2]?.[2] ?? '')).toBeLessThan(56);
  });

  it('prints the same lines for --format json, templates, --no-trunc and table templates', async () => {
    for (const format of ['json', '{{.Name}} {{.Container}} {{.ID}} {{.PIDs}}', 'table {{.Name}}\t{{.MemPerc}}']) {
      const run = await parity(['stats', '--no-stream', '--format', format, stopped, idle]);
      const keys = (text: string) => text.replace(/"(CPUPerc|MemUsage|MemPerc|NetIO|BlockIO)":"[^"]*"/g, '"$1":""');
      expect(keys(run.berth.stdout)).toEqual(keys(run.docker.stdout));
    }
    const run = await parity(['stats', '--no-stream', '--no-trunc', '--format', '{{.ID}}', stopped]);
    expect(run.berth).toEqual(run.docker);
  });

  it('refuses as docker refuses: missing containers, bad templates, --help', async () => {
    for (const args of [
      ['stats', '--no-stream', 'berth-no-such-container', stopped, 'berth-no-such-other'],
      ['stats', '--no-stream', '--format', '{{.Name', stopped],
      ['stats', '--help'],
      ['container', 'stats', '--help'],
      ['stats', '--bogus'],
    ]) {
      const run = await parity(args);
      expect(run.berth).toEqual(run.docker);
    }
  });

  it('redraws the live table byte for byte as docker does', async () => {
    const [docker, berth] = await Promise.all([
      firstOutput('docker', ['stats', stopped], 2500),
      firstOutput('berth', ['stats', stopped], 2500),
    ]);
    const frames = (text: string) => text.split('\u001b[J').filter((frame) => frame !== '');
    expect(frames(berth).length).toBeGreaterThanOrEqual(2);
    expect(frames(berth)[0]).toBe(frames(docker)[0]);
    const home = '\u001b[H';
    expect(frames(berth)[0]?.startsWith(`${home}CONTAINER ID`)).toBe(true);
    expect(frames(berth)[0]?.split(home)[2]?.split('\n')[0]?.endsWith(' \u001b[K')).toBe(true);
  });

  it('lists the running containers without names, and follows them as they start and stop', async () => {
    const listed = await berthCli(['stats', '--no-stream', '--format', '{{.Container}} {{.Name}}']);
    const { Id } = await kit.inspect(idle);
    expect(listed.stdout.split('\n')).toContain(`${Id.slice(0, 12)} ${idle}`);
    expect(listed.stdout).not.toContain(stopped);

    const late = kit.name('stats-late');
    const watching = firstOutput('berth', ['stats', '--format', '{{.Name}}'], 6000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await made('run', ['-d', '--name', late, 'busybox:1.29', 'sleep', '300']);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await kit.cli(['stop', '-t', '0', late]);
    const frames = (await watching).split('\u001b[J');
    const showing = frames.map((frame) => frame.includes(late));
    expect(showing.indexOf(true)).toBeGreaterThan(0); // absent at first, then there
    expect(showing.at(-2)).toBe(false); // gone once it stopped
  });
});
