import type { ContainerState } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { humanDuration, statusText } from './status-text';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (go-units HumanDuration)', () => {
  it.each<[number, string]>([
    [-5 * S, 'Less than a second'],
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S + 999, '59 seconds'],
    [M, 'About a minute'],
    [2 * M - 1, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [H, 'About an hour'],
    [H + 29 * M, 'About an hour'],
    // hours are rounded, not truncated
    [H + 30 * M, '2 hours'],
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [13 * D + 23 * H, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
    [3650 * D, '10 years'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('always gives one of docker’s forms', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e13, noNaN: true }), (ms) => {
        expect(humanDuration(ms)).toMatch(
          /^(Less than a second|1 second|About a minute|About an hour|\d+ (seconds|minutes|hours|days|weeks|months|years))$/,
        );
      }),
    );
  });
});

const ZERO = '0001-01-01T00:00:00Z';
const now = Date.parse('2024-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString().replace('Z', '123456Z');

function state(overrides: Partial<ContainerState>): ContainerState {
  return {
    Status: 'created',
    Running: false,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: 0,
    ExitCode: 0,
    Error: '',
    StartedAt: ZERO,
    FinishedAt: ZERO,
    ...overrides,
  };
}

describe('statusText (docker ps STATUS)', () => {
  it.each<[string, Partial<ContainerState>, string]>([
    ['created', {}, 'Created'],
    ['running', { Status: 'running', Running: true, StartedAt: ago(5 * M + 3 * S) }, 'Up 5 minutes'],
    ['just started', { Status: 'running', Running: true, StartedAt: ago(200) }, 'Up Less than a second'],
    [
      'paused',
      { Status: 'paused', Running: true, Paused: true, StartedAt: ago(2 * M + 1 * S) },
      'Up 2 minutes (Paused)',
    ],
    [
      'restarting',
      {
        Status: 'restarting',
        Running: true,
        Restarting: true,
        ExitCode: 1,
        StartedAt: ago(4 * S),
        FinishedAt: ago(3 * S + 10),
      },
      'Restarting (1) 3 seconds ago',
    ],
    [
      'exited',
      { Status: 'exited', ExitCode: 0, StartedAt: ago(10 * S), FinishedAt: ago(2 * S) },
      'Exited (0) 2 seconds ago',
    ],
    [
      'killed',
      { Status: 'exited', ExitCode: 137, StartedAt: ago(3 * H), FinishedAt: ago(H) },
      'Exited (137) About an hour ago',
    ],
    [
      'healthy',
      {
        Status: 'running',
        Running: true,
        StartedAt: ago(1500),
        Health: { Status: 'healthy', FailingStreak: 0, Log: [] },
      },
      'Up 1 second (healthy)',
    ],
    [
      'health starting',
      {
        Status: 'running',
        Running: true,
        StartedAt: ago(3 * S),
        Health: { Status: 'starting', FailingStreak: 0, Log: [] },
      },
      'Up 3 seconds (health: starting)',
    ],
    [
      'paused hides health',
      {
        Status: 'paused',
        Running: true,
        Paused: true,
        StartedAt: ago(3 * S),
        Health: { Status: 'unhealthy', FailingStreak: 3, Log: [] },
      },
      'Up 3 seconds (Paused)',
    ],
    ['removing', { Status: 'removing', StartedAt: ago(M), FinishedAt: ago(S) }, 'Removal In Progress'],
    ['dead', { Status: 'dead', Dead: true, StartedAt: ago(M), FinishedAt: ago(S) }, 'Dead'],
    // a container that started but never recorded an end (the engine crashed): docker shows nothing
    ['no finish time', { Status: 'exited', StartedAt: ago(M) }, ''],
  ])('%s', (_, overrides, text) => {
    expect(statusText(state(overrides), now)).toBe(text);
    expect(statusText(state(overrides), new Date(now))).toBe(text);
  });
});
