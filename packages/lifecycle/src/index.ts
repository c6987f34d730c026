export {
  type Allowed,
  assertCan,
  COMMANDS,
  type Command,
  type ContainerRef,
  can,
  type Refused,
  type Verdict,
} from './commands';
export {
  type ContainerSpec,
  type Dependency,
  dependenciesOf,
  type OrderOptions,
  startOrder,
  stopOrder,
} from './dependencies';
export {
  AmbiguousContainerError,
  CommandRefusedError,
  DependencyCycleError,
  DependencyError,
  type DependencyKind,
  LifecycleError,
  MissingDependencyError,
  type RefusalCode,
  RestartPolicyError,
  type RestartPolicyErrorCode,
  WaitError,
  WatchError,
} from './errors';
export { type ContainerEventSource, type EventStreamOptions, isNotFound } from './event-source';
export { EVENT_TRANSITIONS, eventAction, stateAfterEvent } from './events';
export {
  BACKOFF_RESET_AFTER_MS,
  FIRST_RESTART_DELAY_MS,
  isNoRestart,
  MAX_RESTART_DELAY_MS,
  nextRestartDelay,
  type RestartDecision,
  type RestartTracker,
  restartSchedule,
  restartTracker,
  shouldRestart,
  trackExit,
  trackKill,
  trackManualStart,
} from './restart-manager';
export { parseRestartPolicy, validateRestartPolicy } from './restart-policy';
export { signalNumber } from './signals';
export { LIFECYCLE_STATES, type LifecycleState, stateOf } from './states';
export { humanDuration, statusText } from './status-text';
export {
  type ContainerSnapshot,
  type ContainerWatcher,
  type StatePredicate,
  type Transition,
  type WaitOptions,
  type WatchOptions,
  watchContainers,
} from './watcher';
