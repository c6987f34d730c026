// `docker volume create [--driver D] [--label K=V]… [--opt K=V]… [NAME]` → the body of `POST /volumes/create`
// (book ch. 4.4: `docker volume create --driver local --label example=location location-example`).
import { cut, setMapEntry } from '@berth/go-syntax';
import type { VolumeCreateRequest } from '@berth/types';
import { MountError } from './errors';
import { isLocalDriver, localDriverOptionProblem, localVolumeNameProblem } from './local-driver';

export interface VolumeCreateFlags {
  /** Omitted or `''`: an anonymous volume, named by the engine with a 64-hex id. */
  name?: string;
  /** `--driver`, `local` by default. */
  driver?: string;
  /** `--label key[=value]`, repeatable. */
  labels?: readonly string[];
  /** `--opt key=value`, repeatable: options for the driver. */
  opts?: readonly string[];
}

/** Builds the create request the docker CLI sends, or throws a {@link MountError} for what it or the engine refuses. */
export function parseVolumeCreate(flags: VolumeCreateFlags = {}): VolumeCreateRequest {
  const driver = flags.driver ?? 'local';
  const name = flags.name ?? '';
  if (name !== '' && isLocalDriver(driver)) {
    const problem = localVolumeNameProblem(name);
    if (problem !== undefined) throw new MountError('invalid-volume-name', 'volume create', name, problem);
  }

  const labels: Record<string, string> = {};
  for (const label of flags.labels ?? []) {
    const [key, value] = cut(label, '=');
    const trimmed = key.replace(/^[ \t]+/, '');
    if (trimmed === '')
      throw new MountError('invalid-label', 'volume create', label, `invalid label '${label}': empty name`);
    if (/[ \t]/.test(trimmed)) {
      throw new MountError('invalid-label', 'volume create', label, `label '${trimmed}' contains whitespaces`);
    }
    // The docker CLI keys the label by what was typed, leading blanks included.
    setMapEntry(labels, key, value);
  }

  const driverOpts: Record<string, string> = {};
  const optTokens = new Map<string, string>();
  for (const opt of flags.opts ?? []) {
    const [key, value] = cut(opt, '=');
    setMapEntry(driverOpts, key, value);
    optTokens.set(key, opt);
  }
  const problem = isLocalDriver(driver) ? localDriverOptionProblem([...optTokens.keys()]) : undefined;
  if (problem !== undefined) {
    throw new MountError('invalid-driver-option', 'volume create', optTokens.get(problem.key) ?? '', problem.problem);
  }

  return { ...(name === '' ? {} : { Name: name }), Driver: driver, DriverOpts: driverOpts, Labels: labels };
}
