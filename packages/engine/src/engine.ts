import type { Readable, Writable } from 'node:stream';
import {
  CONTAINER_CREATE_GATED_FIELDS,
  type ContainerCreateRequest,
  type ContainerEventSource,
  type ContainerInspect,
  type ContainerSummary,
  type EventMessage,
  type Filters,
  type NetworkConnectRequest,
  type NetworkCreateRequest,
  type Timestamp,
  timestampParam,
  type Volume,
  type VolumeCreateRequest,
} from '@berth/types';
import { abortable } from './abortable';
import { MAX_API_VERSION, negotiateApiVersion, refuseNewerFields } from './api-version';
import { type BuildContextOptions, packBuildContext } from './build-context';
import type { OutputChunk } from './demultiplex';
import { type Route, routeTo, type SshOptions } from './dialer';
import { type DockerModemSettings, type DockerodeClient, modemEndpoint, modemRoute } from './dockerode-connection';
import {
  type EndpointFiles,
  type EndpointOverrides,
  type EngineEndpoint,
  type Environment,
  resolveEndpoint,
} from './endpoint';
import { nodeEndpointFiles } from './endpoint-files';
import { BadRequestError, ContainerStartError, NotModifiedError, ServerError } from './errors';
import { HttpClient, type RequestSpec } from './http-client';
import { jsonLines } from './json-lines';
import { containerOutput, guarded, stdinOf } from './output';
import { type ProgressEvent, progressEvents } from './progress';
import type {
  ContainerStats,
  CreateResponse,
  ExecInspect,
  ImageDeleteItem,
  ImageInspect,
  ImageSummary,
  NetworkInspect,
  SystemVersion,
  VolumeList,
  WaitResponse,
} from './responses';

export interface EngineOptions extends EndpointOverrides {
  /** The environment to resolve the endpoint from; `process.env` when absent. */
  env?: Environment;
  /** The files to read `config.json` and contexts from; the real ones when absent. */
  files?: EndpointFiles;
  /** An endpoint already resolved; `env`, `files`, `host` and `context` are then ignored. */
  endpoint?: EngineEndpoint;
  /** The newest API version to negotiate; `MAX_API_VERSION` when absent. */
  maxApiVersion?: string;
  /** For `ssh://` endpoints: ssh2 connect options (`privateKey`, `passphrase`…). */
  sshOptions?: SshOptions;
  /**
   * A dockerode client whose connection to use (its modem's socket, TLS, ssh, agent and headers); `env`, `files`,
   * `host`, `context`, `endpoint` and `sshOptions` are then ignored. Negotiation, errors and streams stay berth's.
   */
  dockerode?: DockerodeClient;
}

export interface Cancellable {
  signal?: AbortSignal;
}

export interface LogsOptions extends Cancellable {
  follow?: boolean;
  /** Both default to true. */
  stdout?: boolean;
  stderr?: boolean;
  since?: Timestamp;
  until?: Timestamp;
  timestamps?: boolean;
  tail?: number | 'all';
  /** Whether the container has a TTY; looked up with an inspect when absent. */
  tty?: boolean;
}

export interface ServiceLogsOptions extends Omit<LogsOptions, 'tty' | 'until'> {
  /** The id is a task's, not a service's. */
  task?: boolean;
  /** Each line's task context (node, service and task ids) before it. */
  details?: boolean;
  /** Whether the service's tasks have a TTY (default false: the output is framed). */
  tty?: boolean;
}

export interface AttachOptions extends Cancellable {
  stdin?: boolean;
  /** Both default to true. */
  stdout?: boolean;
  stderr?: boolean;
  /** Replay the log before the live output. */
  logs?: boolean;
  detachKeys?: string;
  tty?: boolean;
}

/** A live connection to a container's (or an exec's) standard streams. */
export interface StreamSession {
  /** Demultiplexed output, or raw when `tty`. */
  output: AsyncIterable<OutputChunk>;
  /** Present when stdin was asked for; ending it sends end-of-file to the process. */
  stdin: Writable | undefined;
  tty: boolean;
  /** Drops the connection. */
  close(): void;
}

