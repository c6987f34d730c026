import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEngine } from '@berth/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { berthCli } from '../testing/berth-binary';
import { type TwinObjects, type TwinRun, twinContainers, twinParity } from '../testing/twin-objects';

const kit = await useEngine();
const dir = mkdtempSync(join(tmpdir(), 'berth-cp-'));
let comparedLines = 0;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.info(`cp: ${comparedLines} command lines compared equal with docker`);
});

// the tree each container starts with: files, a subdirectory, an owned file, an absolute and a relative link
const TREE = [
  'mkdir -p /d/sub /d/empty',
  'echo hi > /d/a',
  'echo yo > /d/sub/b',
  'chmod 600 /d/sub/b',
  'chown 1234:5678 /d/a',
  'ln -s /d/a /lnk',
  'ln -s a /d/rel',
  'touch /ready',
  'sleep 300',
].join(' && ');

// docker's tar writer logs to stderr from a goroutine when the engine refuses early; whether it does is a race
const withoutGoroutineLog = (text: string) => text.replace(/^time=".*level=error.*\n/gm, '');

function same(run: TwinRun): void {
  const tidy = (result: TwinRun['docker']) => ({ ...result, stderr: withoutGoroutineLog(result.stderr) });
  expect(tidy(run.berth)).toEqual(tidy(run.docker));
  comparedLines += 1;
}

/** Each entry under `root`: type, mode, owner, size, link target, content, and a file's mtime (seconds). */
function localTree(root: string): string[] {
  const rows: string[] = [];
  const walk = (path: string, name: string) => {
    const stat = lstatSync(path);
    const kind = stat.isDirectory() ? 'dir' : stat.isSymbolicLink() ? `link->${readlinkSync(path)}` : 'file';
    const extra = kind === 'file' ? ` ${Math.floor(stat.mtimeMs / 1000)} ${readFileSync(path, 'utf8').trim()}` : '';
    rows.push(`${name} ${kind} ${(stat.mode & 0o7777).toString(8)} ${stat.uid}:${stat.gid}${extra}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path).sort()) walk(join(path, entry), `${name}/${entry}`);
  };
  walk(root, '.');
  return rows;
}

/** The container's /d and /e, listed with busybox's stat (a directory's mtime left out: it ticks with each copy). */
async function containerTree(name: string): Promise<string> {
  const script =
    'find /d /e 2>/dev/null | sort | while read p; do if [ -d "$p" ]; then stat -c \'%n %F %a %u:%g\' "$p"; else stat -c \'%n %F %a %u:%g %s %Y %N\' "$p"; fi; done';
  const result = await kit.cli(['exec', name, 'sh', '-c', script]);
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

let twins: TwinObjects = { docker: [], berth: [] };
const local = (container: string, path = '') => join(dir, container, path);
const source = join(dir, 'source');

beforeAll(async () => {
  twins = await twinContainers(kit, 'cp', 1, ['run', '-d', 'busybox:1.29', 'sh', '-c', TREE]);
  for (const name of [...twins.docker, ...twins.berth]) {
    mkdirSync(local(name));
    for (let attempt = 0; (await kit.cli(['exec', name, 'test', '-e', '/ready'])).exitCode !== 0; attempt++) {
      expect(attempt, `${name} makes its tree`).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  mkdirSync(join(source, 'sub'), { recursive: true });
  writeFileSync(join(source, 'file'), 'local file\n');
  writeFileSync(join(source, 'sub', 'private'), 'secret\n');
  chmodSync(join(source, 'sub', 'private'), 0o600);
  writeFileSync(join(source, 'owned'), 'owned\n');
  chownSync(join(source, 'owned'), 4321, 8765);
  symlinkSync('file', join(source, 'link'));
  const past = new Date('2020-01-02T03:04:05Z');
  for (const path of ['file', 'sub/private', 'owned']) utimesSync(join(source, path), past, past);
});

kit.describe('cp between containers and local paths, against docker', () => {
  it('container to host: files, directories, DIR/., links with and without -L, docker refusals', async () => {
    const lines: Array<(names: readonly string[]) => string[]> = [
      ([c = '']) => ['cp', `${c}:/d/a`, local(c, 'x')],
      ([c = '']) => ['cp', `${c}:/d/a`, local(c, 'x')],
      ([c = '']) => ['cp', `${c}:/d`, local(c)],
      ([c = '']) => ['cp', `${c}:/d`, local(c, 'copy')],
      ([c = '']) => ['cp', `${c}:/d/.`, local(c, 'dot')],
      ([c = '']) => ['cp', `${c}:/d/sub/.`, local(c, 'copy')],
      ([c = '']) => ['cp', `${c}:/d/sub/b`, `${local(c)}/`],
      ([c = '']) => ['cp', '-L', `${c}:/lnk`, local(c, 'followed')],
      ([c = '']) => ['cp', `${c}:/lnk`, local(c, 'link')],
      ([c = '']) => ['cp', '-L', `${c}:/d/rel`, local(c, 'relative')],
      ([c = '']) => ['cp', '-q', `${c}:/d/a`, local(c, 'quiet')],
      ([c = '']) => ['cp', '-q=false', `${c}:/d`, local(c, 'reported')],
      ([c = '']) => ['cp', '-q=false', `${c}:/d/sub/b`, local(c, 'reported-file')],
      ([c = '']) => ['cp', `${c}:/nope`, local(c, 'y')],
      ([c = '']) => ['cp', `${c}:/d`, local(c, 'x')],
      ([c = '']) => ['cp', `${c}:/d/a`, `${local(c, 'nodir')}/`],
      ([c = '']) => ['cp', `${c}:/d/a`, local(c, 'nodir/x')],
      ([c = '']) => ['cp', `${c}:/d/a`, `${local(c, 'x')}/`],
    ];
    for (const line of lines) same(await twinParity(twins, line));
    const [docker = '', berth = ''] = [twins.docker[0], twins.berth[0]];
    expect(localTree(local(berth))).toEqual(localTree(local(docker)));
    // without -a the files are the caller's, whoever owned them in the container
    expect(localTree(local(berth)).some((row) => row.startsWith('./d/a file 644 0:0 '))).toBe(true);
  });

  it('host to container: files, directories, DIR/., -a, links, docker refusals', async () => {
    const lines: Array<(names: readonly string[]) => string[]> = [
      ([c = '']) => ['cp', join(source, 'file'), `${c}:/d/new`],
      ([c = '']) => ['cp', join(source, 'file'), `${c}:/d/a`],
      ([c = '']) => ['cp', source, `${c}:/d`],
      ([c = '']) => ['cp', '-q=false', source, `${c}:/e/reported`],
      ([c = '']) => ['cp', '-q=false', join(source, 'file'), `${c}:/e/reported-file`],
      ([c = '']) => ['cp', `${source}/.`, `${c}:/e`],
      ([c = '']) => ['cp', `${source}/sub`, `${c}:/e/renamed`],
      ([c = '']) => ['cp', join(source, 'owned'), `${c}:/d/owned`],
      ([c = '']) => ['cp', '-a', join(source, 'owned'), `${c}:/d/owned-a`],
      ([c = '']) => ['cp', join(source, 'link'), `${c}:/d/link`],
      ([c = '']) => ['cp', '-L', join(source, 'link'), `${c}:/d/followed`],
      ([c = '']) => ['cp', join(source, 'file'), `${c}:/lnk`],
      ([c = '']) => ['cp', source, `${c}:/d/a`],
      ([c = '']) => ['cp', join(source, 'file'), `${c}:/nodir/`],
      ([c = '']) => ['cp', join(source, 'file'), `${c}:/nodir/x`],
      ([c = '']) => ['cp', join(source, 'file'), `${c}:/d/a/`],
      ([c = '']) => ['cp', join(source, 'nope'), `${c}:/d`],
    ];
    for (const line of lines) same(await twinParity(twins, line));
    const [docker = '', berth = ''] = [twins.docker[0], twins.berth[0]];
    const [dockerTree, berthTree] = await Promise.all([containerTree(docker), containerTree(berth)]);
    expect(berthTree).toEqual(dockerTree);
    expect(berthTree).toMatch(/\/d\/owned-a regular file 644 4321:8765/);
  });

  it('--dry-run: the upload printed and not sent, the download not written', async () => {
    const [container = ''] = twins.berth;
    const upload = await berthCli(['cp', '--dry-run', source, `${container}:/dry`]);
    expect(upload.exitCode).toBe(0);
    expect(JSON.parse(upload.stdout)).toEqual({
      method: 'PUT',
      path: `/containers/${container}/archive`,
      query: { noOverwriteDirNonDir: true, path: '/' },
    });
    expect((await kit.cli(['exec', container, 'test', '-e', '/dry'])).exitCode).toBe(1);
    const download = await berthCli(['cp', '--dry-run', `${container}:/d`, local(container, 'dry')]);
    expect(download).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(() => lstatSync(local(container, 'dry'))).toThrow(/ENOENT/);
  });
});
