import { normalizeCapability } from '@berth/security';
import type {
  ContainerCreateRequest,
  EndpointPortConfig,
  HostConfig,
  Mount,
  NetworkAttachmentConfig,
  ServiceContainerSpec,
  ServiceLogDriver,
  ServiceResourceRequirements,
} from '@berth/types';
import { ServiceSpecError } from './errors';
import { bindMount, tmpfsMount } from './service-mounts';

/** What a container's create request becomes in a service's task: the container, its resources, networks, ports. */
export interface TaskParts {
  containerSpec: ServiceContainerSpec;
  resources: ServiceResourceRequirements;
  networks: NetworkAttachmentConfig[];
  ports: EndpointPortConfig[];
  logDriver?: ServiceLogDriver;
}

/** The run flag behind each create-request field a service cannot carry, and the service flag to use instead. */
const REFUSED_HOST_FIELDS: Partial<Record<keyof HostConfig, readonly [flag: string, equivalent?: string]>> = {
  Links: ['--link', '--network with a swarm network: services find each other by name'],
  VolumesFrom: ['--volumes-from', '--mount type=volume,source=NAME,target=PATH'],
  IpcMode: ['--ipc'],
  PidMode: ['--pid'],
  UTSMode: ['--uts'],
  UsernsMode: ['--userns'],
  CgroupnsMode: ['--cgroupns'],
  Cgroup: ['--cgroup'],
  CgroupParent: ['--cgroup-parent'],
  Privileged: ['--privileged', '--cap-add'],
  Devices: ['--device'],
  DeviceCgroupRules: ['--device-cgroup-rule'],
  DeviceRequests: ['--gpus', '--generic-resource'],
  AutoRemove: ['--rm', 'docker service rm (a service keeps its tasks until removed)'],
  RestartPolicy: ['--restart', '--restart-condition none|on-failure|any (with --restart-max-attempts)'],
  PublishAllPorts: ['--publish-all', '--publish published=PORT,target=PORT'],
  CpuShares: ['--cpu-shares', '--reserve-cpu'],
  CpuPeriod: ['--cpu-period', '--limit-cpu'],
  CpuQuota: ['--cpu-quota', '--limit-cpu'],
  CpuRealtimePeriod: ['--cpu-rt-period'],
  CpuRealtimeRuntime: ['--cpu-rt-runtime'],
  CpusetCpus: ['--cpuset-cpus', '--limit-cpu'],
  CpusetMems: ['--cpuset-mems'],
  CpuCount: ['--cpu-count', '--limit-cpu'],
  CpuPercent: ['--cpu-percent', '--limit-cpu'],
  BlkioWeight: ['--blkio-weight'],
  BlkioWeightDevice: ['--blkio-weight-device'],
  BlkioDeviceReadBps: ['--device-read-bps'],
  BlkioDeviceWriteBps: ['--device-write-bps'],
  BlkioDeviceReadIOps: ['--device-read-iops'],
  BlkioDeviceWriteIOps: ['--device-write-iops'],
  IOMaximumIOps: ['--io-maxiops'],
  IOMaximumBandwidth: ['--io-maxbandwidth'],
  MemorySwap: ['--memory-swap', '--limit-memory'],
  MemorySwappiness: ['--memory-swappiness'],
  KernelMemory: ['--kernel-memory', '--limit-memory'],
  KernelMemoryTCP: ['--kernel-memory-tcp'],
  OomKillDisable: ['--oom-kill-disable'],
  OomScoreAdj: ['--oom-score-adj'],
  ShmSize: ['--shm-size', '--mount type=tmpfs,target=/dev/shm'],
  SecurityOpt: ['--security-opt'],
  StorageOpt: ['--storage-opt'],
  VolumeDriver: ['--volume-driver', '--mount type=volume,volume-driver=DRIVER'],
  ContainerIDFile: ['--cidfile'],
  Runtime: ['--runtime'],
  MaskedPaths: ['--security-opt systempaths=unconfined'],
  ReadonlyPaths: ['--security-opt systempaths=unconfined'],
  Annotations: ['--annotation'],
};

const REFUSED_CONFIG_FIELDS: Partial<
  Record<keyof ContainerCreateRequest, readonly [flag: string, equivalent?: string]>
> = {
  Domainname: ['--domainname'],
  MacAddress: ['--mac-address'],
  NetworkDisabled: ['--network none'],
};

/** Fields the client alone acts on (attaching, the console size): nothing of a service. */
const CLIENT_SIDE_FIELDS = ['AttachStdin', 'AttachStdout', 'AttachStderr', 'StdinOnce'];

