import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparableInspect, comparableRequest, DockerCliRefusedError, overBaseline, useEngine } from '@berth/testkit';
import type { ContainerCreateRequest, ContainerInspect } from '@berth/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SecurityError } from './errors';
import { readFile } from './node';
import { parseSecurityFlags, type SecurityFlags } from './security-flags';

// Conformance: each line of docker CLI flags goes both through `docker create` and through this package's parser
// into POST /containers/create; the security fields of the two containers must be equal. Lines docker refuses
// (at create, or when the container starts) must be refused by the parser with a SecurityError naming the token.

const kit = await useEngine();
const IMAGE = 'busybox:1.29';

const dir = mkdtempSync(join(tmpdir(), 'berth-security-'));
const profile = join(dir, 'profile.json');
const brokenProfile = join(dir, 'broken.json');
const listProfile = join(dir, 'list.json');
writeFileSync(
  profile,
  '{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "syscalls": [ { "names": [ "mkdir" ], "action": "SCMP_ACT_ERRNO" } ]\n}\n',
);
writeFileSync(brokenProfile, '{ "defaultAction": ');
writeFileSync(listProfile, '[ ]');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Containers the `container:<name>` modes join, made before the table runs.
const peer = kit.name('sec-peer');

type Row =
  | { args: string[]; same: true }
  | { args: string[]; refused: string }
  | { args: string[]; refusedAtStart: string };

const same = (...args: string[]): Row => ({ args, same: true });
const refused = (token: string, ...args: string[]): Row => ({ args, refused: token });
const refusedAtStart = (token: string, ...args: string[]): Row => ({ args, refusedAtStart: token });

