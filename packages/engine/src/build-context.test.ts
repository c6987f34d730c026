import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildContextError, packBuildContext } from './build-context';

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

async function listing(tar: Readable, verbose = false): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  const result = spawnSync('tar', [verbose ? '-tvf' : '-tf', '-', '--numeric-owner'], { input: Buffer.concat(chunks) });
  return result.stdout.toString().trim().split('\n');
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

  it.each(['../Dockerfile', '/etc/Dockerfile'])('refuses a Dockerfile outside the context (%s)', async (dockerfile) => {
    const dir = contextDir({ Dockerfile: '' });
    await expect(packBuildContext(dir, { dockerfile })).rejects.toThrow(BuildContextError);
    await expect(packBuildContext(dir, { dockerfile })).rejects.toThrow(
      expect.objectContaining({ code: 'dockerfile-outside-context' }),
    );
  });

  it('refuses a context directory that does not exist', async () => {
    await expect(packBuildContext(join(tmpdir(), 'berth-no-such-context'))).rejects.toThrow(
      expect.objectContaining({ name: 'BuildContextError', code: 'build-context-unreadable' }),
    );
  });
});
