// Book ch. 4 (storage and volumes), each scenario through the berth executable, and the volume commands' output
// compared line by line with docker's for the same state.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useEngine } from '@berth/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { berthCli } from './testing/berth-binary';
import { labelsInOrder, labelWords, PairedParity, succeeds } from './testing/paired-parity';

const kit = await useEngine();
const lines = new PairedParity();
const labels = labelWords(kit);
const scope = `label=berth.test.scope=${kit.labels['berth.test.scope']}`;
let host: string;

beforeAll(async () => {
  host = await mkdtemp(join(tmpdir(), 'berth-ch4-'));
});
afterAll(async () => {
  await rm(host, { recursive: true, force: true });
  console.info(`chapter 4: ${lines.compared} command lines compared with docker`);
});

async function berth(args: readonly string[], input?: string) {
  return berthCli(args, input === undefined ? {} : { input });
}

kit.describe('ch.4.2 bind mounts', () => {
  it('mounts a config read-only and a log file writable; a write to the config is refused', async () => {
    const conf = join(host, 'example.conf');
    const log = join(host, 'example.log');
    await writeFile(conf, 'server { listen 80; }\n');
    await writeFile(log, '');
    const name = kit.name('diaweb');
    await succeeds([
      'run',
      '-d',
      '--name',
      name,
      ...labels,
      '--mount',
      `type=bind,src=${conf},dst=/etc/app/default.conf,readonly=true`,
      '--mount',
      `type=bind,src=${log},dst=/var/log/app/access.log`,
      'busybox:1.29',
      'sleep',
      '300',
    ]);
    const write = await berth(['exec', name, 'sed', '-i', 's/listen 80/listen 8080/', '/etc/app/default.conf']);
    expect(write.exitCode).not.toBe(0);
    expect(write.stderr).toMatch(/Read-only file system|resource busy/i);
    expect(await readFile(conf, 'utf8')).toBe('server { listen 80; }\n');
    await succeeds(['exec', name, 'sh', '-c', 'echo GET / >> /var/log/app/access.log']);
    expect(await readFile(log, 'utf8')).toBe('GET /\n');
  });

  it('refuses a relative bind source as docker does (exit 125)', async () => {
    const docker = await kit.cli([
      'run',
      '--rm',
      '--mount',
      'type=bind,src=example.conf,dst=/x',
      'busybox:1.29',
      'true',
    ]);
    const ours = await berth(['run', '--rm', '--mount', 'type=bind,src=example.conf,dst=/x', 'busybox:1.29', 'true']);
    expect(ours.exitCode).toBe(125);
    expect(ours.exitCode).toBe(docker.exitCode);
    expect(ours.stderr).toContain('example.conf');
  });
});

kit.describe('ch.4.3 in-memory storage', () => {
  it('shows a tmpfs mount with its size and mode, as docker does', async () => {
    const args = [
      'run',
      '--rm',
      ...labels,
      '--mount',
      'type=tmpfs,dst=/tmp,tmpfs-size=16k,tmpfs-mode=1770',
      '--entrypoint',
      'mount',
      'busybox:1.29',
    ];
    const tmpLine = (text: string) => text.split('\n').filter((line) => line.includes(' on /tmp '));
    const [docker, ours] = await Promise.all([kit.cli(args), berth(args)]);
    expect(tmpLine(ours.stdout)).toEqual([
      'tmpfs on /tmp type tmpfs (rw,nosuid,nodev,noexec,relatime,size=16k,mode=1770)',
    ]);
    expect(tmpLine(ours.stdout)).toEqual(tmpLine(docker.stdout));
  });
});