const ROWS: Row[] = [
  // ch. 6.3: run-as users and groups
  same('--user', 'nobody'),
  same('-u', 'nobody:nogroup'),
  same('-u', '10000:20000'),
  same('-u', '0'),
  same('-u', 'root:wheel'),
  same('-u', ':20000'),
  same('--group-add', 'wheel'),
  same('--group-add', '100', '--group-add', 'audio'),
  same('-u', 'nobody', '--group-add', 'wheel', '--group-add', 'wheel'),
  refusedAtStart('4294967296', '-u', '4294967296'),
  refusedAtStart('-1', '-u', '-1'),
  refusedAtStart('', '--group-add', ''),
  refusedAtStart('4294967296', '--group-add', '4294967296'),
  // ch. 6.4: capabilities
  same('--cap-add', 'sys_admin'),
  same('--cap-add', 'CAP_NET_ADMIN'),
  same('--cap-add', 'Net_Admin', '--cap-add', 'net_admin'),
  same('--cap-drop', 'net_raw'),
  same('--cap-drop', 'all', '--cap-add', 'setuid', '--cap-add', 'chown'),
  same('--cap-add', 'all'),
  same('--cap-drop', 'ALL'),
  same('--cap-add', 'cap_audit_read'),
  same('--cap-add', 'sys_time', '--cap-drop', 'mknod', '--cap-drop', 'CAP_AUDIT_WRITE'),
  same('-u', 'nobody', '--cap-drop', 'net_raw', '--security-opt', 'no-new-privileges'),
  refused('foo', '--cap-add', 'foo'),
  refused('cap_bpf', '--cap-drop', 'cap_bpf'),
  refused('perfmon', '--cap-add', 'perfmon'),
  refused('net_raw ', '--cap-add', 'net_raw '),
  refused('', '--cap-add', ''),
  refused('cap_all', '--cap-drop', 'cap_all'),
  // ch. 6.5: privileged
  same('--privileged'),
  same('--privileged', '--cap-add', 'sys_admin'),
  // ch. 6.6.1: security options
  same('--security-opt', 'no-new-privileges'),
  same('--security-opt', 'no-new-privileges=true'),
  same('--security-opt', 'no-new-privileges:false'),
  same('--security-opt', 'no-new-privileges=1'),
  same('--security-opt', 'seccomp=unconfined'),
  same('--security-opt', 'seccomp:unconfined'),
  same('--security-opt', 'seccomp=builtin'),
  same('--security-opt', `seccomp=${profile}`),
  same('--security-opt', `seccomp:${profile}`),
  same('--security-opt', 'apparmor=unconfined'),
  same('--security-opt', 'apparmor:docker-default'),
  same('--security-opt', 'label=user:system_u'),
  same('--security-opt', 'label=role:system_r'),
  same('--security-opt', 'label=type:svirt_apache_t'),
  same('--security-opt', 'label=level:s0:c100,c200'),
  same('--security-opt', 'label=filetype:container_file_t'),
  same('--security-opt', 'label=disable'),
  same('--security-opt', 'label:disable'),
  same('--security-opt', 'systempaths=unconfined'),
  same('--security-opt', 'systempaths=unconfined', '--security-opt', 'no-new-privileges'),
  same('--security-opt', 'label=user:U', '--security-opt', 'label=role:R', '--security-opt', 'seccomp=unconfined'),
  refused('no-new-privileges=yes', '--security-opt', 'no-new-privileges=yes'),
  refused('no-new-privileges=', '--security-opt', 'no-new-privileges='),
  refused('no-new-privileges:', '--security-opt', 'no-new-privileges:'),
  refused('foo=bar', '--security-opt', 'foo=bar'),
  refused('disable', '--security-opt', 'disable'),
  refused('label', '--security-opt', 'label'),
  refused('seccomp=', '--security-opt', 'seccomp='),
  refused('apparmor=', '--security-opt', 'apparmor='),
  refused('systempaths=foo', '--security-opt', 'systempaths=foo'),
  refused('systempaths:unconfined', '--security-opt', 'systempaths:unconfined'),
  refused(`seccomp=${dir}/missing.json`, '--security-opt', `seccomp=${dir}/missing.json`),
  refused(`seccomp=${brokenProfile}`, '--security-opt', `seccomp=${brokenProfile}`),
  refusedAtStart(`seccomp=${listProfile}`, '--security-opt', `seccomp=${listProfile}`),
  // ch. 6.2 and the other namespaces
  same('--ipc', 'none'),
  same('--ipc', 'private'),
  same('--ipc', 'shareable'),
  same('--ipc', 'host'),
  same('--ipc', ''),
  same('--ipc', `container:${peer}`),
  same('--pid', 'host'),
  same('--pid', `container:${peer}`),
  same('--uts', 'host'),
  same('--userns', 'host'),
  same('--cgroupns', 'host'),
  same('--cgroupns', 'private'),
  same('--ipc', 'shareable', '--pid', 'host', '--uts', 'host', '--userns', 'host', '--cgroupns', 'private'),
  refused('container:x:y', '--ipc', 'container:x:y'),
  refused('private', '--pid', 'private'),
  refused('container:', '--pid', 'container:'),
  refused('foo', '--pid', 'foo'),
  refused('private', '--uts', 'private'),
  refused('private', '--userns', 'private'),
  refused('foo', '--cgroupns', 'foo'),
  refusedAtStart('foo', '--ipc', 'foo'),
  refusedAtStart('Host', '--ipc', 'Host'),
  refusedAtStart('container:', '--ipc', 'container:'),
  // sysctls
  same('--sysctl', 'net.ipv4.ip_forward=1'),
  same('--sysctl', 'kernel.shmmax=1000000', '--sysctl', 'kernel.msgmax=8192'),
  same('--sysctl', 'fs.mqueue.msg_max=20'),
  same('--sysctl', 'net.core.somaxconn=1024', '--sysctl', 'net.core.somaxconn=512'),
  same('--sysctl', 'net.ipv4.ip_forward='),
  same('--sysctl', 'net.ipv4.ip_forward=1', '--network', 'none'),
  same('--sysctl', 'kernel.shmmax=1', '--ipc', 'none'),
  same('--sysctl', 'kernel.shmmax=1', '--network', 'host'),
  refused('vm.swappiness=1', '--sysctl', 'vm.swappiness=1'),
  refused('kernel.domainname=x', '--sysctl', 'kernel.domainname=x'),
  refused('net.ipv4.ip_forward', '--sysctl', 'net.ipv4.ip_forward'),
  refused('=1', '--sysctl', '=1'),
  refused('net/ipv4/ip_forward=1', '--sysctl', 'net/ipv4/ip_forward=1'),
  refusedAtStart('kernel.shmmax=1', '--sysctl', 'kernel.shmmax=1', '--ipc', 'host'),
  refusedAtStart('net.ipv4.ip_forward=1', '--sysctl', 'net.ipv4.ip_forward=1', '--network', 'host'),
];

