import { parseAnyReference } from '@berth/image-ref';
import { parseRestartPolicy } from '@berth/lifecycle';
import { parseStorage } from '@berth/mounts';
import { parseContainerNetwork } from '@berth/network';
import { type HostFacts, parseResources } from '@berth/resources';
import { parseSecurityFlags } from '@berth/security';
import {
  type ApiVersion,
  type ContainerCreateRequest,
  compareApiVersions,
  gatedFieldSince,
  type HostConfig,
} from '@berth/types';
import type { FlagSet } from './argv';
import { type AttachStream, parseAttach, parseAttachStreams } from './attach';
import { type FileAccess, parseEnv, parseLabels } from './env-and-labels';
import { RunArgsError } from './errors';
import { FlagValues } from './flag-values';
import { parseGoDuration, parseGoInt } from './go-numbers';
import { parseHealthcheck } from './healthcheck';
import { type FileContent, keyValueMap } from './key-value-file';
import { parseLogConfig } from './logging';
import { formatPlatform, type Platform, parsePlatform } from './platform';
import { CREATE_FLAGS, RUN_FLAGS } from './run-flags';
import { API_SOCKET, type PullPolicy, parseContainerName, parsePullPolicy } from './run-options';

export interface ParseRunArgsOptions {
  /** `run` (default) or `create`: `create` has no `-d`, `--detach-keys`, `--sig-proxy`. */
  command?: 'run' | 'create';
  /**
   * The grammar to read `argv` with (default: `RUN_FLAGS` or `CREATE_FLAGS`, after `command`). A tool with flags of
   * its own passes that set extended with them (`RUN_FLAGS.with([...])`): they are read and left to the tool.
   */
  flags?: FlagSet;
  /** The engine's API version; when given, flags it does not know are refused as the docker CLI refuses them. */
  apiVersion?: ApiVersion | string;
  /** Directory that `.`-relative bind sources are resolved against (default: the process's, in Node). */
  cwd?: string;
  /**
   * Reads `--env-file`, `--label-file` and seccomp profiles (default: node:fs in Node; refused elsewhere). Give the
   * bytes, so that a file that is not UTF-8 is refused as docker refuses it; text is taken as already decoded.
   */
  readFile?: (path: string) => FileContent;
  /** Looks up the caller's environment for bare `-e NAME` (default: `process.env` in Node). */
  lookupEnv?: (key: string) => string | undefined;
  /** Whether a host path exists, for `--mount type=bind` sources (default: none, the engine checks). */
  pathExists?: (path: string) => boolean;
  /** The engine's host, to refuse limits it cannot satisfy (CPU count, cpusets). */
  host?: Partial<HostFacts>;
  /** The client's own platform, for a lone `--platform linux` or `--platform amd64` (default: this machine's). */
  clientPlatform?: Platform;
}

/** A `docker run`/`create` command line, understood: the client's options and the exact create request. */
export interface RunArgs {
  /** The image as written (it is also `body.Image`). */
  image: string;
  name?: string;
  /** `--platform` as the docker CLI sends it: normalized, `x86_64` → `linux/amd64`. */
  platform?: string;
  pull: PullPolicy;
  cidfile?: string;
  detach: boolean;
  detachKeys?: string;
  sigProxy: boolean;
  quiet: boolean;
  interactive: boolean;
  tty: boolean;
  /** Streams named by `-a`; empty means the default (stdout and stderr unless detached). */
  attach: AttachStream[];
  autoRemove: boolean;
  /** The body of `POST /containers/create`. */
  body: ContainerCreateRequest;
}

// flags whose field the engine learned after API 1.41 (the CLI refuses them on an older engine)
const API_GATED_FLAGS: Record<string, string> = {
  annotation: 'HostConfig.Annotations',
  'health-start-interval': 'Healthcheck.StartInterval',
};

const WINDOWS_ONLY_FLAGS = ['cpu-count', 'cpu-percent', 'io-maxbandwidth', 'io-maxiops'];

const processRef = (globalThis as { process?: NodeJS.Process }).process;

function nodeReadFile(path: string): Uint8Array {
  const fs = processRef?.getBuiltinModule?.('node:fs');
  if (!fs) throw new RunArgsError('no-file-reader', path, `cannot read ${path}: pass options.readFile outside Node`);
  return fs.readFileSync(path);
}

// a seccomp profile is JSON: read as UTF-8 text, whatever `readFile` gave
function readText(readFile: (path: string) => FileContent): (path: string) => string {
  return (path) => {
    const content = readFile(path);
    return typeof content === 'string' ? content : new TextDecoder().decode(content);
  };
}

