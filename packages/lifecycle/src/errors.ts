import { BerthError, type BerthErrorOptions } from '@berth/types';
import type { Command } from './commands';
import type { LifecycleState } from './states';

/** The base of every error `@berth/lifecycle` throws. */
export class LifecycleError extends BerthError {}

/**
 * Why docker refuses a command in a state, one code per rule. The message of a refusal is docker's own text for the
 * command (the engine's, or the docker CLI's where the CLI checks first, as for `attach`).
 */
export type RefusalCode =
  | 'no-such-container'
  /** `create` with a name another container (in any state) holds. */
  | 'container-name-in-use'
  /** `exec`, `pause`, `kill`, `attach` on a container that is not running (created, exited, removing, dead). */
  | 'container-not-running'
  /** `rm` without `-f` of a running container. */
  | 'container-running'
  /** `start`, `pause`, `exec`, `attach` or `rm` of a paused container. */
  | 'container-paused'
  | 'container-not-paused'
  /** `pause`, `exec`, `attach` or `rm` while the restart policy waits to start the container again. */
  | 'container-restarting'
  /** `rm` while another removal runs. */
  | 'container-removal-in-progress'
  /** `start` or `restart` of a container being removed, or dead. */
  | 'container-marked-for-removal';

/** A command the container's state does not allow, with the reason docker gives. */
export class CommandRefusedError extends LifecycleError {
  readonly command: Command;
  readonly state: LifecycleState;
  declare readonly code: RefusalCode;

  constructor(code: RefusalCode, input: string, command: Command, state: LifecycleState, reason: string) {
    super(code, input, reason);
    this.command = command;
    this.state = state;
  }
}

export type RestartPolicyErrorCode =
  /** `:3`: a colon with no policy name before it. */
  | 'missing-policy-name'
  /** `on-failure:x`: the part after the colon is not a decimal integer. */
  | 'invalid-retry-count'
  /** A retry count docker accepts but a JavaScript number cannot hold exactly (above 2^53 - 1). */
  | 'retry-count-out-of-range'
  /** A name other than `no`, `always`, `unless-stopped`, `on-failure` (names are case-sensitive). */
  | 'unknown-policy'
  /** `always:3`: only `on-failure` takes a retry count. */
  | 'retry-count-not-allowed'
  | 'negative-retry-count'
  /** `--rm` with any policy but `no`. */
  | 'conflicts-with-auto-remove';

/** A `--restart` value docker refuses (the CLI while parsing, or the engine on create). */
export class RestartPolicyError extends LifecycleError {
  declare readonly code: RestartPolicyErrorCode;

  constructor(code: RestartPolicyErrorCode, input: string, message: string) {
    super(code, input, message);
  }
}

/** How one container depends on another. */
export type DependencyKind = 'link' | 'volumes-from' | 'network' | 'ipc' | 'pid';

/** A set of container specs that has no valid start order. */
export class DependencyError extends LifecycleError {}

/** Containers that depend on each other in a ring: `cycle` starts and ends with the same name. */
export class DependencyCycleError extends DependencyError {
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    super('dependency-cycle', cycle[0] ?? '', `circular dependency between containers: ${cycle.join(' -> ')}`);
    this.cycle = cycle;
  }
}

/** A dependency on a container that is neither in the set nor declared as already existing. */
export class MissingDependencyError extends DependencyError {
  readonly container: string;
  readonly dependency: string;
  readonly kind: DependencyKind;

  constructor(container: string, dependency: string, kind: DependencyKind, flag: string) {
    super(
      'missing-dependency',
      dependency,
      `container ${container} depends on ${dependency} (${flag}), which is neither among the containers nor external`,
    );
    this.container = container;
    this.dependency = dependency;
    this.kind = kind;
  }
}

/** Two specs with the same name, or a reference that matches more than one spec by id prefix. */
export class AmbiguousContainerError extends DependencyError {
  constructor(code: 'duplicate-name' | 'ambiguous-reference', input: string, message: string) {
    super(code, input, message);
  }
}

/** `waitFor` gave up: timed out, aborted, or the watcher closed first. */
export class WaitError extends LifecycleError {
  declare readonly code: 'wait-timeout' | 'wait-aborted' | 'watcher-closed';

  constructor(
    code: 'wait-timeout' | 'wait-aborted' | 'watcher-closed',
    input: string,
    message: string,
    options?: BerthErrorOptions,
  ) {
    super(code, input, message, options);
  }
}

/**
 * The watcher's first connection failed: the event stream (`input` `events`) or the read of the containers
 * (`containers`: the list and inspects) was refused or broke before the watcher was ready. `cause` is the source's
 * error. Later breaks are reconnected, not thrown.
 */
export class WatchError extends LifecycleError {
  declare readonly code: 'watch-failed';
  declare readonly input: 'events' | 'containers';

  constructor(input: 'events' | 'containers', cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('watch-failed', input, `the container watcher could not read the engine's ${input}: ${reason}`, { cause });
  }
}
