import { cut } from '@berth/go-syntax';
import { parseBytes, parseCpus } from '@berth/resources';
import { lastBool, type ParsedArgv } from '@berth/run-args';
import type { ServiceSpec } from '@berth/types';
import { ServiceSpecError } from './errors';
import { all, last, uint } from './flag-readers';
import { restartPolicy, updateConfig } from './policies';
import { SERVICE_UPDATE_FLAGS } from './service-flags';
import { labelMap } from './service-spec';

/** `docker service update [OPTIONS] SERVICE`, understood against the service's current spec. */
export interface ServiceUpdateArgs {
  service: string;
  /** The spec to send: the current one with the changes the options ask for. */
  spec: ServiceSpec;
  detach: boolean;
  quiet: boolean;
}

function withoutKeys(entries: readonly string[], removed: readonly string[]): string[] {
  return entries.filter((entry) => !removed.includes(cut(entry, '=')[0]));
}

/**
 * Applies `service update`'s options to a copy of `current` (`GET /services/{id}`'s `Spec`): `--image`,
 * `--replicas`, `--env-add`/`--env-rm`, `--label-add`/`--label-rm`, `--limit-cpu`, `--limit-memory`, the restart,
 * update and rollback policies, and `--force` (a new ForceUpdate, which redeploys every task).
 */
export function applyServiceUpdate(current: ServiceSpec, argv: readonly string[]): ServiceUpdateArgs {
  return readServiceUpdate(current, SERVICE_UPDATE_FLAGS.parse(argv, { interspersed: true }));
}

/** The same, from words already read against `SERVICE_UPDATE_FLAGS`. */
export function readServiceUpdate(current: ServiceSpec, parsed: ParsedArgv): ServiceUpdateArgs {
  const [service, ...extra] = parsed.positionals;
  if (service === undefined || extra.length > 0) {
    throw new ServiceSpecError(
      'invalid-service-option',
      parsed.positionals.join(' '),
      '"service update" requires exactly 1 argument',
    );
  }
  const spec: ServiceSpec = structuredClone(current);
  const task = spec.TaskTemplate;
  const container = task.ContainerSpec;
  const image = last(parsed, 'image');
  if (image !== undefined) container.Image = image;
  const replicas = uint(parsed, 'replicas');
  if (replicas !== undefined) {
    if (!spec.Mode?.Replicated) {
      throw new ServiceSpecError(
        'invalid-mode',
        String(replicas),
        'replicas can only be used with replicated or replicated-job mode',
      );
    }
    spec.Mode = { Replicated: { Replicas: replicas } };
  }
  const envAdd = all(parsed, 'env-add');
  const envRemoved = [...all(parsed, 'env-rm'), ...envAdd.map((entry) => cut(entry, '=')[0])];
  if (envAdd.length > 0 || envRemoved.length > 0)
    container.Env = [...withoutKeys(container.Env ?? [], envRemoved), ...envAdd];
  const labels = { ...spec.Labels, ...labelMap(all(parsed, 'label-add')) };
  for (const key of all(parsed, 'label-rm')) delete labels[key];
  spec.Labels = labels;
  const limitCpu = last(parsed, 'limit-cpu');
  const limitMemory = last(parsed, 'limit-memory');
  if (limitCpu !== undefined || limitMemory !== undefined) {
    const limits = { ...task.Resources?.Limits };
    if (limitCpu !== undefined) limits.NanoCPUs = parseCpus(limitCpu);
    if (limitMemory !== undefined) limits.MemoryBytes = parseBytes(limitMemory, '--limit-memory');
    task.Resources = { ...task.Resources, Limits: limits };
  }
  const restart = restartPolicy(parsed, 'given');
  if (restart) task.RestartPolicy = { ...task.RestartPolicy, ...restart };
  const update = updateConfig(parsed, 'update', 'given');
  if (update) spec.UpdateConfig = { ...spec.UpdateConfig, ...update };
  const rollback = updateConfig(parsed, 'rollback', 'given');
  if (rollback) spec.RollbackConfig = { ...spec.RollbackConfig, ...rollback };
  const flag = (long: string) => lastBool(parsed, { long, kind: 'bool' }) ?? false;
  if (flag('force')) task.ForceUpdate = (task.ForceUpdate ?? 0) + 1;
  return { service, spec, detach: flag('detach'), quiet: flag('quiet') };
}
