import { isAbsolute } from 'node:path';
import type { Engine } from '@berth/engine';
import type { CliFlag, CommandModule } from '../command';
import type { CommandContext } from '../context';
import { type CopyInfo, type CopyPlan, joinLinkTarget, planCopy, rebaseName, resolveLocalPath } from '../cp/copy-paths';
import { countBytes, withProgress } from '../cp/copy-progress';
import { extractArchive, packLocalSource } from '../cp/local-archive';
import { localDestination, localSource, validateOutputPath } from '../cp/local-side';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { engineTransport } from '../engine-transport';
import { CliError } from '../errors';

const ARCHIVE: CliFlag = {
  long: 'archive',
  short: 'a',
  kind: 'bool',
  description: 'Archive mode (copy all uid/gid information)',
};
const FOLLOW_LINK: CliFlag = {
  long: 'follow-link',
  short: 'L',
  kind: 'bool',
  description: 'Always follow symbol link in SRC_PATH',
};
const QUIET: CliFlag = {
  long: 'quiet',
  short: 'q',
  kind: 'bool',
  description:
    'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
};

// Go's os.FileMode bits, as the engine's path stat carries them
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

interface PathStat {
  name: string;
  mode: number;
  linkTarget: string;
}

/** `CONTAINER:PATH` or a local path (absolute, or with no `:`, or starting with `.`), as docker splits it. */
function splitCopyArg(arg: string): { container?: string; path: string } {
  if (isAbsolute(arg)) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** The engine's `X-Docker-Container-Path-Stat` header: base64 JSON of the path's stat. */
function pathStatHeader(header: string | string[] | undefined): PathStat | undefined {
  if (typeof header !== 'string') return undefined;
  return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as PathStat;
}

/** `HEAD /containers/{id}/archive`: the path's stat from the engine's header, undefined when it cannot say. */
async function statPath(engine: Engine, container: string, path: string): Promise<PathStat | undefined> {
  try {
    const { value } = await engineTransport(engine).stream({
      method: 'HEAD',
      path: `/containers/${encodeURIComponent(container)}/archive`,
      query: { path },
      subject: container,
    });
    value.resume();
    return pathStatHeader(value.headers['x-docker-container-path-stat']);
  } catch {
    // docker goes on without the stat: the copy itself says what is wrong
    return undefined;
  }
}

export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tberth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  flags: [ARCHIVE, FOLLOW_LINK, QUIET, DRY_RUN_FLAG],
  args: { kind: 'exact', count: 2 },
  async run(context) {
    const [source = '', destination = ''] = context.args;
    if (source === '') throw new CliError('empty-source', source, 'source can not be empty');
    if (destination === '') throw new CliError('empty-destination', destination, 'destination can not be empty');
    const from = splitCopyArg(source);
    const to = splitCopyArg(destination);
    if (from.container !== undefined && to.container !== undefined) {
      throw new CliError('copy-across-containers', source, 'copying between containers is not supported');
    }
    if (from.container === undefined && to.container === undefined) {
      throw new CliError('copy-no-container', source, 'must specify at least one container source');
    }
    const engine = context.engine();
    const quiet = context.given(QUIET) ? context.bool(QUIET) : !context.io.stdout.isTTY;
    const copy = { engine, archive: context.bool(ARCHIVE), followLink: context.bool(FOLLOW_LINK), quiet };
    if (from.container !== undefined)
      await copyFromContainer(context, copy, { container: from.container, source: from.path, destination: to.path });
    else
      await copyToContainer(context, copy, { container: to.container ?? '', source: from.path, destination: to.path });
    return 0;
  },
};

interface CopyOptions {
  engine: Engine;
  archive: boolean;
  followLink: boolean;
  quiet: boolean;
}

/** The container, and the two paths as given (the container's without its `CONTAINER:`). */
interface CopyPaths {
  container: string;
  source: string;
  destination: string;
}

function archivePath(container: string): string {
  return `/containers/${encodeURIComponent(container)}/archive`;
}

async function copyFromContainer(context: CommandContext, copy: CopyOptions, paths: CopyPaths): Promise<void> {
  const { container, source: sourcePath, destination: destinationPath } = paths;
  const destination = destinationPath === '-' ? '-' : resolveLocalPath(destinationPath, process.cwd());
  if (destination !== '-') validateOutputPath(destination);
  let source: CopyInfo = { path: sourcePath, exists: true, isDir: false };
  if (copy.followLink) {
    const stat = await statPath(copy.engine, container, sourcePath);
    if (stat && (stat.mode & MODE_SYMLINK) !== 0) {
      source = { ...source, ...rebaseName(sourcePath, joinLinkTarget(sourcePath, stat.linkTarget)) };
    }
  }
  const { value } = await engineTransport(copy.engine).stream({
    method: 'GET',
    path: archivePath(container),
    query: { path: source.path },
    subject: container,
  });
  if (destination === '-') {
    for await (const chunk of value) context.io.stdout.write(chunk);
    return;
  }
  const stat = pathStatHeader(value.headers['x-docker-container-path-stat']);
  source = { ...source, isDir: stat !== undefined && (stat.mode & MODE_DIR) !== 0 };
  let plan: CopyPlan;
  try {
    plan = planCopy(source, localDestination(destination));
  } catch (error) {
    // the archive is not read: let go of the engine's connection, or the process would wait on it
    value.destroy();
    throw error;
  }
  // a dry run reads the engine but writes no local file
  if (context.dryRun) {
    value.destroy();
    return;
  }
  const counted = countBytes(value);
  await withProgress(context, copy.quiet, destination, counted, () => extractArchive(counted.stream, source, plan));
}

async function copyToContainer(context: CommandContext, copy: CopyOptions, paths: CopyPaths): Promise<void> {
  const { container, source: sourcePath, destination: destinationPath } = paths;
  const transport = engineTransport(copy.engine);
  let path = destinationPath;
  let stat = await statPath(copy.engine, container, path);
  if (stat && (stat.mode & MODE_SYMLINK) !== 0) {
    path = joinLinkTarget(path, stat.linkTarget);
    stat = await statPath(copy.engine, container, path);
  }
  const destination: CopyInfo = {
    path,
    exists: stat !== undefined,
    isDir: stat !== undefined && (stat.mode & MODE_DIR) !== 0,
  };
  const put = {
    method: 'PUT' as const,
    path: archivePath(container),
    contentType: 'application/x-tar',
    subject: container,
  };
  const query = { noOverwriteDirNonDir: true, copyUIDGID: copy.archive || undefined };
  if (sourcePath === '-') {
    if (!destination.isDir) {
      throw new CliError(
        'destination-not-directory',
        destinationPath,
        `destination "${container}:${destinationPath}" must be a directory`,
      );
    }
    if (!context.io.stdin) throw new CliError('no-input', '-', 'no archive on stdin');
    await transport.send({ ...put, query: { ...query, path }, input: context.io.stdin });
    return;
  }
  const source = localSource(resolveLocalPath(sourcePath, process.cwd()), copy.followLink);
  const plan = planCopy(source, destination);
  const counted = countBytes(packLocalSource(source, plan));
  await withProgress(context, copy.quiet, `${container}:${destination.path}`, counted, () =>
    transport.send({ ...put, query: { ...query, path: plan.dir }, input: counted.stream }),
  );
}
