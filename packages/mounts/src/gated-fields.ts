// Which fields of a parsed result the engine of the baseline API (1.41) does not know: it would drop them silently,
// so the engine package refuses them on such an engine instead of sending them.
import { CONTAINER_CREATE_GATED_FIELDS, type GatedField } from '@berth/types';

function isPresent(value: unknown, path: readonly string[]): boolean {
  if (path.length === 0) return value !== undefined;
  if (typeof value !== 'object' || value === null) return false;
  const [head = '', ...rest] = path;
  const record = value as Record<string, unknown>;
  if (head === '*') return Object.values(record).some((entry) => isPresent(entry, rest));
  if (head.endsWith('[]')) {
    const list = record[head.slice(0, -2)];
    return Array.isArray(list) && list.some((entry) => isPresent(entry, rest));
  }
  return Object.hasOwn(record, head) && isPresent(record[head], rest);
}

/**
 * The entries of `CONTAINER_CREATE_GATED_FIELDS` that a create request (or a fragment of one, such as the result of
 * `parseStorage`) sets, each with the API version that introduced it.
 */
export function gatedFieldsUsed(request: object): GatedField[] {
  return CONTAINER_CREATE_GATED_FIELDS.filter((field) => isPresent(request, field.path.split('.')));
}
