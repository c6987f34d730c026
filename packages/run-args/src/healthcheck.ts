import type { HealthConfig } from '@berth/types';
import { RunArgsError } from './errors';

export interface HealthFlags {
  cmd?: string;
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
  none: boolean;
}

/** `--health-*` and `--no-healthcheck` → `Config.Healthcheck`, or nothing when none of them says anything. */
export function parseHealthcheck(flags: HealthFlags): HealthConfig | undefined {
  const durations = {
    interval: flags.interval,
    timeout: flags.timeout,
    'start-period': flags.startPeriod,
    'start-interval': flags.startInterval,
  };
  const configured = Boolean(flags.cmd) || flags.retries !== 0 || Object.values(durations).some((value) => value !== 0);
  if (flags.none) {
    if (configured) {
      throw new RunArgsError(
        'conflicting-options',
        '--no-healthcheck',
        '--no-healthcheck conflicts with --health-* options',
      );
    }
    return { Test: ['NONE'] };
  }
  if (!configured) return undefined;
  for (const [name, value] of [...Object.entries(durations), ['retries', flags.retries] as const]) {
    if (value < 0) {
      throw new RunArgsError('negative-health-option', `--health-${name}`, `--health-${name} cannot be negative`);
    }
  }
  const health: HealthConfig = {};
  if (flags.cmd) health.Test = ['CMD-SHELL', flags.cmd];
  if (flags.interval) health.Interval = flags.interval;
  if (flags.timeout) health.Timeout = flags.timeout;
  if (flags.startPeriod) health.StartPeriod = flags.startPeriod;
  if (flags.startInterval) health.StartInterval = flags.startInterval;
  if (flags.retries) health.Retries = flags.retries;
  return health;
}