/** The create request's fields a task carries (or checks, as the exposed ports); any other set field is refused. */
const CARRIED_CONFIG_FIELDS = [
  'Image',
  'Labels',
  'Entrypoint',
  'Cmd',
  'Hostname',
  'Env',
  'WorkingDir',
  'User',
  'StopSignal',
  'Tty',
  'OpenStdin',
  'Volumes',
  'StopTimeout',
  'Healthcheck',
  'ExposedPorts',
  'HostConfig',
  'NetworkingConfig',
];
const CARRIED_HOST_FIELDS = [
  'Binds',
  'Mounts',
  'Tmpfs',
  'NetworkMode',
  'PortBindings',
  'LogConfig',
  'GroupAdd',
  'Init',
  'ReadonlyRootfs',
  'ExtraHosts',
  'Dns',
  'DnsSearch',
  'DnsOptions',
  'Sysctls',
  'CapAdd',
  'CapDrop',
  'Ulimits',
  'Isolation',
  'NanoCpus',
  'Memory',
  'PidsLimit',
  'MemoryReservation',
  'ConsoleSize',
];

function refuse(flag: string, equivalent?: string): never {
  const instead = equivalent ? `: use ${equivalent}` : '';
  throw new ServiceSpecError('not-for-services', flag, `${flag} has no place in a service${instead}`, equivalent);
}

