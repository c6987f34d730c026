import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CliResult, useEngine } from '@berth/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BERTH_BIN, berthCli } from '../testing/berth-binary';
import { parity } from '../testing/parity';
import { twinContainers, twinParity } from '../testing/twin-objects';

const kit = await useEngine();
const dir = mkdtempSync(join(tmpdir(), 'berth-streams-'));
const labelArgs = Object.entries(kit.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
let comparedLines = 0;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.info(`container streams: ${comparedLines} command lines compared equal with docker`);
});

/** The engine runs one prune at a time, other files' included: a side refused for that is asked again. */
async function pruneOnce(run: () => Promise<CliResult>): Promise<CliResult> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await run();
    if (attempt === 5 || !/prune operation is already running/.test(result.stderr)) return result;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function same(run: { docker: unknown; berth: unknown }): void {
  expect(run.berth).toEqual(run.docker);
  comparedLines += 1;
}

// one container both CLIs read: its log (both streams) and its filesystem
let logged = '';
let running = '';
beforeAll(async () => {
  logged = kit.name('logged');
  running = kit.name('running');
  await kit.labelledCli(
    ['run'],
    ['--name', logged, 'busybox:1.29', 'sh', '-c', 'for i in 1 2 3; do echo out $i; echo err $i >&2; done'],
  );
  await kit.labelledCli(['run'], ['-d', '--name', running, 'busybox:1.29', 'sleep', '300']);
});

