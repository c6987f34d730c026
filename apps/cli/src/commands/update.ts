import { cut } from '@berth/go-syntax';
import { parseRestartPolicy, RestartPolicyError } from '@berth/lifecycle';
import { parseUpdateFlags, ResourceError, type UpdateFlags } from '@berth/resources';
import type { RestartPolicy } from '@berth/types';
import type { CliFlag, CommandModule } from '../command';
import type { CommandContext } from '../context';
import { DRY_RUN_FLAG } from '../dry-run/dry-run-flag';
import { CliError, UsageError } from '../errors';
import { flagLabel } from '../flag-values';
import { forEachObject } from '../objects';

const value = (long: string, type: string, description: string, short?: string): CliFlag => ({
  long,
  kind: 'value',
  type,
  description,
  ...(short === undefined ? {} : { short }),
});

// docker update's flags, in --help's order, each with the UpdateFlags key it fills
const RESOURCE_FLAGS: readonly [CliFlag, keyof UpdateFlags][] = [
  [
    value('blkio-weight', 'uint16', 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)'),
    'blkioWeight',
  ],
  [value('cpu-period', 'int', 'Limit CPU CFS (Completely Fair Scheduler) period'), 'cpuPeriod'],
  [value('cpu-quota', 'int', 'Limit CPU CFS (Completely Fair Scheduler) quota'), 'cpuQuota'],
  [value('cpu-rt-period', 'int', 'Limit the CPU real-time period in microseconds'), 'cpuRtPeriod'],
  [value('cpu-rt-runtime', 'int', 'Limit the CPU real-time runtime in microseconds'), 'cpuRtRuntime'],
  [value('cpu-shares', 'int', 'CPU shares (relative weight)', 'c'), 'cpuShares'],
  [value('cpus', 'decimal', 'Number of CPUs'), 'cpus'],
  [value('cpuset-cpus', 'string', 'CPUs in which to allow execution (0-3, 0,1)'), 'cpusetCpus'],
  [value('cpuset-mems', 'string', 'MEMs in which to allow execution (0-3, 0,1)'), 'cpusetMems'],
  [{ ...value('kernel-memory', 'bytes', 'Kernel memory limit (deprecated)'), hidden: true }, 'kernelMemory'],
  [value('memory', 'bytes', 'Memory limit', 'm'), 'memory'],
  [value('memory-reservation', 'bytes', 'Memory soft limit'), 'memoryReservation'],
  [value('memory-swap', 'bytes', 'Swap limit equal to memory plus swap: -1 to enable unlimited swap'), 'memorySwap'],
  [value('pids-limit', 'int', 'Tune container pids limit (set -1 for unlimited)'), 'pidsLimit'],
];

const RESTART = value('restart', 'string', 'Restart policy to apply when a container exits');

// the policy's format is the CLI's to check; its name and count are the daemon's, which refuses in its own words
const DAEMON_POLICY_RULES = new Set(['unknown-policy', 'negative-retry-count', 'retry-count-not-allowed']);

function restartPolicy(input: string): RestartPolicy {
  try {
    return parseRestartPolicy(input);
  } catch (error) {
    if (!(error instanceof RestartPolicyError && DAEMON_POLICY_RULES.has(error.code))) throw error;
    const [name, count] = cut(input, ':');
    return { Name: name as RestartPolicy['Name'], MaximumRetryCount: count === '' ? 0 : Number(count) };
  }
}

/** The update request the command line asks for, refused as pflag refuses a value it cannot read. */
function updateBody(context: CommandContext): Record<string, unknown> {
  const flags: UpdateFlags = {};
  for (const [flag, key] of RESOURCE_FLAGS) {
    const given = context.string(flag);
    if (given !== undefined) flags[key] = given;
  }
  try {
    const restart = context.string(RESTART);
    return {
      ...parseUpdateFlags(flags),
      ...(restart ? { RestartPolicy: restartPolicy(restart) } : {}),
    };
  } catch (error) {
    if (!(error instanceof ResourceError)) throw error;
    const flag = RESOURCE_FLAGS.find(([candidate]) => `--${candidate.long}` === error.flag)?.[0];
    const label = flag ? flagLabel(flag) : error.flag;
    throw new UsageError(
      error.code,
      error.input,
      `invalid argument "${error.input}" for "${label}" flag: ${error.rule}`,
      125,
    );
  }
}

/** `berth update`: new limits and restart policy for running or stopped containers, each at once. */
export const command: CommandModule = {
  usage: '[OPTIONS] CONTAINER [CONTAINER...]',
  flags: [...RESOURCE_FLAGS.map(([flag]) => flag), RESTART, DRY_RUN_FLAG],
  args: { kind: 'min', count: 1 },
  async run(context) {
    const given = [...context.parsed.values.keys()].filter((name) => name !== DRY_RUN_FLAG.long);
    if (given.length === 0) {
      throw new CliError('no-update-flags', '', 'you must provide one or more flags when using this command');
    }
    const body = updateBody(context);
    const engine = context.engine();
    const warnings: string[] = [];
    try {
      await forEachObject(
        context.args,
        (name) =>
          engine.request<{ Warnings?: string[] | null }>({
            method: 'POST',
            path: `/containers/${encodeURIComponent(name)}/update`,
            body,
            subject: name,
          }),
        (name, answer) => {
          context.io.stdout.write(`${name}\n`);
          warnings.push(...(answer?.Warnings ?? []));
        },
      );
    } finally {
      if (warnings.length > 0) context.io.stdout.write(`${warnings.join('\n')}\n`);
    }
    return 0;
  },
};