function checkFlagAvailability(values: FlagValues, apiVersion: string | undefined): void {
  for (const flag of WINDOWS_ONLY_FLAGS) {
    if (values.has(flag)) {
      throw new RunArgsError(
        'windows-only-flag',
        `--${flag}`,
        `"--${flag}" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux`,
      );
    }
  }
  if (values.has('gpus')) {
    throw new RunArgsError(
      'unsupported-flag',
      '--gpus',
      '--gpus is not supported by berth: GPU requests need a GPU host',
    );
  }
  if (apiVersion === undefined) return;
  for (const [flag, path] of Object.entries(API_GATED_FLAGS)) {
    const since = gatedFieldSince(path);
    if (values.has(flag) && compareApiVersions(apiVersion, since) < 0) {
      throw new RunArgsError(
        'requires-api-version',
        `--${flag}`,
        `"--${flag}" requires API version ${since}, but the Docker daemon API version is ${apiVersion}`,
      );
    }
  }
}

function duration(values: FlagValues, flag: string): number {
  const word = values.last(flag);
  return word === undefined ? 0 : parseGoDuration(`--${flag}`, word);
}

/**
 * The whole `docker run` / `docker create` command line (the words after `run`) → the client's options and the
 * exact `POST /containers/create` body, refusing what docker refuses with the domain packages' typed errors.
 */