export interface ExecOptions extends Cancellable {
  Cmd: string[];
  Env?: string[];
  User?: string;
  WorkingDir?: string;
  Privileged?: boolean;
  Tty?: boolean;
  DetachKeys?: string;
  /** Attach stdin (the session's `stdin`). */
  stdin?: boolean;
}

export interface ExecSession extends StreamSession {
  id: string;
  /** The exit code, once the process has ended (read the output first: it ends when the process does). */
  exitCode(): Promise<number>;
}

export interface EventsOptions extends Cancellable {
  since?: Timestamp;
  until?: Timestamp;
  filters?: Filters;
}

export interface RegistryAuth {
  username?: string;
  password?: string;
  serveraddress?: string;
  identitytoken?: string;
  registrytoken?: string;
}

export interface PullOptions extends Cancellable {
  platform?: string;
  auth?: RegistryAuth;
}

export interface PushOptions extends Cancellable {
  tag?: string;
  auth?: RegistryAuth;
}

export interface BuildOptions extends Cancellable, BuildContextOptions {
  tags?: string[];
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  target?: string;
  noCache?: boolean;
  pull?: boolean;
  /** Remove intermediate containers after a successful build; true by default, as in `docker build`. */
  rm?: boolean;
  forceRm?: boolean;
  platform?: string;
  networkMode?: string;
  quiet?: boolean;
}

// moby: a registry auth header must be present on push; `{}` stands for "no credentials"
function authHeader(auth: RegistryAuth = {}): string {
  // Go's base64.URLEncoding, padding included: the engine reads an unpadded header as no credentials at all
  return Buffer.from(JSON.stringify(auth)).toString('base64').replaceAll('+', '-').replaceAll('/', '_');
}

const path = encodeURIComponent;

// `since` / `until` of events and logs, as the engine's timestamp parameter
function timeRange(options: { since?: Timestamp; until?: Timestamp }): { since?: string; until?: string } {
  return {
    ...(options.since !== undefined ? { since: timestampParam(options.since) } : {}),
    ...(options.until !== undefined ? { until: timestampParam(options.until) } : {}),
  };
}

/**
 * A client of one Docker Engine. It talks HTTP to the engine itself (docker-modem's ssh dialer is loaded only for
 * `ssh://` endpoints), or over a given dockerode client's connection; it negotiates the API version on first use, prefixes every call with it, and throws
 * `EngineError` subclasses carrying the status, method, path and the engine's message.
 */
export class Engine {
  readonly endpoint: EngineEndpoint;
  private readonly http: HttpClient;
  private readonly maxApiVersion: string;
  private negotiated: Promise<string> | undefined;
  private daemonVersion: Promise<SystemVersion> | undefined;
  private route: Promise<Route> | undefined;

  constructor(options: EngineOptions = {}) {
    const modem = options.dockerode?.modem as DockerModemSettings | undefined;
    this.endpoint = modem
      ? modemEndpoint(modem)
      : (options.endpoint ??
        resolveEndpoint(options.env ?? process.env, options.files ?? nodeEndpointFiles, {
          ...(options.host !== undefined ? { host: options.host } : {}),
          ...(options.context !== undefined ? { context: options.context } : {}),
        }));
    this.maxApiVersion = options.maxApiVersion ?? MAX_API_VERSION;
    const sshOptions = options.sshOptions ?? {};
    this.http = new HttpClient(
      this.endpoint,
      () => {
        this.route ??= modem ? modemRoute(modem) : routeTo(this.endpoint, sshOptions);
        return this.route;
      },
      () => this.apiVersion(),
    );
  }

