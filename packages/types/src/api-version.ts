// Request fields the Engine API learned after v1.41 (the engine on the development machines), each with the
// version that introduced it, so a client can refuse a field instead of sending it to an engine that ignores it.

export type ApiVersion = `${number}.${number}`;

export const BASELINE_API_VERSION: ApiVersion = '1.41';

export interface GatedField {
  /** Dotted path in the create request; `[]` marks an array element. */
  path: string;
  since: ApiVersion;
}

export const CONTAINER_CREATE_GATED_FIELDS: readonly GatedField[] = [
  { path: 'HostConfig.ConsoleSize', since: '1.42' },
  { path: 'HostConfig.Mounts[].BindOptions.CreateMountpoint', since: '1.42' },
  { path: 'HostConfig.Annotations', since: '1.43' },
  { path: 'HostConfig.Mounts[].BindOptions.ReadOnlyNonRecursive', since: '1.44' },
  { path: 'HostConfig.Mounts[].BindOptions.ReadOnlyForceRecursive', since: '1.44' },
  { path: 'Healthcheck.StartInterval', since: '1.44' },
  { path: 'NetworkingConfig.EndpointsConfig.*.MacAddress', since: '1.44' },
  { path: 'HostConfig.Mounts[].VolumeOptions.Subpath', since: '1.45' },
  { path: 'HostConfig.Mounts[].TmpfsOptions.Options', since: '1.46' },
  { path: 'NetworkingConfig.EndpointsConfig.*.GwPriority', since: '1.48' },
];

/**
 * The version that introduced a gated create-request field, by its path in the table
 * (`NetworkingConfig.EndpointsConfig.*.MacAddress` → `1.44`); the baseline for a path the table does not list.
 */
export function gatedFieldSince(
  path: string,
  gated: readonly GatedField[] = CONTAINER_CREATE_GATED_FIELDS,
): ApiVersion {
  return gated.find((field) => field.path === path)?.since ?? BASELINE_API_VERSION;
}

/** Compares two API versions numerically (`1.9` < `1.41`). */
export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** A gated field a request actually sets, at its concrete path (`HostConfig.Mounts[0].VolumeOptions.Subpath`). */
export interface UsedField {
  path: string;
  since: ApiVersion;
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

/** Every gated field that `body` (a create request, or a fragment of one) sets, with the version that added it. */
export function gatedFieldsIn(
  body: unknown,
  gated: readonly GatedField[] = CONTAINER_CREATE_GATED_FIELDS,
): UsedField[] {
  return gated.flatMap((field) =>
    presentPaths(body, field.path.split('.'), '').map((path) => ({ path, since: field.since })),
  );
}

/**
 * The entries of the gated-field table that a create request (or a fragment of one, such as the result of
 * `parseStorage`) sets, each once, with the API version that introduced it.
 */
export function gatedFieldsUsed(
  body: unknown,
  gated: readonly GatedField[] = CONTAINER_CREATE_GATED_FIELDS,
): GatedField[] {
  return gated.filter((field) => gatedFieldsIn(body, [field]).length > 0);
}