/** Reads this package's flags (and --network, which the sysctl rules depend on) from a docker argv. */
function readArgv(args: readonly string[]): { flags: SecurityFlags; networkMode?: string } {
  const flags: SecurityFlags = {};
  const list = (key: 'groupAdd' | 'capAdd' | 'capDrop' | 'securityOpt' | 'sysctl', value: string) => {
    flags[key] = [...(flags[key] ?? []), value];
  };
  let networkMode: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--privileged') {
      flags.privileged = true;
      continue;
    }
    const value = args[++i] as string;
    if (flag === '-u' || flag === '--user') flags.user = value;
    else if (flag === '--group-add') list('groupAdd', value);
    else if (flag === '--cap-add') list('capAdd', value);
    else if (flag === '--cap-drop') list('capDrop', value);
    else if (flag === '--security-opt') list('securityOpt', value);
    else if (flag === '--sysctl') list('sysctl', value);
    else if (flag === '--ipc') flags.ipc = value;
    else if (flag === '--pid') flags.pid = value;
    else if (flag === '--uts') flags.uts = value;
    else if (flag === '--userns') flags.userns = value;
    else if (flag === '--cgroupns') flags.cgroupns = value;
    else if (flag === '--network') networkMode = value;
    else throw new Error(`the conformance table uses an unknown flag ${flag}`);
  }
  return networkMode === undefined ? { flags } : { flags, networkMode };
}

function securityView(inspect: ContainerInspect) {
  const { Config, HostConfig: h } = comparableInspect(inspect);
  return {
    User: Config.User,
    CapAdd: h.CapAdd,
    CapDrop: h.CapDrop,
    Privileged: h.Privileged,
    SecurityOpt: h.SecurityOpt,
    MaskedPaths: h.MaskedPaths,
    ReadonlyPaths: h.ReadonlyPaths,
    GroupAdd: h.GroupAdd,
    IpcMode: h.IpcMode,
    PidMode: h.PidMode,
    UTSMode: h.UTSMode,
    UsernsMode: h.UsernsMode,
    CgroupnsMode: h.CgroupnsMode,
    Sysctls: h.Sysctls,
    NetworkMode: h.NetworkMode,
  };
}

function parse(args: readonly string[]) {
  const { flags, networkMode } = readArgv(args);
  const fragment = parseSecurityFlags(flags, { readFile, ...(networkMode === undefined ? {} : { networkMode }) });
  return { fragment, networkMode };
}

function parseError(args: readonly string[]): unknown {
  try {
    parse(args);
  } catch (error) {
    return error;
  }
  return undefined;
}

// what the docker CLI sends for a bare `docker create IMAGE`: each parsed request is laid over it
let baseline: ContainerCreateRequest = {};

async function check(row: Row): Promise<string | undefined> {
  const label = row.args.join(' ');
  if ('refused' in row) {
    const cli = await kit.createViaCli([...row.args, IMAGE]).then(
      () => 'created',
      (error: unknown) => (error instanceof DockerCliRefusedError ? 'refused' : String(error)),
    );
    if (cli !== 'refused') return `${label}: docker ${cli}, expected it to refuse`;
  } else {
    const { inspect: cli, request: cliRequest } = await kit.createViaCliRecorded([...row.args, IMAGE]);
    if ('refusedAtStart' in row) {
      const started = await kit.cli(['start', cli.Id]);
      if (started.exitCode === 0) return `${label}: docker started the container, expected it to fail`;
    } else {
      const { fragment, networkMode } = parse(row.args);
      const request = {
        ...fragment,
        HostConfig: { ...fragment.HostConfig, ...(networkMode === undefined ? {} : { NetworkMode: networkMode }) },
      };
      const api = await kit.createViaApi({ Image: IMAGE, ...request });
      try {
        expect(securityView(api)).toEqual(securityView(cli));
        // and the request itself, field for field, as the docker CLI sent it
        expect(comparableRequest(overBaseline(baseline, request))).toEqual(comparableRequest(cliRequest));
      } catch (mismatch) {
        return `${label}: ${(mismatch as Error).message}`;
      }
      return undefined;
    }
  }
  const error = parseError(row.args);
  const token = 'refused' in row ? row.refused : row.refusedAtStart;
  if (!(error instanceof SecurityError)) return `${label}: the parser accepted it (${String(error)})`;
  if (error.input !== token) return `${label}: the parser named ${JSON.stringify(error.input)}, not ${token}`;
  return undefined;
}

/** Runs every check, `size` at a time, to the end: a failure never leaves containers being made after cleanup. */
async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<string | undefined>) {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      const failure = await run(item).catch((error: unknown) => String(error));
      if (failure !== undefined) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return failures;
}

kit.describe('security flags: the parser against the docker CLI', () => {
  beforeAll(async () => {
    baseline = (await kit.createViaCliRecorded([IMAGE])).request;
    await kit.createViaCli(['--name', peer, '--ipc', 'shareable', IMAGE, 'sleep', '30']);
  });

  it(`matches docker on ${ROWS.length} lines of flags`, async () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(50);
    expect(await inBatches(ROWS, 4, check)).toEqual([]);
  }, 180_000);
});