kit.describe('ch.4.4 named volumes', () => {
  it('creates, inspects and lists volumes with docker output', async () => {
    const name = kit.name('location-example');
    expect(
      await succeeds(['volume', 'create', '--driver', 'local', '--label', 'example=location', ...labels, name]),
    ).toBe(`${name}\n`);
    const anonymous = (await succeeds(['volume', 'create', ...labels])).trim();
    expect(anonymous).toMatch(/^[0-9a-f]{64}$/);
    const mountpoint = await lines.same(['volume', 'inspect', '--format', '{{json .Mountpoint}}', name]);
    expect(mountpoint.stdout).toBe(`"/var/lib/docker/volumes/${name}/_data"\n`);
    await lines.same(['volume', 'inspect', name]);
    await lines.same(['volume', 'inspect', name, anonymous]);
    await lines.same(['volume', 'inspect', '-f', 'json', name]);
    await lines.same(['volume', 'inspect', '-f', '{{.Name}} {{.Driver}} {{.Labels.example}}', name, 'no-such-volume']);
    await lines.same(['volume', 'inspect', '-f', '{{', name]);
    await lines.same(['volume', 'ls', '--filter', scope]);
    await lines.same(['volume', 'list', '-q', '--filter', scope]);
    await lines.same(['volume', 'ls', '--format', 'json', '--filter', scope], { normalize: labelsInOrder });
    await lines.same(['volume', 'ls', '--format', 'raw', '--filter', scope]);
    await lines.same(['volume', 'ls', '--format', 'table {{.Name}}\\t{{.Driver}}\\t{{.Scope}}', '--filter', scope]);
    await lines.same(['volume', 'ls', '--format', '{{.Name}} {{.Label "example"}} {{.Mountpoint}}', '--filter', scope]);
    await lines.same(['volume', 'ls', '-f', 'label=example=location', '-f', scope]);
    await lines.same(['volume', 'ls', '-f', `name=${name}`]);
    await lines.same(['volume', 'ls', '-f', 'dangling=true', '-f', 'driver=local', '-f', scope]);
    await lines.same(['volume', 'ls', '-f', 'dangling']);
    await lines.same(['volume', 'create', '--label', ' ', 'x1']);
  });

  it('carries data across two database containers (ch.4.4.2)', async () => {
    const volume = kit.name('cass-shared');
    await succeeds(['volume', 'create', '--driver', 'local', '--label', 'example=cassandra', ...labels, volume]);
    const first = kit.name('cass1');
    await succeeds([
      'run',
      '--name',
      first,
      ...labels,
      '--volume',
      `${volume}:/var/lib/cassandra/data`,
      'busybox:1.29',
      'sh',
      '-c',
      'echo docker_hello_world > /var/lib/cassandra/data/keyspaces',
    ]);
    expect(await succeeds(['rm', '-vf', first])).toBe(`${first}\n`);
    const second = kit.name('cass2');
    expect(
      await succeeds([
        'run',
        '--name',
        second,
        ...labels,
        '-v',
        `${volume}:/var/lib/cassandra/data`,
        'busybox:1.29',
        'cat',
        '/var/lib/cassandra/data/keyspaces',
      ]),
    ).toBe('docker_hello_world\n');
    // the book's cleanup names the volume to `rm`, which knows only containers
    const mixed = await berth(['rm', '-vf', second, volume]);
    expect(mixed.stdout).toBe(`${second}\n`);
    expect(await succeeds(['volume', 'rm', volume])).toBe(`${volume}\n`);
  });
});

kit.describe('ch.4.5 shared mount points', () => {
  it('copies volumes transitively with --volumes-from', async () => {
    const fowler = kit.name('fowler');
    const knuth = kit.name('knuth');
    await succeeds([
      'run',
      '--name',
      fowler,
      ...labels,
      '--mount',
      'type=volume,dst=/library/PoEAA',
      '--mount',
      `type=bind,src=${host},dst=/library/DSL`,
      'busybox:1.29',
      'echo',
      'Fowler collection created.',
    ]);
    await succeeds([
      'run',
      '--name',
      knuth,
      ...labels,
      '--mount',
      'type=volume,dst=/library/TAoCP.vol1',
      '--mount',
      'type=volume,dst=/library/TAoCP.vol2',
      '--mount',
      'type=volume,dst=/library/TAoCP.vol3',
      '--mount',
      'type=volume,dst=/library/TAoCP.vol4.a',
      'busybox:1.29',
      'echo',
      'Knuth collection created',
    ]);
    const six = 'DSL\nPoEAA\nTAoCP.vol1\nTAoCP.vol2\nTAoCP.vol3\nTAoCP.vol4.a\n';
    const reader = kit.name('reader');
    expect(
      await succeeds([
        'run',
        '--name',
        reader,
        ...labels,
        '--volumes-from',
        fowler,
        '--volumes-from',
        knuth,
        'busybox:1.29',
        'ls',
        '/library/',
      ]),
    ).toBe(six);
    const mounts = JSON.parse(await succeeds(['inspect', '--format', '{{json .Mounts}}', reader])) as unknown[];
    expect(mounts).toHaveLength(6);
    const aggregator = kit.name('aggregator');
    await succeeds([
      'run',
      '--name',
      aggregator,
      ...labels,
      '--volumes-from',
      fowler,
      '--volumes-from',
      knuth,
      'busybox:1.29',
      'echo',
      'Collection Created.',
    ]);
    expect(
      await succeeds(['run', '--rm', ...labels, '--volumes-from', aggregator, 'busybox:1.29', 'ls', '/library/']),
    ).toBe(six);
  });

  it('keeps one volume when two sources use the same mount point', async () => {
    const chomsky = kit.name('chomsky');
    const lamport = kit.name('lamport');
    await succeeds(['run', '--name', chomsky, ...labels, '--volume', '/library/ss', 'busybox:1.29', 'true']);
    await succeeds(['run', '--name', lamport, ...labels, '--volume', '/library/ss', 'busybox:1.29', 'true']);
    const student = kit.name('student');
    await succeeds([
      'run',
      '--name',
      student,
      ...labels,
      '--volumes-from',
      chomsky,
      '--volumes-from',
      lamport,
      'busybox:1.29',
      'ls',
      '/library/',
    ]);
    const names = (name: string) =>
      succeeds(['inspect', '-f', '{{range .Mounts}}{{.Destination}}={{.Name}} {{end}}', name]);
    const theirs = [await names(chomsky), await names(lamport)];
    const mine = await names(student);
    expect(mine.trim().split(' ')).toHaveLength(1);
    expect(theirs).toContain(mine);
  });
});

