import type { RestartPolicy } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextRestartDelay,
  type RestartTracker,
  restartSchedule,
  restartTracker,
  shouldRestart,
  trackExit,
  trackKill,
  trackManualStart,
} from './restart-manager';
import { signalNumber } from './signals';

const always: RestartPolicy = { Name: 'always', MaximumRetryCount: 0 };
const unlessStopped: RestartPolicy = { Name: 'unless-stopped', MaximumRetryCount: 0 };
const onFailure = (max: number): RestartPolicy => ({ Name: 'on-failure', MaximumRetryCount: max });

describe('backoff (moby restartmanager)', () => {
  it('starts at 100 ms, doubles, and stays at a minute', () => {
    expect(restartSchedule(12)).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12_800, 25_600, 51_200, 60_000, 60_000]);
  });

  it('starts over after a run of 10 s or more', () => {
    expect(nextRestartDelay(6400, 9_999)).toBe(12_800);
    expect(nextRestartDelay(6400, 10_000)).toBe(100);
    expect(nextRestartDelay(60_000, 59_000)).toBe(100);
    expect(nextRestartDelay(0, 0)).toBe(100);
  });

  it('stays between 100 ms and a minute, and never shrinks except by a reset', () => {
    const reachable = fc.constantFrom(0, ...restartSchedule(12));
    fc.assert(
      fc.property(reachable, fc.integer({ min: 0, max: 30_000 }), (previous, ran) => {
        const next = nextRestartDelay(previous, ran);
        expect(next).toBeGreaterThanOrEqual(100);
        expect(next).toBeLessThanOrEqual(60_000);
        if (ran < 10_000) expect(next).toBeGreaterThanOrEqual(previous);
        else expect(next).toBe(100);
      }),
    );
  });
});

describe('shouldRestart', () => {
  it.each<[string, RestartPolicy | undefined, number, number, boolean, boolean]>([
    ['no policy', undefined, 1, 0, false, false],
    ['no', { Name: 'no' }, 1, 0, false, false],
    ['empty name', { Name: '' }, 1, 0, false, false],
    ['always after success', always, 0, 5, false, true],
    ['always after a manual stop', always, 137, 0, true, true],
    ['unless-stopped', unlessStopped, 0, 0, false, true],
    ['unless-stopped after a manual stop', unlessStopped, 143, 0, true, false],
    ['on-failure after success', onFailure(0), 0, 0, false, false],
    ['on-failure without limit', onFailure(0), 1, 1000, false, true],
    ['on-failure:2, first failure', onFailure(2), 1, 0, false, true],
    ['on-failure:2, second failure', onFailure(2), 1, 1, false, true],
    ['on-failure:2, third failure', onFailure(2), 1, 2, false, false],
    ['on-failure after a manual stop', onFailure(0), 137, 0, true, true],
  ])('%s', (_, policy, exitCode, restartCount, manuallyStopped, expected) => {
    expect(shouldRestart(policy, { exitCode, restartCount, manuallyStopped })).toBe(expected);
  });
});

function exits(tracker: RestartTracker, codes: number[], ranForMs = 0) {
  const decisions = [];
  for (const exitCode of codes) {
    const decision = trackExit(tracker, { exitCode, ranForMs });
    decisions.push({ restart: decision.restart, delayMs: decision.delayMs, count: decision.tracker.restartCount });
    tracker = decision.tracker;
  }
  return decisions;
}

describe('the restart tracker', () => {
  it('on-failure:2 stops after two retries', () => {
    expect(exits(restartTracker(onFailure(2)), [1, 1, 1])).toEqual([
      { restart: true, delayMs: 100, count: 1 },
      { restart: true, delayMs: 200, count: 2 },
      { restart: false, delayMs: 400, count: 2 },
    ]);
  });

  it('always restarts with the growing backoff, and counts', () => {
    expect(exits(restartTracker(always), [0, 0, 0, 0]).map((d) => [d.delayMs, d.count])).toEqual([
      [100, 1],
      [200, 2],
      [400, 3],
      [800, 4],
    ]);
  });

  it('a long run resets the backoff but not the count', () => {
    const tracker = { ...restartTracker(always, 7), delayMs: 12_800 };
    expect(exits(tracker, [0], 15_000)).toEqual([{ restart: true, delayMs: 100, count: 8 }]);
  });

  it('continues from the RestartCount inspect shows', () => {
    expect(exits(restartTracker(onFailure(3), 3), [1])).toEqual([{ restart: false, delayMs: 100, count: 3 }]);
  });

  it('no policy neither restarts nor moves the backoff', () => {
    expect(exits(restartTracker({ Name: 'no' }), [1, 1])).toEqual([
      { restart: false, delayMs: 0, count: 0 },
      { restart: false, delayMs: 0, count: 0 },
    ]);
  });

  it('docker stop (SIGTERM) cancels any policy when the container has no stop signal of its own', () => {
    const stopped = trackKill(restartTracker(always), '15');
    expect(stopped).toMatchObject({ manuallyStopped: true, canceled: true });
    expect(exits(stopped, [143])).toEqual([{ restart: false, delayMs: 0, count: 0 }]);
  });

  it('a signal other than the stop signal only marks the container stopped: always still restarts', () => {
    const reloaded = trackKill(restartTracker(always), '1', 'SIGQUIT');
    expect(reloaded).toMatchObject({ manuallyStopped: true, canceled: false });
    expect(exits(reloaded, [0])[0]?.restart).toBe(true);
    const unless = trackKill(restartTracker(unlessStopped), 'HUP', 'SIGQUIT');
    expect(exits(unless, [0])[0]?.restart).toBe(false);
  });

  it.each([
    ['9', 'SIGQUIT'],
    ['3', 'SIGQUIT'],
    ['3', 'quit'],
    ['37', 'SIGRTMIN+3'],
  ])('kill -s %s with stop signal %s cancels', (signal, stopSignal) => {
    expect(trackKill(restartTracker(always), signal, stopSignal).canceled).toBe(true);
  });

  it('a manual start resets the count, the backoff and the stop marks', () => {
    const tracker = { ...restartTracker(always, 4), delayMs: 1600, manuallyStopped: true, canceled: true };
    expect(trackManualStart(tracker)).toEqual(restartTracker(always));
  });
});

describe('signalNumber', () => {
  it.each<[string | number, number | undefined]>([
    ['SIGTERM', 15],
    ['term', 15],
    ['15', 15],
    [9, 9],
    ['SIGRTMIN', 34],
    ['RTMAX-1', 63],
    ['SIGNOPE', undefined],
  ])('%s → %s', (signal, number) => {
    expect(signalNumber(signal)).toBe(number);
  });
});
