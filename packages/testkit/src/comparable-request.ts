import type { ContainerCreateRequest } from '@berth/types';

// pointer fields of the API where a zero (or false) is a setting of its own and only null means unset: no stop grace
// period, no swapping, no init process even when the daemon adds one by default
const ZERO_IS_A_SETTING = new Set(['StopTimeout', 'HostConfig.MemorySwappiness', 'HostConfig.Init']);

/** Go sends every field of a request, zero or not: a zero, empty or null one says nothing, unless it is a setting. */
function withoutZeroValues(value: unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => withoutZeroValues(item));
  if (value === null || typeof value !== 'object') {
    if (ZERO_IS_A_SETTING.has(path)) return value ?? undefined;
    return value === null || value === '' || value === 0 || value === false ? undefined : value;
  }
  const kept = Object.entries(value)
    .map(([key, field]) => [key, withoutZeroValues(field, path ? `${path}.${key}` : key)] as const)
    .filter(([, field]) => field !== undefined);
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

/**
 * A create request body, less what only differs in spelling between the docker CLI's and berth's: zero values (but
 * not StopTimeout's, MemorySwappiness's or Init's), the order of the lists the CLI builds from Go maps (Binds, Links,
 * Env), and two fields it always sends, ConsoleSize [0, 0] and MemorySwappiness -1 (unset).
 */
export function comparableRequest(body: ContainerCreateRequest): Record<string, unknown> {
  const { ConsoleSize, MemorySwappiness, Binds, Links, ...hostConfig } = (body.HostConfig ?? {}) as Record<
    string,
    unknown
  > & { Binds?: string[]; Links?: string[] };
  const comparable = withoutZeroValues({
    ...body,
    Env: [...(body.Env ?? [])].sort(),
    HostConfig: {
      ...hostConfig,
      ...(Array.isArray(ConsoleSize) && ConsoleSize.some((size) => size !== 0) ? { ConsoleSize } : {}),
      ...(MemorySwappiness === -1 ? {} : { MemorySwappiness }),
      Binds: [...(Binds ?? [])].sort(),
      Links: [...(Links ?? [])].sort(),
    },
  });
  return (comparable ?? {}) as Record<string, unknown>;
}

/**
 * `part` (what one package decides: its HostConfig fields, Volumes…) laid over `baseline`, what the docker CLI sends
 * for a bare `docker create IMAGE`: a whole request, comparable with the CLI's own for the same flags.
 */
export function overBaseline(
  baseline: ContainerCreateRequest,
  part: Partial<ContainerCreateRequest>,
): ContainerCreateRequest {
  return {
    ...baseline,
    ...part,
    HostConfig: { ...baseline.HostConfig, ...part.HostConfig },
    ...(part.NetworkingConfig || baseline.NetworkingConfig
      ? { NetworkingConfig: { ...baseline.NetworkingConfig, ...part.NetworkingConfig } }
      : {}),
  };
}