kit.describe('ch.4.6 cleaning up volumes', () => {
  it('removes named volumes by list, refuses one in use naming its container', async () => {
    const names = ['amazon', 'google', 'microsoft'].map((name) => kit.name(name));
    for (const name of names) {
      await succeeds([
        'run',
        '--rm',
        ...labels,
        '--mount',
        `type=volume,src=${name},dst=/tmp`,
        'busybox:1.29',
        'sh',
        '-c',
        `echo ${name} > /tmp/results.txt`,
      ]);
    }
    expect(await succeeds(['volume', 'ls', '-q', '-f', `name=${names[0]}`])).toBe(`${names[0]}\n`);
    expect(await succeeds(['volume', 'remove', ...names])).toBe(names.map((name) => `${name}\n`).join(''));
    const used = kit.name('used');
    await succeeds(['volume', 'create', ...labels, used]);
    const holder = kit.name('holder');
    await succeeds(['create', '--name', holder, ...labels, '-v', `${used}:/data`, 'busybox:1.29']);
    const refusal = await lines.same(['volume', 'rm', used, 'no-such-volume']);
    expect(refusal.stderr).toMatch(/volume is in use - \[[0-9a-f]{64}\]/);
    await lines.same(['volume', 'rm', '-f', 'no-such-volume']);
    await succeeds(['rm', holder]);
  });

  it('prunes by label after the prompt (answered through stdin) or with -f, as docker does', async () => {
    const make = async (side: string, count: number) => {
      const made: string[] = [];
      for (let index = 0; index < count; index++) {
        const name = kit.name(`prune-${side}`);
        await succeeds(['volume', 'create', ...labels, '--label', `example=cassandra-${side}`, name]);
        await succeeds([
          'run',
          '--rm',
          ...labels,
          '-v',
          `${name}:/data`,
          'busybox:1.29',
          'sh',
          '-c',
          'echo hello > /data/x',
        ]);
        made.push(name);
      }
      return made;
    };
    const [ofDocker, ofBerth] = await Promise.all([make('d', 2), make('b', 2)]);
    const alike = (text: string) =>
      [...ofDocker, ...ofBerth].reduce((result, name) => result.replaceAll(name, '<volume>'), text);
    const prune = (side: string, extra: readonly string[]) => [
      'volume',
      'prune',
      '--filter',
      `label=example=cassandra-${side}`,
      ...extra,
    ];
    // answered no: nothing goes
    await lines.paired(prune('d', []), prune('b', []), { normalize: alike, sequential: true, input: 'n\n' });
    expect(await succeeds(['volume', 'ls', '-q', '-f', 'label=example=cassandra-b'])).toBe(
      `${[...ofBerth].sort().join('\n')}\n`,
    );
    // the book's key=value filter means a label; docker takes only label=…
    const yes = await lines.paired(prune('d', []), prune('b', []), {
      normalize: alike,
      sequential: true,
      input: 'y\n',
    });
    expect(alike(yes.stdout)).toContain('Deleted Volumes:\n<volume>\n<volume>\n\nTotal reclaimed space: 12B\n');
    await lines.paired(prune('d', ['-f']), prune('b', ['--force']), {
      normalize: alike,
      sequential: true,
    });
    await lines.same(['volume', 'prune', '--filter', 'label!=berth.test', '--filter', 'label=nothing-has-this', '-f']);
    const book = kit.name('book');
    await succeeds(['volume', 'create', ...labels, '--label', 'example=location', book]);
    expect((await succeeds(['volume', 'prune', '--filter', 'example=location', '--force'])).split('\n')).toContain(
      book,
    );
  });

  it('shows a dry run and changes nothing', async () => {
    const name = kit.name('dry');
    const planned = await succeeds(['volume', 'create', '--dry-run', ...labels, name]);
    expect(JSON.parse(planned)).toMatchObject({ method: 'POST', path: '/volumes/create', body: { Name: name } });
    expect((await berth(['volume', 'inspect', name])).exitCode).toBe(1);
    const kept = kit.name('kept');
    await succeeds(['volume', 'create', ...labels, '--label', 'set=dry', kept]);
    expect(
      JSON.parse((await succeeds(['volume', 'rm', '--dry-run', kept])).replace(/\n[^\n]*\n$/, '\n')),
    ).toMatchObject({
      method: 'DELETE',
      path: `/volumes/${kept}`,
    });
    const pruning = await succeeds(['volume', 'prune', '--dry-run', '-f', '--filter', 'label=set=dry']);
    expect(pruning).toContain('"path": "/volumes/prune"');
    expect(pruning).toContain('"set=dry"');
    expect(await succeeds(['volume', 'ls', '-q', '-f', 'label=set=dry'])).toBe(`${kept}\n`);
  });
});
