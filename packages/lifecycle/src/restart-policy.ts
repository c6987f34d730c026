import { cut, parseGoDecimalInt } from '@berth/go-syntax';
import type { RestartPolicy } from '@berth/types';
import { RestartPolicyError } from './errors';

const POLICY_NAMES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
type PolicyName = (typeof POLICY_NAMES)[number];

function retryCount(input: string, text: string): number {
  // the CLI reads the count with Go's strconv.Atoi: an optional sign and decimal digits, within int64
  const parsed = parseGoDecimalInt(text);
  if (!parsed.ok) {
    throw new RestartPolicyError(
      'invalid-retry-count',
      input,
      `invalid restart policy format: maximum retry count must be an integer (${input})`,
    );
  }
  const value = parsed.value;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RestartPolicyError(
      'retry-count-out-of-range',
      input,
      `restart policy ${input}: a maximum retry count beyond ${Number.MAX_SAFE_INTEGER} cannot be represented exactly`,
    );
  }
  return Number(value);
}

/** The engine's rules for a policy (it refuses the container create otherwise). */
export function validateRestartPolicy(policy: RestartPolicy, input: string = policy.Name): RestartPolicy {
  const count = policy.MaximumRetryCount ?? 0;
  const name: string = policy.Name;
  if (name === 'on-failure') {
    if (count < 0) {
      throw new RestartPolicyError('negative-retry-count', input, `maximum retry count cannot be negative (${input})`);
    }
  } else if ((POLICY_NAMES as readonly string[]).includes(name)) {
    if (count !== 0) {
      throw new RestartPolicyError(
        'retry-count-not-allowed',
        input,
        `maximum retry count cannot be used with restart policy '${name}' (${input})`,
      );
    }
  } else if (name !== '') {
    throw new RestartPolicyError('unknown-policy', input, `invalid restart policy '${name}'`);
  }
  return policy;
}

/**
 * `--restart` → the `HostConfig.RestartPolicy` docker sends: `no`, `always`, `unless-stopped`, `on-failure[:N]`
 * (ch.2.5.1). Without the flag the CLI sends `no`; `--restart ''` gives `{ Name: '' }`, which the engine treats as
 * `no`. With `autoRemove` (`--rm`) only `no` is allowed. Refuses what the docker CLI or the engine refuses, with
 * their words.
 */
export function parseRestartPolicy(input: string, options: { autoRemove?: boolean } = {}): RestartPolicy {
  // the CLI's strings.Cut(policy, ":")
  const [name, count, hasColon] = cut(input, ':');
  if (hasColon && name === '') {
    throw new RestartPolicyError(
      'missing-policy-name',
      input,
      `invalid restart policy format: no policy provided before colon (${input})`,
    );
  }
  const policy: RestartPolicy = {
    Name: name as PolicyName | '',
    MaximumRetryCount: count === '' ? 0 : retryCount(input, count),
  };
  // the CLI checks --rm before the engine sees the name
  if (options.autoRemove === true && name !== '' && name !== 'no') {
    throw new RestartPolicyError(
      'conflicts-with-auto-remove',
      input,
      `conflicting options: cannot specify both --restart and --rm (--restart ${input})`,
    );
  }
  return validateRestartPolicy(policy, input);
}
