// Shapes of the Engine API's container objects (API v1.41, with later fields marked by the version that added them).
// Names are the Engine API's own, so a value goes straight into a request and compares 1:1 with `docker inspect`.

export type Protocol = 'tcp' | 'udp' | 'sctp';
/** `"80/tcp"`, `"53/udp"`: the key of `ExposedPorts` and `PortBindings` (any string: the engine keeps what it gets). */
export type PortKey = string;

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}
export type PortMap = Record<PortKey, PortBinding[] | null>;

export type MountType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';
export type MountPropagation = 'private' | 'rprivate' | 'shared' | 'rshared' | 'slave' | 'rslave';
export type MountConsistency = 'default' | 'consistent' | 'cached' | 'delegated';

export interface BindOptions {
  Propagation?: MountPropagation;
  NonRecursive?: boolean;
  /** API 1.42 */
  CreateMountpoint?: boolean;
  /** API 1.44 */
  ReadOnlyNonRecursive?: boolean;
  /** API 1.44 */
  ReadOnlyForceRecursive?: boolean;
}

export interface VolumeDriverConfig {
  Name?: string;
  Options?: Record<string, string>;
}

export interface VolumeOptions {
  NoCopy?: boolean;
  Labels?: Record<string, string>;
  DriverConfig?: VolumeDriverConfig;
  /** API 1.45 */
  Subpath?: string;
}

export interface TmpfsOptions {
  SizeBytes?: number;
  Mode?: number;
  /** API 1.46 */
  Options?: string[][];
}

export interface Mount {
  Type: MountType;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  Consistency?: MountConsistency;
  BindOptions?: BindOptions;
  VolumeOptions?: VolumeOptions;
  TmpfsOptions?: TmpfsOptions;
}

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount?: number;
}

export interface DeviceMapping {
  PathOnHost: string;
  PathInContainer: string;
  CgroupPermissions: string;
}

export interface DeviceRequest {
  Driver?: string;
  Count?: number;
  DeviceIDs?: string[];
  Capabilities?: string[][];
  Options?: Record<string, string>;
}

export interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

export interface WeightDevice {
  Path: string;
  Weight: number;
}

export interface ThrottleDevice {
  Path: string;
  Rate: number;
}

export interface LogConfig {
  Type: string;
  Config?: Record<string, string>;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
  /** API 1.44 */
  StartInterval?: number;
}

export interface Resources {
  CpuShares?: number;
  Memory?: number;
  NanoCpus?: number;
  CgroupParent?: string;
  BlkioWeight?: number;
  BlkioWeightDevice?: WeightDevice[];
  BlkioDeviceReadBps?: ThrottleDevice[];
  BlkioDeviceWriteBps?: ThrottleDevice[];
  BlkioDeviceReadIOps?: ThrottleDevice[];
  BlkioDeviceWriteIOps?: ThrottleDevice[];
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpusetCpus?: string;
  CpusetMems?: string;
  Devices?: DeviceMapping[];
  DeviceCgroupRules?: string[];
  DeviceRequests?: DeviceRequest[];
  KernelMemory?: number;
  KernelMemoryTCP?: number;
  MemoryReservation?: number;
  MemorySwap?: number;
  MemorySwappiness?: number | null;
  OomKillDisable?: boolean;
  Init?: boolean | null;
  PidsLimit?: number | null;
  Ulimits?: Ulimit[];
  CpuCount?: number;
  CpuPercent?: number;
  IOMaximumIOps?: number;
  IOMaximumBandwidth?: number;
}

export type CgroupnsMode = '' | 'private' | 'host';

export interface HostConfig extends Resources {
  Binds?: string[];
  ContainerIDFile?: string;
  LogConfig?: LogConfig;
  NetworkMode?: string;
  PortBindings?: PortMap;
  RestartPolicy?: RestartPolicy;
  AutoRemove?: boolean;
  VolumeDriver?: string;
  VolumesFrom?: string[];
  Mounts?: Mount[];
  /** API 1.42 */
  ConsoleSize?: [number, number];
  /** API 1.43 */
  Annotations?: Record<string, string>;
  CapAdd?: string[];
  CapDrop?: string[];
  CgroupnsMode?: CgroupnsMode;
  Dns?: string[];
  DnsOptions?: string[];
  DnsSearch?: string[];
  ExtraHosts?: string[];
  GroupAdd?: string[];
  IpcMode?: string;
  Cgroup?: string;
  Links?: string[];
  OomScoreAdj?: number;
  PidMode?: string;
  Privileged?: boolean;
  PublishAllPorts?: boolean;
  ReadonlyRootfs?: boolean;
  SecurityOpt?: string[];
  StorageOpt?: Record<string, string>;
  Tmpfs?: Record<string, string>;
  UTSMode?: string;
  UsernsMode?: string;
  ShmSize?: number;
  Sysctls?: Record<string, string>;
  Runtime?: string;
  Isolation?: string;
  MaskedPaths?: string[];
  ReadonlyPaths?: string[];
}

export interface EndpointIPAMConfig {
  IPv4Address?: string;
  IPv6Address?: string;
  LinkLocalIPs?: string[];
}

export interface EndpointSettings {
  IPAMConfig?: EndpointIPAMConfig | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  /** API 1.44 on requests */
  MacAddress?: string;
  DriverOpts?: Record<string, string> | null;
  /** API 1.48: the endpoint with the highest priority provides the default gateway. */
  GwPriority?: number;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  IPv6Gateway?: string;
  GlobalIPv6Address?: string;
  GlobalIPv6PrefixLen?: number;
  /** API 1.45 */
  DNSNames?: string[] | null;
}

export interface NetworkingConfig {
  EndpointsConfig?: Record<string, EndpointSettings>;
}

/** The `Config` half of a container: what `POST /containers/create` takes at its top level. */
export interface ContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<PortKey, Record<string, never>>;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[];
  Cmd?: string[] | null;
  Healthcheck?: HealthConfig;
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  NetworkDisabled?: boolean;
  /** Deprecated on requests from API 1.44 (moved to the endpoint). */
  MacAddress?: string;
  OnBuild?: string[] | null;
  Labels?: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
  Shell?: string[];
}

/** The body of `POST /containers/create`. */
export interface ContainerCreateRequest extends ContainerConfig {
  HostConfig?: HostConfig;
  NetworkingConfig?: NetworkingConfig;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerState {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
  Health?: { Status: string; FailingStreak: number; Log: unknown[] };
}

export interface MountPoint {
  Type: MountType;
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

export interface NetworkSettings {
  Bridge?: string;
  SandboxID?: string;
  HairpinMode?: boolean;
  Ports?: PortMap;
  SandboxKey?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  MacAddress?: string;
  Networks?: Record<string, EndpointSettings>;
}

/** `GET /containers/{id}/json`: the fields berth reads. */
export interface ContainerInspect {
  Id: string;
  Created: string;
  Path: string;
  Args: string[];
  State: ContainerState;
  Image: string;
  ResolvConfPath: string;
  HostnamePath: string;
  HostsPath: string;
  LogPath: string;
  Name: string;
  RestartCount: number;
  Driver: string;
  Platform: string;
  MountLabel: string;
  ProcessLabel: string;
  AppArmorProfile: string;
  ExecIDs: string[] | null;
  HostConfig: HostConfig;
  Mounts: MountPoint[];
  Config: ContainerConfig;
  NetworkSettings: NetworkSettings;
}

/** One item of `GET /containers/json`. */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  /** Seconds since the epoch. */
  Created: number;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: Protocol }[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Record<string, string>;
  State: ContainerStatus;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, EndpointSettings> };
  Mounts: MountPoint[];
}
