import { describe, expect, it } from 'vitest';
import { eventAction, stateAfterEvent } from './events';
import type { LifecycleState } from './states';

const event = (Action: string) => ({ Action });

describe('stateAfterEvent', () => {
  it.each<[LifecycleState, string, LifecycleState]>([
    ['gone', 'create', 'created'],
    ['created', 'start', 'running'],
    ['exited', 'start', 'running'],
    ['restarting', 'start', 'running'],
    ['running', 'pause', 'paused'],
    ['paused', 'unpause', 'running'],
    ['running', 'die', 'exited'],
    ['running', 'kill', 'running'],
    ['running', 'oom', 'running'],
    ['exited', 'stop', 'exited'],
    ['restarting', 'stop', 'exited'],
    ['running', 'restart', 'running'],
    ['exited', 'destroy', 'gone'],
    ['created', 'destroy', 'gone'],
    ['running', 'exec_start: sh -c date', 'running'],
    ['running', 'health_status: healthy', 'running'],
    ['running', 'rename', 'running'],
    ['paused', 'attach', 'paused'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(stateAfterEvent(from, event(action))).toBe(to);
  });

  it('a die leads to restarting when the policy restarts the container', () => {
    expect(stateAfterEvent('running', event('die'), { restarts: true })).toBe('restarting');
    expect(stateAfterEvent('running', event('die'), { restarts: false })).toBe('exited');
  });

  it('does not take inherited object keys for actions', () => {
    expect(stateAfterEvent('running', event('toString'))).toBe('running');
    expect(stateAfterEvent('running', event('__proto__'))).toBe('running');
  });
});

describe('eventAction', () => {
  it('drops the detail after the colon', () => {
    expect(eventAction(event('exec_start: sh -c date'))).toBe('exec_start');
    expect(eventAction(event('health_status: unhealthy'))).toBe('health_status');
    expect(eventAction(event('die'))).toBe('die');
  });
});
