import type { HealthConfig, Mount, Ulimit } from './container';

// Swarm services as the Engine API (v1.41) shapes them: `POST /services/create` takes a ServiceSpec.

export interface ServiceDnsConfig {
  Nameservers?: string[];
  Search?: string[];
  Options?: string[];
}

export interface ServiceContainerSpec {
  Image: string;
  Labels?: Record<string, string>;
  /** The entrypoint (`--entrypoint`). */
  Command?: string[];
  /** The command after the image. */
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Groups?: string[];
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  Mounts?: Mount[];
  StopSignal?: string;
  /** Nanoseconds. */
  StopGracePeriod?: number;
  Healthcheck?: HealthConfig;
  /** `IP host…` lines, as /etc/hosts has them. */
  Hosts?: string[];
  DNSConfig?: ServiceDnsConfig;
  Isolation?: string;
  Init?: boolean | null;
  Sysctls?: Record<string, string>;
  /** API 1.41 */
  CapabilityAdd?: string[];
  /** API 1.41 */
  CapabilityDrop?: string[];
  /** API 1.41 */
  Ulimits?: Ulimit[];
}

export interface ServiceResources {
  NanoCPUs?: number;
  MemoryBytes?: number;
  /** API 1.41, limits only. */
  Pids?: number;
}

export interface ServiceResourceRequirements {
  Limits?: ServiceResources;
  Reservations?: Omit<ServiceResources, 'Pids'>;
}

export type RestartCondition = 'none' | 'on-failure' | 'any';

export interface ServiceRestartPolicy {
  Condition?: RestartCondition;
  /** Nanoseconds. */
  Delay?: number;
  MaxAttempts?: number;
  /** Nanoseconds. */
  Window?: number;
}

export interface ServicePlacement {
  Constraints?: string[];
  MaxReplicas?: number;
}

export interface NetworkAttachmentConfig {
  Target: string;
  Aliases?: string[];
  DriverOpts?: Record<string, string>;
}

export interface ServiceLogDriver {
  Name: string;
  Options?: Record<string, string>;
}

export interface TaskSpec {
  ContainerSpec: ServiceContainerSpec;
  Resources?: ServiceResourceRequirements;
  RestartPolicy?: ServiceRestartPolicy;
  Placement?: ServicePlacement;
  Networks?: NetworkAttachmentConfig[];
  LogDriver?: ServiceLogDriver;
  ForceUpdate?: number;
}

export interface ServiceMode {
  Replicated?: { Replicas?: number };
  Global?: Record<string, never>;
}

export type UpdateFailureAction = 'pause' | 'continue' | 'rollback';
export type UpdateOrder = 'stop-first' | 'start-first';

export interface ServiceUpdateConfig {
  Parallelism?: number;
  /** Nanoseconds. */
  Delay?: number;
  FailureAction?: UpdateFailureAction;
  /** Nanoseconds. */
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: UpdateOrder;
}

export type PublishMode = 'ingress' | 'host';

export interface EndpointPortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort: number;
  PublishedPort?: number;
  PublishMode?: PublishMode;
}

export interface EndpointSpec {
  Mode?: 'vip' | 'dnsrr';
  Ports?: EndpointPortConfig[];
}

/** The body of `POST /services/create` and `POST /services/{id}/update`. */
export interface ServiceSpec {
  Name?: string;
  Labels?: Record<string, string>;
  TaskTemplate: TaskSpec;
  Mode?: ServiceMode;
  UpdateConfig?: ServiceUpdateConfig;
  RollbackConfig?: ServiceUpdateConfig;
  EndpointSpec?: EndpointSpec;
}

/** `GET /services/{id}`. */
export interface ServiceInspect {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Spec: ServiceSpec;
  Endpoint?: { Spec?: EndpointSpec; Ports?: EndpointPortConfig[]; VirtualIPs?: { NetworkID: string; Addr: string }[] };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
}

export type TaskState =
  | 'new'
  | 'allocated'
  | 'pending'
  | 'assigned'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'starting'
  | 'running'
  | 'complete'
  | 'shutdown'
  | 'failed'
  | 'rejected'
  | 'remove'
  | 'orphaned';

/** `GET /tasks`: one replica of a service on one node. */
export interface Task {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt: string;
  Name?: string;
  Labels?: Record<string, string>;
  Spec: TaskSpec;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Status: {
    Timestamp: string;
    State: TaskState;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
    PortStatus?: { Ports?: EndpointPortConfig[] };
  };
  DesiredState: TaskState;
}
