// Which fields of a parsed result the engine of the baseline API (1.41) does not know: it would drop them silently,
// so the engine package refuses them on such an engine instead of sending them.
import { CONTAINER_CREATE_GATED_FIELDS, type GatedField, gatedFieldsIn } from '@berth/types';

/**
 * The entries of `CONTAINER_CREATE_GATED_FIELDS` that a create request (or a fragment of one, such as the result of
 * `parseStorage`) sets, each with the API version that introduced it.
 */
export function gatedFieldsUsed(request: object): GatedField[] {
  return CONTAINER_CREATE_GATED_FIELDS.filter((field) => gatedFieldsIn(request, [field]).length > 0);
}
