import { BerthError, type BerthErrorOptions } from '@berth/types';

export type ResourceErrorCode =
  | 'invalid-size'
  | 'size-out-of-range'
  | 'invalid-integer'
  | 'integer-out-of-range'
  | 'invalid-boolean'
  | 'invalid-cpus'
  | 'cpus-too-precise'
  | 'cpus-out-of-range'
  | 'cpus-conflict'
  | 'cpu-shares-out-of-range'
  | 'cpu-period-out-of-range'
  | 'cpu-quota-out-of-range'
  | 'invalid-cpuset'
  | 'cpuset-out-of-range'
  | 'cpuset-unavailable'
  | 'memory-too-small'
  | 'memory-swap-too-small'
  | 'memory-swap-without-memory'
  | 'memory-below-reservation'
  | 'swappiness-out-of-range'
  | 'oom-score-adj-out-of-range'
  | 'shm-size-out-of-range'
  | 'blkio-weight-out-of-range'
  | 'pids-limit-out-of-range'
  | 'invalid-device'
  | 'invalid-device-cgroup-rule'
  | 'invalid-device-limit'
  | 'invalid-ulimit'
  | 'unknown-ulimit'
  | 'ulimit-soft-above-hard';

/** Where a value came from: the docker flag and the token the user wrote (or the field's value, for API input). */
export interface ValueSource {
  flag: string;
  input: string;
}

/** A resource flag or field docker (or the kernel behind it) would refuse. `input` is the offending token. */
export class ResourceError extends BerthError {
  declare readonly code: ResourceErrorCode;
  /** The docker flag the token was given to, e.g. `--memory`. */
  readonly flag: string;
  /** The rule the token broke, without the flag and token: `a size needs at least one digit`. */
  readonly rule: string;

  constructor(code: ResourceErrorCode, source: ValueSource, rule: string, options?: BerthErrorOptions) {
    super(code, source.input, `invalid ${source.flag} value "${source.input}": ${rule}`, options);
    this.flag = source.flag;
    this.rule = rule;
  }
}
