// `-v/--volume`: the short syntax. One field is an anonymous volume (→ `Config.Volumes`); `source:target[:mode]`
// goes to `HostConfig.Binds` as the docker CLI sends it, a host path when the source starts with `/`, `.` or `~`
// and a volume name otherwise (book ch. 4.4.2, 4.5.1). The fields are split as the docker CLI splits them
// (cli/compose/loader/volume.go); the checks after it are the engine's (moby's Linux mount parser, at create).

import { utf8Length } from '@berth/go-syntax';
import { MountError, type MountErrorCode } from './errors';
import { isLocalDriver, localVolumeNameProblem } from './local-driver';
import { readMode } from './mount-modes';
import { checkContainerPath, isAbsolutePath, resolveDotSource } from './posix-path';

export interface VolumeSpecOptions {
  /** Directory a `.`-relative host path is resolved against, as the docker CLI resolves it against its own. */
  cwd?: string;
  /** `--volume-driver`: a plugin may accept volume names the local driver refuses. */
  volumeDriver?: string;
}

/** A `-v` value: where it goes in the create request and what it says. */
export type VolumeSpec =
  | { kind: 'anonymous'; target: string }
  | { kind: 'bind'; source: string; target: string; mode: string; readOnly: boolean; bind: string }
  | { kind: 'volume'; name: string; target: string; mode: string; readOnly: boolean; bind: string };

type Fail = (code: MountErrorCode, rule: string) => never;

interface Fields {
  source: string;
  target: string;
}

const END = '\0';

/** A single letter and a colon read as a Windows drive (`c:`), which the docker CLI keeps inside one field. */
function isDriveLetter(buffer: readonly string[], char: string): boolean {
  return char === ':' && buffer.length === 1 && /^\p{L}$/u.test(buffer[0] ?? '');
}

/** The docker CLI's split of a spec into source and target (the mode is read from the raw spec later). */
function splitFields(spec: string, fail: Fail): Fields {
  const length = utf8Length(spec);
  if (length === 0) fail('empty-spec', 'invalid empty volume spec');
  if (length <= 2) return { source: '', target: spec };

  const fields: Fields = { source: '', target: '' };
  let buffer: string[] = [];
  for (const char of [...spec, END]) {
    if (isDriveLetter(buffer, char)) {
      buffer.push(char);
    } else if (char === ':' || char === END) {
      const text = buffer.join('');
      if (text === '') fail('invalid-spec', `invalid spec: ${spec}: empty section between colons`);
      if (fields.source === '' && char === END) fields.target = text;
      else if (fields.source === '') fields.source = text;
      else if (fields.target === '') fields.target = text;
      else if (char === ':') fail('invalid-spec', `invalid spec: ${spec}: too many colons`);
      buffer = [];
    } else {
      buffer.push(char);
    }
  }
  return fields;
}

/** {@link checkContainerPath}, saying why `c:/x` is relative: the docker CLI keeps `c:` as a Windows drive. */
function checkTarget(target: string, fail: Fail): void {
  const drive = /^\p{L}:/u.test(target) ? ' (a letter and a colon are read as a Windows drive)' : '';
  checkContainerPath(target, (code, rule) => fail(code, `${rule}${drive}`));
}

/** Parses one `-v` value, or throws a {@link MountError} for what the docker CLI or the engine would refuse. */
export function parseVolumeSpec(spec: string, options: VolumeSpecOptions = {}): VolumeSpec {
  const fail: Fail = (code, rule) => {
    throw new MountError(code, '--volume', spec, rule);
  };
  const fields = splitFields(spec, fail);
  if (fields.source === '') {
    // The engine would accept a relative path here and mount it under the container's root; berth refuses it.
    checkTarget(fields.target, fail);
    return { kind: 'anonymous', target: spec };
  }

  // The docker CLI makes a `.`-relative host path absolute and sends every other spec unchanged.
  const colon = spec.indexOf(':');
  const bind = `${resolveDotSource(spec.slice(0, colon), options.cwd, fail)}${spec.slice(colon)}`;
  return readBind(bind, fields.source, options, fail);
}

/** The engine's reading of a Binds entry (ParseMountRaw), with its refusals. */
function readBind(bind: string, cliSource: string, options: VolumeSpecOptions, fail: Fail): VolumeSpec {
  const invalidSpec = (reason = '') =>
    fail('invalid-spec', `invalid volume specification: '${bind}'${reason === '' ? '' : `: ${reason}`}`);
  const parts = bind.split(':');
  if (parts.length > 3 || parts[0] === '') invalidSpec();
  const [source = '', target = '', mode = ''] = parts;
  if (parts.length === 2 && readMode(target) !== undefined) invalidSpec('a destination cannot be only a mode');
  const words = readMode(mode) ?? fail('invalid-mode', `invalid mode: ${mode}`);

  const isBind = isAbsolutePath(source);
  checkTarget(target, fail);
  if (isBind && words.copy !== undefined) {
    fail('invalid-option-for-type', `invalid volume specification: '${bind}': nocopy applies to volumes, not binds`);
  }
  if (!isBind && words.propagation !== undefined) {
    fail(
      'invalid-option-for-type',
      `invalid volume specification: '${bind}': propagation ${words.propagation} applies to binds, not volumes`,
    );
  }
  const readOnly = words.access === 'ro';
  if (isBind) return { kind: 'bind', source, target, mode, readOnly, bind };

  if (isLocalDriver(options.volumeDriver)) {
    const problem = localVolumeNameProblem(source);
    if (problem !== undefined) {
      const hint = cliSource.startsWith('~')
        ? '; the docker CLI does not expand ~, give an absolute host path'
        : '; for a host directory give an absolute path';
      fail('invalid-volume-name', `${problem}${hint}`);
    }
  }
  return { kind: 'volume', name: source, target, mode, readOnly, bind };
}
