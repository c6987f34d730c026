import type { ContainerInspect, HostConfig, Mount, PortMap } from '@berth/types';
import { API_SOCKET } from './run-options';

// The inverse of parseRunArgs: from a container's inspect document, a `docker run` argv that makes an equivalent
// container ("how was this container started?"). Values equal to the engine's defaults are left out.

const DEFAULT_SHM_SIZE = 64 * 1024 * 1024;

export interface ToRunArgsOptions {
  /** Leave out `--name` (to make a second container beside the first). */
  omitName?: boolean;
}

function nanoseconds(value: number | undefined): string | undefined {
  return value ? `${value}ns` : undefined;
}

/** NanoCpus as an exact decimal: 750000000 → "0.75". */
function cpus(nano: number): string {
  const whole = Math.trunc(nano / 1e9);
  const fraction = String(nano % 1e9)
    .padStart(9, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

function csvField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One `--mount` value for an Engine API mount (its CSV record). */
function mountValue(mount: Mount): string {
  const fields = [`type=${mount.Type}`];
  if (mount.Source) fields.push(`source=${mount.Source}`);
  fields.push(`target=${mount.Target}`);
  if (mount.ReadOnly) fields.push('readonly');
  if (mount.Consistency) fields.push(`consistency=${mount.Consistency}`);
  const bind = mount.BindOptions;
  if (bind?.Propagation) fields.push(`bind-propagation=${bind.Propagation}`);
  if (bind?.NonRecursive) fields.push('bind-recursive=disabled');
  if (bind?.CreateMountpoint) fields.push('bind-create-src');
  const volume = mount.VolumeOptions;
  if (volume?.NoCopy) fields.push('volume-nocopy');
  for (const [key, value] of Object.entries(volume?.Labels ?? {})) fields.push(`volume-label=${key}=${value}`);
  if (volume?.DriverConfig?.Name) fields.push(`volume-driver=${volume.DriverConfig.Name}`);
  for (const [key, value] of Object.entries(volume?.DriverConfig?.Options ?? {})) {
    fields.push(`volume-opt=${key}=${value}`);
  }
  if (volume?.Subpath) fields.push(`volume-subpath=${volume.Subpath}`);
  const tmpfs = mount.TmpfsOptions;
  if (tmpfs?.SizeBytes) fields.push(`tmpfs-size=${tmpfs.SizeBytes}`);
  if (tmpfs?.Mode) fields.push(`tmpfs-mode=${tmpfs.Mode.toString(8)}`);
  return fields.map(csvField).join(',');
}

/** The mount `--use-api-socket` adds: the engine's socket at the same path, with empty bind options. */
function isApiSocketMount(mount: Mount): boolean {
  return (
    mount.Type === 'bind' &&
    mount.Source === API_SOCKET &&
    mount.Target === API_SOCKET &&
    mount.BindOptions !== undefined &&
    Object.keys(mount.BindOptions).length === 0
  );
}

function publishValues(ports: PortMap | undefined): string[] {
  const values: string[] = [];
  for (const [port, bindings] of Object.entries(ports ?? {})) {
    for (const binding of bindings ?? []) {
      const ip = binding.HostIp.includes(':') ? `[${binding.HostIp}]` : binding.HostIp;
      values.push(ip ? `${ip}:${binding.HostPort}:${port}` : `${binding.HostPort}:${port}`);
    }
  }
  return values;
}

/** `--link` values from HostConfig.Links (`/web:/agent/insideweb` → `web:insideweb`). */
function linkValues(links: readonly string[] | null | undefined): string[] {
  return (links ?? []).map((link) => {
    const [target = '', alias = ''] = link.split(':');
    return `${target.replace(/^\//, '')}:${alias.slice(alias.lastIndexOf('/') + 1)}`;
  });
}

function keyValues(map: Record<string, string> | null | undefined): string[] {
  return Object.entries(map ?? {}).map(([key, value]) => `${key}=${value}`);
}

export function toRunArgs(inspect: ContainerInspect, options: ToRunArgsOptions = {}): string[] {
  const argv: string[] = [];
  const flag = (name: string, value: string | number | undefined | null) => {
    if (value !== undefined && value !== null && value !== '' && value !== 0) argv.push(name, String(value));
  };
  const flags = (name: string, values: readonly string[] | null | undefined) => {
    for (const value of values ?? []) argv.push(name, value);
  };
  const bool = (name: string, value: boolean | null | undefined) => {
    if (value) argv.push(name);
  };
  const config = inspect.Config;
  const host: HostConfig = inspect.HostConfig;

  if (!options.omitName) flag('--name', inspect.Name.replace(/^\//, ''));
  bool('--interactive', config.OpenStdin);
  bool('--tty', config.Tty);
  const defaultAttach = !config.AttachStdin && config.AttachStdout && config.AttachStderr;
  const detached = !config.AttachStdin && !config.AttachStdout && !config.AttachStderr;
  if (detached) argv.push('--detach');
  else if (!defaultAttach && !(config.OpenStdin && config.AttachStdin && config.AttachStdout && config.AttachStderr)) {
    if (config.AttachStdin && !config.OpenStdin) argv.push('--attach', 'stdin');
    if (config.AttachStdout) argv.push('--attach', 'stdout');
    if (config.AttachStderr) argv.push('--attach', 'stderr');
  }
  if (!inspect.Id.startsWith(config.Hostname ?? '-')) flag('--hostname', config.Hostname);
  flag('--domainname', config.Domainname);
  flag('--user', config.User);
  flag('--workdir', config.WorkingDir);
  flags('--env', config.Env);
  flags('--label', keyValues(config.Labels));
  flag('--stop-signal', config.StopSignal);
  if (config.StopTimeout !== undefined && config.StopTimeout !== null)
    argv.push('--stop-timeout', String(config.StopTimeout));
  const health = config.Healthcheck;
  if (health?.Test?.[0] === 'NONE') argv.push('--no-healthcheck');
  else if (health) {
    if (health.Test?.[0] === 'CMD-SHELL') flag('--health-cmd', health.Test[1]);
    flag('--health-interval', nanoseconds(health.Interval));
    flag('--health-timeout', nanoseconds(health.Timeout));
    flag('--health-start-period', nanoseconds(health.StartPeriod));
    flag('--health-start-interval', nanoseconds(health.StartInterval));
    flag('--health-retries', health.Retries);
  }

  // storage (ch. 4)
  flags('--volume', host.Binds);
  flags('--volume', Object.keys(config.Volumes ?? {}));
  for (const mount of host.Mounts ?? []) {
    if (isApiSocketMount(mount)) argv.push('--use-api-socket');
    else argv.push('--mount', mountValue(mount));
  }
  flags(
    '--tmpfs',
    Object.entries(host.Tmpfs ?? {}).map(([path, opts]) => (opts ? `${path}:${opts}` : path)),
  );
  flags('--volumes-from', host.VolumesFrom);
  flag('--volume-driver', host.VolumeDriver);
  bool('--read-only', host.ReadonlyRootfs);

  // network (ch. 5)
  if (host.NetworkMode && host.NetworkMode !== 'default') argv.push('--network', host.NetworkMode);
  for (const [name, endpoint] of Object.entries(inspect.NetworkSettings.Networks ?? {})) {
    if (name !== host.NetworkMode) continue;
    flags('--network-alias', endpoint.Aliases);
    flag('--ip', endpoint.IPAMConfig?.IPv4Address);
    flag('--ip6', endpoint.IPAMConfig?.IPv6Address);
    flags('--link-local-ip', endpoint.IPAMConfig?.LinkLocalIPs);
  }
  const published = new Set(Object.keys(host.PortBindings ?? {}));
  flags('--publish', publishValues(host.PortBindings));
  bool('--publish-all', host.PublishAllPorts);
  flags(
    '--expose',
    Object.keys(config.ExposedPorts ?? {}).filter((port) => !published.has(port)),
  );
  flags('--link', linkValues(host.Links));
  flags('--dns', host.Dns);
  flags('--dns-search', host.DnsSearch);
  flags('--dns-option', host.DnsOptions);
  flags('--add-host', host.ExtraHosts);

  // resources (ch. 6.1)
  flag('--memory', host.Memory);
  flag('--memory-reservation', host.MemoryReservation);
  flag('--memory-swap', host.MemorySwap);
  if (host.MemorySwappiness !== undefined && host.MemorySwappiness !== null && host.MemorySwappiness !== -1) {
    argv.push('--memory-swappiness', String(host.MemorySwappiness));
  }
  flag('--kernel-memory', host.KernelMemory);
  if (host.ShmSize && host.ShmSize !== DEFAULT_SHM_SIZE) argv.push('--shm-size', String(host.ShmSize));
  bool('--oom-kill-disable', host.OomKillDisable);
  flag('--oom-score-adj', host.OomScoreAdj);
  if (host.NanoCpus) argv.push('--cpus', cpus(host.NanoCpus));
  flag('--cpu-shares', host.CpuShares);
  flag('--cpu-period', host.CpuPeriod);
  flag('--cpu-quota', host.CpuQuota);
  flag('--cpu-rt-period', host.CpuRealtimePeriod);
  flag('--cpu-rt-runtime', host.CpuRealtimeRuntime);
  flag('--cpuset-cpus', host.CpusetCpus);
  flag('--cpuset-mems', host.CpusetMems);
  flag('--cgroup-parent', host.CgroupParent);
  flags(
    '--device',
    host.Devices?.map((device) => `${device.PathOnHost}:${device.PathInContainer}:${device.CgroupPermissions}`),
  );
  flags('--device-cgroup-rule', host.DeviceCgroupRules);
  flag('--blkio-weight', host.BlkioWeight);
  flags(
    '--blkio-weight-device',
    host.BlkioWeightDevice?.map((device) => `${device.Path}:${device.Weight}`),
  );
  const throttles = [
    ['--device-read-bps', host.BlkioDeviceReadBps],
    ['--device-write-bps', host.BlkioDeviceWriteBps],
    ['--device-read-iops', host.BlkioDeviceReadIOps],
    ['--device-write-iops', host.BlkioDeviceWriteIOps],
  ] as const;
  for (const [name, devices] of throttles)
    flags(
      name,
      devices?.map((device) => `${device.Path}:${device.Rate}`),
    );
  if (host.PidsLimit) argv.push('--pids-limit', String(host.PidsLimit));
  flags(
    '--ulimit',
    host.Ulimits?.map((ulimit) => `${ulimit.Name}=${ulimit.Soft}:${ulimit.Hard}`),
  );

  // security (ch. 6.3–6.6)
  bool('--privileged', host.Privileged);
  flags('--cap-add', host.CapAdd);
  flags('--cap-drop', host.CapDrop);
  flags('--group-add', host.GroupAdd);
  flags('--security-opt', host.SecurityOpt);
  if (host.MaskedPaths?.length === 0 && host.ReadonlyPaths?.length === 0) {
    argv.push('--security-opt', 'systempaths=unconfined');
  }
  if (host.IpcMode && host.IpcMode !== 'private') argv.push('--ipc', host.IpcMode);
  flag('--pid', host.PidMode);
  flag('--uts', host.UTSMode);
  flag('--userns', host.UsernsMode);
  flag('--cgroupns', host.CgroupnsMode);
  flags('--sysctl', keyValues(host.Sysctls));

  // lifecycle and the rest (ch. 2)
  const restart = host.RestartPolicy;
  if (restart?.Name && restart.Name !== 'no') {
    argv.push('--restart', restart.MaximumRetryCount ? `${restart.Name}:${restart.MaximumRetryCount}` : restart.Name);
  }
  bool('--rm', host.AutoRemove);
  if (host.Init !== undefined && host.Init !== null) argv.push(`--init=${host.Init}`);
  if (host.LogConfig?.Type && host.LogConfig.Type !== 'json-file') argv.push('--log-driver', host.LogConfig.Type);
  flags('--log-opt', keyValues(host.LogConfig?.Config));
  if (host.Runtime && host.Runtime !== 'runc') argv.push('--runtime', host.Runtime);
  flag('--isolation', host.Isolation);
  flags('--storage-opt', keyValues(host.StorageOpt));

  if (config.Entrypoint?.length) argv.push('--entrypoint', config.Entrypoint[0] ?? '');
  argv.push(config.Image ?? inspect.Image);
  argv.push(...(config.Entrypoint?.slice(1) ?? []), ...(config.Cmd ?? []));
  return argv;
}
