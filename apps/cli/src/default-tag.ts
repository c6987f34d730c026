import type { Reference } from '@berth/image-ref';
import type { CommandContext } from './context';

/**
 * What `pull` and `push` send for a name: with neither tag nor digest it gets `:latest`, announced on stdout unless
 * `-q`, as docker does; with `-a` the bare name stays, for every tag of the repository.
 */
export function defaultTagged(context: CommandContext, parsed: Reference, all: boolean, quiet: boolean): Reference {
  if (all) return parsed;
  const reference = parsed.withDefaultTag();
  if (reference !== parsed && !quiet) context.io.stdout.write('Using default tag: latest\n');
  return reference;
}