/** A zero value Go would have left out: the field was not set on the command line. */
function isUnset(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Refuses what a service cannot carry: named flags first (with their service equivalents), then any other field. */
function refuseUnsupported(body: ContainerCreateRequest): void {
  const host = body.HostConfig ?? {};
  for (const [field, refusal] of Object.entries(REFUSED_HOST_FIELDS)) {
    const value = host[field as keyof HostConfig];
    if (isUnset(value)) continue;
    // the engine's own defaults, which docker run sends as such
    if (field === 'RestartPolicy' && ['', 'no'].includes((value as { Name?: string }).Name ?? '')) continue;
    if (field === 'MemorySwappiness' && value === -1) continue;
    if (field === 'IpcMode' && ['private', 'shareable'].includes(value as string)) continue;
    if (field === 'CgroupnsMode' && value === 'private') continue;
    if (refusal) refuse(...refusal);
  }
  for (const [field, refusal] of Object.entries(REFUSED_CONFIG_FIELDS)) {
    if (!isUnset(body[field as keyof ContainerCreateRequest]) && refusal) refuse(...refusal);
  }
  const carried = new Set([...CARRIED_CONFIG_FIELDS, ...CLIENT_SIDE_FIELDS, ...Object.keys(REFUSED_CONFIG_FIELDS)]);
  for (const [field, value] of Object.entries(body)) {
    if (!carried.has(field) && !isUnset(value)) refuse(field);
  }
  const carriedHost = new Set([...CARRIED_HOST_FIELDS, ...Object.keys(REFUSED_HOST_FIELDS)]);
  for (const [field, value] of Object.entries(host)) {
    if (!carriedHost.has(field) && !isUnset(value)) refuse(`HostConfig.${field}`);
  }
}

function mountsOf(body: ContainerCreateRequest): Mount[] {
  const host = body.HostConfig ?? {};
  const anonymous = Object.keys(body.Volumes ?? {}).map((target): Mount => ({ Type: 'volume', Target: target }));
  return [
    ...(host.Mounts ?? []),
    ...(host.Binds ?? []).map(bindMount),
    ...Object.entries(host.Tmpfs ?? {}).map(([target, options]) => tmpfsMount(target, options)),
    ...anonymous,
  ];
}

function networksOf(body: ContainerCreateRequest): NetworkAttachmentConfig[] {
  const mode = body.HostConfig?.NetworkMode;
  if (mode === undefined || mode === '' || mode === 'default' || mode === 'bridge') return [];
  if (mode === 'none') refuse('--network none');
  if (mode.startsWith('container:')) refuse(`--network ${mode}`);
  return Object.entries(body.NetworkingConfig?.EndpointsConfig ?? { [mode]: {} }).map(([target, endpoint]) => {
    if (!isUnset(endpoint.IPAMConfig)) refuse('--ip', "the network's IPAM: services get their addresses from it");
    if (!isUnset(endpoint.Links)) refuse('--link', '--network with a swarm network');
    if (!isUnset(endpoint.MacAddress)) refuse('--mac-address');
    const attachment: NetworkAttachmentConfig = { Target: target };
    if (!isUnset(endpoint.Aliases)) attachment.Aliases = [...(endpoint.Aliases ?? [])];
    if (!isUnset(endpoint.DriverOpts)) attachment.DriverOpts = { ...endpoint.DriverOpts };
    return attachment;
  });
}

function portsOf(body: ContainerCreateRequest): EndpointPortConfig[] {
  const bindings = body.HostConfig?.PortBindings ?? {};
  for (const exposed of Object.keys(body.ExposedPorts ?? {})) {
    if (!(exposed in bindings)) refuse(`--expose ${exposed}`, '--publish target=PORT');
  }
  return Object.entries(bindings).flatMap(([key, list]) => {
    const [port = '', protocol = 'tcp'] = key.split('/');
    return (list ?? []).map((binding): EndpointPortConfig => {
      if (binding.HostIp) {
        refuse(
          `--publish ${binding.HostIp}:${binding.HostPort ?? ''}:${port}`,
          `--publish published=${binding.HostPort || port},target=${port},mode=host (a service listens on every address of its node)`,
        );
      }
      const config: EndpointPortConfig = {
        Protocol: protocol as EndpointPortConfig['Protocol'] & string,
        TargetPort: Number(port),
        PublishMode: 'ingress',
      };
      if (binding.HostPort) config.PublishedPort = Number(binding.HostPort);
      return config;
    });
  });
}

/** `host:ip` (docker run's --add-host) as the `ip host` line a service's task writes to /etc/hosts. */
function hostsLine(entry: string): string {
  const colon = entry.indexOf(':');
  return `${entry.slice(colon + 1)} ${entry.slice(0, colon)}`;
}

function containerSpecOf(body: ContainerCreateRequest): ServiceContainerSpec {
  const host = body.HostConfig ?? {};
  const spec: ServiceContainerSpec = { Image: body.Image ?? '' };
  if (!isUnset(body.Labels)) spec.Labels = { ...body.Labels };
  if (!isUnset(body.Entrypoint)) spec.Command = [...(body.Entrypoint ?? [])];
  if (!isUnset(body.Cmd)) spec.Args = [...(body.Cmd ?? [])];
  if (body.Hostname) spec.Hostname = body.Hostname;
  if (!isUnset(body.Env)) spec.Env = [...(body.Env ?? [])];
  if (body.WorkingDir) spec.Dir = body.WorkingDir;
  if (body.User) spec.User = body.User;
  if (!isUnset(host.GroupAdd)) spec.Groups = [...(host.GroupAdd ?? [])];
  spec.Init = host.Init ?? false;
  if (body.StopSignal) spec.StopSignal = body.StopSignal;
  if (body.Tty) spec.TTY = true;
  if (body.OpenStdin) spec.OpenStdin = true;
  if (host.ReadonlyRootfs) spec.ReadOnly = true;
  const mounts = mountsOf(body);
  if (mounts.length > 0) spec.Mounts = mounts;
  if (body.StopTimeout !== undefined) spec.StopGracePeriod = body.StopTimeout * 1e9;
  if (!isUnset(body.Healthcheck)) spec.Healthcheck = { ...body.Healthcheck };
  if (!isUnset(host.ExtraHosts)) spec.Hosts = (host.ExtraHosts ?? []).map(hostsLine);
  spec.DNSConfig = {};
  if (!isUnset(host.Dns)) spec.DNSConfig.Nameservers = [...(host.Dns ?? [])];
  if (!isUnset(host.DnsSearch)) spec.DNSConfig.Search = [...(host.DnsSearch ?? [])];
  if (!isUnset(host.DnsOptions)) spec.DNSConfig.Options = [...(host.DnsOptions ?? [])];
  if (!isUnset(host.Sysctls)) spec.Sysctls = { ...host.Sysctls };
  // a service names capabilities as the kernel does, CAP_ first
  if (!isUnset(host.CapAdd)) spec.CapabilityAdd = (host.CapAdd ?? []).map((name) => normalizeCapability(name));
  if (!isUnset(host.CapDrop)) spec.CapabilityDrop = (host.CapDrop ?? []).map((name) => normalizeCapability(name));
  if (!isUnset(host.Ulimits)) spec.Ulimits = (host.Ulimits ?? []).map((ulimit) => ({ ...ulimit }));
  if (host.Isolation) spec.Isolation = host.Isolation;
  return spec;
}

function resourcesOf(host: HostConfig): ServiceResourceRequirements {
  const limits: NonNullable<ServiceResourceRequirements['Limits']> = {};
  const reservations: NonNullable<ServiceResourceRequirements['Reservations']> = {};
  if (host.NanoCpus) limits.NanoCPUs = host.NanoCpus;
  if (host.Memory) limits.MemoryBytes = host.Memory;
  if (host.PidsLimit) limits.Pids = host.PidsLimit;
  if (host.MemoryReservation) reservations.MemoryBytes = host.MemoryReservation;
  return { Limits: limits, Reservations: reservations };
}

/**
 * A `POST /containers/create` body (what `parseRunArgs` builds) as the parts of a service's task. Every field is
 * either carried or refused with a `ServiceSpecError` naming its run flag and the service flag to use: none is
 * dropped in silence.
 */
export function taskPartsFromCreateRequest(body: ContainerCreateRequest): TaskParts {
  refuseUnsupported(body);
  const host = body.HostConfig ?? {};
  const parts: TaskParts = {
    containerSpec: containerSpecOf(body),
    resources: resourcesOf(host),
    networks: networksOf(body),
    ports: portsOf(body),
  };
  if (host.LogConfig?.Type) {
    parts.logDriver = { Name: host.LogConfig.Type };
    if (!isUnset(host.LogConfig.Config)) parts.logDriver.Options = { ...host.LogConfig.Config };
  }
  return parts;
}
