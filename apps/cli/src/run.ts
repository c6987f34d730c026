import { readFileSync } from 'node:fs';
import { Engine, NotFoundError } from '@berth/engine';
import {
  CREATE_FLAGS,
  type FlagDefinition,
  type FlagSet,
  formatCreateRequest,
  lastBool,
  type ParseRunArgsOptions,
  parseRunArgs,
  RUN_FLAGS,
  type RunArgs,
} from '@berth/run-args';
import { CidFile } from './cidfile';
import { refused } from './exit-codes';
import type { CommandIo } from './io';
import { usage } from './usage';

/** berth's own flag: print the create request the command line would send, and send nothing. */
const DRY_RUN: FlagDefinition = { long: 'dry-run', kind: 'bool' };

/** docker's grammar for each command, and berth's own flags. */
const GRAMMAR: Record<'run' | 'create', FlagSet> = {
  run: RUN_FLAGS.with([DRY_RUN]),
  create: CREATE_FLAGS.with([DRY_RUN]),
};

/** The whole command line read against a file cache: env files, label files and seccomp profiles are read once. */
function parseOptions(command: 'run' | 'create'): ParseRunArgsOptions {
  const files = new Map<string, string>();
  const readFile = (path: string) => files.get(path) ?? files.set(path, readFileSync(path, 'utf8')).get(path) ?? '';
  return { command, readFile, flags: GRAMMAR[command] };
}

/**
 * What berth answers without the engine, undefined when the command goes on: `--help` anywhere among the options
 * prints the usage (as with docker), `--dry-run` the create request as JSON.
 */
function answerWithoutEngine(argv: readonly string[], command: 'run' | 'create', io: CommandIo): number | undefined {
  const flags = GRAMMAR[command];
  const parsed = flags.parse(argv);
  if (parsed.values.has('help')) {
    io.stdout.write(usage(command, flags));
    return 0;
  }
  if (!lastBool(parsed, DRY_RUN)) return undefined;
  io.stdout.write(`${formatCreateRequest(argv, parseOptions(command))}\n`);
  return 0;
}

async function ensureImage(engine: Engine, run: RunArgs, io: CommandIo): Promise<void> {
  if (run.pull === 'never') return;
  if (run.pull === 'missing') {
    try {
      await engine.inspectImage(run.image);
      return;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      io.stderr.write(`Unable to find image '${run.image}' locally\n`);
    }
  }
  for await (const event of engine.pullImage(run.image, run.platform ? { platform: run.platform } : {})) {
    if (run.quiet) continue;
    if (event.type === 'layer') io.stderr.write(`${event.id}: ${event.status}\n`);
    if (event.type === 'status') io.stderr.write(`${event.status}\n`);
  }
}

/**
 * The command line read twice, as the docker CLI reads it: its syntax first, before any call to the engine, then
 * against the engine's API version (which decides the capabilities and fields it knows).
 */
async function understand(argv: readonly string[], command: 'run' | 'create', engine: Engine): Promise<RunArgs> {
  const options = parseOptions(command);
  parseRunArgs(argv, options);
  return parseRunArgs(argv, { ...options, apiVersion: await engine.apiVersion() });
}

async function create(engine: Engine, run: RunArgs, io: CommandIo): Promise<string> {
  const cidfile = run.cidfile === undefined ? undefined : CidFile.create(run.cidfile);
  try {
    await ensureImage(engine, run, io);
    const { Id } = await engine.createContainer(run.body, {
      ...(run.name ? { name: run.name } : {}),
      ...(run.platform ? { platform: run.platform } : {}),
    });
    cidfile?.write(Id);
    return Id;
  } catch (error) {
    cidfile?.discard();
    throw error;
  }
}

/** `berth create`: prints the new container's id. */
export async function createCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const answered = answerWithoutEngine(argv, 'create', io);
    if (answered !== undefined) return answered;
    const engine = new Engine();
    const run = await understand(argv, 'create', engine);
    io.stdout.write(`${await create(engine, run, io)}\n`);
    return 0;
  } catch (error) {
    return refused(error, io);
  }
}

/** `berth run`: create and start; detached, print the id; attached, stream the output and exit with the container. */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const answered = answerWithoutEngine(argv, 'run', io);
    if (answered !== undefined) return answered;
    const engine = new Engine();
    const run = await understand(argv, 'run', engine);
    const id = await create(engine, run, io);
    if (run.detach) {
      await engine.startContainer(id);
      io.stdout.write(`${id}\n`);
      return 0;
    }
    const session = await engine.attachContainer(id, { tty: run.tty });
    // the wait starts before the container does, so that a quick exit is not missed; it ends with the command
    const waiting = new AbortController();
    try {
      const exited = engine.waitContainer(id, { condition: 'next-exit', signal: waiting.signal });
      exited.catch(() => undefined); // settled below, or abandoned when the start fails
      await engine.startContainer(id);
      for await (const chunk of session.output) {
        (chunk.stream === 'stderr' ? io.stderr : io.stdout).write(chunk.data);
      }
      return (await exited).StatusCode;
    } finally {
      waiting.abort();
      session.close();
    }
  } catch (error) {
    return refused(error, io);
  }
}
