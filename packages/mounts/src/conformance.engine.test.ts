// The storage flags parsed by berth against the docker CLI 28 on the same engine: for each row, `docker create`
// with the flags and `POST /containers/create` with berth's fragment must give the same container; what docker
// refuses berth refuses, naming the offending token. Rows use $T (a temp dir of bind sources), $V (a labelled
// named volume) and $F/$K (labelled source containers for --volumes-from).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparableInspect, comparableRequest, overBaseline, useEngine } from '@berth/testkit';
import { type ContainerCreateRequest, type ContainerInspect, gatedFieldsUsed, type Mount } from '@berth/types';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { MountError, parseStorage, type StorageFlags, type StorageRequest } from './index';

const kit = await useEngine();
const IMAGE = 'busybox:1.29';

/** docker create flags (the image is appended). */
type Row = readonly string[];

const ACCEPTED: Row[] = [
  // --mount type=bind (ch. 4.2)
  ['--mount', 'type=bind,src=$T,dst=/x'],
  ['--mount', 'type=bind,source=$T/conf,target=/etc/conf'],
  ['--mount', 'type=bind,source=$T/conf,destination=/etc/conf,readonly=true'],
  ['--mount', 'type=bind,src=$T/example.conf,dst=/etc/nginx/conf.d/default.conf,readonly'],
  ['--mount', 'type=bind,src=$T,dst=/x,ro=1'],
  ['--mount', 'type=bind,src=$T,dst=/x,readonly=false'],
  ['--mount', 'type=bind,src=$T,dst=/x,ro=0'],
  ['--mount', 'TYPE=BIND,SRC=$T,DST=/x'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-propagation=rshared'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-propagation=RSLAVE'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-propagation=private'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=enabled'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=disabled'],
  ['--mount', 'type=bind,src=$T,dst=/x,consistency=cached'],
  ['--mount', 'type=bind,src=$T,dst=/x,consistency=bogus'],
  ['--mount', 'type=bind,src=.,dst=/x'],
  ['--mount', 'type=bind,src=./src,dst=/x'],
  ['--mount', 'type=bind,src=..,dst=/x'],
  ['--mount', 'type=bind,src=$T/,dst=/x/'],
  ['--mount', 'type=bind,src=$T,dst=/x/../y'],
  ['--mount', '"type=bind","src=$T","dst=/x"'],
  ['--mount', 'type=bind,"src=$T/a,b",dst=/x'],
  ['--mount', 'type=tmpfs,type=bind,src=$T,dst=/x'],
  ['--mount', 'type=bind,src=$T,dst=/x,dst=/y'],
  // --mount type=volume (ch. 4.4, 4.5)
  ['--mount', 'type=volume,dst=/x'],
  ['--mount', 'dst=/x'],
  ['--mount', 'type=volume,src=$V,dst=/data'],
  ['--mount', 'src=$V,dst=/data,ro'],
  ['--mount', 'type=volume,src=$V,dst=/data,readonly=true'],
  ['--mount', 'type=volume,dst=/x,volume-nocopy'],
  ['--mount', 'type=volume,dst=/x,volume-nocopy=false'],
  ['--mount', 'type=volume,dst=/x,volume-label=a=b'],
  ['--mount', 'type=volume,dst=/x,volume-label=a=b,volume-label=c'],
  ['--mount', 'type=volume,dst=/x,volume-label==v'],
  ['--mount', 'type=volume,dst=/x,volume-driver=local'],
  ['--mount', 'type=volume,src=$V,dst=/x,volume-opt=type=tmpfs,volume-opt=device=tmpfs'],
  ['--mount', 'type=volume,dst=/x,volume-opt=type=tmpfs,volume-opt=device=tmpfs,"volume-opt=o=size=1m,uid=1000"'],
  // --mount type=tmpfs (ch. 4.3)
  ['--mount', 'type=tmpfs,dst=/tmp'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=16k,tmpfs-mode=1770'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=1MB,tmpfs-mode=700'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=1.5k'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=16 k'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=0,tmpfs-mode=0'],
  ['--mount', 'type=tmpfs,dst=/tmp,readonly'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-size=1000'],
  ['--mount', 'type=tmpfs,dst=/tmp,tmpfs-mode=0'],
  ['--mount', 'type=tmpfs,dst=/x\nignored=line'],
  ['--mount', 'type=tmpfs,dst=/a', '--mount', 'type=volume,dst=/b', '--mount', 'type=bind,src=$T,dst=/c'],
  // -v (ch. 2.4.1, 4.4.2, 4.5.1)
  ['-v', '/data'],
  ['-v', '/run/apache2/'],
  ['-v', '$V:/data'],
  ['-v', '$V:/data:ro'],
  ['-v', '$V:/data:nocopy'],
  ['-v', '$V:/data:nocopy,ro'],
  ['-v', '$V:/data:z'],
  ['-v', '$T:/x'],
  ['-v', '$T:/x:ro'],
  ['-v', '$T:/x:rw'],
  ['-v', '$T:/x:ro,z'],
  ['-v', '$T:/x:Z'],
  ['-v', '$T:/x:rshared'],
  ['-v', '$T:/x:cached'],
  ['-v', '$T:/x:consistent'],
  ['-v', '$T:/x:ro,delegated,rslave'],
  ['-v', '.:/x'],
  ['-v', './src:/x:ro'],
  ['-v', '..:/x'],
  ['-v', '$T/missing:/x'],
  ['-v', '$T/:/x/'],
  ['-v', '$T:/x/../y'],
  ['-v', '$T:/x', '-v', '$T:/x'],
  ['-v', '/data', '-v', '/data'],
  ['-v', '/a', '-v', '/b', '-v', '$T:/c', '-v', '$V:/d'],
  ['--volume-driver', 'local', '-v', '$V:/x'],
  // --tmpfs (ch. 2.4.1)
  ['--tmpfs', '/tmp'],
  ['--tmpfs', '/tmp:size=64m,mode=1770'],
  ['--tmpfs', '/x:rw,exec'],
  ['--tmpfs', '/x:'],
  ['--tmpfs', '/x:size=1k,uid=1000,gid=1000'],
  ['--tmpfs', '/a', '--tmpfs', '/b:ro'],
  ['--tmpfs', '/x', '--tmpfs', '/x'],
  ['--tmpfs', '\\x'],
  // --volumes-from (ch. 4.5.1) and --read-only (ch. 2.4.1)
  ['--volumes-from', '$F'],
  ['--volumes-from', '$F:ro'],
  ['--volumes-from', '$F', '--volumes-from', '$K'],
  ['--volumes-from', '$F:ro,z'],
  ['--read-only'],
  ['--read-only', '--read-only'],
  ['--read-only', '-v', '/run/apache2/', '--tmpfs', '/tmp'],
  ['-v', '$V:/data', '--mount', 'type=tmpfs,dst=/tmp', '--tmpfs', '/run', '--volumes-from', '$F'],
];

const REFUSED: Row[] = [
  ['--mount', ''],
  ['--mount', 'type=bind,src=$T,dst=/x"'],
  ['--mount', '"type=bind'],
  ['--mount', '"type"=bind,src=$T,dst=/x'],
  ['--mount', 'type=volume,target=/foo,bogus=foo'],
  ['--mount', 'type=volume, src=foo,target=/foo'],
  ['--mount', 'type=volume,src =foo,target=/foo'],
  ['--mount', 'type=volume,target=/foo,bogus'],
  ['--mount', 'type=tmpfs,dst=/x,'],
  ['--mount', ',type=tmpfs,dst=/x'],
  ['--mount', 'type=bind,src=$T,dst=/x,readonly=no'],
  ['--mount', 'type=volume,dst=/x,volume-nocopy=yes'],
  ['--mount', 'type=tmpfs,target=/foo,tmpfs-size=foo'],
  ['--mount', 'type=tmpfs,target=/foo,tmpfs-size=-1'],
  ['--mount', 'type=tmpfs,target=/foo,tmpfs-mode=1779'],
  ['--mount', 'type=tmpfs,target=/foo,tmpfs-mode=foo'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=yes'],
  ['--mount', 'type=volume,target=/foo,source=foo2,bind-propagation=rprivate'],
  ['--mount', 'type=bind,target=/foo,source=$T,volume-nocopy=true'],
  ['--mount', 'type=bind,target=/foo,source=$T,tmpfs-size=1k'],
  ['--mount', 'type=tmpfs,target=/foo,volume-label=a=b'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=writable'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=readonly'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=readonly,ro'],
  ['--mount', 'type=volume,src=$V'],
  ['--mount', 'src=$V'],
  ['--mount', '"type=bind,src=$T,dst=/x"'],
  ['--mount', 'type=bind,src=$T,dst=/'],
  ['--mount', 'type=bind,src=$T,dst=relative'],
  ['--mount', 'type=bind,dst=/x'],
  ['--mount', 'type=bind,src=relative,dst=/x'],
  ['--mount', 'type=bind,src=~/foo,dst=/x'],
  ['--mount', 'type=bind,src=$T/nonexistent,dst=/x'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-propagation=bogus'],
  ['--mount', 'type=volume,dst=/x,readonly'],
  ['--mount', 'type=volume,src=a,dst=/x'],
  ['--mount', 'type=volume,src=/abs,dst=/x'],
  ['--mount', 'type=volume,src=.vol,dst=/x'],
  ['--mount', 'type=volume,src=vol a,dst=/x'],
  ['--mount', 'type=volume,dst=/x,volume-opt=bogus=1'],
  ['--mount', 'type=volume,dst=/x,volume-opt=type=tmpfs'],
  ['--mount', 'type=tmpfs,src=foo,dst=/x'],
  ['--mount', 'type=bogus,dst=/x'],
  ['--mount', 'type=npipe,src=$T,dst=/x'],
  ['--mount', 'type=image,src=busybox:1.29,dst=/x'],
  ['--mount', 'type=bind,src=$T,dst=/x,image-subpath=/a'],
  ['-v', ''],
  ['-v', ':/x'],
  ['-v', '/tmp:/x:'],
  ['-v', '/x::ro'],
  ['-v', '/tmp:/x:ro:z'],
  ['-v', '/x:rw'],
  ['-v', '/x:ro'],
  ['-v', '$T:relative'],
  ['-v', '$T:/'],
  ['-v', '$T:/x:bogus'],
  ['-v', '$T:/x:ro,rw'],
  ['-v', '$V:/x:z,Z'],
  ['-v', '$V:/x:default'],
  ['-v', 'c:/foo:/x'],
  ['-v', '$T:/x:nocopy'],
  ['-v', '$V:/x:rshared'],
  ['-v', 'a b:/x'],
  ['-v', '~/foo:/x'],
  ['-v', '~:/x'],
  ['-v', '$T:/x', '-v', '/var:/x'],
  ['-v', '$T:/data', '--mount', 'type=volume,dst=/data'],
  ['--mount', 'type=tmpfs,dst=/data', '--mount', 'type=volume,dst=/data'],
  ['--tmpfs', '/data', '-v', '$T:/data'],
  ['--tmpfs', 'relative'],
  ['--tmpfs', '/'],
  ['--tmpfs', '\\'],
  ['--tmpfs', ''],
  ['--volumes-from', '$F:bogus'],
  ['--volumes-from', '$F:rshared'],
  ['--volumes-from', '$F:nocopy'],
  ['--volumes-from', ':ro'],
  ['--volumes-from', ''],
];

/** Refused by berth although docker 28 creates the container: the rule and why berth keeps it. */
const STRICTER: [Row, string][] = [
  [['--mount', 'type=volume,src=,dst=/x'], 'empty value: refused by the current docker CLI'],
  [['--mount', 'type=tmpfs,dst=/x '], 'white space around a value: refused by the current docker CLI'],
  [['--mount', 'type=bind,src=$T,dst=/x,readonly=TRUE'], 'booleans are true/1/false/0 in the current docker CLI'],
  [['--mount', 'type=bind,src=$T,dst=/x,ro=t'], 'booleans are true/1/false/0 in the current docker CLI'],
  [['--mount', 'type=bind,src=$T,dst=/x,bind-nonrecursive'], 'removed by the current docker CLI'],
  [['-v', 'relative'], 'a relative anonymous volume lands under the root'],
  [['-v', 'a:/x'], 'read as the Windows path a:/x, a relative anonymous volume'],
  [['-v', 'ab'], 'a relative anonymous volume'],
  [['-v', '/'], 'fails only at start'],
  [['-v', '/data', '-v', '$T:/data'], 'the bind silently replaces the volume'],
  [['-v', '/data', '-v', '/data/'], 'two volumes on one path, one silently dropped'],
  [['--tmpfs', '/data', '-v', '/data'], 'the tmpfs silently replaces the volume'],
  [['--tmpfs', '/data', '--mount', 'type=tmpfs,dst=/data'], 'two tmpfs on one path'],
  [['--tmpfs', '/x', '--tmpfs', '/x:size=1k'], 'the docker CLI keeps only the last'],
  [['--tmpfs', '/x:bogus'], 'fails only at start: invalid tmpfs option'],
  [['--tmpfs', '/x:a:b'], 'fails only at start: invalid tmpfs option'],
];

/** Fields newer than API 1.41: berth parses them and lists them with gatedFieldsUsed; this engine would drop them. */
const GATED: Row[] = [
  ['--mount', 'type=bind,src=$T,dst=/x,bind-create-src'],
  ['--mount', 'type=bind,src=$T/to-create,dst=/x,bind-create-src'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=writable,readonly'],
  ['--mount', 'type=bind,src=$T,dst=/x,bind-recursive=readonly,readonly,bind-propagation=rprivate'],
  ['--mount', 'type=volume,src=$V,dst=/x,volume-subpath=sub'],
];

const places: Record<string, string> = {};
const substitute = (row: Row): string[] =>
  row.map((arg) => arg.replace(/\$([TVFK])/g, (_, key: string) => places[key] ?? `$${key}`));

function toFlags(args: readonly string[]): StorageFlags {
  const mount: string[] = [];
  const volume: string[] = [];
  const tmpfs: string[] = [];
  const volumesFrom: string[] = [];
  const flags: StorageFlags = { mount, volume, tmpfs, volumesFrom };
  for (let index = 0; index < args.length; index++) {
    const flag = args[index];
    if (flag === '--read-only') {
      flags.readOnly = true;
      continue;
    }
    const value = args[++index] ?? '';
    if (flag === '--mount') mount.push(value);
    else if (flag === '-v') volume.push(value);
    else if (flag === '--tmpfs') tmpfs.push(value);
    else if (flag === '--volumes-from') volumesFrom.push(value);
    else if (flag === '--volume-driver') flags.volumeDriver = value;
    else throw new TypeError(`no such storage flag in the table: ${flag}`);
  }
  return flags;
}

const parse = (args: readonly string[]): StorageRequest =>
  parseStorage(toFlags(args), { cwd: process.cwd(), pathExists: existsSync });

/** What the storage flags decide in a container, comparable between two containers. */
function storageView(inspect: ContainerInspect) {
  const { Config, HostConfig, Mounts } = comparableInspect(inspect);
  return {
    Binds: HostConfig.Binds ? [...HostConfig.Binds].sort() : null,
    Mounts: HostConfig.Mounts ?? null,
    Tmpfs: HostConfig.Tmpfs ?? null,
    VolumesFrom: HostConfig.VolumesFrom ?? null,
    VolumeDriver: HostConfig.VolumeDriver ?? '',
    ReadonlyRootfs: HostConfig.ReadonlyRootfs ?? false,
    Volumes: Config.Volumes ?? null,
    MountPoints: Mounts,
  };
}

/** The request without the fields an API 1.41 engine does not know (it drops them). */
function withoutGatedFields(request: StorageRequest): StorageRequest {
  const mounts = request.HostConfig.Mounts?.map((mount): Mount => {
    const copy = structuredClone(mount);
    delete copy.BindOptions?.CreateMountpoint;
    delete copy.BindOptions?.ReadOnlyNonRecursive;
    delete copy.BindOptions?.ReadOnlyForceRecursive;
    delete copy.VolumeOptions?.Subpath;
    return copy;
  });
  return { ...request, HostConfig: { ...request.HostConfig, ...(mounts ? { Mounts: mounts } : {}) } };
}

function expectRefusalNaming(args: readonly string[], run: () => unknown, expect: typeof import('vitest').expect) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(MountError);
  const error = thrown as MountError;
  expect(args).toContain(error.input);
  expect(error.message).toContain(JSON.stringify(error.input));
}

kit.describe('conformance with the docker CLI', () => {
  let temp = '';
  // what the docker CLI sends for a bare `docker create IMAGE`: each parsed request is laid over it
  let baseline: ContainerCreateRequest = {};
  beforeAll(async () => {
    baseline = (await kit.createViaCliRecorded([IMAGE])).request;
    temp = mkdtempSync(join(tmpdir(), 'berth-mounts-'));
    mkdirSync(join(temp, 'conf'));
    mkdirSync(join(temp, 'a,b'));
    writeFileSync(join(temp, 'example.conf'), 'server { listen 80; }\n');
    places.T = temp;
    places.V = kit.name('vol');
    places.F = kit.name('fowler');
    places.K = kit.name('knuth');
    const volume = await kit.labelledCli(['volume', 'create'], [places.V]);
    if (volume.exitCode !== 0) throw new TypeError(volume.stderr);
    await Promise.all([
      kit.createViaCli([
        '--name',
        places.F,
        '--mount',
        'type=volume,dst=/library/PoEAA',
        '--mount',
        `type=bind,src=${temp},dst=/library/DSL`,
        IMAGE,
      ]),
      kit.createViaCli(['--name', places.K, '-v', '/library/TAoCP.vol1', '-v', '/library/TAoCP.vol2', IMAGE]),
    ]);
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  describe(`${ACCEPTED.length} inputs docker accepts give the same container`, () => {
    it.concurrent.for(ACCEPTED.map((row) => [row.join(' ').replaceAll('\n', '\\n'), row] as const))(
      '%s',
      async ([, row], { expect }) => {
        const args = substitute(row);
        const request = parse(args);
        expect(gatedFieldsUsed(request)).toEqual([]);
        const [viaCli, viaApi] = await Promise.all([
          kit.createViaCliRecorded([...args, IMAGE]),
          kit.createViaApi({ Image: IMAGE, ...request }),
        ]);
        expect(storageView(viaApi)).toEqual(storageView(viaCli.inspect));
        // and the request itself, field for field, as the docker CLI sent it
        expect(comparableRequest(overBaseline(baseline, request))).toEqual(comparableRequest(viaCli.request));
      },
    );
  });

  describe(`${REFUSED.length} inputs docker refuses are refused, naming the token`, () => {
    it.concurrent.for(REFUSED.map((row) => [row.join(' '), row] as const))('%s', async ([, row], { expect }) => {
      const args = substitute(row);
      expectRefusalNaming(args, () => parse(args), expect);
      const docker = await kit.labelledCli(['create'], [...args, IMAGE]);
      expect(docker.exitCode, docker.stdout).not.toBe(0);
    });
  });

  describe(`${STRICTER.length} inputs berth refuses earlier than docker`, () => {
    it.concurrent.for(STRICTER.map(([row, why]) => [`${row.join(' ')} (${why})`, row] as const))(
      '%s',
      async ([, row], { expect }) => {
        const args = substitute(row);
        expectRefusalNaming(args, () => parse(args), expect);
        await expect(kit.createViaCli([...args, IMAGE])).resolves.toBeDefined();
      },
    );
  });

  describe(`${GATED.length} inputs use fields newer than API 1.41`, () => {
    it.concurrent.for(GATED.map((row) => [row.join(' '), row] as const))('%s', async ([, row], { expect }) => {
      const args = substitute(row);
      const request = parse(args);
      expect(gatedFieldsUsed(request).length).toBeGreaterThan(0);
      const supported = withoutGatedFields(request);
      const docker = await kit.labelledCli(['create'], [...args, IMAGE]);
      if (docker.exitCode !== 0) {
        // docker 28 refuses these against API 1.41; what the engine knows of the request must still be valid.
        if (!row.some((arg) => arg.includes('to-create'))) {
          await expect(kit.createViaApi({ Image: IMAGE, ...supported })).resolves.toBeDefined();
        }
        return;
      }
      const [viaCli, viaApi] = await Promise.all([
        kit.inspect(docker.stdout.trim()),
        kit.createViaApi({ Image: IMAGE, ...supported }),
      ]);
      expect(storageView(viaApi)).toEqual(storageView(viaCli));
    });
  });
});
