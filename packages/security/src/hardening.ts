import type { ContainerCreateRequest, ContainerInspect, MountPoint } from '@berth/types';
import { ALL_CAPABILITIES, capabilityName } from './capabilities';

export type HardeningFindingKind =
  | 'privileged'
  | 'host-namespace'
  | 'added-capability'
  | 'docker-socket'
  | 'host-device'
  | 'seccomp-unconfined'
  | 'root-user'
  | 'writable-rootfs'
  | 'no-memory-limit'
  | 'no-pids-limit';

/** One way a container is less isolated than it could be, with the book's reason (ch. 6.7: justify each). */
export interface HardeningFinding {
  kind: HardeningFindingKind;
  /** Where it shows in the create request or inspect document, e.g. `HostConfig.PidMode`. */
  field: string;
  /** What was found there, e.g. `host`, `CAP_SYS_ADMIN`, `/var/run/docker.sock`. */
  value: string;
  reason: string;
  /** The book section the advice comes from. */
  section: string;
}

/** A container as inspect shows it: the image's defaults (such as its user) are already merged in. */
export type InspectedContainer = Pick<ContainerInspect, 'Config' | 'HostConfig'> & { Mounts?: MountPoint[] };

export interface HardeningOptions {
  /** The image's `Config.User`, for a create request that sets no user. Unknown: treated as root (ch. 6.3.1). */
  imageUser?: string;
}

const NAMESPACES = [
  {
    field: 'NetworkMode',
    namespace: 'network',
    section: '5.3',
    reason: 'shares the host network stack: the container can bind host ports and reach every host interface',
  },
  {
    field: 'PidMode',
    namespace: 'PID',
    section: '6.1',
    reason: "sees and can signal the host's processes; the PID namespace is one of the container's eight sides",
  },
  {
    field: 'IpcMode',
    namespace: 'IPC',
    section: '6.2.1',
    reason: "reaches the host's shared memory, semaphores and message queues; sharing with another container is safer",
  },
  {
    field: 'UTSMode',
    namespace: 'UTS',
    section: '6.1',
    reason: "shares the host's hostname and domain name, and may change them",
  },
  {
    field: 'UsernsMode',
    namespace: 'user',
    section: '6.3.3',
    reason: "opts out of the daemon's UID remapping: container root is host root again",
  },
] as const;

// ch. 6.4 names these among the capabilities Docker drops, with what they allow.
const CAPABILITY_POWERS: Record<string, string> = {
  CAP_SYS_MODULE: 'insert and remove kernel modules',
  CAP_SYS_RAWIO: 'modify kernel memory',
  CAP_SYS_NICE: 'modify process priorities',
  CAP_SYS_RESOURCE: 'override resource limits',
  CAP_SYS_TIME: 'modify the system clock',
  CAP_AUDIT_CONTROL: 'configure the audit subsystem',
  CAP_MAC_ADMIN: 'configure mandatory access control',
  CAP_SYSLOG: "modify the kernel's print behaviour",
  CAP_NET_ADMIN: 'configure networking',
  CAP_SYS_ADMIN: 'perform most administrative functions (the catch-all)',
};

const SOCKET_HOLDERS = new Set(['/', '/var', '/run', '/var/run']);

function isRootUser(user: string): boolean {
  const name = user.split(':', 1)[0] as string;
  return name === '' || name === 'root' || (/^\d+$/.test(name) && Number(name) === 0);
}

function bindSources(container: ContainerCreateRequest | InspectedContainer): string[] {
  const hostConfig = container.HostConfig ?? {};
  const sources = (hostConfig.Binds ?? []).map((bind) => bind.split(':', 1)[0] as string);
  for (const mount of hostConfig.Mounts ?? []) if (mount.Type === 'bind' && mount.Source) sources.push(mount.Source);
  if ('Config' in container) {
    for (const mount of container.Mounts ?? []) if (mount.Type === 'bind') sources.push(mount.Source);
  }
  return [...new Set(sources)];
}

