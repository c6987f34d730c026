import { writeFileSync } from 'node:fs';
import { Engine, NotFoundError } from '@berth/engine';
import { parseRunArgs, type RunArgs } from '@berth/spec';
import { exitCodeFor } from './exit-codes';
import type { CommandIo } from './io';

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

async function create(engine: Engine, run: RunArgs, io: CommandIo): Promise<string> {
  await ensureImage(engine, run, io);
  const { Id } = await engine.createContainer(run.body, {
    ...(run.name ? { name: run.name } : {}),
    ...(run.platform ? { platform: run.platform } : {}),
  });
  // ch.2.3.1: the file must not exist yet ('wx'), so that two containers never share one cidfile
  if (run.cidfile) writeFileSync(run.cidfile, Id, { flag: 'wx' });
  return Id;
}

/** `berth create`: prints the new container's id. */
export async function createCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const engine = new Engine();
  try {
    const run = parseRunArgs(argv, { command: 'create', apiVersion: await engine.apiVersion() });
    io.stdout.write(`${await create(engine, run, io)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`berth: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  }
}

/** `berth run`: create and start; detached, print the id; attached, stream the output and exit with the container. */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const engine = new Engine();
  let id: string;
  let run: RunArgs;
  try {
    run = parseRunArgs(argv, { command: 'run', apiVersion: await engine.apiVersion() });
    id = await create(engine, run, io);
    if (run.detach) {
      await engine.startContainer(id);
      io.stdout.write(`${id}\n`);
      return 0;
    }
  } catch (error) {
    io.stderr.write(`berth: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  }
  const exited = engine.waitContainer(id, { condition: 'next-exit' });
  const session = await engine.attachContainer(id, { tty: run.tty });
  try {
    await engine.startContainer(id);
  } catch (error) {
    session.close();
    io.stderr.write(`berth: ${(error as Error).message}\n`);
    return exitCodeFor(error);
  }
  for await (const chunk of session.output) {
    (chunk.stream === 'stderr' ? io.stderr : io.stdout).write(chunk.data);
  }
  return (await exited).StatusCode;
}
