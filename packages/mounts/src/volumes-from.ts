// `--volumes-from container[:ro|rw]` → `HostConfig.VolumesFrom` (book ch. 4.5.1: the source container's mount
// definitions are copied, transitively, with their own mount points).
import { cut } from '@berth/go-syntax';
import { MountError } from './errors';
import { readMode } from './mount-modes';

export interface VolumesFromSpec {
  container: string;
  /** `''` when none was given (read-write); otherwise the mode words, e.g. `ro`. */
  mode: string;
}

/** Parses one `--volumes-from` value with the engine's rules, or throws a {@link MountError}. */
export function parseVolumesFrom(spec: string): VolumesFromSpec {
  const fail = (code: 'empty-spec' | 'invalid-volumes-from' | 'invalid-mode', rule: string): never => {
    throw new MountError(code, '--volumes-from', spec, rule);
  };
  if (spec === '') fail('empty-spec', 'volumes-from specification cannot be an empty string');
  const [container, mode] = cut(spec, ':');
  if (container === '') fail('invalid-volumes-from', 'invalid name or ID supplied: ""');
  const words = readMode(mode) ?? fail('invalid-mode', `invalid mode: ${mode}`);
  // Copied mounts keep their source's propagation and data: neither can be chosen here.
  if (words.propagation !== undefined || words.copy !== undefined) {
    fail('invalid-mode', `invalid mode: ${mode} (propagation and nocopy come from the source container)`);
  }
  return { container, mode };
}
