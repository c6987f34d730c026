import type { Mount, ServiceSpec } from '@berth/types';

const SECOND = 1e9;

function mountWords(mount: Mount): string {
  const fields = [`type=${mount.Type}`];
  if (mount.Source) fields.push(`source=${mount.Source}`);
  fields.push(`target=${mount.Target}`);
  if (mount.ReadOnly) fields.push('readonly');
  if (mount.BindOptions?.Propagation) fields.push(`bind-propagation=${mount.BindOptions.Propagation}`);
  if (mount.VolumeOptions?.NoCopy) fields.push('volume-nocopy');
  if (mount.TmpfsOptions?.SizeBytes) fields.push(`tmpfs-size=${mount.TmpfsOptions.SizeBytes}`);
  if (mount.TmpfsOptions?.Mode) fields.push(`tmpfs-mode=${mount.TmpfsOptions.Mode.toString(8)}`);
  return fields.join(',');
}

/** Nanoseconds as the shortest Go duration docker run reads back exactly (`5s`, `250ms`). */
function goDuration(nanoseconds: number): string {
  for (const [unit, size] of [
    ['s', 1e9],
    ['ms', 1e6],
    ['us', 1e3],
  ] as const) {
    if (nanoseconds % size === 0) return `${nanoseconds / size}${unit}`;
  }
  return `${nanoseconds}ns`;
}

function restartWord(spec: ServiceSpec): string | undefined {
  const policy = spec.TaskTemplate.RestartPolicy;
  // a task restarts unless told otherwise: the container that stands for it does too
  if (policy === undefined || policy.Condition === undefined || policy.Condition === 'any') return 'always';
  if (policy.Condition === 'none') return undefined;
  return policy.MaxAttempts ? `on-failure:${policy.MaxAttempts}` : 'on-failure';
}

/**
 * The `docker run` options and words that start one task of the service as a plain container (detached): what a
 * person reads to see "what does each replica run?". Service-only settings (replicas, placement, update policy) have
 * no run flag and are left out; so is a CPU reservation.
 */
export function runArgsForService(spec: ServiceSpec): string[] {
  const container = spec.TaskTemplate.ContainerSpec;
  const words: string[] = ['-d'];
  const add = (flag: string, values: readonly (string | number)[] | undefined) => {
    for (const value of values ?? []) words.push(flag, String(value));
  };
  const restart = restartWord(spec);
  if (restart) add('--restart', [restart]);
  add('-e', container.Env);
  add(
    '-l',
    Object.entries(container.Labels ?? {}).map(([key, value]) => `${key}=${value}`),
  );
  if (container.Hostname) add('-h', [container.Hostname]);
  if (container.Dir) add('-w', [container.Dir]);
  if (container.User) add('-u', [container.User]);
  add('--group-add', container.Groups);
  if (container.Init) words.push('--init');
  if (container.TTY) words.push('-t');
  if (container.OpenStdin) words.push('-i');
  if (container.ReadOnly) words.push('--read-only');
  if (container.StopSignal) add('--stop-signal', [container.StopSignal]);
  if (container.StopGracePeriod !== undefined && container.StopGracePeriod % SECOND === 0) {
    add('--stop-timeout', [container.StopGracePeriod / SECOND]);
  }
  add('--mount', container.Mounts?.map(mountWords));
  add(
    '--add-host',
    container.Hosts?.map((line) => {
      const [ip = '', ...names] = line.split(/\s+/);
      return `${names.join(' ')}:${ip}`;
    }),
  );
  add('--dns', container.DNSConfig?.Nameservers);
  add('--dns-search', container.DNSConfig?.Search);
  add('--dns-option', container.DNSConfig?.Options);
  add(
    '--sysctl',
    Object.entries(container.Sysctls ?? {}).map(([key, value]) => `${key}=${value}`),
  );
  add('--cap-add', container.CapabilityAdd);
  add('--cap-drop', container.CapabilityDrop);
  add(
    '--ulimit',
    container.Ulimits?.map((ulimit) => `${ulimit.Name}=${ulimit.Soft}:${ulimit.Hard}`),
  );
  const health = container.Healthcheck;
  if (health?.Test?.[0] === 'CMD-SHELL') add('--health-cmd', [health.Test.slice(1).join(' ')]);
  if (health?.Test?.[0] === 'NONE') words.push('--no-healthcheck');
  if (health?.Interval) add('--health-interval', [goDuration(health.Interval)]);
  if (health?.Timeout) add('--health-timeout', [goDuration(health.Timeout)]);
  if (health?.StartPeriod) add('--health-start-period', [goDuration(health.StartPeriod)]);
  if (health?.Retries) add('--health-retries', [health.Retries]);
  const limits = spec.TaskTemplate.Resources?.Limits;
  if (limits?.NanoCPUs) add('--cpus', [limits.NanoCPUs / SECOND]);
  if (limits?.MemoryBytes) add('--memory', [limits.MemoryBytes]);
  if (limits?.Pids) add('--pids-limit', [limits.Pids]);
  const reserved = spec.TaskTemplate.Resources?.Reservations?.MemoryBytes;
  if (reserved) add('--memory-reservation', [reserved]);
  const [network, ...others] = spec.TaskTemplate.Networks ?? [];
  if (network) {
    add('--network', [network.Target]);
    add('--network-alias', network.Aliases);
  }
  if (others.length > 0)
    add(
      '--network',
      others.map((attachment) => attachment.Target),
    );
  add(
    '-p',
    spec.EndpointSpec?.Ports?.map((port) => {
      const target = `${port.TargetPort}/${port.Protocol ?? 'tcp'}`;
      return port.PublishedPort ? `${port.PublishedPort}:${target}` : target;
    }),
  );
  const log = spec.TaskTemplate.LogDriver;
  if (log) {
    add('--log-driver', [log.Name]);
    add(
      '--log-opt',
      Object.entries(log.Options ?? {}).map(([key, value]) => `${key}=${value}`),
    );
  }
  const [entrypoint, ...entrypointArgs] = container.Command ?? [];
  if (entrypoint !== undefined) add('--entrypoint', [entrypoint]);
  return [...words, container.Image, ...entrypointArgs, ...(container.Args ?? [])];
}
