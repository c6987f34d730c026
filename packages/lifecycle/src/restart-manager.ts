import type { RestartPolicy } from '@berth/types';
import { signalNumber } from './signals';

/** ch.2.5.1: the engine waits before each restart, starting at 100 ms and doubling up to a minute. */
export const FIRST_RESTART_DELAY_MS = 100;
export const MAX_RESTART_DELAY_MS = 60_000;
/** A run at least this long resets the backoff to the first delay. */
export const BACKOFF_RESET_AFTER_MS = 10_000;

const SIGKILL = 9;

/** `no` and the empty name (no `--restart` flag) never restart. */
export function isNoRestart(policy: RestartPolicy | undefined): boolean {
  return policy === undefined || policy.Name === '' || policy.Name === 'no';
}

/**
 * Whether the engine restarts a container after its main process exited: `always` does, `unless-stopped` unless it
 * was stopped by hand (`docker stop`/`kill`), `on-failure` on a non-zero exit while `restartCount` is below
 * `MaximumRetryCount` (0 = no limit).
 */
export function shouldRestart(
  policy: RestartPolicy | undefined,
  exit: { exitCode: number; restartCount: number; manuallyStopped: boolean },
): boolean {
  if (policy === undefined) return false;
  switch (policy.Name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !exit.manuallyStopped;
    case 'on-failure': {
      const max = policy.MaximumRetryCount ?? 0;
      return exit.exitCode !== 0 && (max === 0 || exit.restartCount < max);
    }
    default:
      return false;
  }
}

/**
 * The wait before the next restart, given the previous one (0 before the first) and how long the container ran:
 * 100 ms, then doubling on each consecutive restart, capped at a minute; a run of 10 s or more starts over at 100 ms.
 */
export function nextRestartDelay(previousMs: number, ranForMs: number): number {
  const previous = ranForMs >= BACKOFF_RESET_AFTER_MS ? 0 : previousMs;
  if (previous <= 0) return FIRST_RESTART_DELAY_MS;
  return Math.min(previous * 2, MAX_RESTART_DELAY_MS);
}

/** The first `count` waits of a container that keeps exiting at once: 100, 200, 400, 800 ms … 60 000 ms. */
export function restartSchedule(count: number): number[] {
  const delays: number[] = [];
  let delay = 0;
  for (let i = 0; i < count; i++) {
    delay = nextRestartDelay(delay, 0);
    delays.push(delay);
  }
  return delays;
}

/**
 * What the engine's restart manager knows about one container between two manual starts. The engine keeps it in
 * memory only; inspect shows `restartCount` (`RestartCount`).
 */
export interface RestartTracker {
  readonly policy: RestartPolicy | undefined;
  /** Restarts since the container was last started by hand. */
  readonly restartCount: number;
  /** The last wait before a restart, 0 before the first. */
  readonly delayMs: number;
  /** `docker stop`/`kill` since the last manual start: `unless-stopped` no longer restarts. */
  readonly manuallyStopped: boolean;
  /** The engine cancelled the policy for this run (a kill with the stop signal or SIGKILL): nothing restarts. */
  readonly canceled: boolean;
}

export interface RestartDecision {
  restart: boolean;
  /** The wait before the restart (the backoff moves on even when no restart follows). */
  delayMs: number;
  tracker: RestartTracker;
}

export function restartTracker(policy: RestartPolicy | undefined, restartCount = 0): RestartTracker {
  return { policy, restartCount, delayMs: 0, manuallyStopped: false, canceled: false };
}

/** The engine decides after the main process exited with `exitCode` having run `ranForMs`. */
export function trackExit(tracker: RestartTracker, exit: { exitCode: number; ranForMs: number }): RestartDecision {
  if (isNoRestart(tracker.policy) || tracker.canceled) return { restart: false, delayMs: 0, tracker };
  const delayMs = nextRestartDelay(tracker.delayMs, exit.ranForMs);
  const restart = shouldRestart(tracker.policy, { ...tracker, exitCode: exit.exitCode });
  const restartCount = restart ? tracker.restartCount + 1 : tracker.restartCount;
  return { restart, delayMs, tracker: { ...tracker, delayMs, restartCount } };
}

/**
 * A `docker kill`/`stop`/`rm -f` sent `signal`. It marks the container stopped by hand, and cancels its policy
 * unless the container has its own stop signal and this is another one (`docker kill -s HUP` to reload nginx):
 * without a StopSignal, any signal sent through docker cancels it.
 */
export function trackKill(tracker: RestartTracker, signal: string | number, stopSignal?: string): RestartTracker {
  const sent = signalNumber(signal);
  const cancels =
    stopSignal === undefined || stopSignal === '' || sent === SIGKILL || sent === signalNumber(stopSignal);
  return { ...tracker, manuallyStopped: true, canceled: tracker.canceled || cancels };
}

/** `docker start`/`restart` resets everything: the count (RestartCount 0), the backoff and the stop marks. */
export function trackManualStart(tracker: RestartTracker): RestartTracker {
  return restartTracker(tracker.policy);
}
