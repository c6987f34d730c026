import { parseGoBool } from '@berth/go-syntax';
import { SeccompProfileError, SecurityOptError } from './errors';
import { compactJson } from './json-compact';

/** Reads a file as text; `@berth/security/node` exports one backed by node:fs. */
export type ReadFile = (path: string) => string;

export interface SecurityOptOptions {
  /** Reads `seccomp=<file>` profiles. Without it, a profile file is refused (the parser itself does no I/O). */
  readFile?: ReadFile;
}

/** What `--security-opt` flags become in `HostConfig`. */
export interface SecurityOptFields {
  SecurityOpt: string[];
  /** `[]` when `systempaths=unconfined` is given: nothing masked. */
  MaskedPaths?: string[];
  /** `[]` when `systempaths=unconfined` is given: nothing read-only. */
  ReadonlyPaths?: string[];
}

const NO_NEW_PRIVILEGES = 'no-new-privileges';
// Profiles the daemon knows by name; anything else is a file the CLI reads and inlines.
const SECCOMP_NAMES = new Set(['builtin', 'unconfined']);
// go-selinux's label options (what an SELinux-enabled daemon accepts after `label=`).
const LABEL_KEYS = new Set(['user', 'role', 'type', 'level', 'filetype']);

function splitOpt(opt: string): { key: string; value: string; separator: '=' | ':' } | undefined {
  const equals = opt.indexOf('=');
  if (equals >= 0) return { key: opt.slice(0, equals), value: opt.slice(equals + 1), separator: '=' };
  // The legacy `key:value` form, which the daemon still reads (with a deprecation warning).
  const colon = opt.indexOf(':');
  if (colon >= 0) return { key: opt.slice(0, colon), value: opt.slice(colon + 1), separator: ':' };
  return undefined;
}

function readSeccompProfile(opt: string, path: string, readFile: ReadFile | undefined): string {
  if (readFile === undefined) {
    throw new SeccompProfileError(
      'seccomp-profile-no-reader',
      opt,
      path,
      `cannot read seccomp profile ${path}: pass a readFile option (e.g. from @berth/security/node)`,
    );
  }
  let text: string;
  try {
    text = readFile(path);
  } catch (cause) {
    throw new SeccompProfileError(
      'seccomp-profile-unreadable',
      opt,
      path,
      `opening seccomp profile ${path} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const compacted = compactJson(text);
  if (!compacted.ok) {
    throw new SeccompProfileError(
      'seccomp-profile-invalid-json',
      opt,
      path,
      `seccomp profile ${path} is not valid JSON: ${compacted.reason} at offset ${compacted.offset}`,
    );
  }
  if (!compacted.json.startsWith('{')) {
    throw new SeccompProfileError(
      'seccomp-profile-not-object',
      opt,
      path,
      `seccomp profile ${path} is not a JSON object (the daemon would fail to decode it at start)`,
    );
  }
  return compacted.json;
}

function refuse(code: string, opt: string, rule: string): SecurityOptError {
  return new SecurityOptError(code, opt, `invalid --security-opt ${JSON.stringify(opt)}: ${rule}`);
}

/**
 * Repeated `--security-opt` values → `HostConfig.SecurityOpt` exactly as the docker CLI sends it (ch. 6.6.1):
 * `no-new-privileges[=|:<bool>]`, `seccomp=unconfined|builtin|<file>` (the file's JSON inlined, compacted),
 * `apparmor=<profile>`, `label=user:|role:|type:|level:|filetype:<v>|disable`, each also with the legacy `:`
 * separator; `systempaths=unconfined` is taken out and empties `MaskedPaths`/`ReadonlyPaths` instead.
 */
export function parseSecurityOpts(values: readonly string[], options: SecurityOptOptions = {}): SecurityOptFields {
  const securityOpt: string[] = [];
  let unconfinedSystemPaths = false;
  for (const opt of values) {
    if (opt === NO_NEW_PRIVILEGES) {
      securityOpt.push(opt);
      continue;
    }
    const parts = splitOpt(opt);
    if (parts === undefined) throw refuse('invalid-security-opt-format', opt, 'expected key=value');
    const { key, value, separator } = parts;
    if (value === '' && key !== NO_NEW_PRIVILEGES) throw refuse('security-opt-missing-value', opt, 'empty value');
    switch (key) {
      case NO_NEW_PRIVILEGES:
        // the daemon reads the value with Go's strconv.ParseBool
        if (parseGoBool(value) === undefined)
          throw refuse('invalid-no-new-privileges', opt, 'the value must be true or false');
        securityOpt.push(opt);
        break;
      case 'seccomp':
        securityOpt.push(
          SECCOMP_NAMES.has(value) ? opt : `seccomp=${readSeccompProfile(opt, value, options.readFile)}`,
        );
        break;
      case 'apparmor':
        securityOpt.push(opt);
        break;
      case 'label': {
        const labelKey = value.split(':', 1)[0] as string;
        if (value !== 'disable' && !(value.includes(':') && LABEL_KEYS.has(labelKey))) {
          throw refuse(
            'invalid-label-option',
            opt,
            'a label is disable, or user:, role:, type:, level: or filetype: followed by a value',
          );
        }
        securityOpt.push(opt);
        break;
      }
      case 'systempaths':
        if (value !== 'unconfined' || separator !== '=') {
          throw refuse('invalid-systempaths', opt, 'the only form is systempaths=unconfined');
        }
        unconfinedSystemPaths = true;
        break;
      default:
        throw refuse(
          'unknown-security-opt',
          opt,
          `unknown option ${JSON.stringify(key)} (no-new-privileges, seccomp, apparmor, label, systempaths)`,
        );
    }
  }
  return unconfinedSystemPaths
    ? { SecurityOpt: securityOpt, MaskedPaths: [], ReadonlyPaths: [] }
    : { SecurityOpt: securityOpt };
}
