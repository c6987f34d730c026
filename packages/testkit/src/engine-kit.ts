import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ContainerCreateRequest, ContainerInspect } from '@berth/types';
import Docker from 'dockerode';
import { afterAll, describe } from 'vitest';
import { ANONYMOUS_VOLUME } from './comparable-inspect';
import { type CliOptions, type CliResult, dockerCli } from './docker-cli';
import { newScope, SCOPE_LABEL, scopeLabels, uniqueName } from './labels';
import { recordRequests } from './request-recorder';

/** Set by CI: an engine test that cannot reach the engine fails instead of being skipped. */
export function engineRequired(): boolean {
  return process.env.BERTH_REQUIRE_ENGINE === '1';
}

export class EngineUnavailableError extends Error {
  override readonly name = 'EngineUnavailableError';
}

/** The docker CLI refused a command that a test expected to succeed. */
export class DockerCliRefusedError extends Error {
  override readonly name = 'DockerCliRefusedError';
  constructor(
    readonly args: readonly string[],
    readonly result: CliResult,
  ) {
    super(`docker ${args.join(' ')} failed (${result.exitCode}): ${result.stderr.trim()}`);
  }
}

export class LogWaitTimeoutError extends Error {
  override readonly name = 'LogWaitTimeoutError';
}

export class CleanupError extends AggregateError {
  override readonly name = 'CleanupError';
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface EngineKit {
  /** False only when no engine answers and BERTH_REQUIRE_ENGINE is not 1. */
  readonly available: boolean;
  readonly docker: Docker;
  /** `berth.test=1` plus this file's scope label: put them on everything the test makes. */
  readonly labels: Record<string, string>;
  /** `describe`, skipped only when the engine is unavailable and not required. */
  readonly describe: typeof describe;
  name(prefix: string): string;
  /** The docker CLI, as is. */
  cli(args: readonly string[], options?: CliOptions): Promise<CliResult>;
  /** The docker CLI with this file's labels inserted after the subcommand (`run`, `create`, `volume create`…). */
  labelledCli(subcommand: readonly string[], args: readonly string[], options?: CliOptions): Promise<CliResult>;
  /** `docker create <args>` with the labels, then inspect; throws with docker's stderr when docker refuses. */
  createViaCli(args: readonly string[]): Promise<ContainerInspect>;
  /** `createViaCli` through a request recorder: the container's inspect and the create request the CLI sent. */
  createViaCliRecorded(
    args: readonly string[],
  ): Promise<{ inspect: ContainerInspect; request: ContainerCreateRequest }>;
  /** `POST /containers/create` with the labels merged in, then inspect. */
  createViaApi(body: ContainerCreateRequest, name?: string): Promise<ContainerInspect>;
  inspect(container: string): Promise<ContainerInspect>;
  /** Runs a command in a running container, collecting its output and exit code. */
  exec(container: string, cmd: readonly string[], options?: { user?: string }): Promise<ExecResult>;
  /** Resolves once the container's combined log contains `text`; rejects after `timeoutMs`. */
  waitForLog(container: string, text: string, timeoutMs?: number): Promise<string>;
  logs(container: string): Promise<string>;
  /** Removes every container, network and volume of this file's scope. Runs after all tests by itself. */
  cleanup(): Promise<void>;
}

async function ping(docker: Docker): Promise<unknown> {
  try {
    await docker.ping();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Waits for every removal; one already gone (404) or already being removed (409) is not a failure. */
async function removeAll(removals: Promise<unknown>[]): Promise<unknown[]> {
  const settled = await Promise.allSettled(removals);
  return settled.flatMap((outcome) => {
    if (outcome.status === 'fulfilled') return [];
    const status = (outcome.reason as { statusCode?: number }).statusCode;
    return status === 404 || status === 409 ? [] : [outcome.reason];
  });
}

/** stdout and stderr of a multiplexed stream, apart: through dockerode's demultiplexer, the kit's engine client. */
async function demultiplexed(
  docker: Docker,
  stream: NodeJS.ReadableStream,
): Promise<{ stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = async (part: PassThrough) => {
    const chunks: Buffer[] = [];
    for await (const chunk of part) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const read = Promise.all([text(stdout), text(stderr)]);
  docker.modem.demuxStream(stream, stdout, stderr);
  await finished(stream);
  stdout.end();
  stderr.end();
  const [out, err] = await read;
  return { stdout: out, stderr: err };
}

/**
 * Connects to the engine for one test file. Call it at the top level of the file (`const kit = await useEngine()`);
 * it registers the cleanup of everything labelled with the file's scope after all tests, even failed ones.
 */
export async function useEngine(): Promise<EngineKit> {
  const docker = new Docker();
  const failure = await ping(docker);
  if (failure !== undefined && engineRequired()) {
    throw new EngineUnavailableError(
      `BERTH_REQUIRE_ENGINE=1 but no Docker Engine answers (${String(failure)}); run scripts/engine.sh`,
      { cause: failure },
    );
  }
  const available = failure === undefined;
  const scope = newScope();
  // The windows of this file's refused creates: such a create can leave the anonymous volume it made first, with no
  // label to find it by (a duplicate mount point), and only those windows are searched for it at cleanup.
  const refusedCreates: { from: number; to: number }[] = [];
  const creating = async <T>(run: () => Promise<T>, refused: (result: T) => boolean = () => false): Promise<T> => {
    const from = Date.now();
    try {
      const result = await run();
      if (refused(result)) refusedCreates.push({ from, to: Date.now() });
      return result;
    } catch (error) {
      refusedCreates.push({ from, to: Date.now() });
      throw error;
    }
  };
  const cliRefused = (result: CliResult) => result.exitCode !== 0;
  // CreatedAt counts whole seconds
  const madeByARefusedCreate = (createdAt: number) =>
    refusedCreates.some(({ from, to }) => createdAt >= Math.floor(from / 1000) * 1000 && createdAt <= to + 1000);
  const labels = scopeLabels(scope);
  const labelArgs = Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  const scopeFilter = { label: [`${SCOPE_LABEL}=${scope}`] };

  const inspect = async (container: string) =>
    (await docker.getContainer(container).inspect()) as unknown as ContainerInspect;

  const logs = async (container: string) => {
    const raw = (await docker.getContainer(container).logs({ stdout: true, stderr: true })) as Buffer;
    const info = await inspect(container);
    if (info.Config.Tty) return raw.toString('utf8');
    const { stdout, stderr } = await demultiplexed(docker, Readable.from([raw]));
    return stdout + stderr;
  };

  const kit: EngineKit = {
    available,
    docker,
    labels,
    describe: describe.skipIf(!available) as typeof describe,
    name: uniqueName,
    cli: dockerCli,
    labelledCli: (subcommand, args, options) => {
      const run = () => dockerCli([...subcommand, ...labelArgs, ...args], options);
      return subcommand[0] === 'create' || subcommand[0] === 'run' ? creating(run, cliRefused) : run();
    },
    async createViaCli(args) {
      const full = ['create', ...labelArgs, ...args];
      const result = await creating(() => dockerCli(full), cliRefused);
      if (result.exitCode !== 0) throw new DockerCliRefusedError(full, result);
      return inspect(result.stdout.trim());
    },
    async createViaCliRecorded(args) {
      const full = ['create', ...labelArgs, ...args];
      const recorder = await recordRequests(docker);
      const result = await creating(() => dockerCli(full, { env: { DOCKER_HOST: recorder.host } }), cliRefused).finally(
        () => recorder.close(),
      );
      if (result.exitCode !== 0) throw new DockerCliRefusedError(full, result);
      return {
        inspect: recorder.asIfDirect(await inspect(result.stdout.trim())),
        request: recorder.jsonBody('POST', '/containers/create') as ContainerCreateRequest,
      };
    },
    async createViaApi(body, name) {
      const created = await creating(() =>
        docker.createContainer({
          ...body,
          Labels: { ...body.Labels, ...labels },
          ...(name ? { name } : {}),
        } as Docker.ContainerCreateOptions),
      );
      return inspect(created.id);
    },
    inspect,
    async exec(container, cmd, options = {}) {
      const exec = await docker.getContainer(container).exec({
        Cmd: [...cmd],
        AttachStdout: true,
        AttachStderr: true,
        ...(options.user ? { User: options.user } : {}),
      });
      const stream = await exec.start({ hijack: true, stdin: false });
      const output = await demultiplexed(docker, stream);
      const { ExitCode } = await exec.inspect();
      return { exitCode: ExitCode ?? -1, ...output };
    },
    logs,
    async waitForLog(container, text, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const output = await logs(container);
        if (output.includes(text)) return output;
        if (Date.now() > deadline) {
          throw new LogWaitTimeoutError(
            `timed out after ${timeoutMs} ms waiting for "${text}" in the log of ${container}:\n${output}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async cleanup() {
      if (!available) return;
      const containers = await docker.listContainers({ all: true, filters: scopeFilter });
      const failures = await removeAll(
        containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true })),
      );
      const networks = await docker.listNetworks({ filters: scopeFilter });
      failures.push(...(await removeAll(networks.map((n) => docker.getNetwork(n.Id).remove()))));
      const { Volumes } = await docker.listVolumes({ filters: scopeFilter });
      failures.push(...(await removeAll((Volumes ?? []).map((v) => docker.getVolume(v.Name).remove()))));
      // unused, unlabelled anonymous volumes made while one of this file's creates was being refused
      const dangling = await docker.listVolumes({ filters: { dangling: ['true'] } });
      const leaked = (dangling.Volumes ?? []).filter(
        (v) =>
          ANONYMOUS_VOLUME.test(v.Name) &&
          Object.keys(v.Labels ?? {}).length === 0 &&
          madeByARefusedCreate(Date.parse((v as { CreatedAt?: string }).CreatedAt ?? '')),
      );
      failures.push(...(await removeAll(leaked.map((v) => docker.getVolume(v.Name).remove()))));
      if (failures.length > 0) throw new CleanupError(failures, `cleanup of test scope ${scope} failed`);
    },
  };
  afterAll(() => kit.cleanup());
  return kit;
}
