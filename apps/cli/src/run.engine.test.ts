import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEngine } from '@berth/testkit';
import { afterAll, expect, it } from 'vitest';
import { runCaptured } from './captured-main';

const kit = await useEngine();
const labels = Object.entries(kit.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
const dir = mkdtempSync(join(tmpdir(), 'berth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function berth(...argv: string[]) {
  const [command = '', ...rest] = argv;
  return runCaptured([command, ...labels, ...rest]);
}

kit.describe('berth run and create on the engine', () => {
  it('runs a container in the foreground: its output on the right stream, its exit code as ours', async () => {
    const result = await berth('run', '--rm', 'busybox:1.29', 'sh', '-c', 'echo out; echo err >&2; exit 3');
    expect(result).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('prints the id of a detached container (ch. 2.1.1)', async () => {
    const name = kit.name('detached');
    const result = await berth('run', '-d', '--name', name, 'berth-fixtures/web');
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await kit.inspect(name)).State.Running).toBe(true);
  });

  it('prints the usage for --help', async () => {
    const result = await berth('run', '--help');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage:  berth run [OPTIONS] IMAGE [COMMAND] [ARG...]');
    expect(result.stdout).toContain('-p, --publish value');
  });

  it('refuses what docker refuses with 125, before anything is created', async () => {
    const result = await berth('run', '--rm', '--restart', 'always', 'busybox:1.29');
    expect(result.exitCode).toBe(125);
    expect(result.stderr).toContain('cannot specify both --restart and --rm');
  });

  it('refuses an existing cidfile before creating anything, as docker does', async () => {
    const cidfile = join(dir, 'taken.cid');
    writeFileSync(cidfile, 'someone else');
    const name = kit.name('cid-taken');
    const result = await berth('create', '--cidfile', cidfile, '--name', name, 'busybox:1.29');
    expect(result.exitCode).toBe(125);
    expect(result.stderr).toContain('container ID file found');
    await expect(kit.inspect(name)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('exits 127 for a command that does not exist and 126 for one that cannot run, without hanging', async () => {
    const missing = await berth('run', '--rm', 'busybox:1.29', 'no-such-command');
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).toContain('no-such-command');
    const notExecutable = await berth('run', '--rm', 'busybox:1.29', '/etc/passwd');
    expect(notExecutable.exitCode).toBe(126);
  });

  it('creates without starting, and writes the id to the cidfile (ch. 2.3.1)', async () => {
    const cidfile = join(dir, 'web.cid');
    const result = await berth('create', '--cidfile', cidfile, 'berth-fixtures/web');
    const id = result.stdout.trim();
    expect(readFileSync(cidfile, 'utf8')).toBe(id);
    expect((await kit.inspect(id)).State.Status).toBe('created');
    expect(existsSync(cidfile)).toBe(true);
  });
});