export function parseRunArgs(argv: readonly string[], options: ParseRunArgsOptions = {}): RunArgs {
  const command = options.command ?? 'run';
  const flagSet: FlagSet = options.flags ?? (command === 'run' ? RUN_FLAGS : CREATE_FLAGS);
  const parsed = flagSet.parse(argv);
  const values = new FlagValues(parsed.values, (long) => flagSet.get(long));
  checkFlagAvailability(values, options.apiVersion);

  const [image, ...cmd] = parsed.positionals;
  if (image === undefined) {
    throw new RunArgsError('missing-image', argv.join(' '), `"docker ${command}" requires at least 1 argument`);
  }
  parseAnyReference(image);

  const files: FileAccess = {
    readFile: options.readFile ?? nodeReadFile,
    lookupEnv: options.lookupEnv ?? ((key) => processRef?.env[key]),
  };
  const detach = command === 'run' && values.bool('detach');
  const interactive = values.bool('interactive');
  const tty = values.bool('tty');
  const streams = parseAttachStreams(values.all('attach'));
  const attach = parseAttach(streams, { interactive, tty, detach });
  const autoRemove = values.bool('rm');
  const restart = parseRestartPolicy(values.last('restart') ?? 'no', { autoRemove });

  const storage = parseStorage(
    {
      mount: values.all('mount'),
      volume: values.all('volume'),
      tmpfs: values.all('tmpfs'),
      volumesFrom: values.all('volumes-from'),
      ...optionalStrings(values, { volumeDriver: 'volume-driver' }),
      readOnly: values.bool('read-only'),
    },
    {
      cwd: options.cwd ?? processRef?.cwd() ?? '/',
      ...(options.pathExists ? { pathExists: options.pathExists } : {}),
    },
  );
  const networkValues = values.all('network');
  const network = parseContainerNetwork(
    {
      publish: values.all('publish'),
      publishAll: values.bool('publish-all'),
      expose: values.all('expose'),
      network: networkValues,
      networkAlias: values.all('network-alias'),
      linkLocalIp: values.all('link-local-ip'),
      link: values.all('link'),
      dns: values.all('dns'),
      dnsSearch: values.all('dns-search'),
      dnsOption: values.all('dns-option'),
      addHost: values.all('add-host'),
      ...optionalStrings(values, {
        ip: 'ip',
        ip6: 'ip6',
        macAddress: 'mac-address',
        hostname: 'hostname',
        domainname: 'domainname',
      }),
    },
    options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion },
  );
  const security = parseSecurityFlags(
    {
      groupAdd: values.all('group-add'),
      capAdd: values.all('cap-add'),
      capDrop: values.all('cap-drop'),
      securityOpt: values.all('security-opt'),
      sysctl: values.all('sysctl'),
      ...(values.has('privileged') ? { privileged: values.bool('privileged') } : {}),
      ...optionalStrings(values, {
        user: 'user',
        ipc: 'ipc',
        pid: 'pid',
        uts: 'uts',
        userns: 'userns',
        cgroupns: 'cgroupns',
      }),
    },
    {
      readFile: readText(files.readFile),
      ...(options.apiVersion === undefined ? {} : { apiVersion: options.apiVersion }),
      ...(networkValues[0] === undefined ? {} : { networkMode: networkValues[0] }),
    },
  );
  const resources = parseResources(
    {
      device: values.all('device'),
      deviceCgroupRule: values.all('device-cgroup-rule'),
      ulimit: values.all('ulimit'),
      blkioWeightDevice: values.all('blkio-weight-device'),
      deviceReadBps: values.all('device-read-bps'),
      deviceWriteBps: values.all('device-write-bps'),
      deviceReadIops: values.all('device-read-iops'),
      deviceWriteIops: values.all('device-write-iops'),
      ...(values.has('oom-kill-disable') ? { oomKillDisable: values.bool('oom-kill-disable') } : {}),
      ...optionalStrings(values, {
        memory: 'memory',
        memoryReservation: 'memory-reservation',
        memorySwap: 'memory-swap',
        memorySwappiness: 'memory-swappiness',
        kernelMemory: 'kernel-memory',
        shmSize: 'shm-size',
        oomScoreAdj: 'oom-score-adj',
        cpus: 'cpus',
        cpuShares: 'cpu-shares',
        cpuPeriod: 'cpu-period',
        cpuQuota: 'cpu-quota',
        cpuRtPeriod: 'cpu-rt-period',
        cpuRtRuntime: 'cpu-rt-runtime',
        cpusetCpus: 'cpuset-cpus',
        cpusetMems: 'cpuset-mems',
        blkioWeight: 'blkio-weight',
        pidsLimit: 'pids-limit',
        cgroupParent: 'cgroup-parent',
      }),
    },
    options.host === undefined ? {} : { host: options.host },
  );

  const healthcheck = parseHealthcheck({
    ...optionalStrings(values, { cmd: 'health-cmd' }),
    interval: duration(values, 'health-interval'),
    timeout: duration(values, 'health-timeout'),
    startPeriod: duration(values, 'health-start-period'),
    startInterval: duration(values, 'health-start-interval'),
    retries: values.has('health-retries') ? parseGoInt('--health-retries', values.last('health-retries') as string) : 0,
    none: values.bool('no-healthcheck'),
  });

  const hostConfig: HostConfig = {
    // the docker CLI always sends these lists, so a container it creates shows [] where an omitted field shows null
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    Devices: [],
    Ulimits: [],
    ...storage.HostConfig,
    ...network.HostConfig,
    ...security.HostConfig,
    ...resources,
    LogConfig: parseLogConfig(values.last('log-driver') ?? '', values.all('log-opt')),
    AutoRemove: autoRemove,
    RestartPolicy: restart,
  };
  if (values.has('init')) hostConfig.Init = values.bool('init');
  if (values.has('cidfile')) hostConfig.ContainerIDFile = values.last('cidfile') as string;
  if (values.has('runtime')) hostConfig.Runtime = values.last('runtime') as string;
  if (values.has('isolation')) hostConfig.Isolation = values.last('isolation') as string;
  if (values.has('storage-opt')) hostConfig.StorageOpt = parseStorageOpts(values.all('storage-opt'));
  if (values.has('annotation')) hostConfig.Annotations = keyValueMap(values.all('annotation'));
  if (values.bool('use-api-socket')) {
    const socket = { Type: 'bind' as const, Source: API_SOCKET, Target: API_SOCKET, BindOptions: {} };
    hostConfig.Mounts = [...(hostConfig.Mounts ?? []), socket];
  }

  const body: ContainerCreateRequest = {
    Image: image,
    ...attach,
    ...(storage.Volumes ? { Volumes: storage.Volumes } : {}),
    ...network,
    ...(security.User === undefined ? {} : { User: security.User }),
    Env: parseEnv(values.all('env'), values.all('env-file'), files),
    Labels: parseLabels(values.all('label'), values.all('label-file'), files),
    HostConfig: hostConfig,
  };
  if (cmd.length > 0) body.Cmd = cmd;
  if (values.has('entrypoint')) body.Entrypoint = [values.last('entrypoint') as string];
  if (values.has('workdir')) body.WorkingDir = values.last('workdir') as string;
  if (healthcheck) body.Healthcheck = healthcheck;
  if (values.has('stop-signal')) body.StopSignal = values.last('stop-signal') as string;
  if (values.has('stop-timeout'))
    body.StopTimeout = parseGoInt('--stop-timeout', values.last('stop-timeout') as string);

  const name = values.last('name');
  const platform = values.last('platform');
  return {
    image,
    ...(name ? { name: parseContainerName(name) } : {}),
    ...(platform ? { platform: formatPlatform(parsePlatform(platform, options.clientPlatform)) } : {}),
    pull: parsePullPolicy(values.last('pull')),
    ...(hostConfig.ContainerIDFile ? { cidfile: hostConfig.ContainerIDFile } : {}),
    detach,
    ...(values.has('detach-keys') ? { detachKeys: values.last('detach-keys') as string } : {}),
    sigProxy: values.has('sig-proxy') ? values.bool('sig-proxy') : true,
    quiet: values.bool('quiet'),
    interactive,
    tty,
    attach: streams,
    autoRemove,
    body,
  };
}

/** `--storage-opt key=value` → `HostConfig.StorageOpt`; the docker CLI refuses an option without `=`. */
function parseStorageOpts(options: readonly string[]): Record<string, string> {
  for (const option of options) {
    if (!option.includes('='))
      throw new RunArgsError('invalid-storage-opt', option, `invalid storage option: ${option}`);
  }
  return keyValueMap(options);
}

/** The single-value flags that were given, under the names a domain package's flag object uses. */
function optionalStrings<K extends string>(values: FlagValues, names: Record<K, string>): Partial<Record<K, string>> {
  const given: Partial<Record<K, string>> = {};
  for (const [key, flag] of Object.entries(names) as [K, string][]) {
    const value = values.last(flag);
    if (value !== undefined) given[key] = value;
  }
  return given;
}
