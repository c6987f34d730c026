import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { packBuildContext, StreamError } from '@berth/engine';
import { parseGoBool } from '@berth/go-syntax';
import type { CliFlag, CommandModule } from '../command';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError } from '../errors';
import { fileError } from '../output/file-error';
import { displayProgress } from '../output/progress-display';
import { humanSize } from '../output/sizes';
import { PLATFORM_FLAG } from '../platform-flag';

const list = (long: string, description: string, short?: string): CliFlag => ({
  long,
  kind: 'value',
  type: 'list',
  description,
  ...(short ? { short } : {}),
});
const BUILD_ARG = list('build-arg', 'Set build-time variables');
const FILE: CliFlag = {
  long: 'file',
  short: 'f',
  kind: 'value',
  type: 'string',
  description: 'Name of the Dockerfile (Default is "PATH/Dockerfile")',
};
const FORCE_RM: CliFlag = { long: 'force-rm', kind: 'bool', description: 'Always remove intermediate containers' };
const IIDFILE: CliFlag = {
  long: 'iidfile',
  kind: 'value',
  type: 'string',
  description: 'Write the image ID to the file',
};
const LABEL = list('label', 'Set metadata for an image');
const NETWORK: CliFlag = {
  long: 'network',
  kind: 'value',
  type: 'string',
  description: 'Set the networking mode for the RUN instructions during build',
  default: '"default"',
};
const NO_CACHE: CliFlag = { long: 'no-cache', kind: 'bool', description: 'Do not use cache when building the image' };
const PULL: CliFlag = {
  long: 'pull',
  kind: 'bool',
  description: 'Always attempt to pull a newer version of the image',
};
const QUIET: CliFlag = {
  long: 'quiet',
  short: 'q',
  kind: 'bool',
  description: 'Suppress the build output and print image ID on success',
};
const RM: CliFlag = {
  long: 'rm',
  kind: 'bool',
  description: 'Remove intermediate containers after a successful build',
  default: 'true',
};
const TAG = list('tag', 'Name and optionally a tag in the "name:tag" format', 't');
const TARGET: CliFlag = {
  long: 'target',
  kind: 'value',
  type: 'string',
  description: 'Set the target build stage to build.',
};

// berth has the classic builder only, as docker without buildx: docker's own notice says so on stderr, in its
// other words when DOCKER_BUILDKIT turned BuildKit off
const LEGACY = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.';
const BUILDX_MISSING = `${LEGACY}
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/

`;
const BUILDKIT_DISABLED = `${LEGACY}
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

`;

function legacyNotice(env: Record<string, string | undefined>): string {
  const value = env.DOCKER_BUILDKIT;
  if (value === undefined || value === '') return BUILDX_MISSING;
  return parseGoBool(value) === false ? BUILDKIT_DISABLED : BUILDX_MISSING;
}

/** `KEY=VALUE` pairs; a bare `KEY` takes the environment's value (`--build-arg`) or none (`--label`: empty). */
function pairs(values: readonly string[], env: Record<string, string | undefined> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at >= 0) result[value.slice(0, at)] = value.slice(at + 1);
    else if (env === undefined) result[value] = '';
    else if (env[value] !== undefined) result[value] = env[value] ?? '';
  }
  return result;
}

/** The size of the context as it will be sent (docker's `Sending build context to Docker daemon` line). */
async function contextSize(dir: string, dockerfile: string | undefined): Promise<number> {
  const { tar } = await packBuildContext(dir, dockerfile ? { dockerfile } : {});
  let size = 0;
  for await (const chunk of tar) size += (chunk as Buffer).length;
  return size;
}

/**
 * `berth build` with the engine's classic builder: the directory (less `.dockerignore`) as the context, the build's
 * own output streamed as docker prints it, the image's id with `-q` and in `--iidfile`.
 */
export const command: CommandModule = {
  usage: '[OPTIONS] PATH | URL | -',
  flags: [
    BUILD_ARG,
    FILE,
    FORCE_RM,
    IIDFILE,
    LABEL,
    NETWORK,
    NO_CACHE,
    PLATFORM_FLAG,
    PULL,
    QUIET,
    RM,
    TAG,
    TARGET,
    DRY_RUN_FLAG,
  ],
  args: { kind: 'exact', count: 1 },
  async run(context) {
    const { io } = context;
    const dir = context.args[0] ?? '';
    if (dir === '-' || /^[a-z]+:\/\//.test(dir) || dir.startsWith('git@')) {
      throw new CliError(
        'build-context-unsupported',
        dir,
        `berth build: only a local directory can be the context (${dir})`,
      );
    }
    const quiet = context.bool(QUIET);
    const file = context.string(FILE);
    // -f names a file from where the command runs, not from the context
    const dockerfile = file === undefined || file === '' ? undefined : resolve(file);
    io.stderr.write(legacyNotice(context.env));
    if (!quiet) {
      // docker's raw progress line, ended as its last update ends it
      const size = humanSize(await contextSize(dir, dockerfile), 4).padStart(8);
      io.stdout.write(`Sending build context to Docker daemon ${size}\r\r\n`);
    }
    const network = context.string(NETWORK);
    const platform = context.string(PLATFORM_FLAG);
    const target = context.string(TARGET);
    let imageId = '';
    // with -q the engine's only output is the image's id, which docker prints as it came
    let quietOutput = '';
    const events = context.engine().buildImage(dir, {
      tags: context.list(TAG),
      buildArgs: pairs(context.list(BUILD_ARG), context.env),
      labels: pairs(context.list(LABEL), undefined),
      noCache: context.bool(NO_CACHE),
      pull: context.bool(PULL),
      rm: !context.given(RM) || context.bool(RM),
      forceRm: context.bool(FORCE_RM),
      quiet,
      ...(dockerfile ? { dockerfile } : {}),
      ...(network ? { networkMode: network } : {}),
      ...(platform ? { platform } : {}),
      ...(target ? { target } : {}),
    });
    async function* watched() {
      for await (const event of events) {
        if (event.type === 'result' && typeof event.aux.ID === 'string') imageId = event.aux.ID;
        if (event.type === 'output') quietOutput += event.text;
        yield event;
      }
    }
    try {
      await displayProgress(watched(), quiet ? undefined : io.stdout);
    } catch (error) {
      // a failing RUN step ends the build with the step's own exit code, as docker's does
      if (!(error instanceof CliError) || !(error.cause instanceof StreamError)) throw error;
      const code = error.cause.detailCode;
      if (code === undefined || code === 0) throw error;
      io.stderr.write(`${error.message}\n`);
      return code;
    }
    if (quiet) io.stdout.write(quietOutput);
    if (imageId === '') imageId = quietOutput.trim();
    const iidfile = context.string(IIDFILE);
    if (iidfile) {
      await writeFile(iidfile, imageId).catch((error) => {
        throw fileError(error, 'open', iidfile, 'Failed to write image ID to file: ');
      });
    }
    return 0;
  },
};