function exposesDockerSocket(source: string): boolean {
  const path = source.length > 1 ? source.replace(/\/+$/, '') : source;
  return path.endsWith('/docker.sock') || SOCKET_HOLDERS.has(path);
}

/**
 * The book's hardening advice (ch. 6.7) as data: everything in a container's configuration — a create request or an
 * inspect document — that relaxes its isolation, each with the reason to justify or remove it. Empty means none.
 */
export function hardeningReport(
  container: ContainerCreateRequest | InspectedContainer,
  options: HardeningOptions = {},
): HardeningFinding[] {
  const hostConfig = container.HostConfig ?? {};
  const findings: HardeningFinding[] = [];
  const add = (kind: HardeningFindingKind, field: string, value: string, section: string, reason: string) =>
    findings.push({ kind, field, value, section, reason });

  if (hostConfig.Privileged) {
    add(
      'privileged',
      'HostConfig.Privileged',
      'true',
      '6.5',
      'every capability, every host device and full shared-memory access; only filesystem and network isolation remain',
    );
  }
  for (const { field, namespace, section, reason } of NAMESPACES) {
    if (hostConfig[field] === 'host') {
      add('host-namespace', `HostConfig.${field}`, 'host', section, `the host's ${namespace} namespace: ${reason}`);
    }
  }
  for (const capability of hostConfig.CapAdd ?? []) {
    const name = capabilityName(capability);
    const power = CAPABILITY_POWERS[name];
    const reason =
      name === ALL_CAPABILITIES
        ? 'every capability: the container can use nearly every privileged kernel feature'
        : `a capability Docker drops by default${power ? `, to ${power}` : ''}; grant only what the software needs`;
    add('added-capability', 'HostConfig.CapAdd', capability, '6.4', reason);
  }
  for (const source of bindSources(container)) {
    if (exposesDockerSocket(source)) {
      add(
        'docker-socket',
        'HostConfig.Binds',
        source,
        '6.3.2',
        "mounts the Docker API socket: whoever controls the daemon controls the host's root, and :ro does not stop it",
      );
    }
  }
  for (const device of hostConfig.Devices ?? []) {
    add(
      'host-device',
      'HostConfig.Devices',
      device.PathOnHost,
      '6.1.3',
      'a host device inside the container: allow only the devices the software needs',
    );
  }
  for (const opt of hostConfig.SecurityOpt ?? []) {
    if (opt === 'seccomp=unconfined' || opt === 'seccomp:unconfined') {
      add(
        'seccomp-unconfined',
        'HostConfig.SecurityOpt',
        opt,
        '6.6.1',
        'no seccomp filter: the 40-odd system calls the default profile blocks (such as unshare) are allowed',
      );
    }
  }
  const user = 'Config' in container ? (container.Config.User ?? '') : (container.User ?? options.imageUser ?? '');
  if (isRootUser(user)) {
    add(
      'root-user',
      'Config.User',
      user,
      '6.3',
      'runs as root, which has nearly full access to the container and shares UID 0 with the host on volumes; use a limited user',
    );
  }
  if (!hostConfig.ReadonlyRootfs) {
    add(
      'writable-rootfs',
      'HostConfig.ReadonlyRootfs',
      'false',
      '6.7',
      'the root filesystem is writable: a compromised process can change the software it runs',
    );
  }
  if (!hostConfig.Memory) {
    add(
      'no-memory-limit',
      'HostConfig.Memory',
      String(hostConfig.Memory ?? 0),
      '6.1.1',
      'no memory limit: by default a container may use all the memory of the host',
    );
  }
  if (hostConfig.PidsLimit === undefined || hostConfig.PidsLimit === null || hostConfig.PidsLimit <= 0) {
    add(
      'no-pids-limit',
      'HostConfig.PidsLimit',
      String(hostConfig.PidsLimit ?? null),
      '6.1',
      'no process limit: a fork bomb in the container exhausts the host process table',
    );
  }
  return findings;
}
