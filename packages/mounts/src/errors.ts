import { BerthError, type BerthErrorOptions } from '@berth/types';

/** Where the offending token came from: the flag (or command) that carried it. */
export type MountFlag = '--mount' | '--volume' | '--tmpfs' | '--volumes-from' | 'volume create' | '--filter';

/** The stable codes a {@link MountError} carries, one per rule. */
export type MountErrorCode =
  /** `--mount ''`, `-v ''`: nothing to parse. */
  | 'empty-spec'
  /** `--mount` is one CSV record (Go's encoding/csv): a stray or unbalanced quote. */
  | 'csv-syntax'
  /** `--mount` field without `=` that is not a boolean option. */
  | 'not-key-value'
  | 'unknown-option'
  /** Leading or trailing white space around a `--mount` key or value. */
  | 'whitespace'
  /** `src=`: a key with an empty value. */
  | 'empty-value'
  /** A boolean option other than `true`, `1`, `false`, `0`. */
  | 'invalid-boolean'
  /** A value outside an option's grammar: `bind-recursive`, `tmpfs-size`, `tmpfs-mode`. */
  | 'invalid-value'
  /** `bind-nonrecursive`: removed by docker in favour of `bind-recursive=disabled`. */
  | 'deprecated-option'
  /** `bind-*`, `volume-*`, `tmpfs-*`, `image-*` options on a mount of another type. */
  | 'option-type-mismatch'
  /** An option that needs another one beside it (`bind-recursive=readonly` needs `readonly`). */
  | 'missing-companion-option'
  | 'missing-target'
  | 'missing-source'
  /** `type=tmpfs` with a source. */
  | 'source-not-allowed'
  | 'unknown-mount-type'
  /** `readonly` on an anonymous volume. */
  | 'readonly-anonymous-volume'
  /** A container path (or bind source) that is not absolute. */
  | 'relative-path'
  /** A mount on `/` itself. */
  | 'root-target'
  | 'invalid-propagation'
  /** Not a name the local volume driver accepts (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`). */
  | 'invalid-volume-name'
  /** A `.`-relative source and no `cwd` option to resolve it against. */
  | 'relative-source-without-cwd'
  /** `--mount type=bind` whose source the injected `pathExists` does not find. */
  | 'bind-source-not-found'
  /** `-v` grammar: empty section between colons, too many colons, destination given a mode only. */
  | 'invalid-spec'
  /** A `-v` / `--volumes-from` mode the engine refuses. */
  | 'invalid-mode'
  /** `--mount`/`-v` options the engine refuses for the mount's type (`nocopy` on a bind, propagation on a volume). */
  | 'invalid-option-for-type'
  | 'duplicate-mount-point'
  | 'invalid-tmpfs-option'
  | 'invalid-volumes-from'
  /** A driver option the local driver refuses for a new volume, or one missing its required companion. */
  | 'invalid-driver-option'
  | 'invalid-label'
  | 'invalid-filter';

/** Thrown by every function of `@berth/mounts`; `input` is the flag value that broke the rule, `flag` names its flag. */
export class MountError extends BerthError {
  declare readonly code: MountErrorCode;
  readonly flag: MountFlag;
  /** The rule alone, without the flag and token the message starts with: for a caller that frames them itself. */
  readonly rule: string;

  constructor(code: MountErrorCode, flag: MountFlag, input: string, rule: string, options?: BerthErrorOptions) {
    super(code, input, `${flag} ${JSON.stringify(input)}: ${rule}`, options);
    this.flag = flag;
    this.rule = rule;
  }
}
