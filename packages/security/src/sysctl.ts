import { SysctlError } from './errors';

// The sysctls that live in the IPC namespace; the docker CLI allows these, `fs.mqueue.*` and `net.*` only.
const IPC_SYSCTLS = new Set([
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
]);

export interface SysctlOptions {
  /** The container's `--network` (`HostConfig.NetworkMode`): `host` shares the host's network sysctls. */
  networkMode?: string;
  /** The container's `--ipc` (`HostConfig.IpcMode`): `host` shares the host's IPC sysctls. */
  ipcMode?: string;
}

function isIpcSysctl(name: string): boolean {
  return IPC_SYSCTLS.has(name) || name.startsWith('fs.mqueue.');
}

/**
 * Repeated `--sysctl name=value` → `HostConfig.Sysctls` (the last value of a name wins, as in docker). Only namespaced
 * sysctls are allowed, as the docker CLI checks; and, as runc checks when the container starts, not an IPC one
 * when the container shares the host's IPC namespace, nor a `net.*` one when it shares the host's network.
 */
export function parseSysctls(values: readonly string[], options: SysctlOptions = {}): Record<string, string> {
  const sysctls: Record<string, string> = {};
  for (const entry of values) {
    const equals = entry.indexOf('=');
    const name = equals < 0 ? '' : entry.slice(0, equals);
    if (name === '') {
      throw new SysctlError(
        'invalid-sysctl-format',
        entry,
        `invalid --sysctl ${JSON.stringify(entry)}: expected name=value`,
      );
    }
    if (!isIpcSysctl(name) && !name.startsWith('net.')) {
      throw new SysctlError(
        'sysctl-not-namespaced',
        entry,
        `sysctl ${JSON.stringify(name)} is not allowed: only namespaced sysctls (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*)`,
      );
    }
    if (isIpcSysctl(name) && options.ipcMode === 'host') {
      throw new SysctlError(
        'sysctl-in-host-ipc-namespace',
        entry,
        `sysctl ${JSON.stringify(name)} is not allowed with --ipc host: it would change the host's IPC settings`,
      );
    }
    if (name.startsWith('net.') && options.networkMode === 'host') {
      throw new SysctlError(
        'sysctl-in-host-network-namespace',
        entry,
        `sysctl ${JSON.stringify(name)} is not allowed with --network host: it would change the host's network settings`,
      );
    }
    sysctls[name] = entry.slice(equals + 1);
  }
  return sysctls;
}
