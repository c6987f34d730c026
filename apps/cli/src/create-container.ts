import { readFileSync } from 'node:fs';
import { type Engine, NotFoundError } from '@berth/engine';
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
import { BerthError } from '@berth/types';
import { CidFile } from './cidfile';
import { describeFailure, exitCodeFor } from './exit-codes';
import type { CommandIo } from './io';

/** berth's own flag: print the create request the command line would send, and send nothing. */
const DRY_RUN: FlagDefinition = { long: 'dry-run', kind: 'bool' };

/** What follows `berth run` in its usage line. */
export const RUN_USAGE = '[OPTIONS] IMAGE [COMMAND] [ARG...]';

/** The two commands that read docker's run grammar. */
export type RunOrCreate = 'run' | 'create';

/** docker's grammar for each command, and berth's own flags. */
const GRAMMAR: Record<RunOrCreate, FlagSet> = {
  run: RUN_FLAGS.with([DRY_RUN]),
  create: CREATE_FLAGS.with([DRY_RUN]),
};

/** The whole command line read against a file cache: env files, label files and seccomp profiles are read once. */
function parseOptions(command: RunOrCreate): ParseRunArgsOptions {
  // bytes, not text: @berth/run-args refuses a file that is not UTF-8 (a UTF-16 env file) as docker does
  const files = new Map<string, Buffer>();
  const readFile = (path: string) =>
    files.get(path) ?? files.set(path, readFileSync(path)).get(path) ?? Buffer.alloc(0);
  return { command, readFile, flags: GRAMMAR[command] };
}

/** `berth run --help`: docker's usage line and the options @berth/run-args reads. */
function usage(command: RunOrCreate, description: string): string {
  const lines = GRAMMAR[command]
    .visible()
    .map(
      (flag) => `  ${flag.short ? `-${flag.short}, ` : '    '}--${flag.long}${flag.kind === 'value' ? ' value' : ''}`,
    );
  return `\nUsage:  berth ${command} ${RUN_USAGE}\n\n${description}\n\nOptions:\n${lines.join('\n')}\n`;
}

/**
 * What berth answers without the engine, undefined when the command goes on: `--help` anywhere among the options
 * prints the usage (as with docker), `--dry-run` the create request as JSON.
 */
export function answerWithoutEngine(
  argv: readonly string[],
  command: RunOrCreate,
  description: string,
  io: CommandIo,
): number | undefined {
  const parsed = GRAMMAR[command].parse(argv);
  if (parsed.values.has('help')) {
    io.stdout.write(usage(command, description));
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
export async function understand(argv: readonly string[], command: RunOrCreate, engine: Engine): Promise<RunArgs> {
  const options = parseOptions(command);
  parseRunArgs(argv, options);
  return parseRunArgs(argv, { ...options, apiVersion: await engine.apiVersion() });
}

export async function create(engine: Engine, run: RunArgs, io: CommandIo): Promise<string> {
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

const GRAMMAR_CODES = new Set([
  'unknown-flag',
  'unknown-shorthand',
  'flag-needs-argument',
  'bad-flag-syntax',
  'invalid-boolean',
]);

/**
 * Whether docker's flag parser itself refuses the line (a word its grammar does not know, a value its flag type
 * refuses: `invalid argument "x" for "-m, --memory" flag`): docker then prints the usage line, not its name.
 */
function refusedByFlagParser(error: unknown): boolean {
  if (!(error instanceof BerthError)) return false;
  return GRAMMAR_CODES.has(error.code) || error.message.startsWith('invalid argument "');
}

/** How `docker run` and `docker create` report a failure before the container ran, and the exit code. */
export function refusedRun(error: unknown, command: RunOrCreate, io: CommandIo): number {
  const help = `berth ${command} --help' for more information`;
  if (refusedByFlagParser(error)) {
    io.stderr.write(`${describeFailure(error)}\n\nUsage:  berth ${command} ${RUN_USAGE}\n\nRun '${help}\n`);
  } else {
    io.stderr.write(`berth: ${describeFailure(error)}\n\nRun '${help}\n`);
  }
  return exitCodeFor(error);
}
