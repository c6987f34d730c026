import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildContextError, type PackedBuildContext, packBuildContext } from './build-context';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function contextDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'berth-context-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function archive(packed: PackedBuildContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of packed.tar) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listing(packed: PackedBuildContext, verbose = false): Promise<string[]> {
  const result = spawnSync('tar', [verbose ? '-tvf' : '-tf', '-', '--numeric-owner'], { input: await archive(packed) });
  return result.stdout.toString().trim().split('\n');
}

function member(tar: Buffer, name: string): string {
  return spawnSync('tar', ['-xOf', '-', name], { input: tar }).stdout.toString();
}

describe('packBuildContext', () => {
  it('sends everything when there is no .dockerignore', async () => {
    const dir = contextDir({ Dockerfile: 'FROM scratch\n', 'a/b.txt': 'b', 'c.txt': 'c' });
    expect(await listing(await packBuildContext(dir))).toEqual(['Dockerfile', 'a/', 'a/b.txt', 'c.txt']);
  });

  it('leaves out what .dockerignore excludes, keeping exceptions and the build files', async () => {
    const dir = contextDir({
      '.dockerignore':
        '# not a pattern\n*.log\n/secret/\n!secret/keep.txt\n**/*.tmp\nDockerfile\n.dockerignore\nnode_modules\n',
      Dockerfile: 'FROM scratch\n',
      'app.js': '',
      'debug.log': '',
      'secret/keep.txt': '',
      'secret/token': '',
      'src/a/b.tmp': '',
      'src/a/c.js': '',
      'node_modules/x/index.js': '',
    });
    expect(await listing(await packBuildContext(dir))).toEqual([
      '.dockerignore',
      'Dockerfile',
      'app.js',
      'secret/keep.txt',
      'src/',
      'src/a/',
      'src/a/c.js',
    ]);
  });

  it('keeps a Dockerfile given by path even when a pattern excludes its directory', async () => {
    const dir = contextDir({ '.dockerignore': 'docker\n', 'docker/app.Dockerfile': 'FROM scratch\n', 'docker/x': '' });
    const entries = await listing(await packBuildContext(dir, { dockerfile: 'docker/app.Dockerfile' }));
    expect(entries).toEqual(['.dockerignore', 'docker/app.Dockerfile']);
  });

  it('sends files as owned by root, as the docker CLI does', async () => {
    const dir = contextDir({ Dockerfile: 'FROM scratch\n' });
    expect((await listing(await packBuildContext(dir), true))[0]).toMatch(/ 0\/0 /);
  });

  it('names the Dockerfile it sends: the default, or the given path inside the context', async () => {
    const dir = contextDir({ Dockerfile: '', 'docker/app.Dockerfile': '' });
    expect((await packBuildContext(dir)).dockerfile).toBe('Dockerfile');
    expect((await packBuildContext(dir, { dockerfile: './docker/../docker/app.Dockerfile' })).dockerfile).toBe(
      'docker/app.Dockerfile',
    );
    expect((await packBuildContext(dir, { dockerfile: join(dir, 'docker/app.Dockerfile') })).dockerfile).toBe(
      'docker/app.Dockerfile',
    );
  });

  it('adds a Dockerfile from outside under a random name that a new .dockerignore leaves out', async () => {
    const parent = contextDir({ 'outside.Dockerfile': 'FROM scratch\n', 'ctx/app.txt': 'app' });
    const packed = await packBuildContext(join(parent, 'ctx'), { dockerfile: '../outside.Dockerfile' });
    expect(packed.dockerfile).toMatch(/^\.dockerfile\.[0-9a-f]{20}$/);
    const tar = await archive(packed);
    const names = spawnSync('tar', ['-tf', '-'], { input: tar }).stdout.toString().trim().split('\n');
    expect(names).toEqual(['app.txt', packed.dockerfile, '.dockerignore']);
    expect(member(tar, packed.dockerfile)).toBe('FROM scratch\n');
    expect(member(tar, '.dockerignore')).toBe(`.dockerignore\n${packed.dockerfile}\n`);
  });

  it('keeps the directory’s .dockerignore, once, with the added name, when the Dockerfile is absolute', async () => {
    const parent = contextDir({
      'build/Dockerfile': 'FROM scratch\n',
      'ctx/.dockerignore': '*.log',
      'ctx/app.txt': '',
      'ctx/debug.log': '',
    });
    const packed = await packBuildContext(join(parent, 'ctx'), { dockerfile: join(parent, 'build/Dockerfile') });
    const tar = await archive(packed);
    const names = spawnSync('tar', ['-tf', '-'], { input: tar }).stdout.toString().trim().split('\n');
    expect(names).toEqual(['app.txt', packed.dockerfile, '.dockerignore']);
    expect(member(tar, '.dockerignore')).toBe(`*.log\n${packed.dockerfile}\n`);
  });

  it('refuses an outside Dockerfile that does not exist, naming its path', async () => {
    const dir = contextDir({ 'app.txt': '' });
    await expect(packBuildContext(dir, { dockerfile: '../no-such.Dockerfile' })).rejects.toThrow(
      expect.objectContaining({
        name: 'BuildContextError',
        code: 'dockerfile-not-found',
        input: join(dir, '../no-such.Dockerfile'),
      }),
    );
    await expect(packBuildContext(dir, { dockerfile: '../no-such.Dockerfile' })).rejects.toThrow(BuildContextError);
  });

  it('refuses a context directory that does not exist', async () => {
    await expect(packBuildContext(join(tmpdir(), 'berth-no-such-context'))).rejects.toThrow(
      expect.objectContaining({ name: 'BuildContextError', code: 'build-context-unreadable' }),
    );
  });
});
