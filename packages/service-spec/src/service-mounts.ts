import { parseBytes } from '@berth/resources';
import type { Mount, MountPropagation } from '@berth/types';
import { ServiceSpecError } from './errors';

const PROPAGATIONS = new Set(['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave']);

function refuseOption(input: string, why: string): never {
  throw new ServiceSpecError('not-for-services', input, `${input}: ${why}`, '--mount');
}

/**
 * A `-v SOURCE:TARGET[:OPTIONS]` bind as the `--mount` a service takes: an absolute source is a host path, any other
 * a named volume (ch.4: `-v name:/data`).
 */
export function bindMount(bind: string): Mount {
  const [source = '', target = '', options = ''] = bind.split(':');
  const mount: Mount = { Type: source.startsWith('/') ? 'bind' : 'volume', Source: source, Target: target };
  for (const option of options === '' ? [] : options.split(',')) {
    if (option === 'ro') mount.ReadOnly = true;
    else if (option === 'rw') continue;
    else if (option === 'nocopy' && mount.Type === 'volume') mount.VolumeOptions = { NoCopy: true };
    else if (PROPAGATIONS.has(option) && mount.Type === 'bind') {
      mount.BindOptions = { Propagation: option as MountPropagation };
    } else refuseOption(`-v ${bind}`, `the ${option} option has no --mount equivalent for a service`);
  }
  return mount;
}

/** A `--tmpfs TARGET[:size=…,mode=…]` as the tmpfs `--mount` a service takes. */
export function tmpfsMount(target: string, options: string): Mount {
  const mount: Mount = { Type: 'tmpfs', Target: target };
  for (const option of options === '' ? [] : options.split(',')) {
    const [key, value = ''] = option.split('=');
    if (key === 'size') mount.TmpfsOptions = { ...mount.TmpfsOptions, SizeBytes: parseBytes(value) };
    else if (key === 'mode' && /^[0-7]+$/.test(value)) {
      mount.TmpfsOptions = { ...mount.TmpfsOptions, Mode: Number.parseInt(value, 8) };
    } else refuseOption(`--tmpfs ${target}:${options}`, `the ${option} option has no --mount equivalent for a service`);
  }
  return mount;
}
