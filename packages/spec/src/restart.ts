import type { RestartPolicy } from '@berth/types';
import { RunArgsError } from './errors';

/** `--restart` with `--rm`: the docker CLI refuses the pair before anything else reads the policy. */
export function parseRestart(value: string | undefined, autoRemove: boolean): RestartPolicy | undefined {
  if (value === undefined || value === '') return undefined;
  const [name = '', count] = value.split(':', 2);
  const policy: RestartPolicy = { Name: name as RestartPolicy['Name'] };
  if (count !== undefined && count !== '') policy.MaximumRetryCount = Number(count);
  if (autoRemove && name !== 'no') {
    throw new RunArgsError(
      'conflicting-options',
      '--restart',
      'conflicting options: cannot specify both --restart and --rm',
    );
  }
  return policy;
}
