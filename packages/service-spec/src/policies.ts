import type { ParsedArgv } from '@berth/run-args';
import type { RestartCondition, ServiceRestartPolicy, ServiceUpdateConfig, UpdateFailureAction } from '@berth/types';
import { duration, float, oneOf, uint } from './flag-readers';

const SECOND = 1e9;

/** Only the fields given (`service update` changes just those), or the whole with docker's defaults (`create`). */
export type PolicyFields = 'given' | 'with-defaults';

type Given<T> = { [K in keyof T]?: T[K] | undefined };

function pick<T extends object>(fields: PolicyFields, given: Given<T>, defaults: T): T {
  const chosen = (fields === 'given' ? {} : { ...defaults }) as T;
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) Object.assign(chosen, { [key]: value });
  }
  return chosen;
}

function anyGiven(parsed: ParsedArgv, prefix: string): boolean {
  return [...parsed.values.keys()].some((flag) => flag.startsWith(prefix));
}

/** `--restart-*`: when any is given, the policy (docker's defaults for a new service: any, 5s, no limit). */
export function restartPolicy(
  parsed: ParsedArgv,
  fields: PolicyFields = 'with-defaults',
): ServiceRestartPolicy | undefined {
  if (!anyGiven(parsed, 'restart-')) return undefined;
  const conditions: readonly RestartCondition[] = ['none', 'on-failure', 'any'];
  const given: Given<ServiceRestartPolicy> = {
    Condition: oneOf(parsed, 'restart-condition', conditions),
    Delay: duration(parsed, 'restart-delay'),
    MaxAttempts: uint(parsed, 'restart-max-attempts'),
    Window: duration(parsed, 'restart-window'),
  };
  return pick<ServiceRestartPolicy>(fields, given, { Condition: 'any', Delay: 5 * SECOND, MaxAttempts: 0 });
}

/**
 * `--update-*` or `--rollback-*`: when any is given, the config (docker's defaults for a new service: one task at a
 * time, pause on failure, watched for 5s, stop-first; no delay, which Go leaves out when zero).
 */
export function updateConfig(
  parsed: ParsedArgv,
  kind: 'update' | 'rollback',
  fields: PolicyFields = 'with-defaults',
): ServiceUpdateConfig | undefined {
  if (!anyGiven(parsed, `${kind}-`)) return undefined;
  const actions: readonly UpdateFailureAction[] =
    kind === 'update' ? ['pause', 'continue', 'rollback'] : ['pause', 'continue'];
  const given: Given<ServiceUpdateConfig> = {
    Parallelism: uint(parsed, `${kind}-parallelism`),
    Delay: duration(parsed, `${kind}-delay`) || undefined,
    FailureAction: oneOf(parsed, `${kind}-failure-action`, actions),
    Monitor: duration(parsed, `${kind}-monitor`),
    MaxFailureRatio: float(parsed, `${kind}-max-failure-ratio`),
    Order: oneOf(parsed, `${kind}-order`, ['stop-first', 'start-first'] as const),
  };
  return pick<ServiceUpdateConfig>(fields, given, {
    Parallelism: 1,
    FailureAction: 'pause',
    Monitor: 5 * SECOND,
    MaxFailureRatio: 0,
    Order: 'stop-first',
  });
}