  /**
   * The API version every call uses: `DOCKER_API_VERSION` when set, else negotiated once with `GET /version` as
   * `min(engine's ApiVersion, maxApiVersion)`, never below the engine's `MinAPIVersion`.
   */
  apiVersion(): Promise<string> {
    if (this.endpoint.apiVersion) return Promise.resolve(this.endpoint.apiVersion);
    if (!this.negotiated) {
      const negotiation = this.version().then((version) => negotiateApiVersion(version, this.maxApiVersion));
      // a failed negotiation (engine not up yet) is tried again by the next call
      negotiation.catch(() => {
        if (this.negotiated === negotiation) this.negotiated = undefined;
      });
      this.negotiated = negotiation;
    }
    return this.negotiated;
  }

  /** Any JSON call the methods below do not cover, with the same versioning and typed errors. */
  request<T>(spec: RequestSpec): Promise<T> {
    return this.http.json<T>(spec);
  }

  // --- system

  /**
   * `GET /version`, asked without a version prefix (it is how the version is negotiated) and once per client: the
   * request is shared, so a caller's signal stops its own wait, not the request.
   */
  version(options: Cancellable = {}): Promise<SystemVersion> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    if (!this.daemonVersion) {
      const asked = this.http.json<SystemVersion>({ method: 'GET', path: '/version', versioned: false });
      // a failed call (engine not up yet) is asked again by the next one
      asked.catch(() => {
        if (this.daemonVersion === asked) this.daemonVersion = undefined;
      });
      this.daemonVersion = asked;
    }
    return abortable(this.daemonVersion, options.signal);
  }

  async ping(options: Cancellable = {}): Promise<void> {
    await this.http.send({ method: 'GET', path: '/_ping', signal: options.signal });
  }

  /** `GET /events`: typed event messages as they happen (or between `since` and `until`). */
  async *events(options: EventsOptions = {}): AsyncGenerator<EventMessage> {
    const spec: RequestSpec = {
      method: 'GET',
      path: '/events',
      query: {
        ...timeRange(options),
        filters: options.filters,
      },
      signal: options.signal,
    };
    const { value, path: sent } = await this.http.stream(spec);
    yield* jsonLines<EventMessage>(guarded(value, spec, sent));
  }

  /** The interface `@berth/lifecycle`'s watcher reads container states through. */
  containerEventSource(): ContainerEventSource {
    return {
      events: (options = {}) => this.events({ ...options, filters: { ...options.filters, type: ['container'] } }),
      inspect: (id, options) => this.inspectContainer(id, options),
      list: (options = {}) => this.listContainers({ ...options, all: true }),
    };
  }

  // --- containers

  /** `POST /containers/create`; a field the negotiated API version does not know is refused, not sent. */
  async createContainer(
    body: ContainerCreateRequest,
    options: Cancellable & { name?: string; platform?: string } = {},
  ): Promise<CreateResponse> {
    const version = await this.apiVersion();
    refuseNewerFields(body, CONTAINER_CREATE_GATED_FIELDS, version, 'POST /containers/create');
    return this.http.json({
      method: 'POST',
      path: '/containers/create',
      query: { name: options.name, platform: options.platform },
      body,
      signal: options.signal,
      ...(options.name ? { subject: options.name } : {}),
    });
  }

  inspectContainer(id: string, options: Cancellable & { size?: boolean } = {}): Promise<ContainerInspect> {
    return this.http.json({
      method: 'GET',
      path: `/containers/${path(id)}/json`,
      query: { size: options.size },
      signal: options.signal,
      subject: id,
    });
  }

  listContainers(
    options: Cancellable & { all?: boolean; limit?: number; size?: boolean; filters?: Filters } = {},
  ): Promise<ContainerSummary[]> {
    return this.http.json({
      method: 'GET',
      path: '/containers/json',
      query: { all: options.all, limit: options.limit, size: options.size, filters: options.filters },
      signal: options.signal,
    });
  }

  /**
   * `POST /containers/{id}/start`; resolves `false` when the container was already running (the engine's 304). A
   * refusal by the runtime is a `ContainerStartError` saying why.
   */
  async startContainer(id: string, options: Cancellable & { detachKeys?: string } = {}): Promise<boolean> {
    try {
      return await this.changed(this.containerAction(id, 'start', options, { detachKeys: options.detachKeys }));
    } catch (error) {
      if (error instanceof BadRequestError || error instanceof ServerError) throw new ContainerStartError(error);
      throw error;
    }
  }

  /** Resolves `false` when the container was already stopped (the engine's 304). */
  stopContainer(id: string, options: Cancellable & { timeout?: number } = {}): Promise<boolean> {
    return this.changed(this.containerAction(id, 'stop', options, { t: options.timeout }));
  }

  async restartContainer(id: string, options: Cancellable & { timeout?: number } = {}): Promise<void> {
    await this.http.send(this.containerAction(id, 'restart', options, { t: options.timeout }));
  }

  async killContainer(id: string, options: Cancellable & { killSignal?: string } = {}): Promise<void> {
    await this.http.send(this.containerAction(id, 'kill', options, { signal: options.killSignal }));
  }

  async pauseContainer(id: string, options: Cancellable = {}): Promise<void> {
    await this.http.send(this.containerAction(id, 'pause', options));
  }

  async unpauseContainer(id: string, options: Cancellable = {}): Promise<void> {
    await this.http.send(this.containerAction(id, 'unpause', options));
  }

  async renameContainer(id: string, name: string, options: Cancellable = {}): Promise<void> {
    await this.http.send(this.containerAction(id, 'rename', options, { name }));
  }

  async removeContainer(
    id: string,
    options: Cancellable & { force?: boolean; volumes?: boolean; link?: boolean } = {},
  ): Promise<void> {
    await this.http.send({
      method: 'DELETE',
      path: `/containers/${path(id)}`,
      query: { force: options.force, v: options.volumes, link: options.link },
      signal: options.signal,
      subject: id,
    });
  }

  /** `POST /containers/{id}/wait`: resolves with the exit status once the condition is met. */
  waitContainer(
    id: string,
    options: Cancellable & { condition?: 'not-running' | 'next-exit' | 'removed' } = {},
  ): Promise<WaitResponse> {
    return this.http.json(this.containerAction(id, 'wait', options, { condition: options.condition }));
  }

  /** `GET /containers/{id}/logs`: stdout and stderr pieces, demultiplexed (raw for a TTY container). */
  async *containerLogs(id: string, options: LogsOptions = {}): AsyncGenerator<OutputChunk> {
    const tty = await this.hasTty(id, options);
    yield* this.logs(`/containers/${path(id)}/logs`, id, tty, options);
  }

  /**
   * `GET /services/{id}/logs`, or `/tasks/{id}/logs` with `task`: every task's log as the swarm gathers it; with
   * `details` each line starts with its task's context (`com.docker.swarm.node.id=…,…` and a space).
   */
  async *serviceLogs(id: string, options: ServiceLogsOptions = {}): AsyncGenerator<OutputChunk> {
    const kind = options.task ? 'tasks' : 'services';
    yield* this.logs(`/${kind}/${path(id)}/logs`, id, options.tty ?? false, options, { details: options.details });
  }

  /** `POST /containers/{id}/attach` on a taken-over connection: live output, and stdin when asked for. */
  async attachContainer(id: string, options: AttachOptions = {}): Promise<StreamSession> {
    const tty = await this.hasTty(id, options);
    const spec: RequestSpec = {
      method: 'POST',
      path: `/containers/${path(id)}/attach`,
      query: {
        stream: true,
        stdin: options.stdin,
        stdout: options.stdout ?? true,
        stderr: options.stderr ?? true,
        logs: options.logs,
        detachKeys: options.detachKeys,
      },
      signal: options.signal,
      subject: id,
    };
    const { value: socket, path: sent } = await this.http.upgrade(spec);
    return {
      output: containerOutput(socket, tty, spec, sent),
      stdin: options.stdin ? stdinOf(socket) : undefined,
      tty,
      close: () => socket.destroy(),
    };
  }

  /** Runs a command in a running container (`POST /containers/{id}/exec`, then `POST /exec/{id}/start`). */
  async exec(id: string, options: ExecOptions): Promise<ExecSession> {
    const { signal, stdin, ...config } = options;
    const tty = options.Tty === true;
    const created = await this.http.json<CreateResponse>({
      method: 'POST',
      path: `/containers/${path(id)}/exec`,
      body: { ...config, AttachStdin: stdin === true, AttachStdout: true, AttachStderr: true },
      signal,
      subject: id,
    });
    const spec: RequestSpec = {
      method: 'POST',
      path: `/exec/${created.Id}/start`,
      body: { Detach: false, Tty: tty },
      signal,
      subject: id,
    };
    // without stdin the connection is left open both ways, as the docker CLI does: a relay that cannot half-close
    // would otherwise cut the output short
    const { value: socket, path: sent } = await this.http.upgrade(spec);
    return {
      id: created.Id,
      output: containerOutput(socket, tty, spec, sent),
      stdin: stdin ? stdinOf(socket) : undefined,
      tty,
      close: () => socket.destroy(),
      exitCode: () => this.execExitCode(created.Id, signal),
    };
  }

  inspectExec(id: string, options: Cancellable = {}): Promise<ExecInspect> {
    return this.http.json({ method: 'GET', path: `/exec/${path(id)}/json`, signal: options.signal, subject: id });
  }

  // the process may still be reaped when its output has just ended: look again briefly
  private async execExitCode(id: string, signal: AbortSignal | undefined): Promise<number> {
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      const state = await this.inspectExec(id, signal ? { signal } : {});
      if (!state.Running && state.ExitCode !== null) return state.ExitCode;
      await new Promise((resolve) => setTimeout(resolve, delay));
      signal?.throwIfAborted();
    }
  }

  /** `GET /containers/{id}/stats`: one sample per second while `stream` (the default), else a single one. */
  async *containerStats(
    id: string,
    options: Cancellable & { stream?: boolean; oneShot?: boolean } = {},
  ): AsyncGenerator<ContainerStats> {
    const spec: RequestSpec = {
      method: 'GET',
      path: `/containers/${path(id)}/stats`,
      query: { stream: options.stream ?? true, 'one-shot': options.oneShot },
      signal: options.signal,
      subject: id,
    };
    const { value, path: sent } = await this.http.stream(spec);
    yield* jsonLines<ContainerStats>(guarded(value, spec, sent));
  }

  // --- images

  /** `POST /images/create?fromImage=`: per-layer progress; a failed pull ends it with a `StreamError`. */
  async *pullImage(reference: string, options: PullOptions = {}): AsyncGenerator<ProgressEvent> {
    const spec: RequestSpec = {
      method: 'POST',
      path: '/images/create',
      query: { fromImage: reference, platform: options.platform },
      headers: { 'X-Registry-Auth': authHeader(options.auth) },
      signal: options.signal,
      subject: reference,
    };
    const { value, path: sent } = await this.http.stream(spec);
    yield* progressEvents(guarded(value, spec, sent), reference);
  }

  /** `POST /images/{name}/push`: per-layer progress, then a `result` with the pushed digest. */
  async *pushImage(name: string, options: PushOptions = {}): AsyncGenerator<ProgressEvent> {
    const spec: RequestSpec = {
      method: 'POST',
      path: `/images/${path(name)}/push`,
      query: { tag: options.tag },
      headers: { 'X-Registry-Auth': authHeader(options.auth) },
      signal: options.signal,
      subject: name,
    };
    const { value, path: sent } = await this.http.stream(spec);
    yield* progressEvents(guarded(value, spec, sent), name);
  }

  /**
   * `POST /build` with the directory as context (less what `.dockerignore` excludes): the build's output, and a
   * `result` event whose `aux.ID` is the image built. A failing step ends it with a `StreamError`.
   */
  async *buildImage(contextDir: string, options: BuildOptions = {}): AsyncGenerator<ProgressEvent> {
    const { tar: context, dockerfile } = await packBuildContext(
      contextDir,
      options.dockerfile ? { dockerfile: options.dockerfile } : {},
    );
    const spec: RequestSpec = {
      method: 'POST',
      path: '/build',
      query: {
        dockerfile,
        t: options.tags,
        buildargs: options.buildArgs,
        labels: options.labels,
        target: options.target,
        nocache: options.noCache,
        pull: options.pull,
        rm: options.rm ?? true,
        forcerm: options.forceRm,
        platform: options.platform,
        networkmode: options.networkMode,
        q: options.quiet,
      },
      input: context,
      signal: options.signal,
      subject: contextDir,
    };
    try {
      const { value, path: sent } = await this.http.stream(spec);
      yield* progressEvents(guarded(value, spec, sent), contextDir);
    } finally {
      context.destroy();
    }
  }

  /** `GET /images/get`: the images as one tar archive (what `docker save` writes). */
  async saveImages(names: readonly string[], options: Cancellable = {}): Promise<Readable> {
    const { value } = await this.http.stream({
      method: 'GET',
      path: '/images/get',
      query: { names },
      signal: options.signal,
      subject: names.join(' '),
    });
    return value;
  }

  /** `POST /images/load` from a tar archive (what `docker save` wrote); resolves with the names or ids loaded. */
  async loadImages(archive: NodeJS.ReadableStream, options: Cancellable = {}): Promise<string[]> {
    const spec: RequestSpec = {
      method: 'POST',
      path: '/images/load',
      query: { quiet: true },
      input: archive,
      signal: options.signal,
      subject: 'image archive',
    };
    const { value, path: sent } = await this.http.stream(spec);
    const loaded: string[] = [];
    for await (const event of progressEvents(guarded(value, spec, sent), 'image archive')) {
      const match = event.type === 'output' ? /^Loaded image(?: ID)?: (.+)$/.exec(event.text.trim()) : null;
      if (match?.[1]) loaded.push(match[1]);
    }
    return loaded;
  }

  inspectImage(name: string, options: Cancellable = {}): Promise<ImageInspect> {
    return this.http.json({ method: 'GET', path: `/images/${path(name)}/json`, signal: options.signal, subject: name });
  }

  listImages(options: Cancellable & { all?: boolean; filters?: Filters } = {}): Promise<ImageSummary[]> {
    return this.http.json({
      method: 'GET',
      path: '/images/json',
      query: { all: options.all, filters: options.filters },
      signal: options.signal,
    });
  }

  async tagImage(name: string, repo: string, options: Cancellable & { tag?: string } = {}): Promise<void> {
    await this.http.send({
      method: 'POST',
      path: `/images/${path(name)}/tag`,
      query: { repo, tag: options.tag },
      signal: options.signal,
      subject: name,
    });
  }

  removeImage(
    name: string,
    options: Cancellable & { force?: boolean; noPrune?: boolean } = {},
  ): Promise<ImageDeleteItem[]> {
    return this.http.json({
      method: 'DELETE',
      path: `/images/${path(name)}`,
      query: { force: options.force, noprune: options.noPrune },
      signal: options.signal,
      subject: name,
    });
  }

  // --- networks and volumes

  createNetwork(body: NetworkCreateRequest, options: Cancellable = {}): Promise<CreateResponse> {
    return this.http.json({
      method: 'POST',
      path: '/networks/create',
      body,
      signal: options.signal,
      subject: body.Name,
    });
  }

  inspectNetwork(id: string, options: Cancellable = {}): Promise<NetworkInspect> {
    return this.http.json({ method: 'GET', path: `/networks/${path(id)}`, signal: options.signal, subject: id });
  }

  listNetworks(options: Cancellable & { filters?: Filters } = {}): Promise<NetworkInspect[]> {
    return this.http.json({
      method: 'GET',
      path: '/networks',
      query: { filters: options.filters },
      signal: options.signal,
    });
  }

  async connectNetwork(id: string, body: NetworkConnectRequest, options: Cancellable = {}): Promise<void> {
    await this.http.send({
      method: 'POST',
      path: `/networks/${path(id)}/connect`,
      body,
      signal: options.signal,
      subject: id,
    });
  }

  async disconnectNetwork(
    id: string,
    body: { Container: string; Force?: boolean },
    options: Cancellable = {},
  ): Promise<void> {
    await this.http.send({
      method: 'POST',
      path: `/networks/${path(id)}/disconnect`,
      body,
      signal: options.signal,
      subject: id,
    });
  }

  async removeNetwork(id: string, options: Cancellable = {}): Promise<void> {
    await this.http.send({ method: 'DELETE', path: `/networks/${path(id)}`, signal: options.signal, subject: id });
  }

  createVolume(body: VolumeCreateRequest = {}, options: Cancellable = {}): Promise<Volume> {
    return this.http.json({
      method: 'POST',
      path: '/volumes/create',
      body,
      signal: options.signal,
      ...(body.Name ? { subject: body.Name } : {}),
    });
  }

  inspectVolume(name: string, options: Cancellable = {}): Promise<Volume> {
    return this.http.json({ method: 'GET', path: `/volumes/${path(name)}`, signal: options.signal, subject: name });
  }

  listVolumes(options: Cancellable & { filters?: Filters } = {}): Promise<VolumeList> {
    return this.http.json({
      method: 'GET',
      path: '/volumes',
      query: { filters: options.filters },
      signal: options.signal,
    });
  }

  async removeVolume(name: string, options: Cancellable & { force?: boolean } = {}): Promise<void> {
    await this.http.send({
      method: 'DELETE',
      path: `/volumes/${path(name)}`,
      query: { force: options.force },
      signal: options.signal,
      subject: name,
    });
  }

  // the log request containers and services share; a TTY's output comes without frame headers
  private async *logs(
    logPath: string,
    subject: string,
    tty: boolean,
    options: LogsOptions,
    extra: RequestSpec['query'] = {},
  ): AsyncGenerator<OutputChunk> {
    const spec: RequestSpec = {
      method: 'GET',
      path: logPath,
      query: {
        follow: options.follow,
        stdout: options.stdout ?? true,
        stderr: options.stderr ?? true,
        ...timeRange(options),
        timestamps: options.timestamps,
        tail: options.tail,
        ...extra,
      },
      signal: options.signal,
      subject,
    };
    const { value, path: sent } = await this.http.stream(spec);
    yield* containerOutput(value, tty, spec, sent);
  }

  // a TTY container's output comes without frame headers: the caller says so, else the container's config does
  private async hasTty(id: string, options: Cancellable & { tty?: boolean }): Promise<boolean> {
    return options.tty ?? (await this.inspectContainer(id, options)).Config.Tty === true;
  }

  // `POST /containers/{id}/<action>`: the shape start, stop, restart, kill, pause, unpause, rename and wait share
  private containerAction(
    id: string,
    action: string,
    options: Cancellable,
    query: RequestSpec['query'] = {},
  ): RequestSpec {
    return { method: 'POST', path: `/containers/${path(id)}/${action}`, query, signal: options.signal, subject: id };
  }

  // 304 is the engine saying "already so": an answer, not a failure, for start and stop
  private async changed(spec: RequestSpec): Promise<boolean> {
    try {
      await this.http.send(spec);
      return true;
    } catch (error) {
      if (error instanceof NotModifiedError) return false;
      throw error;
    }
  }
}

/** A client for the engine docker itself would use (see `EngineOptions` to choose another). */
export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}
