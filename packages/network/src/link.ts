// ch.2 sidebar, "legacy container network links": `--link name[:alias]`.
import { ContainerNetworkError } from './errors';

export interface Link {
  /** The linked container's name or id. */
  name: string;
  /** The name the linking container knows it by; the container's own name when no alias is given. */
  alias: string;
}

/** `name[:alias]` (and the `/name:/container/alias` form inspect shows) → its parts (opts.ParseLink). */
export function parseLink(value: string): Link {
  if (value === '') throw new ContainerNetworkError('invalid-link', value, 'invalid --link "": empty');
  const parts = value.split(':');
  if (parts.length > 2) {
    throw new ContainerNetworkError(
      'invalid-link',
      value,
      `invalid --link ${JSON.stringify(value)}: want name[:alias]`,
    );
  }
  const [name = '', alias] = parts;
  if (alias === undefined) return { name: value, alias: value };
  if (name.startsWith('/')) return { name: name.slice(1), alias: alias.slice(alias.lastIndexOf('/') + 1) };
  return { name, alias };
}
