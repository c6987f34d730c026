import { CONTAINER_CREATE_GATED_FIELDS, compareApiVersions, type GatedField } from '@berth/types';
import { ApiVersionError } from './errors';

/** The newest Engine API version whose request fields berth knows: the newest in `CONTAINER_CREATE_GATED_FIELDS`. */
export const MAX_API_VERSION: string = CONTAINER_CREATE_GATED_FIELDS.map((field) => field.since).reduce(
  (newest, version) => (compareApiVersions(version, newest) > 0 ? version : newest),
);

/** moby's client assumes this when a daemon does not say which version it speaks. */
const FALLBACK_DAEMON_VERSION = '1.24';

export interface DaemonVersions {
  ApiVersion?: string;
  MinAPIVersion?: string;
}

/** `min(daemon's ApiVersion, ours)`, refused when that is below the oldest version the daemon still serves. */
export function negotiateApiVersion(daemon: DaemonVersions, clientMax: string = MAX_API_VERSION): string {
  const daemonMax = daemon.ApiVersion || FALLBACK_DAEMON_VERSION;
  const chosen = compareApiVersions(daemonMax, clientMax) < 0 ? daemonMax : clientMax;
  if (daemon.MinAPIVersion && compareApiVersions(chosen, daemon.MinAPIVersion) < 0) {
    throw new ApiVersionError(
      'api-version-too-old',
      chosen,
      `the engine serves API ${daemon.MinAPIVersion} to ${daemonMax}, but this client speaks at most ${clientMax}`,
    );
  }
  return chosen;
}

export interface UsedField {
  /** The concrete path of the value in the request: `HostConfig.Mounts[0].BindOptions.ReadOnlyNonRecursive`. */
  path: string;
  since: string;
}

/** The fields of `body` that `version` does not know: every gated field whose value is present (not `undefined`). */
export function fieldsNewerThan(body: unknown, gated: readonly GatedField[], version: string): UsedField[] {
  const found: UsedField[] = [];
  for (const field of gated) {
    if (compareApiVersions(field.since, version) <= 0) continue;
    for (const path of presentPaths(body, field.path.split('.'), '')) found.push({ path, since: field.since });
  }
  return found;
}

// Walks one gated path: `Name[]` descends into each array element, `*` into each key of an object.
function presentPaths(value: unknown, segments: readonly string[], prefix: string): string[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return value === undefined ? [] : [prefix];
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (segment === '*') return Object.keys(record).flatMap((key) => presentPaths(record[key], rest, join(key)));
  if (segment.endsWith('[]')) {
    const key = segment.slice(0, -2);
    const items = record[key];
    if (!Array.isArray(items)) return [];
    return items.flatMap((item, index) => presentPaths(item, rest, `${join(key)}[${index}]`));
  }
  return Object.hasOwn(record, segment) ? presentPaths(record[segment], rest, join(segment)) : [];
}

/** Throws when `body` uses a field `version` does not know, naming the first such field and the version it needs. */
export function refuseNewerFields(body: unknown, gated: readonly GatedField[], version: string, request: string): void {
  const [first, ...others] = fieldsNewerThan(body, gated, version);
  if (!first) return;
  const more = others.length > 0 ? ` (and ${others.map((field) => field.path).join(', ')})` : '';
  throw new ApiVersionError(
    'field-needs-newer-api',
    first.path,
    `${request}: ${first.path} needs API ${first.since}, but the engine speaks ${version}${more}; it was not sent`,
  );
}
