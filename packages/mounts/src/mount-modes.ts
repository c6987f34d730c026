// The engine's grammar for the mode of a `-v` spec and of `--volumes-from` (moby's Linux mount parser): a comma list
// holding at most one word of each kind.
import type { MountPropagation } from '@berth/types';

export const PROPAGATIONS: readonly MountPropagation[] = [
  'private',
  'rprivate',
  'shared',
  'rshared',
  'slave',
  'rslave',
];

type ModeKind = 'access' | 'label' | 'propagation' | 'copy' | 'consistency';

const MODE_WORDS: Record<string, ModeKind> = {
  rw: 'access',
  ro: 'access',
  z: 'label',
  Z: 'label',
  nocopy: 'copy',
  consistent: 'consistency',
  cached: 'consistency',
  delegated: 'consistency',
  ...Object.fromEntries(PROPAGATIONS.map((word) => [word, 'propagation'])),
};

export function isPropagation(word: string): word is MountPropagation {
  return (PROPAGATIONS as readonly string[]).includes(word);
}

/** The words of a mode by kind, or undefined when a word is unknown or a kind appears twice. */
export function readMode(mode: string): Partial<Record<ModeKind, string>> | undefined {
  if (mode === '') return {};
  const kinds: Partial<Record<ModeKind, string>> = {};
  for (const word of mode.split(',')) {
    const kind = Object.hasOwn(MODE_WORDS, word) ? MODE_WORDS[word] : undefined;
    if (kind === undefined || kinds[kind] !== undefined) return undefined;
    kinds[kind] = word;
  }
  return kinds;
}
