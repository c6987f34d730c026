import type { HostConfig } from '@berth/types';
import { type CapabilityOptions, parseCapabilities } from './capabilities';
import { parseCgroupnsMode, parseIpcMode, parsePidMode, parseUsernsMode, parseUtsMode } from './namespaces';
import { parseSecurityOpts, type SecurityOptOptions } from './security-opt';
import { parseSysctls } from './sysctl';
import { parseGroupAdd, parseUser } from './user';

/** The `docker run`/`create` security flags, as given on the command line (repeatable flags as arrays). */
export interface SecurityFlags {
  user?: string;
  groupAdd?: readonly string[];
  capAdd?: readonly string[];
  capDrop?: readonly string[];
  privileged?: boolean;
  securityOpt?: readonly string[];
  ipc?: string;
  pid?: string;
  uts?: string;
  userns?: string;
  cgroupns?: string;
  sysctl?: readonly string[];
}

export interface SecurityFlagsOptions extends CapabilityOptions, SecurityOptOptions {
  /** The container's `--network` value, which decides whether `net.*` sysctls are allowed. */
  networkMode?: string;
}

export type SecurityHostConfig = Pick<
  HostConfig,
  | 'CapAdd'
  | 'CapDrop'
  | 'Privileged'
  | 'SecurityOpt'
  | 'MaskedPaths'
  | 'ReadonlyPaths'
  | 'GroupAdd'
  | 'IpcMode'
  | 'PidMode'
  | 'UTSMode'
  | 'UsernsMode'
  | 'CgroupnsMode'
  | 'Sysctls'
>;

/** A fragment of `POST /containers/create`: spread it into a request (`{ Image, ...fragment }`). */
export interface SecurityFragment {
  User?: string;
  HostConfig: SecurityHostConfig;
}

/**
 * Every security flag at once → the create-request fields the docker CLI sends for them. Flags left out are left
 * out of the fragment (the daemon's defaults apply); an empty repeated flag list sends nothing, as the CLI does.
 */
export function parseSecurityFlags(flags: SecurityFlags, options: SecurityFlagsOptions = {}): SecurityFragment {
  const hostConfig: SecurityHostConfig = {};
  const capAdd = parseCapabilities(flags.capAdd ?? [], options);
  if (capAdd !== undefined) hostConfig.CapAdd = capAdd;
  const capDrop = parseCapabilities(flags.capDrop ?? [], options);
  if (capDrop !== undefined) hostConfig.CapDrop = capDrop;
  if (flags.privileged !== undefined) hostConfig.Privileged = flags.privileged;
  if (flags.securityOpt?.length) {
    Object.assign(hostConfig, parseSecurityOpts(flags.securityOpt, options));
  }
  if (flags.groupAdd?.length) hostConfig.GroupAdd = parseGroupAdd(flags.groupAdd);
  if (flags.ipc !== undefined) hostConfig.IpcMode = parseIpcMode(flags.ipc);
  if (flags.pid !== undefined) hostConfig.PidMode = parsePidMode(flags.pid);
  if (flags.uts !== undefined) hostConfig.UTSMode = parseUtsMode(flags.uts);
  if (flags.userns !== undefined) hostConfig.UsernsMode = parseUsernsMode(flags.userns);
  if (flags.cgroupns !== undefined) hostConfig.CgroupnsMode = parseCgroupnsMode(flags.cgroupns);
  if (flags.sysctl?.length) {
    hostConfig.Sysctls = parseSysctls(flags.sysctl, {
      ...(options.networkMode === undefined ? {} : { networkMode: options.networkMode }),
      ...(hostConfig.IpcMode === undefined ? {} : { ipcMode: hostConfig.IpcMode }),
    });
  }
  return flags.user === undefined
    ? { HostConfig: hostConfig }
    : { User: parseUser(flags.user), HostConfig: hostConfig };
}
