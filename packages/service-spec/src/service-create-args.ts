import { parseCpus } from '@berth/resources';
import { lastBool, type ParsedArgv, type ParseRunArgsOptions, splitShellWords } from '@berth/run-args';
import type { NetworkAttachmentConfig, ServiceSpec } from '@berth/types';
import { ServiceSpecError } from './errors';
import { all, duration, last, oneOf, uint } from './flag-readers';
import { restartPolicy, updateConfig } from './policies';
import { parseServicePublish } from './publish';
import { RUN_FLAGS_OF_SERVICES, SERVICE_CREATE_FLAGS } from './service-flags';
import { labelMap, runLineWords, type ServiceOptions, serviceSpecFromRunArgs } from './service-spec';

/** `docker service create`'s command line, understood. */
export interface ServiceCreateArgs {
  spec: ServiceSpec;
  detach: boolean;
  quiet: boolean;
}

/** `--network NAME` or `--network name=NAME,alias=A,driver-opt=K=V`. */
function networkAttachment(value: string): NetworkAttachmentConfig {
  if (!value.includes('=')) return { Target: value };
  const attachment: NetworkAttachmentConfig = { Target: '' };
  for (const field of value.split(',')) {
    const equals = field.indexOf('=');
    const key = field.slice(0, equals);
    const word = field.slice(equals + 1);
    if (key === 'name') attachment.Target = word;
    else if (key === 'alias') attachment.Aliases = [...(attachment.Aliases ?? []), word];
    else if (key === 'driver-opt' && word.includes('=')) {
      const [optionKey = '', ...rest] = word.split('=');
      attachment.DriverOpts = { ...attachment.DriverOpts, [optionKey]: rest.join('=') };
    } else {
      throw new ServiceSpecError(
        'invalid-network',
        value,
        `invalid argument "${value}" for "--network" flag: invalid field key ${key}`,
      );
    }
  }
  if (attachment.Target === '') {
    throw new ServiceSpecError(
      'invalid-network',
      value,
      `invalid argument "${value}" for "--network" flag: network name is required`,
    );
  }
  return attachment;
}

/** The words the container part of a service means, as `docker run` would be given them. */
function runWordsOf(values: Map<string, string[]>): string[] {
  const words: string[] = [];
  for (const [flag, runFlag] of Object.entries(RUN_FLAGS_OF_SERVICES)) {
    for (const value of values.get(flag) ?? []) words.push(`--${runFlag}=${value}`);
  }
  return words;
}

/**
 * `docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]`, or `berth service create --from-run 'LINE' [OPTIONS]`
 * with a whole `docker run` line for the container part. The flags that mean what `docker run`'s do are read by
 * @berth/run-args, so a service and a container refuse and accept alike.
 */
export function parseServiceCreateArgs(argv: readonly string[], options: ReadOptions = {}): ServiceCreateArgs {
  return readServiceCreateArgs(SERVICE_CREATE_FLAGS.parse(argv), options);
}

export type ReadOptions = Pick<ParseRunArgsOptions, 'apiVersion' | 'readFile' | 'lookupEnv' | 'cwd'>;

/** The same, from words already read against `SERVICE_CREATE_FLAGS` (a CLI that parses its words itself). */
export function readServiceCreateArgs(parsed: ParsedArgv, options: ReadOptions = {}): ServiceCreateArgs {
  const fromRun = last(parsed, 'from-run');
  if (fromRun !== undefined && parsed.positionals.length > 0) {
    throw new ServiceSpecError(
      'image-and-run-line',
      parsed.positionals[0] ?? '',
      `--from-run takes the image and command from its run line: remove ${JSON.stringify(parsed.positionals.join(' '))}`,
    );
  }
  const runWords = [
    ...runWordsOf(parsed.values),
    ...(fromRun === undefined ? parsed.positionals : runLineWords(fromRun)),
  ];
  const service: ServiceOptions = {
    labels: labelMap(all(parsed, 'label')),
    ports: all(parsed, 'publish').flatMap(parseServicePublish),
    networks: all(parsed, 'network').map(networkAttachment),
    constraints: all(parsed, 'constraint'),
  };
  const name = last(parsed, 'name');
  if (name !== undefined) service.name = name;
  const mode = oneOf(parsed, 'mode', ['replicated', 'global'] as const);
  if (mode) service.mode = mode;
  const replicas = uint(parsed, 'replicas');
  if (replicas !== undefined) {
    if (mode === 'global') {
      throw new ServiceSpecError(
        'invalid-mode',
        String(replicas),
        'replicas can only be used with replicated or replicated-job mode',
      );
    }
    service.replicas = replicas;
  }
  const maxReplicas = uint(parsed, 'replicas-max-per-node');
  if (maxReplicas) service.maxReplicasPerNode = maxReplicas;
  const restart = restartPolicy(parsed);
  if (restart) service.restartPolicy = restart;
  const update = updateConfig(parsed, 'update');
  if (update) service.updateConfig = update;
  const rollback = updateConfig(parsed, 'rollback');
  if (rollback) service.rollbackConfig = rollback;
  const endpointMode = oneOf(parsed, 'endpoint-mode', ['vip', 'dnsrr'] as const);
  if (endpointMode) service.endpointMode = endpointMode;
  const spec = serviceSpecFromRunArgs(runWords, { ...options, ...service });
  const container = spec.TaskTemplate.ContainerSpec;
  // a service's entrypoint is a command line split into words; docker run's is one word
  const entrypoint = last(parsed, 'entrypoint');
  if (entrypoint !== undefined) container.Command = splitShellWords(entrypoint);
  const grace = duration(parsed, 'stop-grace-period');
  if (grace !== undefined) container.StopGracePeriod = grace;
  const reserveCpu = last(parsed, 'reserve-cpu');
  if (reserveCpu !== undefined) {
    spec.TaskTemplate.Resources = {
      ...spec.TaskTemplate.Resources,
      Reservations: { ...spec.TaskTemplate.Resources?.Reservations, NanoCPUs: parseCpus(reserveCpu) },
    };
  }
  const flag = (long: string) => lastBool(parsed, { long, kind: 'bool' }) ?? false;
  return { spec, detach: flag('detach'), quiet: flag('quiet') };
}
