// Book chapter 4 (and the read-only root of 2.4.1) on the real engine, every container made from berth's parse.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCOPE_LABEL, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest } from '@berth/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeMounts,
  parseStorage,
  parseVolumeCreate,
  parseVolumeFilters,
  parseVolumeSpec,
  type StorageFlags,
} from './index';

const kit = await useEngine();
const IMAGE = 'busybox:1.29';

/** Creates a container from storage flags (and the rest of a create body) via the API, as berth would. */
async function create(flags: StorageFlags, body: Partial<ContainerCreateRequest> = {}) {
  const storage = parseStorage(flags);
  const request: ContainerCreateRequest = {
    Image: IMAGE,
    ...body,
    ...storage,
    HostConfig: { ...storage.HostConfig, ...body.HostConfig },
  };
  return (await kit.createViaApi(request)).Id;
}

/** Runs a container to its end and returns its exit code and output. */
async function run(flags: StorageFlags, cmd: string[]) {
  const id = await create(flags, { Cmd: cmd });
  const container = kit.docker.getContainer(id);
  await container.start();
  const { StatusCode } = (await container.wait()) as { StatusCode: number };
  return { exitCode: StatusCode, output: await kit.logs(id) };
}

async function createVolume(name: string, labels: string[] = []) {
  const request = parseVolumeCreate({
    name,
    labels: [...Object.entries(kit.labels).map(([k, v]) => `${k}=${v}`), ...labels],
  });
  await kit.docker.createVolume(request);
  return name;
}

const volumeExists = async (name: string) =>
  kit.docker
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      (error: { statusCode?: number }) => (error.statusCode === 404 ? false : Promise.reject(error)),
    );

