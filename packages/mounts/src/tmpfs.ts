// `--tmpfs path[:options]` → `HostConfig.Tmpfs` (book ch. 2.4.1, 4.3). The engine checks the path at create and the
// option words only when the container starts; both are checked here.

import { cut } from '@berth/go-syntax';
import { MountError } from './errors';
import { PROPAGATIONS } from './mount-modes';
import { checkContainerPath } from './posix-path';

export interface TmpfsSpec {
  target: string;
  /** The mount options as given (`size=64m,mode=1770`), `''` for none: the value of `HostConfig.Tmpfs[target]`. */
  options: string;
}

/** Mount flags the engine merges into a tmpfs mount (moby/sys mount's flag table). */
const TMPFS_FLAGS = new Set([
  'defaults',
  'ro',
  'rw',
  'suid',
  'nosuid',
  'dev',
  'nodev',
  'exec',
  'noexec',
  'sync',
  'async',
  'dirsync',
  'remount',
  'mand',
  'nomand',
  'atime',
  'noatime',
  'diratime',
  'nodiratime',
  'bind',
  'rbind',
  'unbindable',
  'runbindable',
  ...PROPAGATIONS,
  'relatime',
  'norelatime',
  'strictatime',
  'nostrictatime',
]);
/** `key=value` options the engine passes to tmpfs itself. */
const TMPFS_DATA = new Set(['', 'size', 'mode', 'uid', 'gid', 'nr_inodes', 'nr_blocks', 'mpol']);

/** Parses one `--tmpfs` value, or throws a {@link MountError}. */
export function parseTmpfsSpec(spec: string): TmpfsSpec {
  const fail = (code: 'empty-spec' | 'root-target' | 'relative-path' | 'invalid-tmpfs-option', rule: string): never => {
    throw new MountError(code, '--tmpfs', spec, rule);
  };
  if (spec === '') fail('empty-spec', 'a tmpfs mount needs a container path');
  const [target, options] = cut(spec, ':');
  checkContainerPath(target, fail);
  if (options !== '') {
    for (const option of options.split(',')) {
      if (TMPFS_FLAGS.has(option)) continue;
      const equals = option.indexOf('=');
      if (equals < 0 || !TMPFS_DATA.has(option.slice(0, equals))) {
        fail(
          'invalid-tmpfs-option',
          `invalid tmpfs option ${JSON.stringify(option)} (a mount flag such as ro or noexec, or size=, mode=, uid=, gid=, nr_inodes=, nr_blocks=, mpol=)`,
        );
      }
    }
  }
  return { target, options };
}
