import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerCli, useEngine } from '@berth/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BERTH_BIN, berthCli } from '../testing/berth-binary';
import { ImageFixtures } from '../testing/image-fixtures';
import { masked, ParityCounter } from '../testing/reading-fixtures';

const kit = await useEngine();
const counter = new ParityCounter();
const repo = `berth-test/${kit.name('img').toLowerCase()}`;
const fixtures = new ImageFixtures();
const { docker, tagged, inTurn, made } = fixtures;
const work = mkdtempSync(join(tmpdir(), 'berth-images-'));

// the docker CLI runs with BuildKit off (testkit), so berth sees the same and prints the same notice
process.env.DOCKER_BUILDKIT = '0';

const shell = (line: string) => spawnSync('sh', ['-c', line], { encoding: 'utf8' });

const context = join(work, 'context');

beforeAll(async () => {
  await tagged('busybox:1.29', `${repo}:one`);
  await tagged('busybox:1.29', `${repo}:two`);
  await tagged('berth-fixtures/web:latest', `${repo}:web`);
  mkdirSync(context);
  writeFileSync(
    join(context, 'Dockerfile'),
    'FROM busybox:1.29\nARG GREETING=hi\nCOPY . /ctx\nRUN ls /ctx > /listing && echo "$GREETING" > /greeting\n',
  );
  writeFileSync(join(context, 'keep.txt'), 'keep\n');
  writeFileSync(join(context, 'secret.txt'), 'never sent\n');
  mkdirSync(join(context, 'cache'));
  writeFileSync(join(context, 'cache', 'big.bin'), 'x'.repeat(10_000));
  writeFileSync(join(context, '.dockerignore'), 'secret.txt\ncache\n');
}, 60_000);

afterAll(async () => {
  await fixtures.removeAll();
  rmSync(work, { recursive: true, force: true });
  console.info(
    `images/tag/rmi/save/load/build/history: ${counter.compared + fixtures.compared} command lines compared with docker`,
  );
});

kit.describe('berth images, line for line as docker', () => {
  it('lists by repository with every flag', async () => {
    for (const extra of [
      [],
      ['-a'],
      ['--digests'],
      ['--no-trunc'],
      ['-q'],
      ['-q', '--no-trunc'],
      ['--digests', '-q'],
    ]) {
      await counter.same(['images', ...extra, repo], { normalize: masked });
    }
    await counter.same(['image', 'ls', `${repo}:one`], { normalize: masked });
    await counter.same(['image', 'list', '--filter', `reference=${repo}:t*`], { normalize: masked });
  });

  it('formats with table, table TEMPLATE, json and plain templates', async () => {
    for (const format of [
      'table',
      'json',
      '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}} {{.Containers}}',
      'table {{.Repository}}\t{{.Tag}}\t{{.CreatedAt}}',
      'table {{.ID}}',
    ]) {
      await counter.same(['images', '--format', format, repo], { normalize: masked });
    }
    await counter.same(['images', '--digests', '--format', 'table {{.Repository}}', repo], { normalize: masked });
  });

  it('filters as the engine does, and refuses what docker refuses', async () => {
    await counter.same(['images', '-f', 'dangling=false', '-f', `reference=${repo}`], { normalize: masked });
    await counter.same(['images', '-f', `before=${repo}:web`, '-f', `reference=${repo}`], { normalize: masked });
    await counter.same(['images', '-f', `since=busybox:1.29`, '-f', `reference=${repo}`], { normalize: masked });
    await counter.same(['images', '-f', 'label=berth.fixture.hash', '-f', `reference=${repo}`], { normalize: masked });
    await counter.same(['images', '-f', 'nosuch=1']);
    await counter.same(['images', '-f', 'novalue']);
  });
});

kit.describe('berth tag and rmi', () => {
  it('tags, then removes two at once with docker’s Untagged lines and failures at the end', async () => {
    const a = `${repo}:rm-a`;
    const b = `${repo}:rm-b`;
    await inTurn(['rmi', a, b, `${repo}:missing`], async () => {
      expect((await berthCli(['tag', `${repo}:one`, a])).exitCode).toBe(0);
      expect((await berthCli(['tag', `${repo}:one`, b])).exitCode).toBe(0);
    });
    await counter.same(['tag', 'busybox:1.29', 'Bad']);
    await counter.same(['tag', 'no-such-image:1', `${repo}:x`]);
    await counter.same(['tag', 'busybox:1.29', `${repo}@sha256:${'a'.repeat(64)}`]);
    await counter.same(['rmi']);
  });

  it('deletes an image and its layers (Deleted: lines), and refuses one a container uses', async () => {
    const built = `${repo}:deleted`;
    // each side deletes an image of its own build: the same lines, other ids
    const ids = (text: string) => text.replace(/sha256:[0-9a-f]{64}/g, 'sha256:<id>');
    await inTurn(
      ['rmi', built],
      async () => {
        await docker('build', '-q', '--label', `berth.test.scope=${repo}`, '-t', built, context);
        made.add(built);
      },
      ids,
    );
    const container = await kit.createViaCli([`${repo}:web`]);
    const id = (await docker('image', 'inspect', '-f', '{{.Id}}', `${repo}:web`)).trim();
    const inUse = await inTurn(['rmi', id], async () => undefined);
    expect(inUse.stderr).toContain('(must be forced)');
    await docker('rm', container.Id);
  });
});

