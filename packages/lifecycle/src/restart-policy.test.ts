import { BerthError } from '@berth/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RestartPolicyError } from './errors';
import { parseRestartPolicy, validateRestartPolicy } from './restart-policy';

// `--restart` values and what docker (CLI 28 + engine 20.10) makes of them
const RESTART_POLICY_TABLE: readonly [input: string, expected: object | string][] = [
  ['', { Name: '', MaximumRetryCount: 0 }],
  ['no', { Name: 'no', MaximumRetryCount: 0 }],
  ['always', { Name: 'always', MaximumRetryCount: 0 }],
  ['unless-stopped', { Name: 'unless-stopped', MaximumRetryCount: 0 }],
  ['on-failure', { Name: 'on-failure', MaximumRetryCount: 0 }],
  ['on-failure:3', { Name: 'on-failure', MaximumRetryCount: 3 }],
  ['on-failure:+3', { Name: 'on-failure', MaximumRetryCount: 3 }],
  ['on-failure:007', { Name: 'on-failure', MaximumRetryCount: 7 }],
  ['on-failure:', { Name: 'on-failure', MaximumRetryCount: 0 }],
  ['on-failure:0', { Name: 'on-failure', MaximumRetryCount: 0 }],
  ['always:0', { Name: 'always', MaximumRetryCount: 0 }],
  ['no:0', { Name: 'no', MaximumRetryCount: 0 }],
  ['on-failure:-1', 'negative-retry-count'],
  ['always:1', 'retry-count-not-allowed'],
  ['unless-stopped:2', 'retry-count-not-allowed'],
  ['no:-1', 'retry-count-not-allowed'],
  ['foo', 'unknown-policy'],
  ['On-Failure', 'unknown-policy'],
  ['always ', 'unknown-policy'],
  [':1', 'missing-policy-name'],
  [':', 'missing-policy-name'],
  ['on-failure:1.5', 'invalid-retry-count'],
  ['on-failure: 2', 'invalid-retry-count'],
  ['on-failure:2:3', 'invalid-retry-count'],
  ['on-failure:0x10', 'invalid-retry-count'],
  ['unless-stopped:x', 'invalid-retry-count'],
  ['on-failure:9223372036854775808', 'invalid-retry-count'],
];

describe('parseRestartPolicy', () => {
  it.each(RESTART_POLICY_TABLE)('%j', (input, expected) => {
    if (typeof expected === 'string') {
      expect(() => parseRestartPolicy(input)).toThrow(expect.objectContaining({ code: expected, input }));
    } else {
      expect(parseRestartPolicy(input)).toEqual(expected);
    }
  });

  it('uses docker’s words, naming the token', () => {
    expect(() => parseRestartPolicy('foo')).toThrow("invalid restart policy 'foo'");
    expect(() => parseRestartPolicy('always:1')).toThrow(
      "maximum retry count cannot be used with restart policy 'always' (always:1)",
    );
    expect(() => parseRestartPolicy(':1')).toThrow('invalid restart policy format: no policy provided before colon');
    expect(() => parseRestartPolicy('on-failure:x')).toThrow(
      'invalid restart policy format: maximum retry count must be an integer (on-failure:x)',
    );
  });

  it('refuses a count a JavaScript number cannot hold, though docker takes it', () => {
    expect(() => parseRestartPolicy('on-failure:9223372036854775807')).toThrow(
      expect.objectContaining({ code: 'retry-count-out-of-range' }),
    );
    expect(parseRestartPolicy(`on-failure:${Number.MAX_SAFE_INTEGER}`).MaximumRetryCount).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ['always', 'conflicts-with-auto-remove'],
    ['unless-stopped', 'conflicts-with-auto-remove'],
    ['on-failure:3', 'conflicts-with-auto-remove'],
    // the CLI checks --rm before the engine looks at the name
    ['foo', 'conflicts-with-auto-remove'],
    ['on-failure:x', 'invalid-retry-count'],
    ['no:3', 'retry-count-not-allowed'],
  ])('--rm --restart %s is refused (%s)', (input, code) => {
    expect(() => parseRestartPolicy(input, { autoRemove: true })).toThrow(expect.objectContaining({ code }));
  });

  it.each(['', 'no', 'no:0'])('--rm --restart %j is allowed', (input) => {
    expect(parseRestartPolicy(input, { autoRemove: true }).Name).toBe(input.replace(':0', ''));
  });

  it('returns a policy or throws its own error, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(fc.constantFrom('no', 'always', 'unless-stopped', 'on-failure', ''), fc.string())
            .map(([name, count]) => `${name}:${count}`),
        ),
        fc.boolean(),
        (input, autoRemove) => {
          try {
            const policy = parseRestartPolicy(input, { autoRemove });
            expect(['', 'no', 'always', 'unless-stopped', 'on-failure']).toContain(policy.Name);
            expect(Number.isSafeInteger(policy.MaximumRetryCount)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(RestartPolicyError);
            expect(error).toBeInstanceOf(BerthError);
            expect((error as RestartPolicyError).input).toBe(input);
          }
        },
      ),
    );
  });

  it('round-trips on-failure counts', () => {
    fc.assert(
      fc.property(fc.nat(), (count) => {
        expect(parseRestartPolicy(`on-failure:${count}`)).toEqual({ Name: 'on-failure', MaximumRetryCount: count });
      }),
    );
  });
});

describe('validateRestartPolicy', () => {
  it('checks a policy given as the Engine API object', () => {
    expect(validateRestartPolicy({ Name: 'on-failure', MaximumRetryCount: 5 })).toEqual({
      Name: 'on-failure',
      MaximumRetryCount: 5,
    });
    expect(validateRestartPolicy({ Name: 'always' })).toEqual({ Name: 'always' });
    expect(() => validateRestartPolicy({ Name: 'always', MaximumRetryCount: 2 })).toThrow(RestartPolicyError);
  });
});
