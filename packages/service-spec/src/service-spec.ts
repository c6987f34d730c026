import { cut, setMapEntry } from '@berth/go-syntax';
import { type ParseRunArgsOptions, parseRunArgs, splitShellWords } from '@berth/run-args';
import type {
  ContainerCreateRequest,
  EndpointPortConfig,
  NetworkAttachmentConfig,
  ServiceRestartPolicy,
  ServiceSpec,
  ServiceUpdateConfig,
} from '@berth/types';
import { taskPartsFromCreateRequest } from './container-spec';
import { ServiceSpecError } from './errors';

/** What a service has that a container does not: its name and labels, replicas, placement, policies, endpoint. */
export interface ServiceOptions {
  name?: string;
  /** The service's own labels (a container's labels stay on the task's container). */
  labels?: Record<string, string>;
  mode?: 'replicated' | 'global';
  replicas?: number;
  constraints?: string[];
  maxReplicasPerNode?: number;
  restartPolicy?: ServiceRestartPolicy;
  updateConfig?: ServiceUpdateConfig;
  rollbackConfig?: ServiceUpdateConfig;
  endpointMode?: 'vip' | 'dnsrr';
  /** Ports beyond the run line's `-p` (`--publish` of `service create`). */
  ports?: EndpointPortConfig[];
  /** Networks beyond the run line's `--network`. */
  networks?: NetworkAttachmentConfig[];
}

/**
 * A container's create request (what `parseRunArgs(argv).body` is) as the `POST /services/create` body, shaped as
 * the docker CLI's `service create` shapes it. What a service cannot carry is refused with a `ServiceSpecError`.
 */
export function serviceSpecFromCreateRequest(body: ContainerCreateRequest, options: ServiceOptions = {}): ServiceSpec {
  const parts = taskPartsFromCreateRequest(body);
  const networks = [...parts.networks, ...(options.networks ?? [])];
  const ports = [...parts.ports, ...(options.ports ?? [])];
  const spec: ServiceSpec = {
    ...(options.name === undefined ? {} : { Name: options.name }),
    Labels: { ...options.labels },
    TaskTemplate: {
      ContainerSpec: parts.containerSpec,
      Resources: parts.resources,
      Placement: {},
      ForceUpdate: 0,
    },
    Mode:
      options.mode === 'global'
        ? { Global: {} }
        : { Replicated: options.replicas === undefined ? {} : { Replicas: options.replicas } },
    EndpointSpec: { Mode: options.endpointMode ?? 'vip', ...(ports.length > 0 ? { Ports: ports } : {}) },
  };
  const task = spec.TaskTemplate;
  if (options.restartPolicy) task.RestartPolicy = options.restartPolicy;
  if (options.constraints?.length) task.Placement = { ...task.Placement, Constraints: [...options.constraints] };
  if (options.maxReplicasPerNode) task.Placement = { ...task.Placement, MaxReplicas: options.maxReplicasPerNode };
  if (networks.length > 0) task.Networks = networks;
  if (parts.logDriver) task.LogDriver = parts.logDriver;
  if (options.updateConfig) spec.UpdateConfig = options.updateConfig;
  if (options.rollbackConfig) spec.RollbackConfig = options.rollbackConfig;
  return spec;
}

export interface FromRunOptions
  extends ServiceOptions,
    Pick<ParseRunArgsOptions, 'apiVersion' | 'readFile' | 'lookupEnv' | 'cwd'> {}

/** The words of a run line given whole (`docker run -d nginx`, `berth container run …`, or just its options). */
export function runLineWords(line: string): string[] {
  const words = splitShellWords(line);
  if (words[0] === 'docker' || words[0] === 'berth') words.shift();
  if (words[0] === 'container' && words[1] === 'run') words.splice(0, 2);
  else if (words[0] === 'run') words.shift();
  return words;
}

/**
 * A `docker run` command line (the words after `run`) as a service: the container part through @berth/run-args'
 * `parseRunArgs`, every docker rule included, then carried to the task (`--name` names the service).
 */
export function serviceSpecFromRunArgs(argv: readonly string[], options: FromRunOptions = {}): ServiceSpec {
  const { apiVersion, readFile, lookupEnv, cwd, ...service } = options;
  const run = parseRunArgs(argv, {
    ...(apiVersion === undefined ? {} : { apiVersion }),
    ...(readFile ? { readFile } : {}),
    ...(lookupEnv ? { lookupEnv } : {}),
    ...(cwd === undefined ? {} : { cwd }),
  });
  if (run.cidfile !== undefined) {
    throw new ServiceSpecError(
      'not-for-services',
      '--cidfile',
      '--cidfile has no place in a service: use docker service ps -q',
    );
  }
  if (run.platform !== undefined) {
    throw new ServiceSpecError(
      'not-for-services',
      '--platform',
      '--platform has no place in a service: use --constraint node.platform.arch==ARCH',
      '--constraint',
    );
  }
  const name = service.name ?? run.name;
  return serviceSpecFromCreateRequest(run.body, name === undefined ? service : { ...service, name });
}

/** `KEY=VALUE` or `KEY` pairs, as `--label` of a service reads them. */
export function labelMap(entries: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const entry of entries) {
    const [key, value] = cut(entry, '=');
    setMapEntry(labels, key, value);
  }
  return labels;
}
