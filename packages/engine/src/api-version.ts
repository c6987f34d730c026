import {
  CONTAINER_CREATE_GATED_FIELDS,
  compareApiVersions,
  type GatedField,
  gatedFieldsIn,
  type UsedField,
} from '@berth/types';
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

/** The fields of `body` that `version` does not know: every gated field whose value is present (not `undefined`). */
export function fieldsNewerThan(body: unknown, gated: readonly GatedField[], version: string): UsedField[] {
  return gatedFieldsIn(body, gated).filter((field) => compareApiVersions(field.since, version) > 0);
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