kit.describe('berth save and load', () => {
  it('round-trips through -o and -i, and through stdout and stdin, streaming', async () => {
    const archive = join(work, 'saved.tar');
    const image = `${repo}:saved`;
    await tagged('busybox:1.29', image);
    const save = await berthCli(['save', '-o', archive, image]);
    expect(save).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(statSync(archive).size).toBeGreaterThan(1_000_000);
    await docker('rmi', image);
    await inTurn(['load', '-i', archive], () => dockerCli(['rmi', image]));
    // through a shell's pipes, as a user pipes them: bytes, not text
    const piped = join(work, 'piped.tar');
    expect(shell(`node ${BERTH_BIN} save ${image} > ${piped}`).status).toBe(0);
    expect(statSync(piped).size).toBe(statSync(archive).size);
    await docker('rmi', image);
    const loaded = shell(`node ${BERTH_BIN} load < ${piped}`);
    expect({ status: loaded.status, stdout: loaded.stdout, stderr: loaded.stderr }).toEqual({
      status: 0,
      stdout: `Loaded image: ${image}\n`,
      stderr: '',
    });
    await inTurn(['load', '-q', '-i', archive], async () => undefined);
  });

  it('refuses as docker does: a missing file, a missing image, an empty stdin', async () => {
    await counter.same(['load', '-i', join(work, 'nosuch.tar')]);
    await counter.same(['save', `${repo}:nosuch`]);
    await counter.same(['save', '-o', join(work, 'no', 'dir', 'x.tar'), `${repo}:one`]);
    await counter.same(['load'], {
      input: '',
      normalize: (text) => text.replace(/docker-import-\d+/, 'docker-import-<n>'),
    });
  });
});

kit.describe('berth build and history', () => {
  it('builds from a context less .dockerignore, with -t twice, --build-arg, --label and --iidfile', async () => {
    const iid = join(work, 'iid');
    const result = await berthCli([
      'build',
      '-t',
      `${repo}:built`,
      '-t',
      `${repo}:built2`,
      '--build-arg',
      'GREETING=hello',
      '--label',
      `berth.test.scope=${repo}`,
      '--iidfile',
      iid,
      context,
    ]);
    made.add(`${repo}:built`);
    made.add(`${repo}:built2`);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Sending build context to Docker daemon +\S+\r\r\nStep 1\/5 : FROM busybox:1.29\n/);
    expect(result.stdout).toContain(`Successfully tagged ${repo}:built2\n`);
    const id = readFileSync(iid, 'utf8');
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const listing = await kit.labelledCli(['run'], ['--rm', id, 'cat', '/listing', '/greeting']);
    expect(listing.stdout).toBe('Dockerfile\nkeep.txt\nhello\n');
    // the same build by docker: its output, step for step, is berth's (cached steps and ids alike)
    const cached = await inTurn(
      ['build', '-t', `${repo}:built`, '--label', `berth.test.scope=${repo}`, '--build-arg', 'GREETING=hello', context],
      async () => undefined,
    );
    expect(cached.stdout).toContain('Using cache');
    await inTurn(
      [
        'build',
        '-q',
        '-t',
        `${repo}:built`,
        '--label',
        `berth.test.scope=${repo}`,
        '--build-arg',
        'GREETING=hello',
        context,
      ],
      async () => undefined,
    );
  });

  it('ends with a failing step’s exit code, as docker does', async () => {
    const failing = join(work, 'failing');
    mkdirSync(failing);
    writeFileSync(join(failing, 'Dockerfile'), 'FROM busybox:1.29\nRUN exit 3\n');
    await inTurn(
      ['build', '--label', `berth.test.scope=${repo}`, failing],
      async () => undefined,
      (text) => text.replace(/Running in [0-9a-f]{12}/g, 'Running in <id>'),
    );
  });

  it('prints history in every form', async () => {
    for (const extra of [
      [],
      ['-H=false'],
      ['--no-trunc'],
      ['-q'],
      ['--format', 'json'],
      ['--format', '{{.CreatedBy}}|{{.Size}}'],
    ]) {
      await counter.same(['history', ...extra, `${repo}:built`], { normalize: masked });
    }
    await counter.same(['history', `${repo}:nosuch`]);
  });
});
