import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { useEngine } from '@berth/testkit';
import { afterAll, expect, it } from 'vitest';
import { engineUnderTest } from './engine-under-test';
import { StreamError } from './errors';
import type { ProgressEvent } from './progress';

const kit = await useEngine();
const engine = engineUnderTest();
const scratch = mkdtempSync(join(tmpdir(), 'berth-images-'));
const testTags: string[] = [];

// every tag a test makes is removed afterwards; busybox:1.29 itself is never touched
afterAll(async () => {
  for (const tag of testTags.reverse()) await engine.removeImage(tag, { force: true }).catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
});

function testTag(name: string): string {
  const tag = `${kit.name(name)}:test`;
  testTags.push(tag);
  return tag;
}

function writeTree(dir: string, files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function all(events: AsyncIterable<ProgressEvent>): Promise<ProgressEvent[]> {
  const out: ProgressEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

kit.describe('build', () => {
  it('builds a context directory less what .dockerignore excludes, as docker build does', async () => {
    const dir = writeTree(join(scratch, 'context'), {
      Dockerfile: 'FROM busybox:1.29\nCOPY . /ctx\nCMD ["sh", "-c", "cd /ctx && find . | sort"]\n',
      '.dockerignore': '*.log\nsecret/\n!secret/public.txt\n**/*.tmp\n',
      'app.txt': 'app',
      'debug.log': 'log',
      'secret/key': 'key',
      'secret/public.txt': 'public',
      'src/a.tmp': 'tmp',
      'src/b.txt': 'b',
    });
    const apiTag = testTag('built-api');
    const cliTag = testTag('built-cli');
    const events = await all(engine.buildImage(dir, { tags: [apiTag], labels: kit.labels }));
    const built = await kit.cli(['build', '-q', '-t', cliTag, dir]);
    expect(built.exitCode).toBe(0);

    const output = events.map((event) => (event.type === 'output' ? event.text : '')).join('');
    expect(output).toMatch(/^Step 1\/\d+ : FROM busybox:1\.29\n/);
    const result = events.find((event) => event.type === 'result');
    expect(result?.type === 'result' && result.aux.ID).toBe((await engine.inspectImage(apiTag)).Id);

    const listing = async (tag: string) => (await kit.labelledCli(['run', '--rm'], [tag])).stdout;
    expect(await listing(apiTag)).toBe(
      [
        '.',
        './.dockerignore',
        './Dockerfile',
        './app.txt',
        './secret',
        './secret/public.txt',
        './src',
        './src/b.txt',
        '',
      ].join('\n'),
    );
    expect(await listing(apiTag)).toBe(await listing(cliTag));
  });

  it('builds with a Dockerfile outside the context, which COPY . leaves out, as docker build -f does', async () => {
    const parent = writeTree(join(scratch, 'outside'), {
      'build/app.Dockerfile': 'FROM busybox:1.29\nCOPY . /ctx\nCMD ["sh", "-c", "cd /ctx && find . | sort"]\n',
      'ctx/app.txt': 'app',
    });
    const apiTag = testTag('outside-api');
    const cliTag = testTag('outside-cli');
    await all(
      engine.buildImage(join(parent, 'ctx'), {
        dockerfile: '../build/app.Dockerfile',
        tags: [apiTag],
        labels: kit.labels,
      }),
    );
    const built = await kit.cli([
      'build',
      '-q',
      '-t',
      cliTag,
      '-f',
      join(parent, 'build/app.Dockerfile'),
      join(parent, 'ctx'),
    ]);
    expect(built.exitCode).toBe(0);
    const listing = async (tag: string) => (await kit.labelledCli(['run', '--rm'], [tag])).stdout;
    expect(await listing(apiTag)).toBe(['.', './app.txt', ''].join('\n'));
    expect(await listing(apiTag)).toBe(await listing(cliTag));
  });

  it('passes build arguments and a target Dockerfile path', async () => {
    const dir = writeTree(join(scratch, 'args'), {
      'docker/app.Dockerfile':
        'FROM busybox:1.29\nARG GREETING\nRUN echo "$GREETING" > /greeting\nCMD ["cat", "/greeting"]\n',
    });
    const tag = testTag('built-args');
    await all(
      engine.buildImage(dir, {
        dockerfile: 'docker/app.Dockerfile',
        tags: [tag],
        buildArgs: { GREETING: 'hello berth' },
      }),
    );
    expect((await kit.labelledCli(['run', '--rm'], [tag])).stdout).toBe('hello berth\n');
  });
});

kit.describe('save and load', () => {
  it('round-trips busybox:1.29 under a test tag through a tar file', async () => {
    const tag = testTag('saved');
    const busybox = await engine.inspectImage('busybox:1.29');
    await engine.tagImage('busybox:1.29', tag.split(':')[0] ?? '', { tag: 'test' });
    const file = join(scratch, 'saved.tar');
    await pipeline(await engine.saveImages([tag]), createWriteStream(file));
    expect(statSync(file).size).toBeGreaterThan(1_000_000);
    expect(spawnSync('tar', ['-tf', file]).stdout.toString()).toMatch(/^manifest\.json$/m);

    const removed = await engine.removeImage(tag);
    expect(removed).toEqual([{ Untagged: tag }]);
    await expect(engine.inspectImage(tag)).rejects.toMatchObject({ status: 404 });

    expect(await engine.loadImages(createReadStream(file))).toEqual([tag]);
    expect((await engine.inspectImage(tag)).Id).toBe(busybox.Id);
    expect((await engine.inspectImage('busybox:1.29')).Id).toBe(busybox.Id);
  });

  it('refuses an archive that is not an image with a StreamError', async () => {
    const file = join(scratch, 'not-an-image.tar');
    writeFileSync(file, 'not a tar archive');
    await expect(engine.loadImages(createReadStream(file))).rejects.toThrow(StreamError);
    await expect(engine.loadImages(createReadStream(file))).rejects.toMatchObject({
      code: 'progress-error',
      daemonMessage: expect.stringMatching(/^Error processing tar file/),
    });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

// a registry of our own on a loopback port, for the length of this block
async function startRegistry(): Promise<{ address: string; process: ChildProcess }> {
  const port = await freePort();
  const dir = join(scratch, 'registry');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  const address = `127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ok = await fetch(`http://${address}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { address, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`docker-registry did not answer on ${address}`);
}

kit.describe('push and pull through a loopback registry', () => {
  it('reports per-layer progress both ways', async () => {
    const registry = await startRegistry();
    try {
      const repository = `${registry.address}/berth/${kit.name('pushed')}`;
      const tag = `${repository}:1`;
      testTags.push(tag);
      const dir = writeTree(join(scratch, 'pushed'), {
        // 2 MB that do not compress: enough for the engine to report download progress along the way
        Dockerfile:
          'FROM busybox:1.29\nARG STAMP\nRUN echo "$STAMP" > /stamp && head -c 2000000 /dev/urandom > /blob\n',
      });
      await all(engine.buildImage(dir, { tags: [tag], buildArgs: { STAMP: kit.name('stamp') } }));
      const image = await engine.inspectImage(tag);
      const [baseLayer, ownLayer] = image.RootFS.Layers ?? [];
      expect(ownLayer).toBeDefined();

      const pushed = await all(engine.pushImage(repository, { tag: '1' }));
      const layerSteps = pushed.filter((event) => event.type === 'layer');
      expect(layerSteps.map((event) => event.status)).toContain('Pushed');
      expect(new Set(layerSteps.filter((e) => e.status === 'Pushed').map((e) => e.id)).size).toBe(2);
      const result = pushed.find((event) => event.type === 'result');
      expect(result?.type === 'result' && result.aux).toMatchObject({
        Tag: '1',
        Digest: expect.stringMatching(/^sha256:/),
      });

      await engine.removeImage(tag);
      const pulled = await all(engine.pullImage(tag));
      const steps = pulled.filter((event) => event.type === 'layer');
      expect(steps.some((e) => e.status === 'Already exists')).toBe(true);
      expect(steps.some((e) => e.status === 'Pull complete')).toBe(true);
      expect(steps.some((e) => e.status === 'Downloading' && e.current !== undefined && e.total !== undefined)).toBe(
        true,
      );
      expect(pulled.filter((event) => event.type === 'status').map((event) => event.status)).toContain(
        `Status: Downloaded newer image for ${tag}`,
      );
      expect((await engine.inspectImage(tag)).RootFS.Layers).toEqual([baseLayer, ownLayer]);
    } finally {
      registry.process.kill();
    }
  });
});