kit.describe('logs, exec, attach, start -a, run, export, cp and container prune against docker', () => {
  it('logs: both streams apart, --tail/-n, -t, --details, --since/--until, refusals', async () => {
    for (const options of [
      [],
      ['--tail', '2'],
      ['-n', '0'],
      ['-t'],
      ['--details'],
      ['--since', '1h'],
      ['--until', '1h'],
    ]) {
      same(await parity(['logs', ...options, logged]));
    }
    same(await parity(['logs', '--since', '2013-01-02T13:23:37Z', '--until', '2200-01-01', logged]));
    same(await parity(['logs', '--since', 'yesterday', logged]));
    same(await parity(['logs', 'no-such-container-h4']));
    same(await parity(['logs']));
  });

  it('logs -f goes on until the container stops', async () => {
    const ticking = kit.name('ticking');
    await kit.labelledCli(
      ['run'],
      ['-d', '--name', ticking, 'busybox:1.29', 'sh', '-c', 'for i in 1 2 3 4; do echo tick $i; sleep 0.4; done'],
    );
    const run = await parity(['logs', '-f', ticking]);
    expect(run.berth.stdout).toBe('tick 1\ntick 2\ntick 3\ntick 4\n');
    same(run);
  });

  it('exec: streams apart and the exit code, -e/--env-file/-u/-w, -i with input, refusals', async () => {
    const envFile = join(dir, 'exec.env');
    writeFileSync(envFile, 'FROM_FILE=yes\n');
    const lines = [
      ['exec', running, 'sh', '-c', 'echo out; echo err >&2; exit 7'],
      [
        'exec',
        '-e',
        'A=1',
        '--env-file',
        envFile,
        '-u',
        'nobody',
        '-w',
        '/tmp',
        running,
        'sh',
        '-c',
        'echo $A $FROM_FILE $(id -u) $(pwd)',
      ],
      ['exec', running, 'no-such-command'],
      ['exec', 'no-such-container-h4', 'true'],
      ['exec', running],
      ['exec', running, 'echo', '--help'],
    ];
    for (const line of lines) same(await parity(line));
    same(await parity(['exec', '-i', running, 'sh', '-c', 'cat; echo done'], { input: 'piped\n' }));
    same(await parity(['exec', '-it', running, 'true'], { input: '' }));
  });

  it('exec -d runs in the background and prints nothing', async () => {
    const marker = `/tmp/${kit.name('made')}`;
    const result = await berthCli(['exec', '-d', running, 'touch', marker]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    await expect.poll(async () => (await kit.exec(running, ['ls', marker])).exitCode).toBe(0);
  });

  it('run: attached with its exit code, -i with input closed at its end, -it without a terminal refused', async () => {
    same(await parity(['run', '--rm', 'busybox:1.29', 'sh', '-c', 'echo out; echo err >&2; exit 4']));
    same(await parity(['run', '--rm', '-i', 'busybox:1.29', 'sh', '-c', 'cat; echo eof'], { input: 'in\n' }));
    same(await parity(['run', '--rm', '-it', 'busybox:1.29', 'true'], { input: '' }));
    same(await parity(['run', '--rm', '-a', 'stderr', 'busybox:1.29', 'sh', '-c', 'echo out; echo err >&2']));
  });

  it('run forwards the signals it receives to the container, and --rm removes it once it exits', async () => {
    const name = kit.name('signalled');
    const script = 'trap "echo got TERM; exit 9" TERM; echo ready; while true; do sleep 0.1; done';
    const child = spawn(
      process.execPath,
      [BERTH_BIN, 'run', '--rm', '--name', name, ...labelArgs, 'busybox:1.29', 'sh', '-c', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes('ready')) child.kill('SIGTERM');
    });
    const exitCode = await new Promise((resolve) => child.on('close', resolve));
    expect({ exitCode, stdout }).toEqual({ exitCode: 9, stdout: 'ready\ngot TERM\n' });
    await expect.poll(async () => (await kit.cli(['ps', '-aq', '--filter', `name=${name}`])).stdout).toBe('');
  });

  it('start -a and -ai: output and exit code; several containers refused', async () => {
    const twins = await twinContainers(kit, 'start-a', 1, [
      'create',
      'busybox:1.29',
      'sh',
      '-c',
      'echo out; echo err >&2; exit 3',
    ]);
    same(await twinParity(twins, ([a = '']) => ['start', '-a', a]));
    same(await twinParity(twins, ([a = '']) => ['start', '-a', a, 'other']));
    const interactive = await twinContainers(kit, 'start-ai', 1, [
      'create',
      '-i',
      'busybox:1.29',
      'sh',
      '-c',
      'cat; exit 2',
    ]);
    same(await twinParity(interactive, ([a = '']) => ['start', '-ai', a], undefined, { input: 'typed\n' }));
  });

  it('attach: a stopped container refused; a running one to its end and exit code', async () => {
    const stopped = await twinContainers(kit, 'attach-stopped', 1, ['create', 'busybox:1.29', 'true']);
    same(await twinParity(stopped, ([a = '']) => ['attach', a]));
    same(await parity(['attach', 'no-such-container-h4']));
    const live = await twinContainers(kit, 'attach', 1, [
      'run',
      '-d',
      'busybox:1.29',
      'sh',
      '-c',
      'sleep 1.5; echo late; echo err >&2; exit 5',
    ]);
    same(await twinParity(live, ([a = '']) => ['attach', '--no-stdin', a]));
  });

  it('export: the same archive as docker, to stdout or a file; refusals', async () => {
    same(await parity(['export', logged]));
    same(await parity(['export', 'no-such-container-h4']));
    same(await parity(['export', '-o', dir, logged]));
    same(await parity(['export', '-o', join(dir, 'missing', 'x.tar'), logged]));
  });

  it('cp: tar streams both ways, docker messages for missing paths and bad pairs', async () => {
    same(await parity(['cp', `${logged}:/etc/hostname`, '-']));
    for (const line of [
      ['cp', `${logged}:/no-such-path`, '-'],
      ['cp', '-', `${logged}:/etc/hostname`],
      ['cp', '-', `${logged}:/no-such-dir`],
      ['cp', join(dir, 'no-such-file'), `${logged}:/tmp`],
      ['cp', 'a', 'b'],
      ['cp', `${logged}:/a`, `${logged}:/b`],
      ['cp', '', 'b'],
    ]) {
      same(await parity(line, { input: '' }));
    }
    const archive = (await kit.cli(['cp', `${logged}:/etc/hostname`, '-'])).stdout;
    const twins = await twinContainers(kit, 'cp-in', 1, ['create', 'busybox:1.29']);
    same(await twinParity(twins, ([a = '']) => ['cp', '-', `${a}:/tmp`], undefined, { input: archive }));
    const copied = await kit.cli(['cp', `${twins.berth[0]}:/tmp/hostname`, '-']);
    expect(copied.stdout).toContain('hostname');
  });

  it('container prune: the prompt answered on stdin, the ids removed, the space reclaimed', async () => {
    const line = (label: string) => ['container', 'prune', '--filter', `label=${label}`];
    const dockerLabel = kit.name('prune-d');
    const berthLabel = kit.name('prune-b');
    await kit.labelledCli(['create'], ['--label', dockerLabel, 'busybox:1.29']);
    await kit.labelledCli(['create'], ['--label', berthLabel, 'busybox:1.29']);
    const [dockerId, berthId] = await Promise.all(
      [dockerLabel, berthLabel].map(async (label) =>
        (await kit.cli(['ps', '-aq', '--no-trunc', '--filter', `label=${label}`])).stdout.trim(),
      ),
    );
    // the engine runs one prune at a time: the two sides go one after the other
    const refused = [
      await kit.cli(line(dockerLabel), { input: 'n\n' }),
      await berthCli(line(berthLabel), { input: 'n\n' }),
    ];
    expect(refused[1]).toEqual(refused[0]);
    const dockerPruned = await pruneOnce(() => kit.cli(line(dockerLabel), { input: 'y\n' }));
    const berthPruned = await pruneOnce(() => berthCli(line(berthLabel), { input: 'y\n' }));
    expect(berthPruned.stdout.replace(berthId ?? '', '<id>')).toBe(dockerPruned.stdout.replace(dockerId ?? '', '<id>'));
    expect(berthPruned.stdout).toContain(`Deleted Containers:\n${berthId}\n\nTotal reclaimed space: 0B\n`);
    comparedLines += 2;
    same(await parity(['container', 'prune', '--filter', 'no-equals-sign']));
    const nothing = ['container', 'prune', '-f', '--filter', `label=${kit.name('nothing')}`];
    const dockerNothing = await pruneOnce(() => kit.cli(nothing));
    expect(await pruneOnce(() => berthCli(nothing))).toEqual(dockerNothing);
    comparedLines += 1;
  });
});
