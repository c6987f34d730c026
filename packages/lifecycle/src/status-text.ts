import type { ContainerState } from '@berth/types';
import { isZeroTime } from './go-time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * A duration as docker writes it in `docker ps` (go-units `HumanDuration`): whole seconds below a minute, whole
 * minutes below an hour, hours rounded to the nearest below two days, then days, weeks, months of 30 days and years
 * of 365, each truncated.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  // years from the truncated hours, not the rounded ones
  return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`;
}

function since(timestamp: string, now: number): string {
  return humanDuration(now - Date.parse(timestamp));
}

/**
 * The status `docker ps` shows for a container, from its inspect `State` and the time `now`: `Created`,
 * `Up 5 minutes`, `Up 2 minutes (Paused)`, `Up 1 second (healthy)`, `Up 3 seconds (health: starting)`,
 * `Restarting (1) 3 seconds ago`, `Exited (0) 2 seconds ago`, `Removal In Progress`, `Dead`. ch.2.3.2.
 */
export function statusText(state: ContainerState, now: Date | number = Date.now()): string {
  const at = typeof now === 'number' ? now : now.getTime();
  // a paused or restarting container is also Running as far as the engine is concerned
  if (state.Running) {
    if (state.Paused) return `Up ${since(state.StartedAt, at)} (Paused)`;
    if (state.Restarting) return `Restarting (${state.ExitCode}) ${since(state.FinishedAt, at)} ago`;
    const health = state.Health?.Status;
    if (health !== undefined && health !== '') {
      return `Up ${since(state.StartedAt, at)} (${health === 'starting' ? 'health: starting' : health})`;
    }
    return `Up ${since(state.StartedAt, at)}`;
  }
  if (state.Status === 'removing') return 'Removal In Progress';
  if (state.Dead) return 'Dead';
  if (isZeroTime(state.StartedAt)) return 'Created';
  if (isZeroTime(state.FinishedAt)) return '';
  return `Exited (${state.ExitCode}) ${since(state.FinishedAt, at)} ago`;
}
