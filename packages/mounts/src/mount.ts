// `--mount`: one CSV record of key[=value] fields → an Engine API `Mount` (book ch. 4.1: bind, volume and tmpfs
// mounts can all be made with it). The grammar and messages are the docker CLI's (opts/mount.go); the checks after
// it are the ones the engine makes at create (moby's Linux mount parser), made here before anything is sent.

import { cut, readCsvRecord, setMapEntry, trimSpace } from '@berth/go-syntax';
import type {
  BindOptions,
  Mount,
  MountConsistency,
  MountPropagation,
  MountType,
  TmpfsOptions,
  VolumeDriverConfig,
  VolumeOptions,
} from '@berth/types';
import { MountError, type MountErrorCode } from './errors';
import { isLocalDriver, localDriverOptionProblem, localVolumeNameProblem } from './local-driver';
import { isPropagation } from './mount-modes';
import { checkContainerPath, isAbsolutePath, resolveDotSource } from './posix-path';
import { parseRamSize } from './ram-size';

export interface MountParseOptions {
  /** Directory a `.`-relative source is resolved against, as the docker CLI resolves it against its own. */
  cwd?: string;
  /**
   * Whether a host path exists. When given, a `type=bind` source must exist (unless `bind-create-src`), as the engine
   * requires at create; without it that check is left to the engine.
   */
  pathExists?: (path: string) => boolean;
}

/** Options that may stand alone, meaning `=true`. */
const BARE_OPTIONS = new Set(['readonly', 'ro', 'volume-nocopy', 'bind-nonrecursive', 'bind-create-src']);

interface Draft {
  type: string;
  source: string;
  target: string;
  readOnly: boolean;
  consistency: string;
  bind?: BindOptions;
  volume?: VolumeOptions & { DriverConfig: VolumeDriverConfig };
  tmpfs?: TmpfsOptions;
  /** An `image-*` option was given: the docker CLI knows `type=image`, this engine refuses it as unknown. */
  image: boolean;
}

/** Parses one `--mount` value into the `Mount` the docker CLI would send, or throws a {@link MountError}. */
export function parseMount(value: string, options: MountParseOptions = {}): Mount {
  const fail: Fail = (code, rule) => {
    throw new MountError(code, '--mount', value, rule);
  };
  if (trimSpace(value) === '') fail('empty-spec', 'value is empty');
  const fields = readCsvRecord(value);
  if (!Array.isArray(fields)) return fail('csv-syntax', fields.message);

  const draft: Draft = { type: 'volume', source: '', target: '', readOnly: false, consistency: '', image: false };
  for (const field of fields) readField(draft, field, fail);
  validateOptions(draft, fail);
  validateForEngine(draft, options, fail);
  return toMount(draft);
}

type Fail = (code: MountErrorCode, rule: string) => never;