kit.describe('book chapter 4 on the engine', () => {
  let host = '';
  beforeAll(() => {
    host = mkdtempSync(join(tmpdir(), 'berth-ch4-'));
  });
  afterAll(() => rmSync(host, { recursive: true, force: true }));

  // ch. 4.2: a read-only bind-mounted configuration cannot be changed from inside the container.
  it('refuses to change a read-only bind-mounted configuration', async () => {
    const conf = join(host, 'conf.d');
    mkdirSync(conf);
    writeFileSync(join(conf, 'default.conf'), 'server { listen 80; }\n');
    const sed = ['sed', '-i', 's/listen 80/listen 8080/', '/etc/nginx/conf.d/default.conf'];

    const directory = await run({ mount: [`type=bind,src=${conf},dst=/etc/nginx/conf.d,readonly=true`] }, sed);
    expect(directory.exitCode).not.toBe(0);
    expect(directory.output).toContain('Read-only file system');

    // The book mounts the file itself: sed cannot replace a mount point, and appending is refused.
    const file = `type=bind,src=${conf}/default.conf,dst=/etc/nginx/conf.d/default.conf,readonly=true`;
    const replaced = await run({ mount: [file] }, sed);
    expect(replaced.exitCode).not.toBe(0);
    expect(replaced.output).toContain('Device or resource busy');
    const appended = await run({ mount: [file] }, [
      'sh',
      '-c',
      'echo "listen 8080;" >> /etc/nginx/conf.d/default.conf',
    ]);
    expect(appended.output).toContain('Read-only file system');

    expect(readFileSync(join(conf, 'default.conf'), 'utf8')).toBe('server { listen 80; }\n');
  });

  // ch. 4.2: the container writes its log into a host file.
  it('writes from the container into a bind-mounted log file', async () => {
    const log = join(host, 'example.log');
    writeFileSync(log, '');
    const result = await run({ mount: [`type=bind,src=${log},dst=/var/log/nginx/custom.host.access.log`] }, [
      'sh',
      '-c',
      'echo "GET / HTTP/1.1 200" >> /var/log/nginx/custom.host.access.log',
    ]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('GET / HTTP/1.1 200\n');
  });

  // ch. 4.3: in-memory storage and its options, as `mount` shows them.
  it('mounts tmpfs with the options the book reads from mount', async () => {
    const [plain, limited, short] = await Promise.all([
      run({ mount: ['type=tmpfs,dst=/tmp'] }, ['mount']),
      run({ mount: ['type=tmpfs,dst=/tmp,tmpfs-size=16k,tmpfs-mode=1770'] }, ['mount']),
      run({ tmpfs: ['/tmp:size=16k,mode=1770'] }, ['mount']),
    ]);
    expect(plain.output).toContain('tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime)\n');
    expect(limited.output).toContain('tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime,size=16k,mode=1770)\n');
    expect(short.output).toContain('tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime,size=16k,mode=1770)\n');
  });

  // ch. 2.4.1: a read-only root keeps anonymous volumes and tmpfs writable.
  it('keeps -v and --tmpfs writable under --read-only', async () => {
    const result = await run({ readOnly: true, volume: ['/run/apache2/'], tmpfs: ['/tmp'] }, [
      'sh',
      '-c',
      'touch /run/apache2/pid && touch /tmp/upload && echo writable && touch /etc/config',
    ]);
    expect(result.output).toContain('writable');
    expect(result.output).toContain('touch: /etc/config: Read-only file system');
    expect(result.exitCode).not.toBe(0);
  });

  // ch. 4.4.2: the Cassandra story with the writer — data in a named volume outlives the container removed with -v.
  it('keeps a named volume’s data after its writer is removed with -v', async () => {
    const volume = await createVolume(kit.name('cass-shared'), ['example=cassandra']);
    const spec = parseVolumeSpec(`${volume}:/data`);
    expect(spec).toMatchObject({ kind: 'volume', name: volume });

    const writer = await create({ volume: [`${volume}:/data`] }, { Image: 'berth-fixtures/writer' });
    await kit.docker.getContainer(writer).start();
    for (let tries = 0; ; tries++) {
      const lines = (await kit.exec(writer, ['cat', '/data/logA'])).stdout.trim().split('\n').filter(Boolean);
      if (lines.length >= 2) break;
      if (tries > 50) throw new TypeError('the writer wrote nothing');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await kit.docker.getContainer(writer).remove({ force: true, v: true });
    expect(await volumeExists(volume)).toBe(true);

    const reader = await run({ volume: [`${volume}:/data:ro`] }, ['cat', '/data/logA']);
    expect(reader.exitCode).toBe(0);
    expect(reader.output.trim().split('\n').length).toBeGreaterThanOrEqual(2);
  });

  // ch. 4.6: anonymous volumes go with --rm and rm -v; named volumes are always removed by hand.
  it('removes anonymous volumes with --rm and rm -v, and keeps named ones', async () => {
    const named = await createVolume(kit.name('named'));
    const flags: StorageFlags = { volume: ['/anonymous', `${named}:/named`], mount: ['type=volume,dst=/mounted'] };
    const anonymousOf = async (id: string) =>
      describeMounts((await kit.inspect(id)).Mounts)
        .filter((mount) => mount.anonymous)
        .map((mount) => mount.source);

    const autoRemoved = await create(flags, { Cmd: ['true'], HostConfig: { AutoRemove: true } });
    const autoRemovedVolumes = await anonymousOf(autoRemoved);
    const container = kit.docker.getContainer(autoRemoved);
    const removed = container.wait({ condition: 'removed' });
    await container.start();
    await removed;

    const removedWithV = await create(flags);
    const removedWithVVolumes = await anonymousOf(removedWithV);
    await kit.docker.getContainer(removedWithV).remove({ v: true });

    const removedPlain = await create(flags);
    const orphans = await anonymousOf(removedPlain);
    await kit.docker.getContainer(removedPlain).remove();
    try {
      expect(autoRemovedVolumes).toHaveLength(2);
      expect(removedWithVVolumes).toHaveLength(2);
      for (const volume of [...autoRemovedVolumes, ...removedWithVVolumes])
        expect(await volumeExists(volume)).toBe(false);
      for (const volume of orphans) expect(await volumeExists(volume)).toBe(true);
      expect(await volumeExists(named)).toBe(true);
    } finally {
      // A plain rm leaves its anonymous volumes behind, without the test's labels: remove them here.
      await Promise.all(orphans.map((volume) => kit.docker.getVolume(volume).remove()));
    }
  });

  // ch. 4.5.1: --volumes-from copies mount definitions, transitively, and one mount point keeps one definition.
  it('copies mounts with --volumes-from transitively, one per mount point', async () => {
    const library = join(host, 'DSL');
    mkdirSync(library);
    const fowler = await create(
      { mount: ['type=volume,dst=/library/PoEAA', `type=bind,src=${library},dst=/library/DSL`] },
      { Cmd: ['echo', 'Fowler collection created.'] },
    );
    const knuth = await create(
      { mount: ['vol1', 'vol2', 'vol3', 'vol4.a'].map((v) => `type=volume,dst=/library/TAoCP.${v}`) },
      { Cmd: ['echo', 'Knuth collection created'] },
    );
    const aggregator = await create({ volumesFrom: [fowler, knuth] }, { Cmd: ['echo', 'Collection Created.'] });
    const reader = await run({ volumesFrom: [aggregator] }, ['ls', '/library/']);
    expect(reader.output.trim().split('\n')).toEqual([
      'DSL',
      'PoEAA',
      'TAoCP.vol1',
      'TAoCP.vol2',
      'TAoCP.vol3',
      'TAoCP.vol4.a',
    ]);
    const described = describeMounts((await kit.inspect(aggregator)).Mounts);
    expect(described.map(({ type, destination }) => `${type} ${destination}`)).toEqual([
      'bind /library/DSL',
      'volume /library/PoEAA',
      'volume /library/TAoCP.vol1',
      'volume /library/TAoCP.vol2',
      'volume /library/TAoCP.vol3',
      'volume /library/TAoCP.vol4.a',
    ]);

    const chomsky = await create({ volume: ['/library/ss'] }, { Cmd: ['echo', 'Chomsky collection created.'] });
    const lamport = await create({ volume: ['/library/ss'] }, { Cmd: ['echo', 'Lamport collection created.'] });
    const student = await create({ volumesFrom: [chomsky, lamport] }, { Cmd: ['ls', '-l', '/library/'] });
    const sources = await Promise.all(
      [chomsky, lamport].map(async (id) => describeMounts((await kit.inspect(id)).Mounts)[0]?.source),
    );
    const copied = describeMounts((await kit.inspect(student)).Mounts);
    expect(copied).toHaveLength(1);
    expect(copied[0]?.destination).toBe('/library/ss');
    expect(sources).toContain(copied[0]?.source);
    await Promise.all(
      [fowler, knuth, aggregator, chomsky, lamport, student].map((id) =>
        kit.docker.getContainer(id).remove({ v: true }),
      ),
    );
  });

  // ch. 4.6: a volume in use by a container, in any state, cannot be removed; docker names the container.
  it('refuses to remove a volume in use, naming the container', async () => {
    const volume = await createVolume(kit.name('in-use'));
    const container = await create({ volume: [`${volume}:/data`] });
    const result = await kit.cli(['volume', 'rm', volume]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(`remove ${volume}: volume is in use - [${container}]`);
    await expect(kit.docker.getVolume(volume).remove()).rejects.toMatchObject({ statusCode: 409 });
  });

  // ch. 4.6: `docker volume prune --filter example=cassandra` removes only the matching volumes no container uses.
  it('prunes only the unused volumes matching a label filter', async () => {
    const [unused, used, other] = await Promise.all([
      createVolume(kit.name('cass-unused'), ['example=cassandra']),
      createVolume(kit.name('cass-used'), ['example=cassandra']),
      createVolume(kit.name('location'), ['example=location']),
    ]);
    await create({ volume: [`${used}:/data`] });
    // The scope label keeps the prune to this test file's volumes.
    const filters = parseVolumeFilters(
      [`label=${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`, 'example=cassandra'],
      'prune',
    );
    expect(filters).toEqual({ label: [`${SCOPE_LABEL}=${kit.labels[SCOPE_LABEL]}`, 'example=cassandra'] });
    const report = (await kit.docker.pruneVolumes({ filters })) as { VolumesDeleted: string[] | null };
    expect(report.VolumesDeleted).toEqual([unused]);
    expect(await Promise.all([unused, used, other].map(volumeExists))).toEqual([false, true, true]);
  });
});
