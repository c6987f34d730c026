import { BerthError, type BerthErrorOptions } from '@berth/types';

/** The base of every @berth/security error: `code` is stable, `input` is the offending token. */
export class SecurityError extends BerthError {}

/** A `--cap-add`/`--cap-drop` name that is not a Linux capability (or not one the engine knows). */
export class CapabilityError extends SecurityError {}

/** A `--user` or `--group-add` value docker would refuse or silently misread. */
export class UserError extends SecurityError {}

/** A `--security-opt` value docker or the daemon refuses. */
export class SecurityOptError extends SecurityError {}

/** A `seccomp=<file>` profile that cannot be read, or is not a JSON object. */
export class SeccompProfileError extends SecurityOptError {
  readonly path: string;

  constructor(code: string, input: string, path: string, message: string, options?: BerthErrorOptions) {
    super(code, input, message, options);
    this.path = path;
  }
}

/** An `--ipc`, `--pid`, `--uts`, `--userns` or `--cgroupns` mode docker refuses. */
export class NamespaceModeError extends SecurityError {}

/** A `--sysctl` that is not namespaced, or not allowed with the container's network or IPC mode. */
export class SysctlError extends SecurityError {}