function readField(draft: Draft, field: string, fail: Fail): void {
  const [rawKey, value, hasValue] = cut(field, '=');
  const trimmedKey = trimSpace(rawKey);
  if (trimmedKey !== rawKey) {
    fail('whitespace', `invalid option '${trimmedKey}' in '${field}': option should not have whitespace`);
  }
  if (hasValue) {
    const trimmed = trimSpace(value);
    if (trimmed === '') fail('empty-value', `invalid value for '${rawKey}': value is empty`);
    if (trimmed !== value) {
      fail('whitespace', `invalid value for '${rawKey}' in '${field}': value should not have whitespace`);
    }
  }
  // The docker CLI matches keys case-insensitively.
  const key = rawKey.toLowerCase();
  if (!hasValue && !BARE_OPTIONS.has(key)) fail('not-key-value', `invalid field '${field}' must be a key=value pair`);

  const flag = (): boolean => {
    if (!hasValue || value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    return fail(
      'invalid-boolean',
      `invalid value for '${key}': invalid boolean value (${JSON.stringify(value)}): must be one of "true", "1", "false", or "0" (default "true")`,
    );
  };
  const bind = (): BindOptions => {
    draft.bind ??= {};
    return draft.bind;
  };
  // The docker CLI 28 gives every volume-* option an (often empty) DriverConfig; the engine stores it as sent.
  const volume = (): NonNullable<Draft['volume']> => {
    draft.volume ??= { DriverConfig: {} };
    return draft.volume;
  };
  const tmpfs = (): TmpfsOptions => {
    draft.tmpfs ??= {};
    return draft.tmpfs;
  };
  // `volume-label=k=v`, `volume-opt=k=v`; an entry with an empty key is dropped, as docker drops it.
  const withEntry = (map: Record<string, string> | undefined, entry: string): Record<string, string> => {
    const [name, entryValue] = cut(entry, '=');
    return name === '' ? (map ?? {}) : setMapEntry(map ?? {}, name, entryValue);
  };

  switch (key) {
    case 'type':
      draft.type = value.toLowerCase();
      break;
    case 'source':
    case 'src':
      draft.source = value;
      break;
    case 'target':
    case 'dst':
    case 'destination':
      draft.target = value;
      break;
    case 'readonly':
    case 'ro':
      draft.readOnly = flag();
      break;
    case 'consistency':
      draft.consistency = value.toLowerCase();
      break;
    case 'bind-propagation':
      bind().Propagation = value.toLowerCase() as MountPropagation;
      break;
    case 'bind-nonrecursive':
      fail('deprecated-option', 'bind-nonrecursive is deprecated, use bind-recursive=disabled instead');
      break;
    case 'bind-recursive':
      readBindRecursive(value, bind, fail);
      break;
    case 'bind-create-src':
      bind().CreateMountpoint = flag();
      break;
    case 'volume-subpath':
      volume().Subpath = value;
      break;
    case 'volume-nocopy':
      volume().NoCopy = flag();
      break;
    case 'volume-label':
      volume().Labels = withEntry(volume().Labels, value);
      break;
    case 'volume-driver':
      volume().DriverConfig.Name = value;
      break;
    case 'volume-opt':
      volume().DriverConfig.Options = withEntry(volume().DriverConfig.Options, value);
      break;
    // Kept so that `image-subpath` on another type fails as the docker CLI fails it (option-type-mismatch).
    case 'image-subpath':
      draft.image = true;
      break;
    case 'tmpfs-size': {
      const bytes = parseRamSize(value);
      tmpfs().SizeBytes = bytes ?? fail('invalid-value', `invalid value for tmpfs-size: ${value}`);
      break;
    }
    case 'tmpfs-mode': {
      // An octal permission word that fits in 32 bits, as strconv.ParseUint(value, 8, 32) reads it.
      const mode = Number.parseInt(value, 8);
      if (!/^[0-7]+$/.test(value) || mode > 0xffff_ffff) {
        fail('invalid-value', `invalid value for tmpfs-mode: ${value}`);
      }
      tmpfs().Mode = mode;
      break;
    }
    default:
      fail('unknown-option', `unknown option '${key}' in '${field}'`);
  }
}

function readBindRecursive(value: string, bind: () => BindOptions, fail: Fail): void {
  switch (value) {
    case 'enabled':
      // The default: read-only mounts are recursively read-only where the engine and kernel can do it.
      return;
    case 'disabled':
      bind().NonRecursive = true;
      return;
    case 'writable':
      bind().ReadOnlyNonRecursive = true;
      return;
    case 'readonly':
      bind().ReadOnlyForceRecursive = true;
      return;
    default:
      fail(
        'invalid-value',
        `invalid value for bind-recursive: ${value} (must be "enabled", "disabled", "writable", or "readonly")`,
      );
  }
}

/** The docker CLI's own checks: options belong to the mount's type, and some need a companion. */
function validateOptions(draft: Draft, fail: Fail): void {
  const mismatch = (prefix: string) =>
    fail('option-type-mismatch', `cannot mix '${prefix}-*' options with mount type '${draft.type}'`);
  if (draft.bind && draft.type !== 'bind') mismatch('bind');
  if (draft.volume && draft.type !== 'volume') mismatch('volume');
  if (draft.image && draft.type !== 'image') mismatch('image');
  if (draft.tmpfs && draft.type !== 'tmpfs') mismatch('tmpfs');

  if (draft.bind?.ReadOnlyNonRecursive && !draft.readOnly) {
    fail(
      'missing-companion-option',
      "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction",
    );
  }
  if (draft.bind?.ReadOnlyForceRecursive) {
    if (!draft.readOnly) {
      fail(
        'missing-companion-option',
        "option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction",
      );
    }
    if (draft.bind.Propagation !== 'rprivate') {
      fail(
        'missing-companion-option',
        "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction",
      );
    }
  }
}

/** What the engine would refuse at create (moby's Linux mount parser), refused before anything is sent. */
function validateForEngine(draft: Draft, options: MountParseOptions, fail: Fail): void {
  if (draft.target === '') fail('missing-target', 'target is required');
  checkContainerPath(draft.target, fail);

  switch (draft.type) {
    case 'bind': {
      if (draft.source === '') fail('missing-source', 'field Source must not be empty');
      const propagation = draft.bind?.Propagation;
      if (propagation !== undefined && !isPropagation(propagation)) {
        fail('invalid-propagation', `invalid propagation mode: ${propagation}`);
      }
      draft.source = resolveDotSource(draft.source, options.cwd, fail);
      if (!isAbsolutePath(draft.source.replaceAll('\\', '/'))) {
        fail('relative-path', `invalid mount path: '${draft.source}' mount path must be absolute`);
      }
      if (options.pathExists && !draft.bind?.CreateMountpoint && !options.pathExists(draft.source)) {
        fail('bind-source-not-found', `bind source path does not exist: ${draft.source}`);
      }
      return;
    }
    case 'volume': {
      if (draft.source === '') {
        if (draft.readOnly) {
          fail('readonly-anonymous-volume', 'must not set ReadOnly mode when using anonymous volumes');
        }
        // An anonymous volume is always new, so the local driver checks its options (a named one may exist).
        const driverOptions = Object.keys(draft.volume?.DriverConfig.Options ?? {});
        const problem = isLocalDriver(draft.volume?.DriverConfig.Name)
          ? localDriverOptionProblem(driverOptions)
          : undefined;
        if (problem !== undefined) fail('invalid-driver-option', problem.problem);
        return;
      }
      if (isLocalDriver(draft.volume?.DriverConfig.Name)) {
        const problem = localVolumeNameProblem(draft.source);
        if (problem !== undefined) fail('invalid-volume-name', `${problem}; for a host directory use type=bind`);
      }
      draft.source = resolveDotSource(draft.source, options.cwd, fail);
      return;
    }
    case 'tmpfs':
      if (draft.source !== '') fail('source-not-allowed', 'field Source must not be specified for a tmpfs mount');
      return;
    default:
      fail('unknown-mount-type', `mount type unknown: ${draft.type} (this engine knows bind, volume and tmpfs)`);
  }
}

/** The Mount as Go's JSON encoding sends it: zero values and empty maps left out. */
function toMount(draft: Draft): Mount {
  const mount: Mount = { Type: draft.type as MountType, Target: draft.target };
  if (draft.source !== '') mount.Source = draft.source;
  if (draft.readOnly) mount.ReadOnly = true;
  if (draft.consistency !== '') mount.Consistency = draft.consistency as MountConsistency;
  if (draft.bind) {
    const { Propagation, NonRecursive, CreateMountpoint, ReadOnlyNonRecursive, ReadOnlyForceRecursive } = draft.bind;
    mount.BindOptions = {
      ...(Propagation ? { Propagation } : {}),
      ...(NonRecursive ? { NonRecursive } : {}),
      ...(CreateMountpoint ? { CreateMountpoint } : {}),
      ...(ReadOnlyNonRecursive ? { ReadOnlyNonRecursive } : {}),
      ...(ReadOnlyForceRecursive ? { ReadOnlyForceRecursive } : {}),
    };
  }
  if (draft.volume) {
    const { NoCopy, Labels, DriverConfig, Subpath } = draft.volume;
    mount.VolumeOptions = {
      ...(NoCopy ? { NoCopy } : {}),
      ...(Labels && Object.keys(Labels).length > 0 ? { Labels } : {}),
      DriverConfig: {
        ...(DriverConfig.Name ? { Name: DriverConfig.Name } : {}),
        ...(DriverConfig.Options && Object.keys(DriverConfig.Options).length > 0
          ? { Options: DriverConfig.Options }
          : {}),
      },
      ...(Subpath ? { Subpath } : {}),
    };
  }
  if (draft.tmpfs) {
    const { SizeBytes, Mode } = draft.tmpfs;
    mount.TmpfsOptions = { ...(SizeBytes ? { SizeBytes } : {}), ...(Mode ? { Mode } : {}) };
  }
  return mount;
}
