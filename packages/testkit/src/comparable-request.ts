import type { ContainerCreateRequest } from '@berth/types';

/** Go sends every field of a request, zero or not: a zero, empty or null one says nothing. */
function withoutZeroValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(withoutZeroValues);
  if (value === null || typeof value !== 'object') {
    return value === null || value === '' || value === 0 || value === false ? undefined : value;
  }
  const kept = Object.entries(value)
    .map(([key, field]) => [key, withoutZeroValues(field)] as const)
    .filter(([, field]) => field !== undefined);
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

/**
 * A create request body, less what only differs in spelling between the docker CLI's and berth's: zero values, the
 * order of the lists the CLI builds from Go maps (Binds, Links, Env), and two fields it always sends, ConsoleSize
 * [0, 0] and MemorySwappiness -1 (unset).
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
