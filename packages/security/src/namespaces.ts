import type { CgroupnsMode } from '@berth/types';
import { NamespaceModeError } from './errors';

// A container name (`/?[a-zA-Z0-9][a-zA-Z0-9_.-]+`) or an id or id prefix: anything else names no container.
const CONTAINER_REFERENCE = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function joinsContainer(value: string): boolean {
  return value.startsWith('container:') && CONTAINER_REFERENCE.test(value.slice('container:'.length));
}

function refuse(flag: string, value: string, allowed: string): NamespaceModeError {
  return new NamespaceModeError(
    `invalid-${flag}-mode`,
    value,
    `invalid --${flag} ${JSON.stringify(value)}: expected ${allowed}`,
  );
}

/**
 * `--ipc` → `HostConfig.IpcMode` (ch. 6.2.1): `none`, `private`, `shareable` (others may join), `host`, or
 * `container:<name|id>` (join that container's namespace); `''` is the daemon's default. The docker CLI passes any
 * value through and the daemon fails only at start; this refuses it up front.
 */
export function parseIpcMode(value: string): string {
  if (['', 'none', 'private', 'shareable', 'host'].includes(value) || joinsContainer(value)) return value;
  throw refuse('ipc', value, 'none, private, shareable, host or container:<name|id>');
}

/** `--pid` → `HostConfig.PidMode`: `host` or `container:<name|id>`; `''` keeps a private PID namespace. */
export function parsePidMode(value: string): string {
  if (value === '' || value === 'host' || joinsContainer(value)) return value;
  throw refuse('pid', value, 'host or container:<name|id>');
}

/** `--uts` → `HostConfig.UTSMode`: `host` or `''`. */
export function parseUtsMode(value: string): string {
  if (value === '' || value === 'host') return value;
  throw refuse('uts', value, 'host');
}

/** `--userns` → `HostConfig.UsernsMode`: `host` (opt out of the daemon's user-namespace remapping, ch. 6.3.3) or `''`. */
export function parseUsernsMode(value: string): string {
  if (value === '' || value === 'host') return value;
  throw refuse('userns', value, 'host');
}

/** `--cgroupns` → `HostConfig.CgroupnsMode`: `host`, `private` or `''` (the daemon's default). */
export function parseCgroupnsMode(value: string): CgroupnsMode {
  if (value === '' || value === 'host' || value === 'private') return value;
  throw refuse('cgroupns', value, 'host or private');
}
